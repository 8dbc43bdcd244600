import WinnowPCRE2

/// Why a document could not be cleaned. The document is then left exactly as it was.
public enum CleaningError: Error, Sendable, CustomStringConvertible {
    /// The bytes are not UTF-8; `offset` is the first bad byte.
    case invalidUTF8(offset: Int)
    /// PCRE2 failed while matching, most often by hitting the match limit (catastrophic backtracking).
    case matchFailed(ruleID: String, stage: String, line: Int, error: PCRE2Error)

    /// A one-line message for the command line, naming the rule, stage and line when matching failed.
    public var description: String {
        switch self {
        case .invalidUTF8(let offset):
            return "invalid UTF-8 at byte \(offset)"
        case .matchFailed(let ruleID, let stage, let line, let error):
            let cause = error.isResourceLimit
                ? "hit the match limit (the pattern backtracks catastrophically on this text)" : error.message
            return "rule '\(ruleID)' (stage \(stage)) \(cause) at line \(line); the document was left unchanged"
        }
    }
}
