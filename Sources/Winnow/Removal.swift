/// One thing a rule removed (or, for a shadow rule, would have removed): the facts `explain` and the JSON
/// reports show.
public struct Removal: Sendable, Hashable, Codable {
    /// The id of the rule that fired (`rule` in JSON).
    public let ruleID: String
    /// The stage the rule ran in.
    public let stage: String
    /// What the rule did with its match.
    public let action: RuleAction
    /// 1-based line of the original document where the removed text starts.
    public let line: Int
    /// The removed text; whole lines are joined with "\n".
    public let text: String
    /// What replaced it, for `replace` rules.
    public let replacement: String?
    /// True for hits of `status: shadow` rules, which are reported but not removed.
    public let shadow: Bool

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule", stage, action, line, text, replacement, shadow
    }
}
