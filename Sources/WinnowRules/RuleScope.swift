/// Where in a document a rule may fire, counted in non-blank lines of the text the rule's stage sees.
public enum RuleScope: Sendable, Hashable, CustomStringConvertible {
    /// Any line.
    case anywhere
    /// Only a match starting within the first N non-blank lines.
    case first(Int)
    /// Only a match starting within the last N non-blank lines.
    case last(Int)

    /// Parses `anywhere`, `first N` or `last N`.
    public init?(parsing text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        if words == ["anywhere"] {
            self = .anywhere
            return
        }
        guard words.count == 2, let count = Int(words[1]), count > 0 else { return nil }
        switch words[0] {
        case "first": self = .first(count)
        case "last": self = .last(count)
        default: return nil
        }
    }

    /// The scope as written after `where:` (`first 3`), which ``init(parsing:)`` reads back.
    public var description: String {
        switch self {
        case .anywhere: "anywhere"
        case .first(let count): "first \(count)"
        case .last(let count): "last \(count)"
        }
    }
}
