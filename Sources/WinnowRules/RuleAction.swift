/// What a rule does with the text its pattern matches.
public enum RuleAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Delete every line the match touches.
    case dropLine = "drop-line"
    /// Delete the block of consecutive non-blank lines around the match.
    case dropParagraph = "drop-paragraph"
    /// Delete only the matched text, then tidy the white space left at the seam.
    case removeMatch = "remove-match"
    /// Replace the matched text with the rule's replacement template.
    case replace
    /// Delete from the first line the match touches to the end of the document.
    case cutToEnd = "cut-to-end"

    /// Whether the action edits inside a line rather than deleting whole lines.
    package var editsInsideLine: Bool { self == .removeMatch || self == .replace }
}
