import Foundation

/// Work started on another thread now and collected later: start-up steps that do not depend on each
/// other (walking the folders, compiling the rules) then overlap instead of adding up.
final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker before it signals `done`, read only after waiting for it.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// Waits for the work to finish and returns its result; call once.
    func wait() -> Value {
        done.wait()
        return value!
    }
}
