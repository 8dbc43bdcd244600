import WinnowPCRE2

/// A pattern flag a rule file may list under `flags:`.
public enum RuleFlag: String, Sendable, Hashable, CaseIterable, Codable {
    case caseless, multiline, dotall, extended, ucp, ungreedy

    /// The PCRE2 compile option behind the flag.
    var patternOption: PatternOptions {
        switch self {
        case .caseless: .caseless
        case .multiline: .multiline
        case .dotall: .dotall
        case .extended: .extended
        case .ucp: .ucp
        case .ungreedy: .ungreedy
        }
    }
}
