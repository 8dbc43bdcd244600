import CPCRE2

/// Compile options a rule may ask for. UTF mode and the ANYCRLF newline convention are always on.
public struct PatternOptions: OptionSet, Sendable, Hashable {
    /// The `PCRE2_*` compile-option bits, as `pcre2_compile` takes them.
    public let rawValue: UInt32
    /// Options from `PCRE2_*` compile-option bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Letters match in either case (`PCRE2_CASELESS`).
    public static let caseless = PatternOptions(rawValue: PCRE2_CASELESS)
    /// `^` and `$` match at every line start and end (`PCRE2_MULTILINE`).
    public static let multiline = PatternOptions(rawValue: PCRE2_MULTILINE)
    /// `.` also matches line terminators (`PCRE2_DOTALL`).
    public static let dotall = PatternOptions(rawValue: PCRE2_DOTALL)
    /// White space and `#` comments in the pattern are ignored (`PCRE2_EXTENDED`).
    public static let extended = PatternOptions(rawValue: PCRE2_EXTENDED)
    /// `\w`, `\d`, `\b` and POSIX classes use Unicode properties (`PCRE2_UCP`).
    public static let ucp = PatternOptions(rawValue: PCRE2_UCP)
    /// Quantifiers are lazy by default and greedy when followed by `?` (`PCRE2_UNGREEDY`).
    public static let ungreedy = PatternOptions(rawValue: PCRE2_UNGREEDY)
}
