/// A stage as declared under `stages:` in a rule file; the order of declarations is the default order.
public struct StageDeclaration: Sendable, Hashable {
    public let id: String
    public let description: String
    public let location: SourceLocation?

    public init(id: String, description: String = "", location: SourceLocation? = nil) {
        self.id = id
        self.description = description
        self.location = location
    }
}
