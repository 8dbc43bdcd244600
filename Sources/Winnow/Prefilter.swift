/// Decides which lines each rule needs to look at: one scan of the document for the required literals of
/// every rule (``RequiredLiterals``) replaces a regex call per line per rule. A rule whose pattern has
/// no usable literal is run on every line of its scope.
struct Prefilter: Sendable {
    /// For each rule (in pipeline order), its literal ids, or nil when it must always run.
    private let literalIDs: [[Int32]?]
    private let scanner: LiteralScanner?
    /// For each literal id, the rules (pipeline order) that require it.
    private let rulesByLiteral: [[Int32]]
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
        var rulesByLiteral: [[Int32]] = []
        var literalIDs: [[Int32]?] = []
        for (ruleIndex, rule) in rules.enumerated() {
            guard let required = rule.requiredLiterals else {
                literalIDs.append(nil)
                continue
            }
            var ids: [Int32] = []
            for literal in required {
                let id = literalIndex[literal] ?? {
                    let id = Int32(literals.count)
                    literalIndex[literal] = id
                    literals.append(literal)
                    rulesByLiteral.append([])
                    return id
                }()
                rulesByLiteral[Int(id)].append(Int32(ruleIndex))
                ids.append(id)
            }
            literalIDs.append(ids)
        }
        self.literalIDs = literalIDs
        self.rulesByLiteral = rulesByLiteral
        self.firstCaselessTrap = Int32(literals.count)
        self.scanner = literals.isEmpty ? nil : LiteralScanner(literals: literals + Self.caselessTraps)
    }

    /// Scans `document` once and returns, per rule, the lines holding one of its literals.
    func candidates(in document: Document) -> Candidates {
        var found: [[Int]?] = literalIDs.map { $0 == nil ? nil : [] }
        guard let scanner, !document.lines.isEmpty else { return found }
        var lastLine = [Int](repeating: -1, count: literalIDs.count)
        let occurrences = document.bytes.withUnsafeBufferPointer { scanner.occurrences(in: $0) }
        if occurrences.contains(where: { $0.literal >= firstCaselessTrap }) {
            return literalIDs.map { _ in nil }
        }
        var line = 0
        for (literal, end) in occurrences {
            // Occurrences arrive in order, so the line index only moves forward.
            while document.lines[line].end < end { line += 1 }
            for rule in rulesByLiteral[Int(literal)] where lastLine[Int(rule)] != line {
                lastLine[Int(rule)] = line
                found[Int(rule)]!.append(document.lines[line].origin)
            }
        }
        return found
    }
}
