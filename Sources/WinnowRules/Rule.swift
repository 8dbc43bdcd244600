/// A rule as written in a rule file: a PCRE2 pattern, what to do with its matches, and where it may fire.
public struct Rule: Sendable, Hashable {
    /// Unique across every loaded file.
    public var id: String
    /// Says what the rule strips and what it leaves.
    public var description: String
    /// The stage the rule runs in.
    public var stage: String
    /// The PCRE2 pattern.
    public var pattern: String
    /// Pattern flags from `flags:`; `multiline` also makes the pattern see the whole document at once.
    public var flags: Set<RuleFlag>
    /// What the rule does with each match.
    public var action: RuleAction
    /// The substitution template, for ``RuleAction/replace``.
    public var replacement: String?
    /// Where in the document the rule may fire (`where:`).
    public var scope: RuleScope
    /// A guard pattern: the rule does not fire on lines that also match it.
    public var guardPattern: String?
    /// Whether hits are removed or only reported (`status: shadow`).
    public var status: RuleStatus
    /// Texts with what the rule must make of them, run by `winnow validate`.
    public var examples: [RuleExample]
    /// Where the rule is written (the start of its entry in the rule file); nil for rules made in code.
    public var location: SourceLocation?
    /// Where the pattern scalar sits, so compile errors point at the right column; nil for rules made in code.
    public var patternPlacement: ScalarPlacement?
    /// Where the guard pattern (`unless:`) sits, likewise.
    public var guardPlacement: ScalarPlacement?
    /// The pattern's required literals when the build already worked them out (the built-in rules);
    /// nil means they are found when the rule is compiled.
    package var knownLiterals: KnownLiterals?

    /// The outcome of ``RequiredLiterals/extract(pattern:flags:)``, kept with a rule.
    package enum KnownLiterals: Sendable, Hashable {
        case absent
        case sets([RequiredLiterals.LiteralSet])
    }

    /// The defaults suit a rule made in code: no flags, fires anywhere, active, no examples.
    public init(
        id: String, description: String = "", stage: String, pattern: String, flags: Set<RuleFlag> = [],
        action: RuleAction, replacement: String? = nil, scope: RuleScope = .anywhere,
        guardPattern: String? = nil, status: RuleStatus = .active, examples: [RuleExample] = [],
        location: SourceLocation? = nil, patternPlacement: ScalarPlacement? = nil,
        guardPlacement: ScalarPlacement? = nil
    ) {
        self.id = id
        self.description = description
        self.stage = stage
        self.pattern = pattern
        self.flags = flags
        self.action = action
        self.replacement = replacement
        self.scope = scope
        self.guardPattern = guardPattern
        self.status = status
        self.examples = examples
        self.location = location
        self.patternPlacement = patternPlacement
        self.guardPlacement = guardPlacement
    }

    /// Whether the pattern sees the whole document (and may span lines) instead of one line at a time.
    public var matchesAcrossLines: Bool { flags.contains(.multiline) }
}
