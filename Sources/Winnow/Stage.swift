/// A stage ready to run: its declaration and its compiled, enabled rules in load order.
public struct Stage: Sendable {
    public let declaration: StageDeclaration
    public let rules: [CompiledRule]

    public init(declaration: StageDeclaration, rules: [CompiledRule]) {
        self.declaration = declaration
        self.rules = rules
    }

    public var id: String { declaration.id }
}
