/// Decides which lines each rule needs to look at: one scan of the document for the required literals of
/// every rule (``RequiredLiterals``) replaces a regex call per line per rule. A rule is shown the lines
/// that hold a literal from each of its sets; a rule whose pattern has no usable literal is run on every
/// line of its scope. A class: every document's scan refers to it, and a struct would be copied, with a
/// reference count to bump for each of its arrays.
final class Prefilter: Sendable {
    /// For each rule (in pipeline order), how many literal sets it needs, or nil when it must always run.
    private let setCounts: [Int?]
    /// Rules whose matches may span lines: their sets must each be found somewhere in the document, not
    /// all on one line.
    private let spansLines: [Bool]
    private let scanner: LiteralScanner?
    /// The (rule, set) pairs each literal belongs to: those of literal id `i` are
    /// `uses[useStarts[i]..<useStarts[i + 1]]`.
    private let uses: [(rule: Int32, set: Int32)]
    private let useStarts: [Int]
    /// Literal ids from here on are not rules' literals but characters that caseless matching equates
    /// with ASCII letters (KELVIN SIGN with k, LONG S with s). ASCII-folded literals cannot see them, so
    /// a document holding one is matched without the prefilter.
    private let firstCaselessTrap: Int32
    /// What a document with no occurrence gets: every line for rules that always run, none for the rest.
    private let none: CandidateLines
    static let caselessTraps: [[UInt8]] = [Array("\u{212A}".utf8), Array("\u{017F}".utf8)]

    init(rules: [CompiledRule]) {
        var literalIndex: [[UInt8]: Int32] = [:]
        var literals: [[UInt8]] = []
        var uses: [[(rule: Int32, set: Int32)]] = []
        var setCounts: [Int?] = []
        for (ruleIndex, rule) in rules.enumerated() {
            guard let sets = rule.requiredLiterals else {
                setCounts.append(nil)
                continue
            }
            for (setIndex, set) in sets.enumerated() {
                for literal in set {
                    let id = literalIndex[literal] ?? {
                        let id = Int32(literals.count)
                        literalIndex[literal] = id
                        literals.append(literal)
                        uses.append([])
                        return id
                    }()
                    uses[Int(id)].append((Int32(ruleIndex), Int32(setIndex)))
                }
            }
            setCounts.append(sets.count)
        }
        self.setCounts = setCounts
        self.spansLines = rules.map(\.spansLines)
        self.useStarts = uses.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        self.uses = uses.flatMap { $0 }
        self.none = CandidateLines(ruleCount: setCounts.count) { setCounts[$0] == nil }
        self.firstCaselessTrap = Int32(literals.count)
        self.scanner = literals.isEmpty ? nil : LiteralScanner(literals: literals + Self.caselessTraps)
    }

    /// Scans `document` once and returns, per rule, the lines holding a literal of each of its sets.
    func candidates(in document: Document) -> CandidateLines {
        guard let scanner, !document.lines.isEmpty else { return none }
        // The per-rule state lives in scratch memory (on the stack when small): it is touched for every
        // occurrence, and arrays would check for sharing on every write.
        let ruleCount = setCounts.count
        // 32-bit entries keep the scratch for the built-in rules under the 1 KiB the standard library puts
        // on the stack without asking; larger, it would come from the heap.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * ruleCount) { scratch in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: ruleCount) { setsSeen in
                var collector = Collector(
                    prefilter: self, lines: document.lines,
                    currentLine: UnsafeMutableBufferPointer(rebasing: scratch[..<ruleCount]),
                    collecting: UnsafeMutableBufferPointer(rebasing: scratch[ruleCount...]), setsSeen: setsSeen)
                document.bytes.withUnsafeBufferPointer { scanner.forEachOccurrence(in: $0, into: &collector) }
                if collector.trapped { return CandidateLines(everyLineFor: ruleCount) }
                return collector.finish()
            }
        }
    }
}

extension Prefilter {
    /// Turns the scanner's occurrences, in document order, into each rule's candidate lines.
    private struct Collector: LiteralScanner.OccurrenceSink {
        let prefilter: Prefilter
        let lines: [Document.Line]
        /// The line of the latest occurrence; occurrences arrive in order, so it only moves forward.
        private var line = 0
        /// Per rule: the line being collected and which of its sets that line (or, for rules spanning
        /// lines, the document so far) has shown.
        private let currentLine: UnsafeMutableBufferPointer<Int32>
        private let setsSeen: UnsafeMutableBufferPointer<UInt64>
        private var found: [(rule: Int32, origin: Int32)] = []
        /// Line-mode rules with a line being collected: `collecting[..<collectingCount]`. Each rule is
        /// added once, so the scratch holds one slot per rule.
        private let collecting: UnsafeMutableBufferPointer<Int32>
        private var collectingCount = 0
        /// Set when the text holds a character caseless matching equates with an ASCII letter.
        private(set) var trapped = false

        init(
            prefilter: Prefilter, lines: [Document.Line], currentLine: UnsafeMutableBufferPointer<Int32>,
            collecting: UnsafeMutableBufferPointer<Int32>, setsSeen: UnsafeMutableBufferPointer<UInt64>
        ) {
            self.prefilter = prefilter
            self.lines = lines
            self.currentLine = currentLine
            self.collecting = collecting
            self.setsSeen = setsSeen
            currentLine.initialize(repeating: -1)
            setsSeen.initialize(repeating: 0)
        }

        mutating func occurrence(of literal: Int32, endingAt end: Int) -> Bool {
            if literal >= prefilter.firstCaselessTrap {
                trapped = true
                return false
            }
            while lines[line].end < end { line += 1 }
            let line32 = Int32(truncatingIfNeeded: line)
            for use in prefilter.useStarts[Int(literal)]..<prefilter.useStarts[Int(literal) + 1] {
                let (rule32, set) = prefilter.uses[use]
                let rule = Int(rule32)
                if prefilter.spansLines[rule] {
                    setsSeen[rule] |= 1 << UInt64(set)
                    if currentLine[rule] != line32 {
                        currentLine[rule] = line32
                        found.append((rule32, Int32(truncatingIfNeeded: lines[line].origin)))
                    }
                    continue
                }
                if currentLine[rule] != line32 {
                    if currentLine[rule] < 0 {
                        collecting[collectingCount] = rule32
                        collectingCount += 1
                    }
                    finishLine(of: rule)
                    currentLine[rule] = line32
                    setsSeen[rule] = 0
                }
                setsSeen[rule] |= 1 << UInt64(set)
            }
            return true
        }

        /// The candidates, once the scan is over. A rule spanning lines that did not see all its sets
        /// somewhere in the document gets none.
        mutating func finish() -> CandidateLines {
            for rule in collecting[..<collectingCount] { finishLine(of: Int(rule)) }
            let (prefilter, setsSeen) = (prefilter, setsSeen)
            found.removeAll { pair in
                prefilter.spansLines[Int(pair.rule)] && !Self.hasAllSets(Int(pair.rule), prefilter, setsSeen)
            }
            return CandidateLines(none: prefilter.none, adding: found)
        }

        private static func hasAllSets(
            _ rule: Int, _ prefilter: Prefilter, _ setsSeen: UnsafeMutableBufferPointer<UInt64>
        ) -> Bool {
            guard let count = prefilter.setCounts[rule] else { return false }
            return setsSeen[rule] == (1 << count) - 1
        }

        /// Records the line a line-mode rule has been collecting if it showed every set.
        private mutating func finishLine(of rule: Int) {
            guard currentLine[rule] >= 0, Self.hasAllSets(rule, prefilter, setsSeen) else { return }
            found.append((Int32(rule), Int32(truncatingIfNeeded: lines[Int(currentLine[rule])].origin)))
        }
    }
}
