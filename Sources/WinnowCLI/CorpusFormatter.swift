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
            var line = "\(status) \(name)  content lost \(percent(pair.score.contentLost))  boilerplate recall \(percent(pair.score.boilerplateRecall))"
            if let error = pair.error { line += "  (\(error))" }
            lines.append(line)
        }
        for pair in evaluation.pairs where !pair.exact {
            lines.append("")
            lines += pair.diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        lines.append("")
        let exact = evaluation.pairs.filter(\.passed).count
        let total = evaluation.total
        lines.append("corpus: \(exact) of \(evaluation.pairs.count) pairs exact; "
            + "content lost \(percent(total.contentLost)) (\(total.lostContentTokens) of \(total.contentTokens) tokens); "
            + "boilerplate recall \(percent(total.boilerplateRecall)) (\(total.removedBoilerplateTokens) of \(total.boilerplateTokens) tokens)")
        let hits = evaluation.ruleHits.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        lines.append("rule hits: " + (hits.isEmpty ? "none" : hits.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        if !evaluation.rulesNeverFired.isEmpty {
            lines.append("never fired: " + evaluation.rulesNeverFired.joined(separator: ", "))
        }
        return lines
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
