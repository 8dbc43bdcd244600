/// Decides which lines each rule needs to look at: one scan of the document for the required literals of
/// every rule (``RequiredLiterals``) replaces a regex call per line per rule. A rule is shown the lines
/// that hold a literal from each of its sets; a rule whose pattern has no usable literal is run on every
/// line of its scope.
struct Prefilter: Sendable {
    /// For each rule (in pipeline order), how many literal sets it needs, or nil when it must always run.
    private let setCounts: [Int?]
    /// Rules whose matches may span lines: their sets must each be found somewhere in the document, not
    /// all on one line.
    private let spansLines: [Bool]
    private let scanner: LiteralScanner?
    /// For each literal id, the (rule, set) pairs it belongs to.
    private let usesOfLiteral: [[(rule: Int32, set: Int32)]]
    /// Literal ids from here on are not rules' literals but characters that caseless matching equates
    /// with ASCII letters (KELVIN SIGN with k, LONG S with s). ASCII-folded literals cannot see them, so
    /// a document holding one is matched without the prefilter.
    private let firstCaselessTrap: Int32
    static let caselessTraps: [[UInt8]] = [Array("\u{212A}".utf8), Array("\u{017F}".utf8)]

    /// Candidate lines for each rule, as origins (1-based line numbers of the document first scanned),
    /// sorted; nil for rules that always run.
    typealias Candidates = [[Int]?]

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
        self.usesOfLiteral = uses
        self.firstCaselessTrap = Int32(literals.count)
        self.scanner = literals.isEmpty ? nil : LiteralScanner(literals: literals + Self.caselessTraps)
    }

    /// Scans `document` once and returns, per rule, the lines holding a literal of each of its sets.
    func candidates(in document: Document) -> Candidates {
        var found: [[Int]?] = setCounts.map { $0 == nil ? nil : [] }
        guard let scanner, !document.lines.isEmpty else { return found }
        // Per rule: the line being collected and which of its sets that line (or, for rules spanning
        // lines, the document so far) has shown.
        var currentLine = [Int](repeating: -1, count: setCounts.count)
        var setsSeen = [UInt64](repeating: 0, count: setCounts.count)
        func complete(_ rule: Int) -> Bool {
            guard let count = setCounts[rule] else { return false }
            return setsSeen[rule] == (1 << count) - 1
        }
        func finish(_ rule: Int) {
            guard currentLine[rule] >= 0, !spansLines[rule], complete(rule) else { return }
            found[rule]!.append(document.lines[currentLine[rule]].origin)
        }
        var line = 0
        var trapped = false
        // Occurrences are taken as the scan reports them, not collected first: a large document has
        // millions.
        document.bytes.withUnsafeBufferPointer { bytes in
            scanner.forEachOccurrence(in: bytes) { literal, end in
                if literal >= firstCaselessTrap {
                    trapped = true
                    return false
                }
                // Occurrences arrive in order, so the line index only moves forward.
                while document.lines[line].end < end { line += 1 }
                for (rule, set) in usesOfLiteral[Int(literal)] {
                    let rule = Int(rule)
                    if spansLines[rule] {
                        setsSeen[rule] |= 1 << UInt64(set)
                        if currentLine[rule] != line {
                            currentLine[rule] = line
                            found[rule]!.append(document.lines[line].origin)
                        }
                        continue
                    }
                    if currentLine[rule] != line {
                        finish(rule)
                        currentLine[rule] = line
                        setsSeen[rule] = 0
                    }
                    setsSeen[rule] |= 1 << UInt64(set)
                }
                return true
            }
        }
        if trapped { return setCounts.map { _ in nil } }
        for rule in setCounts.indices {
            if spansLines[rule], !complete(rule) { found[rule] = found[rule].map { _ in [] } }
            finish(rule)
        }
        return found
    }
}
