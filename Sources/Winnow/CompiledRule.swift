import WinnowPCRE2

/// A rule with its pattern and guard compiled, ready to match. A class, so that the stage loop passes
/// it around without copying the rule's fields.
public final class CompiledRule: Sendable {
    /// The rule as loaded; reports and diagnostics take its id, stage and location from here.
    public let rule: Rule
    let pattern: Pattern
    let guardPattern: Pattern?
    /// Sets of literals (ASCII-case-folded) every match contains one of each of, or nil when none could
    /// be proven; lines lacking them are never shown to the pattern.
    let requiredLiterals: [RequiredLiterals.LiteralSet]?
    // The rule's fields the matching loops read, held apart: reaching them through `rule` would copy the
    // whole rule value (strings, examples and all) each time.
    let scope: RuleScope
    let action: RuleAction
    let isActive: Bool
    let spansLines: Bool

    init(rule: Rule, pattern: Pattern, guardPattern: Pattern?, requiredLiterals: [RequiredLiterals.LiteralSet]?) {
        self.rule = rule
        self.pattern = pattern
        self.guardPattern = guardPattern
        self.requiredLiterals = requiredLiterals
        self.scope = rule.scope
        self.action = rule.action
        self.isActive = rule.status == .active
        self.spansLines = rule.matchesAcrossLines
    }

    /// Whether the prefilter can narrow the lines this rule runs on.
    public var hasRequiredLiteral: Bool { requiredLiterals != nil }

    /// The same rule, run on every line of its scope.
    var withoutRequiredLiterals: CompiledRule {
        CompiledRule(rule: rule, pattern: pattern, guardPattern: guardPattern, requiredLiterals: nil)
    }

    /// Compiles the rule's pattern and guard; every problem comes back as a diagnostic pointing into the
    /// rule file, with the pattern echoed and a caret under the offending character.
    public static func compile(_ rule: Rule) -> Result<CompiledRule, DiagnosticList> {
        var options = PatternOptions()
        for flag in rule.flags { options.insert(flag.patternOption) }
        var diagnostics: [Diagnostic] = []
        let pattern = compile(rule.pattern, options: options, placement: rule.patternPlacement, what: "pattern",
                              rule: rule, into: &diagnostics)
        let guardPattern = rule.guardPattern.flatMap {
            compile($0, options: options, placement: rule.guardPlacement, what: "unless pattern", rule: rule,
                    into: &diagnostics)
        }
        if let pattern, pattern.canMatchEmpty {
            diagnostics.append(Diagnostic(
                .error, "pattern can match the empty string, so it could fire on any line; require at least one character",
                at: rule.patternPlacement?.start ?? rule.location, ruleID: rule.id))
        }
        guard let pattern, diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics)) }
        var literals: [RequiredLiterals.LiteralSet]?
        switch rule.knownLiterals {
        case .absent?: literals = nil
        case .sets(let sets)?: literals = sets
        case nil: literals = RequiredLiterals.extract(pattern: rule.pattern, flags: rule.flags)
        }
        // A scoped rule only ever looks at a few lines; a weak literal would cost every document a scan
        // for a common string to save a handful of matches.
        if rule.scope != .anywhere, let first = literals?.first, !RequiredLiterals.isStrong(first) { literals = nil }
        return .success(CompiledRule(rule: rule, pattern: pattern, guardPattern: guardPattern, requiredLiterals: literals))
    }

    private static func compile(
        _ source: String, options: PatternOptions, placement: ScalarPlacement?, what: String, rule: Rule,
        into diagnostics: inout [Diagnostic]
    ) -> Pattern? {
        do {
            return try Pattern(source, options: options)
        } catch {
            let offset = error.patternOffset ?? 0
            let location = placement?.location(ofByteOffset: offset, in: source) ?? rule.location
            diagnostics.append(Diagnostic(
                .error, "\(what) does not compile: \(error.message)", at: location, ruleID: rule.id,
                snippet: caretSnippet(source, byteOffset: offset)))
            return nil
        }
    }

    /// The pattern line holding `byteOffset`, and a caret under it.
    static func caretSnippet(_ source: String, byteOffset: Int) -> [String] {
        let before = String(decoding: source.utf8.prefix(byteOffset), as: UTF8.self)
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = before[lineStart...].unicodeScalars.count
        let rest = source[source.index(source.startIndex, offsetBy: before.count)...]
        let line = String(before[lineStart...]) + rest.prefix { $0 != "\n" }
        return [line, String(repeating: " ", count: column) + "^"]
    }
}
