/// Whether a rule edits documents or only reports what it would remove.
public enum RuleStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The rule's hits are removed.
    case active
    /// Report-only: hits appear in reports, nothing is removed. The safe way to try a rule on a corpus.
    case shadow
}
