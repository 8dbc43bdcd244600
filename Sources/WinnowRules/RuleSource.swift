/// The text of one rule file and the path it is reported under.
public struct RuleSource: Sendable, Hashable {
    /// Path used in diagnostics (`Rules/20-generation-notes.yaml` for built-ins).
    public let path: String
    /// The YAML text.
    public let text: String

    /// Rule-file text reported as `path`; nothing is read from disk.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
