import Foundation
import WinnowPCRE2

/// How a rule set does on a folder of `NAME.raw.txt` / `NAME.expected.txt` pairs: the way to develop a
/// rule set against real articles (`winnow validate --corpus DIR`).
public struct CorpusEvaluation: Sendable, Encodable {
    /// The outcome for one pair.
    public struct Pair: Sendable, Encodable {
        /// The NAME shared by the pair's `.raw.txt` and `.expected.txt` files.
        public let name: String
        /// Whether the output equals the expected text byte for byte.
        public let exact: Bool
        /// Unified diff from the expected text to winnow's output (empty when exact).
        public let diff: String
        /// Content lost and boilerplate recall, on word and punctuation tokens.
        public let score: CorpusScore
        /// Why the pair could not be cleaned, if it could not.
        public let error: String?

        /// Exact, and nothing failed.
        public var passed: Bool { exact && error == nil }

        private enum CodingKeys: String, CodingKey {
            case name, exact, passed, diff, contentTokens, lostContentTokens, boilerplateTokens
            case removedBoilerplateTokens, contentLost, boilerplateRecall, error
        }

        /// The stored facts and the shares derived from them, for `--format json`.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(exact, forKey: .exact)
            try container.encode(passed, forKey: .passed)
            try container.encode(diff, forKey: .diff)
            try container.encode(score.contentTokens, forKey: .contentTokens)
            try container.encode(score.lostContentTokens, forKey: .lostContentTokens)
            try container.encode(score.boilerplateTokens, forKey: .boilerplateTokens)
            try container.encode(score.removedBoilerplateTokens, forKey: .removedBoilerplateTokens)
            try container.encode(score.contentLost, forKey: .contentLost)
            try container.encode(score.boilerplateRecall, forKey: .boilerplateRecall)
            try container.encodeIfPresent(error, forKey: .error)
        }
    }

    /// One outcome per pair, sorted by name.
    public let pairs: [Pair]
    /// Removals (and shadow hits) per rule id over the whole corpus.
    public let ruleHits: [String: Int]
    /// Ids of rules that removed nothing in any pair.
    public let rulesNeverFired: [String]

    /// The pairs' scores summed: shares over the whole corpus, weighted by tokens rather than pairs.
    public var total: CorpusScore { CorpusScore(total: pairs.map(\.score)) }
    /// Every pair exact and no content lost.
    public var passed: Bool { pairs.allSatisfy(\.passed) && total.lostContentTokens == 0 }

    private enum CodingKeys: String, CodingKey {
        case pairs, passed, contentLost, boilerplateRecall, ruleHits, rulesNeverFired
    }

    /// The pairs, the totals and the rule counts, for `--format json`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pairs, forKey: .pairs)
        try container.encode(passed, forKey: .passed)
        try container.encode(total.contentLost, forKey: .contentLost)
        try container.encode(total.boilerplateRecall, forKey: .boilerplateRecall)
        try container.encode(ruleHits, forKey: .ruleHits)
        try container.encode(rulesNeverFired, forKey: .rulesNeverFired)
    }

    /// Cleans every pair in `folder` with `pipeline` and scores it. Throws when the folder cannot be read
    /// or holds no pairs.
    public static func evaluate(folder: String, pipeline: Pipeline) throws(FileError) -> CorpusEvaluation {
        let names = try pairNames(in: folder)
        let session = MatchSession(limits: pipeline.options.limits)
        var pairs: [Pair] = []
        var hits: [String: Int] = [:]
        for name in names {
            let raw = try FileIO.contents(of: "\(folder)/\(name).raw.txt")
            let expected = try FileIO.contents(of: "\(folder)/\(name).expected.txt")
            let output: [UInt8]
            var error: String?
            do {
                let result = try pipeline.clean(raw, session: session)
                output = result.output
                for removal in result.removals + result.shadowHits { hits[removal.ruleID, default: 0] += 1 }
                if let overRemoval = result.overRemoval {
                    error = "over-removal guard: \(Int(overRemoval.share * 100))% would go (rules: \(overRemoval.ruleIDs.joined(separator: ", ")))"
                }
            } catch let failure {
                output = raw
                error = "\(failure)"
            }
            let diff = UnifiedDiff.make(
                old: String(decoding: expected, as: UTF8.self), new: String(decoding: output, as: UTF8.self),
                oldName: "\(name).expected.txt", newName: "winnow(\(name).raw.txt)")
            pairs.append(Pair(
                name: name, exact: output == expected, diff: diff,
                score: CorpusScore(raw: raw, expected: expected, output: output), error: error))
        }
        let ruleIDs = pipeline.stages.flatMap { $0.rules.map(\.rule.id) }
        return CorpusEvaluation(pairs: pairs, ruleHits: hits, rulesNeverFired: ruleIDs.filter { hits[$0] == nil })
    }

    /// Names that have both a `.raw.txt` and an `.expected.txt` file, sorted.
    static func pairNames(in folder: String) throws(FileError) -> [String] {
        let names: Set<String>
        do {
            names = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        } catch {
            throw FileError(path: folder, reason: "cannot list folder")
        }
        let pairs = names.filter { $0.hasSuffix(".raw.txt") }
            .map { String($0.dropLast(".raw.txt".count)) }
            .filter { names.contains("\($0).expected.txt") }
            .sorted()
        guard !pairs.isEmpty else {
            throw FileError(path: folder, reason: "no NAME.raw.txt / NAME.expected.txt pairs found")
        }
        return pairs
    }
}
