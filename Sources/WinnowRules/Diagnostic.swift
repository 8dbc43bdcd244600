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

    /// Whether the problem stops the rule set being used, only deserves a look, or explains the one before.
    public let severity: Severity
    /// Where in a rule file the problem is; nil for one outside any file, such as an unknown `--stages` name.
    public let location: SourceLocation?
    /// What is wrong, in lower case and without a closing full stop; the front end adds location and severity.
    public let message: String
    /// The offending source line and a caret line under the column, when there is one to show.
    public let snippet: [String]
    /// The id of the rule concerned, if any.
    public let ruleID: String?

    /// `snippet` holds lines to show under the message, such as the pattern with a caret.
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
    /// Every problem found, in the order found.
    public let diagnostics: [Diagnostic]
    /// Carries `diagnostics` as one error.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
