import Foundation
import Synchronization

/// Runs `count` independent jobs on a few worker threads and delivers their results in job order, as
/// soon as each is next in line: output is the same as a sequential run, and at most the results that
/// finished out of turn wait in memory.
struct ParallelBatch {
    let count: Int
    let workers: Int

    /// `makeWorker` builds each worker's private state (its PCRE2 match session); `work` runs job `index`
    /// with it; `deliver` receives results one at a time, in order, never concurrently.
    func run<State, Result: Sendable>(
        makeWorker: @Sendable () -> State,
        work: @Sendable (Int, State) -> Result,
        deliver: (Result) -> Void
    ) {
        guard workers > 1 else {
            let state = makeWorker()
            for index in 0..<count { deliver(work(index, state)) }
            return
        }
        let queue = OrderedResults<Result>(count: count)
        withoutActuallyEscaping(deliver) { deliver in
            let box = UncheckedSendable(deliver)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let state = makeWorker()
                while let index = queue.claim() {
                    let result = work(index, state)
                    queue.finish(index, result, deliver: box.value)
                }
            }
        }
    }
}

/// The shared bookkeeping of a ``ParallelBatch``: the next job to hand out, and results waiting for
/// their turn.
private final class OrderedResults<Result>: @unchecked Sendable {
    /// Jobs are handed out by an atomic counter: a lock taken for every job made workers wait for each
    /// other (and sleep in the kernel) for nothing.
    private let nextJob = Atomic<Int>(0)
    private let lock = NSLock()
    private var nextToDeliver = 0
    private var waiting: [Int: Result] = [:]
    private let count: Int

    init(count: Int) { self.count = count }

    func claim() -> Int? {
        let job = nextJob.wrappingAdd(1, ordering: .relaxed).oldValue
        return job < count ? job : nil
    }

    /// Stores a result and delivers every result that is now next in line. Delivery happens under the
    /// lock, so it is never concurrent.
    func finish(_ index: Int, _ result: Result, deliver: (Result) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        waiting[index] = result
        while let next = waiting.removeValue(forKey: nextToDeliver) {
            deliver(next)
            nextToDeliver += 1
        }
    }
}

/// Carries a value the compiler cannot prove safe across threads; ``OrderedResults`` serialises its use.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
