/// One example a rule carries; examples run in `winnow validate` and in the test suite.
public struct RuleExample: Sendable, Hashable {
    /// What the rule, run alone on `input`, must produce.
    public enum Expectation: Sendable, Hashable {
        /// The whole input is removed.
        case removed
        /// The input is left byte-identical.
        case kept
        /// The input becomes exactly this text.
        case rewritten(String)
    }

    /// The text the rule is run on, on its own.
    public let input: String
    /// What the rule must make of `input`.
    public let expectation: Expectation
    /// Where the example is written, so a failure points at it.
    public let location: SourceLocation?

    /// An example; `location` is nil for one made in code.
    public init(input: String, expectation: Expectation, location: SourceLocation? = nil) {
        self.input = input
        self.expectation = expectation
        self.location = location
    }

    /// The text the rule must leave.
    public var expectedOutput: String {
        switch expectation {
        case .removed: ""
        case .kept: input
        case .rewritten(let output): output
        }
    }
}
