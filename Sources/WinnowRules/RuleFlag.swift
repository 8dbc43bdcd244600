/// A pattern flag a rule file may list under `flags:`.
public enum RuleFlag: String, Sendable, Hashable, CaseIterable, Codable {
    case caseless, multiline, dotall, extended, ucp, ungreedy

}
