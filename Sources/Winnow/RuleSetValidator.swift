import Foundation
import WinnowPCRE2

/// Everything `winnow validate` checks, as a library call: YAML and schema problems, duplicate ids,
/// patterns that do not compile or can match the empty string, failing examples, and patterns that hit
/// the match limit on adversarial probe texts.
public struct RuleSetValidator: Sendable {
    /// The outcome: the diagnostics, plus counts for the summary line.
    public struct Report: Sendable {
        /// Every problem found, in file order, each note after the diagnostic it explains.
        public let diagnostics: [Diagnostic]
        /// Rules loaded, whether or not they compiled.
        public let ruleCount: Int
        /// Examples run; those of rules that do not compile are not counted.
        public let exampleCount: Int
        /// Examples that failed: the rule left other text than expected, or matching itself failed.
        public let failedExampleCount: Int
        /// Rules whose pattern has no literal the prefilter can look for: they run on every line of their
        /// scope, which costs a regex call per line.
        public let rulesWithoutLiteral: [String]
        /// Whether the rule set may be used for cleaning (no errors).
        public var isValid: Bool { !diagnostics.containsErrors }
    }

    /// Limits for the probe runs: far below the cleaning limits, so that a pattern with super-linear
    /// backtracking shows up on short probes.
    public var probeLimits = MatchLimits(matchLimit: 200_000, depthLimit: 5_000)

    /// A validator with the default ``probeLimits``.
    public init() {}

    /// Validates `sources` as one rule set.
    public func validate(_ sources: [RuleSource]) -> Report {
        let (ruleSet, loadDiagnostics) = RuleSet.load(sources)
        var diagnostics = loadDiagnostics
        let session = MatchSession()
        let probeSession = MatchSession(limits: probeLimits)
        var exampleCount = 0
        var failedExampleCount = 0
        var rulesWithoutLiteral: [String] = []
        for rule in ruleSet.rules {
            var activeRule = rule
            activeRule.status = .active
            let compiled: CompiledRule
            switch CompiledRule.compile(activeRule) {
            case .success(let rule): compiled = rule
            case .failure(let failure):
                diagnostics += failure.diagnostics
                continue
            }
            if !compiled.hasRequiredLiteral { rulesWithoutLiteral.append(rule.id) }
            let pipeline = Self.pipeline(running: compiled)
            for example in rule.examples {
                exampleCount += 1
                if let problem = Self.check(example, of: rule, with: pipeline, session: session) {
                    failedExampleCount += 1
                    diagnostics.append(problem)
                }
            }
            diagnostics += probe(compiled, session: probeSession)
        }
        return Report(
            diagnostics: Self.sortedByLocation(diagnostics), ruleCount: ruleSet.rules.count, exampleCount: exampleCount,
            failedExampleCount: failedExampleCount, rulesWithoutLiteral: rulesWithoutLiteral)
    }

    /// Orders diagnostics by file position, each note staying after the diagnostic it explains; the
    /// sort is stable, so problems at one position keep the order they were found in.
    static func sortedByLocation(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var groups: [[Diagnostic]] = []
        for diagnostic in diagnostics {
            if diagnostic.severity == .note, !groups.isEmpty {
                groups[groups.count - 1].append(diagnostic)
            } else {
                groups.append([diagnostic])
            }
        }
        var fileRank: [String: Int] = [:]
        for group in groups {
            if let file = group[0].location?.file, fileRank[file] == nil { fileRank[file] = fileRank.count }
        }
        func key(_ index: Int) -> (Int, Int, Int, Int) {
            guard let location = groups[index][0].location else { return (Int.max, 0, 0, index) }
            return (fileRank[location.file]!, location.line, location.column, index)
        }
        let sorted = groups.indices.sorted { key($0) < key($1) }
        return sorted.flatMap { groups[$0] }
    }

    /// A pipeline of one stage holding only `rule`, with the over-removal guard off (an example is often
    /// all boilerplate).
    static func pipeline(running rule: CompiledRule) -> Pipeline {
        Pipeline(
            stages: [Stage(declaration: StageDeclaration(id: rule.rule.stage), rules: [rule])],
            options: CleaningOptions(maxRemoval: 1))
    }

    /// Runs one example; returns a diagnostic at the example when the rule does not do what it says.
    static func check(
        _ example: RuleExample, of rule: Rule, with pipeline: Pipeline, session: MatchSession
    ) -> Diagnostic? {
        let output: String
        do {
            output = try pipeline.clean(example.input, session: session).outputText
        } catch {
            return Diagnostic(.error, "example failed to run: \(error)", at: example.location ?? rule.location,
                              ruleID: rule.id)
        }
        guard output != example.expectedOutput else { return nil }
        // Cleaning repeats until nothing changes, so a rule that rewrites its own output never settles.
        if example.expectation != .kept, let again = try? pipeline.clean(example.expectedOutput, session: session),
           again.changed {
            return Diagnostic(
                .error, "rule '\(rule.id)' changes its own output again (to \(quoted(again.outputText))), so cleaning "
                    + "never settles", at: example.location ?? rule.location, ruleID: rule.id)
        }
        let message: String
        switch example.expectation {
        case .removed:
            message = output == example.input
                ? "rule '\(rule.id)' does not remove this example"
                : "rule '\(rule.id)' removes only part of this example; left: \(quoted(output))"
        case .kept:
            message = "rule '\(rule.id)' must keep this example but changes it to \(quoted(output))"
        case .rewritten(let expected):
            message = "rule '\(rule.id)' turns this example into \(quoted(output)), expected \(quoted(expected))"
        }
        return Diagnostic(.error, message, at: example.location ?? rule.location, ruleID: rule.id)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// Texts on which badly nested quantifiers explode: long runs of one class of character that almost,
    /// but not quite, complete a match.
    static let probes: [String] = {
        let unit = 4_000
        return [
            String(repeating: "a", count: unit) + "!",
            String(repeating: " ", count: unit) + "x",
            String(repeating: "a ", count: unit / 2) + "!",
            String(repeating: "ab", count: unit / 2),
            String(repeating: "1", count: unit) + "x",
            String(repeating: ". ", count: unit / 2),
            String(repeating: "Aa1 ,.-", count: unit / 7),
            String(repeating: "word ", count: unit / 5) + "\n" + String(repeating: "x", count: unit),
            String(repeating: "é ", count: unit / 2),
        ]
    }()

    /// The probes as UTF-8, converted once.
    private static let probeBytes = probes.map { ($0, Array($0.utf8)) }

    private func probe(_ rule: CompiledRule, session: MatchSession) -> [Diagnostic] {
        for (probe, bytes) in Self.probeBytes {
            let failed = bytes.withUnsafeBufferPointer { (buffer) -> Bool in
                do throws(PCRE2Error) {
                    _ = try session.firstMatch(of: rule.pattern, in: buffer)
                    return false
                } catch {
                    return error.isResourceLimit
                }
            }
            guard failed else { continue }
            let sample = String(probe.prefix(12)).replacingOccurrences(of: "\n", with: "\\n")
            return [Diagnostic(
                .warning,
                "pattern hits the match limit on a \(bytes.count)-byte probe text (\"\(sample)…\"); it may backtrack catastrophically",
                at: rule.rule.patternPlacement?.start ?? rule.rule.location, ruleID: rule.rule.id)]
        }
        return []
    }
}
