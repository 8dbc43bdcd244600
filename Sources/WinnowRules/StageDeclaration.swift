/// A stage as declared under `stages:` in a rule file; the order of declarations is the default order.
public struct StageDeclaration: Sendable, Hashable {
    /// Unique across every loaded rule file; rules name it under `stage:`.
    public let id: String
    /// What the stage's rules remove; empty when the stage is declared by name only.
    public let description: String
    /// Where the stage is declared; nil for a stage made in code.
    public let location: SourceLocation?

    /// The defaults suit a stage made in code: no description, no location.
    public init(id: String, description: String = "", location: SourceLocation? = nil) {
        self.id = id
        self.description = description
        self.location = location
    }
}
