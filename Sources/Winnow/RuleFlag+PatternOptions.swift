import WinnowPCRE2

extension RuleFlag {
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
