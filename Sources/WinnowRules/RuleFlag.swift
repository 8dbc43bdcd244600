/// A pattern flag a rule file may list under `flags:`.
public enum RuleFlag: String, Sendable, Hashable, CaseIterable, Codable {
    /// Each turns on the PCRE2 compile option of the same name; `multiline` also makes the rule match the
    /// whole document instead of one line at a time.
    case caseless, multiline, dotall, extended, ucp, ungreedy

}
