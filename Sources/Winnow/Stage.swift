/// A stage ready to run: its declaration and its compiled, enabled rules in load order.
public struct Stage: Sendable {
    /// The stage's id and description as its rule file declares them.
    public let declaration: StageDeclaration
    /// The compiled, enabled rules, in the order they run.
    public let rules: [CompiledRule]

    /// A stage composed in code; `rules` run in the order given.
    public init(declaration: StageDeclaration, rules: [CompiledRule]) {
        self.declaration = declaration
        self.rules = rules
    }

    /// The declared id, which rules name under `stage:`.
    public var id: String { declaration.id }
}
