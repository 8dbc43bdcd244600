/// A grep `-f` style pattern file: one PCRE2 pattern per line, blank lines and lines starting with `#`
/// ignored. Each pattern becomes a `drop-line` rule in a stage of the file's own, so users coming from
/// grep scripts can run their lists unchanged.
public enum PatternList {
    /// The stage and rules for the pattern file at `path` with contents `text`.
    public static func rules(path: String, text: String) -> (stage: StageDeclaration, rules: [Rule]) {
        let stage = StageDeclaration(
            id: "patterns:\(path)", description: "Patterns from \(path), each dropping the lines it matches.",
            location: SourceLocation(file: path, line: 1, column: 1))
        var rules: [Rule] = []
        for (index, rawLine) in text.linesSplitAtLF.enumerated() {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : rawLine
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let location = SourceLocation(file: path, line: index + 1, column: 1)
            rules.append(Rule(
                id: "\(path):\(index + 1)", description: "Pattern on line \(index + 1) of \(path).", stage: stage.id,
                pattern: line, action: .dropLine, location: location,
                patternPlacement: ScalarPlacement(start: location, style: .plain)))
        }
        return (stage, rules)
    }
}

extension RuleSet {
    /// This rule set with a stage of rules added after the others, as a pattern list brings.
    public func adding(stage: StageDeclaration, rules newRules: [Rule]) -> RuleSet {
        RuleSet(stages: stages + [stage], rules: rules + newRules)
    }
}
