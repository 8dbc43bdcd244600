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

    /// Calls `found(literalID, end)` for each occurrence of each literal, `end` being the byte offset just
    /// after it.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, found: (Int32, Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                var state: Int32 = 0
                let threshold = firstAcceptingState
                for offset in 0..<bytes.count {
                    state = table[Int(state) &+ Int(classes[Int(base[offset])])]
                    if state >= threshold {
                        for literal in acceptedLiterals[Int((state - threshold)) / classCount] {
                            found(literal, offset + 1)
                        }
                    }
                }
            }
        }
    }
}
