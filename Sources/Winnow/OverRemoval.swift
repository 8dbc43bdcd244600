/// Set on a result when cleaning would have removed more than the allowed share of a document's
/// characters; the document is then left unchanged, since losing most of an article is likelier a bad rule
/// than boilerplate.
public struct OverRemoval: Sendable, Hashable, Codable {
    /// The share of characters the rules would have removed (0…1).
    public let share: Double
    /// The allowed share.
    public let limit: Double
    /// The rules that removed something, most characters first.
    public let ruleIDs: [String]
}
