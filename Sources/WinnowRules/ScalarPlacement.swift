/// Where a YAML scalar (a pattern) sits in its file, so that a byte offset PCRE2 reports inside the
/// pattern can be shown at the right file line and column.
public struct ScalarPlacement: Sendable, Hashable {
    /// How the scalar is written; quoting and block styles shift columns differently.
    public enum Style: Sendable, Hashable {
        /// Plain, single- or double-quoted, or a literal (`|`) or folded (`>`) block scalar.
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's start as YAML reports it (the opening quote, or the `|`/`>` indicator).
    public let start: SourceLocation
    /// How the scalar is written, which decides how offsets inside it map to columns.
    public let style: Style
    /// For block scalars, the column (1-based) where content lines start.
    public let blockContentColumn: Int?

    /// `blockContentColumn` is needed only for literal and folded block scalars.
    public init(start: SourceLocation, style: Style, blockContentColumn: Int? = nil) {
        self.start = start
        self.style = style
        self.blockContentColumn = blockContentColumn
    }

    /// Maps a UTF-8 byte offset inside `value` (the scalar's parsed text) to a position in the file.
    /// Exact for plain, single-quoted and literal-block scalars; for double-quoted and folded scalars it
    /// counts each escape or fold as written once, which is close enough to point at the problem.
    public func location(ofByteOffset offset: Int, in value: String) -> SourceLocation {
        let prefix = String(decoding: value.utf8.prefix(max(0, offset)), as: UTF8.self)
        let prefixLines = prefix.linesSplitAtLF
        let lastLine = prefixLines.last ?? ""
        let charsOnLine = lastLine.unicodeScalars.count
        switch style {
        case .literal, .folded:
            let column = (blockContentColumn ?? start.column) + charsOnLine
            return SourceLocation(file: start.file, line: start.line + prefixLines.count, column: column)
        case .plain:
            return SourceLocation(
                file: start.file, line: start.line + prefixLines.count - 1,
                column: (prefixLines.count == 1 ? start.column : 1) + charsOnLine)
        case .singleQuoted:
            let doubledQuotes = lastLine.unicodeScalars.filter { $0 == "'" }.count
            return SourceLocation(
                file: start.file, line: start.line + prefixLines.count - 1,
                column: (prefixLines.count == 1 ? start.column + 1 : 1) + charsOnLine + doubledQuotes)
        case .doubleQuoted:
            let escaped = lastLine.unicodeScalars.filter { $0 == "\\" || $0 == "\"" }.count
            return SourceLocation(
                file: start.file, line: start.line + prefixLines.count - 1,
                column: (prefixLines.count == 1 ? start.column + 1 : 1) + charsOnLine + escaped)
        }
    }
}
