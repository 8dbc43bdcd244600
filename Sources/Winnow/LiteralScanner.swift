/// Finds every occurrence of many literals in one pass over the bytes: an Aho–Corasick automaton compiled
/// to a DFA over byte classes, matching ASCII-case-folded text. One table lookup per input byte, whatever
/// the number of literals. A class, so that each document's scan takes one reference rather than copying
/// its tables' references.
final class LiteralScanner: Sendable {
    private let tables: Tables
    private let classCount: Int
    /// States are numbered so that every state at or above this one (premultiplied) ends a literal.
    private let firstAcceptingState: Int32
    /// A power of two that every accepting state (premultiplied) reaches and no other does.
    private let acceptingBound: Int32
    /// The literal ids each accepting state ends: for the `k`th accepting state (counting from
    /// `firstAcceptingState`), `acceptedLiterals[acceptedStarts[k]..<acceptedStarts[k + 1]]`.
    private let acceptedLiterals: [Int32]
    private let acceptedStarts: [Int]
    /// The length of the longest literal.
    private let longestLiteral: Int
    /// The state after a line break, where a scan starts: the text is read as if it followed one, so that
    /// a literal for the start of a line (see ``RequiredLiterals/isAtLineStart(_:)``) is found on the first.
    private let lineStartState: Int32

    /// Builds the automaton for `literals` (already folded, see ``RequiredLiterals/fold(_:)``); ids are
    /// array indices.
    init(literals: [[UInt8]]) {
        var classes = [UInt16](repeating: 0, count: 256)
        var classCount = 1
        for literal in literals {
            for byte in literal where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt16(classCount)
                classCount += 1
            }
        }
        // Upper-case ASCII letters share their lower-case class: the scan folds case at no cost.
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(byte)] = classes[Int(byte | 0x20)] }

        // The trie, as one flat table of `classCount` entries per state (-1: no child yet).
        var delta: [Int32] = [Int32](repeating: -1, count: classCount)
        var outputs: [[Int32]] = [[]]
        for (id, literal) in literals.enumerated() {
            var state = 0
            for byte in literal {
                let cell = state * classCount + Int(classes[Int(byte)])
                if delta[cell] < 0 {
                    delta[cell] = Int32(outputs.count)
                    delta.append(contentsOf: repeatElement(-1, count: classCount))
                    outputs.append([])
                }
                state = Int(delta[cell])
            }
            outputs[state].append(Int32(id))
        }
        let stateCount = outputs.count

        // Failure links, breadth first, turning the trie into a complete DFA in place.
        var failure = [Int](repeating: 0, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for byteClass in 0..<classCount {
            if delta[byteClass] < 0 {
                delta[byteClass] = 0
            } else {
                queue.append(Int(delta[byteClass]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fallback = failure[state]
            if !outputs[fallback].isEmpty { outputs[state] += outputs[fallback] }
            for byteClass in 0..<classCount {
                let child = delta[state * classCount + byteClass]
                if child < 0 {
                    delta[state * classCount + byteClass] = delta[fallback * classCount + byteClass]
                } else {
                    failure[Int(child)] = Int(delta[fallback * classCount + byteClass])
                    queue.append(Int(child))
                }
            }
        }

        // Renumber so accepting states come last, from a power of two (premultiplied) on, with unused rows
        // before them as padding: a state then accepts exactly when that bit or a higher one is set, and
        // one OR of four lanes' states tells whether any accepts. The start state never accepts (no
        // literal is empty), so it stays state 0.
        var newNumber = [Int32](repeating: 0, count: stateCount)
        var acceptingStates: [Int] = []
        var next: Int32 = 0
        for state in 0..<stateCount where outputs[state].isEmpty {
            newNumber[state] = next
            next += 1
        }
        var threshold = 1
        while threshold < Int(next) * classCount { threshold <<= 1 }
        let firstAccepting = (threshold + classCount - 1) / classCount
        next = Int32(firstAccepting)
        for state in 0..<stateCount where !outputs[state].isEmpty {
            newNumber[state] = next
            next += 1
            acceptingStates.append(state)
        }
        var table = [Int32](repeating: 0, count: Int(next) * classCount)
        for state in 0..<stateCount {
            let row = Int(newNumber[state]) * classCount
            for byteClass in 0..<classCount {
                table[row + byteClass] = newNumber[Int(delta[state * classCount + byteClass])] * Int32(classCount)
            }
        }
        self.tables = Tables(transitions: table, byteClass: classes)
        self.classCount = classCount
        self.acceptingBound = Int32(threshold)
        self.firstAcceptingState = Int32(firstAccepting * classCount)
        self.acceptedLiterals = acceptingStates.flatMap { outputs[$0] }
        self.acceptedStarts = acceptingStates.reduce(into: [0]) { $0.append($0.last! + outputs[$1].count) }
        self.longestLiteral = literals.map(\.count).max() ?? 1
        self.lineStartState = table[Int(classes[Int(UInt8(ascii: "\n"))])]
    }

    /// Receives occurrences from ``forEachOccurrence(in:into:)``.
    protocol OccurrenceSink {
        /// Literal `literal` ends just before offset `end`. Returns false to stop the scan.
        mutating func occurrence(of literal: Int32, endingAt end: Int) -> Bool
    }

    /// Every occurrence of every literal, as (literal id, end offset) in increasing order of end offset.
    func occurrences(in bytes: UnsafeBufferPointer<UInt8>) -> [(literal: Int32, end: Int)] {
        struct Collected: OccurrenceSink {
            var all: [(literal: Int32, end: Int)] = []
            mutating func occurrence(of literal: Int32, endingAt end: Int) -> Bool {
                all.append((literal, end))
                return true
            }
        }
        var collected = Collected()
        forEachOccurrence(in: bytes, into: &collected)
        return collected.all
    }

    /// Hands `sink` every occurrence of every literal, in increasing order of end offset, until it
    /// returns false. (A sink rather than a closure: a closure capturing the caller's state would have
    /// every access to it checked at run time.)
    func forEachOccurrence<Sink: OccurrenceSink>(in bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        let piece = (count + 3) / 4
        let overlap = longestLiteral - 1
        // Lane k owns the occurrences ending in `k * piece + 1...(k + 1) * piece`, and starts reading early.
        func owned(_ lane: Int) -> Int { min(count, lane * piece) }
        func start(_ lane: Int) -> Int { max(0, owned(lane) - overlap) }
        func end(_ lane: Int) -> Int { min(count, (lane + 1) * piece) }
        let common = max(0, min(min(end(0) - start(0), end(1) - start(1)), min(end(2) - start(2), end(3) - start(3))))

        let table = UnsafePointer(tables.transitions)
        let classes = UnsafePointer(tables.byteClass)
        let threshold = acceptingBound
        /// Hands the sink the literals `state` ends; false once the sink wants no more.
        func report(_ state: Int32, endingAt end: Int) -> Bool {
            let accepting = Int(state - firstAcceptingState) / classCount
            for index in acceptedStarts[accepting]..<acceptedStarts[accepting + 1] {
                guard sink.occurrence(of: acceptedLiterals[index], endingAt: end) else { return false }
            }
            return true
        }
        // The first lane's occurrences go straight to the sink; the others', which come later in the text,
        // wait (as accepting state and end offset) until it is done. (Three arrays rather than an array of
        // them: nothing is allocated for a document without occurrences.)
        var waiting1: [(state: Int32, end: Int)] = []
        var waiting2: [(state: Int32, end: Int)] = []
        var waiting3: [(state: Int32, end: Int)] = []
        var lanes = Lanes(text: base, starts: (start(0), start(1), start(2), start(3)))
        // A lane starting later reads the line break before a line itself; one starting at the text's start
        // (every lane, in a short text) begins after the assumed one.
        func initial(_ lane: Int) -> Int32 { start(lane) == 0 ? lineStartState : 0 }
        lanes.states = (initial(0), initial(1), initial(2), initial(3))
        var step = 0
        while step < common {
            step = lanes.advance(from: step, to: common, table: table, classes: classes, until: threshold)
            let (s0, s1, s2, s3) = lanes.states
            if s0 >= threshold, !report(s0, endingAt: start(0) + step) { return }
            if s1 >= threshold { waiting1.append((s1, start(1) + step)) }
            if s2 >= threshold { waiting2.append((s2, start(2) + step)) }
            if s3 >= threshold { waiting3.append((s3, start(3) + step)) }
        }
        // Each lane finishes the few bytes it has beyond the common length alone.
        func finish(_ lane: Int, from laneState: Int32, into waiting: inout [(state: Int32, end: Int)]) {
            var state = laneState
            for offset in (start(lane) + common)..<max(start(lane) + common, end(lane)) {
                state = table[Int(state) &+ Int(classes[Int(base[offset])])]
                if state >= threshold { waiting.append((state, offset + 1)) }
            }
        }
        let (s0, s1, s2, s3) = lanes.states
        finish(1, from: s1, into: &waiting1)
        finish(2, from: s2, into: &waiting2)
        finish(3, from: s3, into: &waiting3)
        var state = s0
        for offset in common..<max(common, end(0)) {
            state = table[Int(state) &+ Int(classes[Int(base[offset])])]
            if state >= threshold, !report(state, endingAt: offset + 1) { return }
        }
        withExtendedLifetime(tables) {}

        func drain(_ lane: Int, _ waiting: [(state: Int32, end: Int)]) -> Bool {
            for (state, end) in waiting where end > owned(lane) {
                guard report(state, endingAt: end) else { return false }
            }
            return true
        }
        guard drain(1, waiting1), drain(2, waiting2) else { return }
        _ = drain(3, waiting3)
    }
}

extension LiteralScanner {
    /// Four walks through the automaton side by side, over four pieces of one text.
    struct Lanes {
        let p0, p1, p2, p3: UnsafePointer<UInt8>
        var states: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)

        init(text: UnsafePointer<UInt8>, starts: (Int, Int, Int, Int)) {
            (p0, p1, p2, p3) = (text + starts.0, text + starts.1, text + starts.2, text + starts.3)
        }

        /// Steps all four lanes from `step` until `end`, or until a lane reaches an accepting state (at or
        /// above `threshold`, a power of two); returns the step after the last byte read. Kept apart from
        /// the recording of what was found, so that nothing in this loop calls out and every pointer
        /// stays in a register.
        @inline(never)
        mutating func advance(
            from step: Int, to end: Int, table: UnsafePointer<Int32>, classes: UnsafePointer<UInt16>,
            until threshold: Int32
        ) -> Int {
            // One moving pointer and three fixed distances: fewer registers than four pointers and a count.
            let (d1, d2, d3) = (p1 - p0, p2 - p0, p3 - p0)
            var (s0, s1, s2, s3) = (Int(states.0), Int(states.1), Int(states.2), Int(states.3))
            let threshold = Int(threshold)
            var cursor = p0 + step
            let stop = p0 + end
            while cursor < stop {
                s0 = Int(table[s0 &+ Int(classes[Int(cursor[0])])])
                s1 = Int(table[s1 &+ Int(classes[Int(cursor[d1])])])
                s2 = Int(table[s2 &+ Int(classes[Int(cursor[d2])])])
                s3 = Int(table[s3 &+ Int(classes[Int(cursor[d3])])])
                cursor += 1
                // Accepting states start at a power of two, so one comparison covers all four lanes.
                if (s0 | s1) | (s2 | s3) >= threshold { break }
            }
            let step = cursor - p0
            states = (Int32(truncatingIfNeeded: s0), Int32(truncatingIfNeeded: s1), Int32(truncatingIfNeeded: s2),
                      Int32(truncatingIfNeeded: s3))
            return step
        }
    }

    /// The automaton's tables in memory of their own, so that the scan loop reads them through plain
    /// pointers that stay valid for the scanner's whole life.
    final class Tables: @unchecked Sendable {
        /// `transitions[state * classCount + class]` is the next state, premultiplied by `classCount`.
        let transitions: UnsafeMutablePointer<Int32>
        /// Byte → class; class 0 is every byte that appears in no literal, A–Z share a–z's classes.
        let byteClass: UnsafeMutablePointer<UInt16>

        init(transitions table: [Int32], byteClass classes: [UInt16]) {
            transitions = .allocate(capacity: table.count)
            transitions.initialize(from: table, count: table.count)
            byteClass = .allocate(capacity: 256)
            byteClass.initialize(from: classes, count: 256)
        }

        deinit {
            transitions.deallocate()
            byteClass.deallocate()
        }
    }
}
