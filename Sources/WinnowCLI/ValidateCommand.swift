import ArgumentParser
import Winnow

/// `winnow validate`: checks a rule set and runs every rule's examples.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check rule files: schema, patterns, duplicate ids, and every rule's examples.",
        discussion: """
            Validates the built-in rules together with PATHs (the set `--rules PATH` would clean with); \
            --no-builtin checks PATHs alone, e.g. an edited copy of Rules/. Exit status 0 valid, 1 invalid, \
            2 usage error.
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
        switch format {
        case .json:
            StandardStreams.print(DiagnosticFormatter.json(report.diagnostics, summary: Summary(
                rules: report.ruleCount, examples: report.exampleCount, failedExamples: report.failedExampleCount,
                errors: errors, warnings: warnings, valid: valid)))
        case .human:
            for line in DiagnosticFormatter.human(report.diagnostics) { StandardStreams.print(line) }
            StandardStreams.print(
                "\(valid ? "valid" : "invalid"): \(report.ruleCount) rules, \(report.exampleCount) examples "
                    + "(\(report.failedExampleCount) failed), \(errors) error\(errors == 1 ? "" : "s"), "
                    + "\(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if !valid { throw ExitStatus.findings }
    }
}
