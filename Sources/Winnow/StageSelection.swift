/// Which stages run in which order, and which rules are switched off (`--stages`, `--skip`, `--disable`).
public struct StageSelection: Sendable, Hashable {
    /// The stages to run, in this order; nil means every declared stage in its default order.
    public var stages: [String]?
    /// Stages left out.
    public var skipped: Set<String>
    /// Rule ids left out.
    public var disabledRules: Set<String>

    /// The defaults run every declared stage in its default order, with no rule switched off.
    public init(stages: [String]? = nil, skipped: Set<String> = [], disabledRules: Set<String> = []) {
        self.stages = stages
        self.skipped = skipped
        self.disabledRules = disabledRules
    }
}
