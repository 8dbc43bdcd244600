/// One problem found in a rule set, with where it is. The library collects these instead of throwing, so a
/// rule author sees every problem in one pass; the front end decides how to print them and what exit
/// status follows.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The rule set cannot be used.
        case error
        /// The rule set works, but something deserves a look.
        case warning
        /// Extra context for the diagnostic before it.
        case note
    }

    public let severity: Severity
    public let location: SourceLocation?
    public let message: String
    /// The offending source line and a caret line under the column, when there is one to show.
    public let snippet: [String]
    /// The id of the rule concerned, if any.
    public let ruleID: String?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation?, ruleID: String? = nil,
        snippet: [String] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.ruleID = ruleID
        self.snippet = snippet
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}

/// Diagnostics carried as an error value.
public struct DiagnosticList: Error, Sendable {
    public let diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
