import ArgumentParser
import Winnow

/// `winnow validate`: checks a rule set and runs every rule's examples.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check rule files: schema, patterns, duplicate ids, and every rule's examples.",
        discussion: """
            Validates the built-in rules together with PATHs (the set `--rules PATH` would clean with); \
            --no-builtin checks PATHs alone, e.g. an edited copy of Rules/. With --corpus DIR, the valid rule \
            set then cleans every NAME.raw.txt in DIR and compares it with NAME.expected.txt: per pair and in \
            total, exactness (with a diff), content lost and boilerplate recall (on word and punctuation \
            tokens), hits per rule, and rules that never fired. Exit status 0 valid (and, with --corpus, \
            every pair exact with no content lost), 1 otherwise, 2 usage error.
            """
    )

    @Argument(help: "Rule files or folders to check along with the built-ins.")
    var paths: [String] = []

    @Flag(name: .customLong("no-builtin"), help: "Check only PATHs, without the built-in rules.")
    var noBuiltin = false

    @Option(help: "Output format.")
    var format: OutputFormat = .human

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp("Also test the rule set on a folder of NAME.raw.txt / NAME.expected.txt pairs.",
                               valueName: "dir"))
    var corpus: String?

    func validate() throws {
        if noBuiltin, paths.isEmpty { throw ValidationError("--no-builtin needs at least one PATH to check") }
    }

    private struct Summary: Encodable {
        let rules: Int
        let examples: Int
        let failedExamples: Int
        let errors: Int
        let warnings: Int
        let valid: Bool
        let rulesWithoutLiteral: [String]
    }

    func run() throws {
        let sources: [RuleSource]
        do {
            sources = (noBuiltin ? [] : RuleSet.builtInSources) + (try RuleSet.sources(at: paths))
        } catch {
            StandardStreams.printError("winnow: cannot read rules: \(error)")
            throw ExitStatus.failure
        }
        let report = RuleSetValidator().validate(sources)
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        let valid = errors == 0 && (!strict || warnings == 0)
        if let corpus, valid {
            try runCorpus(corpus, sources: sources, diagnostics: report.diagnostics)
            return
        }
        switch format {
        case .json:
            StandardStreams.print(DiagnosticFormatter.json(report.diagnostics, summary: Summary(
                rules: report.ruleCount, examples: report.exampleCount, failedExamples: report.failedExampleCount,
                errors: errors, warnings: warnings, valid: valid, rulesWithoutLiteral: report.rulesWithoutLiteral)))
        case .human:
            for line in DiagnosticFormatter.human(report.diagnostics) { StandardStreams.print(line) }
            if !noBuiltin, report.diagnostics.contains(where: { $0.message.hasPrefix("duplicate rule id") }) {
                StandardStreams.print(
                    "hint: the built-in rules are checked too; to check an edited copy of Rules/ alone, add --no-builtin")
            }
            if !report.rulesWithoutLiteral.isEmpty {
                StandardStreams.print(
                    "note: \(report.rulesWithoutLiteral.count) rule\(report.rulesWithoutLiteral.count == 1 ? "" : "s") "
                        + "with no required literal run on every line of their scope: "
                        + report.rulesWithoutLiteral.joined(separator: ", "))
            }
            StandardStreams.print(
                "\(valid ? "valid" : "invalid"): \(report.ruleCount) rule\(report.ruleCount == 1 ? "" : "s"), "
                    + "\(report.exampleCount) example\(report.exampleCount == 1 ? "" : "s") "
                    + "(\(report.failedExampleCount) failed), \(errors) error\(errors == 1 ? "" : "s"), "
                    + "\(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if !valid { throw ExitStatus.findings }
    }

    private func runCorpus(_ folder: String, sources: [RuleSource], diagnostics: [Diagnostic]) throws {
        let (ruleSet, _) = RuleSet.load(sources)
        let pipeline: Pipeline
        switch Pipeline.build(ruleSet) {
        case .success(let built): pipeline = built
        case .failure(let failure):
            for line in DiagnosticFormatter.human(failure.diagnostics) { StandardStreams.printError(line) }
            throw ExitStatus.findings
        }
        let evaluation: CorpusEvaluation
        do {
            evaluation = try CorpusEvaluation.evaluate(folder: folder, pipeline: pipeline)
        } catch {
            StandardStreams.printError("winnow: \(error)")
            throw ExitStatus.failure
        }
        switch format {
        case .json:
            StandardStreams.print(JSONText.encode(evaluation, pretty: true))
        case .human:
            for line in DiagnosticFormatter.human(diagnostics) { StandardStreams.print(line) }
            for line in CorpusFormatter.human(evaluation) { StandardStreams.print(line) }
        }
        if !evaluation.passed { throw ExitStatus.findings }
    }
}
