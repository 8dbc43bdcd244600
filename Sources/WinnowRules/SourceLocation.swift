/// A 1-based position in a rule file; columns count Unicode scalars, as YAML marks do.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path the rule file is reported under (``RuleSource/path``).
    public let file: String
    /// Line number, counting from 1.
    public let line: Int
    /// Column in Unicode scalars, counting from 1.
    public let column: Int

    /// A position in `file`; `line` and `column` count from 1.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers print positions.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file path, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
