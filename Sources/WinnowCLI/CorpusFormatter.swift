import Foundation
import Winnow

/// Renders a corpus evaluation for people: a line per pair, diffs of the pairs that differ, totals, and
/// the rules' hit counts.
enum CorpusFormatter {
    static func human(_ evaluation: CorpusEvaluation) -> [String] {
        var lines: [String] = []
        let width = evaluation.pairs.map(\.name.count).max() ?? 0
        for pair in evaluation.pairs {
            let status = pair.passed ? "PASS" : "FAIL"
            let name = pair.name.padding(toLength: width, withPad: " ", startingAt: 0)
            var line = "\(status) \(name)  content lost \(percent(pair.contentLost))  boilerplate recall \(percent(pair.boilerplateRecall))"
            if let error = pair.error { line += "  (\(error))" }
            lines.append(line)
        }
        for pair in evaluation.pairs where !pair.exact {
            lines.append("")
            lines += pair.diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        lines.append("")
        let exact = evaluation.pairs.filter(\.passed).count
        lines.append("corpus: \(exact) of \(evaluation.pairs.count) pairs exact; "
            + "content lost \(percent(evaluation.contentLost)) (\(evaluation.lostContentTokens) of \(evaluation.contentTokens) tokens); "
            + "boilerplate recall \(percent(evaluation.boilerplateRecall)) (\(evaluation.removedBoilerplateTokens) of \(evaluation.boilerplateTokens) tokens)")
        let hits = evaluation.ruleHits.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        lines.append("rule hits: " + (hits.isEmpty ? "none" : hits.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        if !evaluation.rulesNeverFired.isEmpty {
            lines.append("never fired: " + evaluation.rulesNeverFired.joined(separator: ", "))
        }
        return lines
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}

/// The JSON form of a corpus evaluation: the library's facts plus the derived shares.
struct CorpusJSON: Encodable {
    struct Pair: Encodable {
        let name: String
        let exact: Bool
        let passed: Bool
        let contentLost: Double
        let boilerplateRecall: Double
        let lostContentTokens: Int
        let contentTokens: Int
        let removedBoilerplateTokens: Int
        let boilerplateTokens: Int
        let diff: String
        let error: String?
    }

    let pairs: [Pair]
    let passed: Bool
    let contentLost: Double
    let boilerplateRecall: Double
    let ruleHits: [String: Int]
    let rulesNeverFired: [String]

    init(_ evaluation: CorpusEvaluation) {
        pairs = evaluation.pairs.map {
            Pair(name: $0.name, exact: $0.exact, passed: $0.passed, contentLost: $0.contentLost,
                 boilerplateRecall: $0.boilerplateRecall, lostContentTokens: $0.lostContentTokens,
                 contentTokens: $0.contentTokens, removedBoilerplateTokens: $0.removedBoilerplateTokens,
                 boilerplateTokens: $0.boilerplateTokens, diff: $0.diff, error: $0.error)
        }
        passed = evaluation.passed
        contentLost = evaluation.contentLost
        boilerplateRecall = evaluation.boilerplateRecall
        ruleHits = evaluation.ruleHits
        rulesNeverFired = evaluation.rulesNeverFired
    }
}
