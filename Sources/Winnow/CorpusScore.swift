/// How close cleaning came to a careful editor's text, measured on word and punctuation tokens:
/// *content lost* is the share of the expected text's tokens missing from the output; *boilerplate
/// recall* is the share of the boilerplate's tokens (those in the raw text but not in the expected text)
/// that cleaning removed. Token sequences are aligned with a diff, so repeated words count correctly.
public struct CorpusScore: Sendable, Hashable {
    /// Tokens in the expected text.
    public let contentTokens: Int
    /// Tokens of the expected text missing from the output.
    public let lostContentTokens: Int
    /// Tokens in the raw text but not in the expected text.
    public let boilerplateTokens: Int
    /// Boilerplate tokens missing from the output.
    public let removedBoilerplateTokens: Int
    /// Up to a dozen of the lost tokens, for messages.
    public let lostContentSample: String

    /// The sum of `scores`: totals over a corpus, weighted by tokens rather than by pairs.
    public init(total scores: [CorpusScore]) {
        contentTokens = scores.reduce(0) { $0 + $1.contentTokens }
        lostContentTokens = scores.reduce(0) { $0 + $1.lostContentTokens }
        boilerplateTokens = scores.reduce(0) { $0 + $1.boilerplateTokens }
        removedBoilerplateTokens = scores.reduce(0) { $0 + $1.removedBoilerplateTokens }
        lostContentSample = scores.map(\.lostContentSample).first { !$0.isEmpty } ?? ""
    }

    /// Scores `output`, what cleaning made of `raw`, against `expected`, the text as an editor cleaned it.
    public init(raw: [UInt8], expected: [UInt8], output: [UInt8]) {
        let rawTokens = Self.tokens(raw)
        let expectedTokens = Self.tokens(expected)
        let outputTokens = Self.tokens(output)

        var lost: [String] = []
        for change in outputTokens.difference(from: expectedTokens) {
            if case .remove(_, let token, _) = change { lost.append(token) }
        }
        var boilerplate = Set<Int>()
        for change in expectedTokens.difference(from: rawTokens) {
            if case .remove(let offset, _, _) = change { boilerplate.insert(offset) }
        }
        var removed = Set<Int>()
        for change in outputTokens.difference(from: rawTokens) {
            if case .remove(let offset, _, _) = change { removed.insert(offset) }
        }
        contentTokens = expectedTokens.count
        lostContentTokens = lost.count
        boilerplateTokens = boilerplate.count
        removedBoilerplateTokens = boilerplate.intersection(removed).count
        lostContentSample = lost.prefix(12).joined(separator: " ")
    }

    /// Share of the expected text's tokens that cleaning lost (0 is the goal).
    public var contentLost: Double {
        contentTokens == 0 ? 0 : Double(lostContentTokens) / Double(contentTokens)
    }

    /// Share of the boilerplate's tokens that cleaning removed (1 when there was none).
    public var boilerplateRecall: Double {
        boilerplateTokens == 0 ? 1 : Double(removedBoilerplateTokens) / Double(boilerplateTokens)
    }

    /// Words (runs of letters, digits and marks) and single punctuation characters.
    static func tokens(_ bytes: [UInt8]) -> [String] {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty { tokens.append(String(word)) }
            word = String.UnicodeScalarView()
        }
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark {
                word.append(scalar)
            } else {
                flush()
                if !properties.isWhitespace { tokens.append(String(scalar)) }
            }
        }
        flush()
        return tokens
    }
}
