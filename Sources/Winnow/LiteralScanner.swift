#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds every occurrence of many literals in one pass over the bytes: an Aho–Corasick automaton compiled
/// to a DFA over byte classes, matching ASCII-case-folded text. One table lookup per input byte, whatever
/// the number of literals.
struct LiteralScanner: Sendable {
    /// Folds A–Z to a–z; every other byte is itself.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// Folded byte → class; class 0 is every byte that appears in no literal.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// `transitions[state * classCount + class]` is the next state, premultiplied by `classCount`.
    private let transitions: [Int32]
    /// States are numbered so that every state at or above this one (premultiplied) ends a literal.
    private let firstAcceptingState: Int32
    /// For each accepting state (indexed from `firstAcceptingState`), the literal ids it ends.
    private let acceptedLiterals: [[Int32]]

    /// Builds the automaton for `literals` (already folded with ``fold(_:)``); ids are array indices.
    init(literals: [[UInt8]]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for literal in literals {
            for byte in literal where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        // Upper-case ASCII letters are folded before lookup, so they share their lower-case class.
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(byte)] = classes[Int(byte | 0x20)] }

        // The trie.
        var children: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var outputs: [[Int32]] = [[]]
        for (id, literal) in literals.enumerated() {
            var state = 0
            for byte in literal {
                let byteClass = Int(classes[Int(byte)])
                if children[state][byteClass] < 0 {
                    children[state][byteClass] = Int32(children.count)
                    children.append([Int32](repeating: -1, count: classCount))
                    outputs.append([])
                }
                state = Int(children[state][byteClass])
            }
            outputs[state].append(Int32(id))
        }

        // Failure links, breadth first, turning the trie into a complete DFA.
        var failure = [Int32](repeating: 0, count: children.count)
        var delta = children
        var queue: [Int] = []
        for byteClass in 0..<classCount {
            if delta[0][byteClass] < 0 {
                delta[0][byteClass] = 0
            } else {
                queue.append(Int(delta[0][byteClass]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state] += outputs[Int(failure[state])]
            for byteClass in 0..<classCount {
                let child = delta[state][byteClass]
                if child < 0 {
                    delta[state][byteClass] = delta[Int(failure[state])][byteClass]
                } else {
                    failure[Int(child)] = delta[Int(failure[state])][byteClass]
                    queue.append(Int(child))
                }
            }
        }

        // Renumber so accepting states come last; a single comparison then tells them apart.
        let stateCount = delta.count
        let order = (0..<stateCount).sorted { (outputs[$0].isEmpty ? 0 : 1, $0) < (outputs[$1].isEmpty ? 0 : 1, $1) }
        var newNumber = [Int32](repeating: 0, count: stateCount)
        for (number, state) in order.enumerated() { newNumber[state] = Int32(number) }
        var table = [Int32](repeating: 0, count: stateCount * classCount)
        for state in 0..<stateCount {
            for byteClass in 0..<classCount {
                table[Int(newNumber[state]) * classCount + byteClass] =
                    newNumber[Int(delta[state][byteClass])] * Int32(classCount)
            }
        }
        let firstAccepting = order.firstIndex { !outputs[$0].isEmpty } ?? stateCount
        self.byteClass = classes
        self.classCount = classCount
        self.transitions = table
        self.firstAcceptingState = Int32(firstAccepting * classCount)
        self.acceptedLiterals = order[firstAccepting...].map { outputs[$0] }
        // The start state must stay state 0 after renumbering: it never accepts (no literal is empty).
        precondition(newNumber[0] == 0, "the start state cannot accept")
    }

    /// Every occurrence of every literal, as (literal id, end offset) in increasing order of end offset.
    ///
    /// The DFA is a chain of dependent table loads, so one walk is bound by memory latency. The text is
    /// cut at line breaks (no literal spans one) into `lanes` pieces walked side by side, which lets the
    /// processor overlap their loads.
    func occurrences(in bytes: UnsafeBufferPointer<UInt8>) -> [(literal: Int32, end: Int)] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        let lanes = 4
        var bounds = [0]
        for lane in 1..<lanes {
            var cut = max(bounds[lane - 1], bytes.count * lane / lanes)
            if let newline = memchr(base + cut, Int32(UInt8(ascii: "\n")), bytes.count - cut) {
                cut = UnsafeRawPointer(newline).assumingMemoryBound(to: UInt8.self) - base + 1
            } else {
                cut = bytes.count
            }
            bounds.append(cut)
        }
        bounds.append(bytes.count)
        var acceptingStates: [[(state: Int32, end: Int)]] = Array(repeating: [], count: lanes)
        transitions.withUnsafeBufferPointer { tableBuffer in
            byteClass.withUnsafeBufferPointer { classBuffer in
                let table = tableBuffer.baseAddress!
                let classes = classBuffer.baseAddress!
                let threshold = firstAcceptingState
                var positions = (0..<lanes).map { bounds[$0] }
                var states = [Int32](repeating: 0, count: lanes)
                let common = (0..<lanes).map { bounds[$0 + 1] - bounds[$0] }.min()!
                // Four lanes in lock step over their common length…
                var p0 = base + positions[0], p1 = base + positions[1]
                var p2 = base + positions[2], p3 = base + positions[3]
                var s0: Int32 = 0, s1: Int32 = 0, s2: Int32 = 0, s3: Int32 = 0
                for step in 0..<common {
                    s0 = table[Int(s0) &+ Int(classes[Int(p0.pointee)])]
                    s1 = table[Int(s1) &+ Int(classes[Int(p1.pointee)])]
                    s2 = table[Int(s2) &+ Int(classes[Int(p2.pointee)])]
                    s3 = table[Int(s3) &+ Int(classes[Int(p3.pointee)])]
                    if s0 >= threshold { acceptingStates[0].append((s0, positions[0] + step + 1)) }
                    if s1 >= threshold { acceptingStates[1].append((s1, positions[1] + step + 1)) }
                    if s2 >= threshold { acceptingStates[2].append((s2, positions[2] + step + 1)) }
                    if s3 >= threshold { acceptingStates[3].append((s3, positions[3] + step + 1)) }
                    p0 += 1; p1 += 1; p2 += 1; p3 += 1
                }
                states = [s0, s1, s2, s3]
                // …then each finishes alone.
                for lane in 0..<lanes {
                    var state = states[lane]
                    positions[lane] += common
                    while positions[lane] < bounds[lane + 1] {
                        state = table[Int(state) &+ Int(classes[Int(base[positions[lane]])])]
                        positions[lane] += 1
                        if state >= threshold { acceptingStates[lane].append((state, positions[lane])) }
                    }
                }
            }
        }
        var result: [(literal: Int32, end: Int)] = []
        for lane in acceptingStates {
            for (state, end) in lane {
                for literal in acceptedLiterals[Int(state - firstAcceptingState) / classCount] {
                    result.append((literal, end))
                }
            }
        }
        return result
    }
}
