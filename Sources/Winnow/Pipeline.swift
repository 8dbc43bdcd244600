import WinnowPCRE2

/// Stages run in order, each on the output of the one before. Build one per rule set and reuse it: its
/// patterns are compiled (and JIT-compiled) once, and it may clean documents from several threads, each
/// with its own ``MatchSession``.
public struct Pipeline: Sendable {
    /// The stages in the order they run, each holding only its enabled rules.
    public let stages: [Stage]
    /// Settings applied to every document this pipeline cleans.
    public let options: CleaningOptions
    private let prefilter: Prefilter
    /// Where each stage's rules are in the pipeline-wide rule order the prefilter uses.
    private let stageRules: [Range<Int>]
    /// Whether a second pass can find something the first did not: only when some rule depends on other
    /// lines (a scope, a multi-line pattern) or edits inside lines. Otherwise one pass is a fixpoint.
    private let needsFixpoint: Bool
    /// Line-mode rules that may fire anywhere (pipeline order): their verdict on a line depends on that
    /// line alone.
    private let rulesJudgingLinesAlone: [Int]

    /// A pipeline from stages composed in code.
    public init(stages: [Stage], options: CleaningOptions = CleaningOptions()) {
        self.stages = stages
        self.options = options
        let rules = stages.flatMap(\.rules)
        self.prefilter = Prefilter(rules: options.usesPrefilter ? rules : rules.map { $0.withoutRequiredLiterals })
        var ranges: [Range<Int>] = []
        for stage in stages { ranges.append((ranges.last?.upperBound ?? 0)..<((ranges.last?.upperBound ?? 0) + stage.rules.count)) }
        self.stageRules = ranges
        self.needsFixpoint = rules.contains { $0.scope != .anywhere || $0.spansLines || $0.action.editsInsideLine }
        self.rulesJudgingLinesAlone = rules.indices.filter { rules[$0].scope == .anywhere && !rules[$0].spansLines }
    }

    /// Compiles `ruleSet` into a pipeline honouring `selection`. Fails with every problem found (rules that
    /// do not compile, unknown stage or rule names) — a broken rule set is never used for cleaning.
    public static func build(
        _ ruleSet: RuleSet, selection: StageSelection = StageSelection(), options: CleaningOptions = CleaningOptions()
    ) -> Result<Pipeline, DiagnosticList> {
        var diagnostics: [Diagnostic] = []
        let declared = ruleSet.stages.map(\.id)
        func checkStageNames(_ names: some Sequence<String>, option: String) {
            for name in names where !declared.contains(name) {
                var message = "\(option): no stage named '\(name)'"
                if let suggestion = Suggestion.closest(to: name, among: declared) { message += "; did you mean '\(suggestion)'?" }
                message += " (stages: \(declared.joined(separator: ", ")))"
                diagnostics.append(Diagnostic(.error, message, at: nil))
            }
        }
        checkStageNames(selection.stages ?? [], option: "--stages")
        checkStageNames(selection.skipped, option: "--skip")
        let ruleIDs = ruleSet.rules.map(\.id)
        for id in selection.disabledRules.sorted() where !ruleIDs.contains(id) {
            var message = "--disable: no rule with id '\(id)'"
            if let suggestion = Suggestion.closest(to: id, among: ruleIDs) { message += "; did you mean '\(suggestion)'?" }
            diagnostics.append(Diagnostic(.error, message, at: nil))
        }

        var compiled: [String: [CompiledRule]] = [:]
        for rule in ruleSet.rules where !selection.disabledRules.contains(rule.id) {
            switch CompiledRule.compile(rule) {
            case .success(let rule): compiled[rule.rule.stage, default: []].append(rule)
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }
        guard !diagnostics.containsErrors else { return .failure(DiagnosticList(diagnostics)) }

        let order = (selection.stages ?? declared).filter { !selection.skipped.contains($0) }
        let byID = Dictionary(ruleSet.stages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let stages = order.compactMap { id in
            byID[id].map { Stage(declaration: $0, rules: compiled[id] ?? []) }
        }
        return .success(Pipeline(stages: stages, options: options))
    }

    /// Cleans UTF-8 `bytes`. Validates UTF-8 once, then runs every stage. Throws, leaving nothing half-done,
    /// when the bytes are not UTF-8 or a rule fails to match (for instance by hitting the match limit).
    ///
    /// The text is edited in its own storage when the caller hands over the only reference (pass
    /// `consume bytes`), so that cleaning a document takes no second copy of it; otherwise the array is
    /// copied on first write, as usual.
    public func clean(_ bytes: consuming [UInt8], session: MatchSession? = nil) throws(CleaningError) -> CleaningResult {
        switch bytes.withUnsafeBufferPointer({ UTF8Validator.check($0) }) {
        case .invalid(let offset):
            throw .invalidUTF8(offset: offset)
        case .valid(let scalarCount):
            return try cleanValidated(
                consume bytes, scalarCount: scalarCount, session: session ?? MatchSession(limits: options.limits))
        }
    }

    /// Cleans a string (already valid UTF-8).
    public func clean(_ text: String, session: MatchSession? = nil) throws(CleaningError) -> CleaningResult {
        try cleanValidated(
            Array(text.utf8), scalarCount: text.unicodeScalars.count,
            session: session ?? MatchSession(limits: options.limits))
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A bound on passes over one document; real rule sets settle in two.
    static let maximumPasses = 8

    private func cleanValidated(
        _ input: consuming [UInt8], scalarCount: Int, session: MatchSession
    ) throws(CleaningError) -> CleaningResult {
        // A byte-order mark is set aside so that `^` still matches at the start of the first line.
        let hasBOM = input.starts(with: Self.byteOrderMark)
        if hasBOM { input.removeFirst(Self.byteOrderMark.count) }
        let originalCount = input.count
        var document = Document(bytes: consume input)
        var journal = EditJournal()
        var removals: [Removal] = []
        var shadowHits: [Removal] = []
        // Removing lines moves others into a `first N`/`last N` window and an in-line edit can leave a line
        // another rule matches, so one pass is not always a fixpoint. Passes repeat until nothing changes,
        // which makes cleaning idempotent: cleaning the output again changes nothing.
        var candidates = prefilter.candidates(in: document)
        for pass in 0..<(needsFixpoint ? Self.maximumPasses : 1) {
            let before = removals.count
            try runStages(
                on: &document, candidates: candidates, journal: &journal, removals: &removals,
                shadowHits: &shadowHits, session: session)
            if removals.count == before { break }
            if pass == 0 { candidates = candidatesAfterFirstPass(candidates) }
        }
        var output = document.takeStorage().bytes
        removals.sort { $0.line < $1.line }
        let overRemoval = journal.isEmpty ? nil : overRemoval(
            originalCount: originalCount, originalScalars: scalarCount - (hasBOM ? 1 : 0), after: output,
            removals: removals)
        if overRemoval != nil { journal.undo(&output) }
        if hasBOM { output.insert(contentsOf: Self.byteOrderMark, at: 0) }
        return CleaningResult(
            output: output, changed: !journal.isEmpty && overRemoval == nil, removals: removals,
            shadowHits: shadowHits, overRemoval: overRemoval)
    }

    /// What the passes after the first look at. A line-mode rule that may fire anywhere judges each line on
    /// its own, so its verdict on a line that no edit touched cannot change: whatever it matched is gone
    /// (a line drop) or left the line edited (an in-line edit; one that lost to another edit on the same
    /// line left it edited too). Such rules only need the edited lines again, which an empty candidate
    /// list gives them. Scoped and multi-line rules depend on other lines and see everything again.
    private func candidatesAfterFirstPass(_ candidates: CandidateLines) -> CandidateLines {
        var next = candidates
        for rule in rulesJudgingLinesAlone { next.clear(rule) }
        return next
    }

    /// One pass: every stage in order, each on the output of the one before.
    private func runStages(
        on document: inout Document, candidates: CandidateLines, journal: inout EditJournal,
        removals: inout [Removal], shadowHits: inout [Removal], session: MatchSession
    ) throws(CleaningError) {
        // A rule with no candidate line has nothing to look at unless a line was edited: with the prefilter
        // that is most rules on most documents, so they are skipped before any other work.
        for stageIndex in stages.indices {
            let edited = !document.editedLines.isEmpty
            guard !document.lines.isEmpty, edited || candidates.hasWork(in: stageRules[stageIndex]) else { continue }
            // The rules alone: copying the whole stage would also copy its declaration's strings.
            let rules = stages[stageIndex].rules
            let offset = stageRules[stageIndex].lowerBound
            var hits: [Hit] = []
            try document.bytes.withUnsafeBufferPointer { (buffer) throws(CleaningError) in
                for (index, rule) in rules.enumerated() where edited || !candidates.isEmpty(offset + index) {
                    do throws(PCRE2Error) {
                        try rule.collectHits(
                            into: &hits, in: document, buffer: buffer, ruleIndex: index, session: session,
                            candidates: candidates[offset + index])
                    } catch {
                        let line = Self.failureLine(of: rule, in: document, buffer: buffer, session: session)
                        throw .matchFailed(ruleID: rule.rule.id, stage: stages[stageIndex].id, line: line, error: error)
                    }
                }
            }
            guard !hits.isEmpty else { continue }
            let stage = stages[stageIndex]
            let editor = StageEditor(rules: stage.rules, stageID: stage.id)
            for hit in hits where !stage.rules[hit.ruleIndex].isActive {
                let rule = stage.rules[hit.ruleIndex].rule
                let line = document.lines[hit.firstLine].origin
                guard !shadowHits.contains(where: { $0.ruleID == rule.id && $0.line == line }) else { continue }
                shadowHits.append(Removal(
                    ruleID: rule.id, stage: stage.id, action: rule.action, line: line,
                    text: editor.removedText(of: hit, in: document), replacement: nil, shadow: true))
            }
            if let stageRemovals = editor.apply(hits, to: &document, journal: &journal) { removals += stageRemovals }
        }
    }

    private func overRemoval(
        originalCount: Int, originalScalars: Int, after: [UInt8], removals: [Removal]
    ) -> OverRemoval? {
        guard originalCount > 0 else { return nil }
        // A character is 1–4 bytes, so the share of characters removed is at most four times the share of
        // bytes removed: most documents are settled without counting characters.
        let byteShare = 1 - Double(after.count) / Double(originalCount)
        guard byteShare * 4 > options.maxRemoval else { return nil }
        let share = 1 - Double(Self.scalarCount(after)) / Double(originalScalars)
        guard share > options.maxRemoval else { return nil }
        var removedByRule: [String: Int] = [:]
        for removal in removals { removedByRule[removal.ruleID, default: 0] += removal.text.unicodeScalars.count }
        let ruleIDs = removedByRule.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
        return OverRemoval(share: share, limit: options.maxRemoval, ruleIDs: ruleIDs)
    }

    /// Unicode scalars in valid UTF-8: bytes that are not continuation bytes (10xxxxxx), counted eight at a
    /// time.
    static func scalarCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            var continuation = 0
            var offset = 0
            let count = buffer.count
            while offset + 8 <= count {
                let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                // High bit set and next bit clear marks a continuation byte.
                let marks = word & ~(word << 1) & 0x8080_8080_8080_8080
                continuation += marks.nonzeroBitCount
                offset += 8
            }
            while offset < count {
                if buffer[offset] & 0xC0 == 0x80 { continuation += 1 }
                offset += 1
            }
            return count - continuation
        }
    }

    /// The original line on which `rule` fails, found by trying it line by line; for the error message only.
    private static func failureLine(
        of rule: CompiledRule, in document: Document, buffer: UnsafeBufferPointer<UInt8>, session: MatchSession
    ) -> Int {
        for line in document.lines {
            let subject = UnsafeBufferPointer(rebasing: buffer[line.start..<line.contentEnd])
            do { _ = try session.firstMatch(of: rule.pattern, in: subject) } catch { return line.origin }
        }
        return document.lines.first?.origin ?? 1
    }
}
