import ArgumentParser
import Winnow

/// The options every cleaning command shares: which rules and stages run, and the safety limit.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "Add rule files or folders of *.yaml rule files (repeatable).", valueName: "path"))
    var rulePaths: [String] = []

    @Option(name: .customLong("patterns"), help: ArgumentHelp(
        "Add a grep -f style file: one PCRE2 pattern per line, each dropping the lines it matches (repeatable).",
        valueName: "file"))
    var patternFiles: [String] = []

    @Flag(name: .customLong("no-builtin"), help: "Do not load the built-in rules.")
    var noBuiltin = false

    @Option(help: ArgumentHelp("Run only these stages, in this order (comma-separated).", valueName: "a,b,c"))
    var stages: String?

    @Option(help: ArgumentHelp("Leave out these stages (comma-separated).", valueName: "a,b"))
    var skip: String?

    @Option(help: ArgumentHelp("Switch off a rule by id (repeatable, or comma-separated).", valueName: "rule-id"))
    var disable: [String] = []

    @Option(name: .customLong("max-removal"), help: ArgumentHelp(
        "Leave a document unchanged if cleaning would remove more than this percentage of its characters.",
        valueName: "percent"))
    var maxRemovalPercent: Double = 50

    func validate() throws {
        if let stages, Self.list(stages).isEmpty { throw ValidationError("--stages needs at least one stage name") }
        if let skip, Self.list(skip).isEmpty { throw ValidationError("--skip needs at least one stage name") }
        guard (0...100).contains(maxRemovalPercent) else {
            throw ValidationError("--max-removal takes a percentage from 0 to 100, not \(maxRemovalPercent)")
        }
    }

    /// The rule files `--rules` names.
    private func userSources() throws -> [RuleSource] {
        do {
            return try RuleSet.sources(at: rulePaths)
        } catch {
            StandardStreams.printError("winnow: cannot read rules: \(error)")
            throw ExitStatus.failure
        }
    }

    var selection: StageSelection {
        StageSelection(
            stages: stages.map(Self.list),
            skipped: Set(skip.map(Self.list) ?? []),
            disabledRules: Set(disable.flatMap(Self.list)))
    }

    /// Loads, checks and compiles the rules. A rule set with errors is never used: its diagnostics go to
    /// stderr and the command exits with status 2.
    func makePipeline() throws -> Pipeline {
        let (builtIn, builtInDiagnostics) = noBuiltin ? (RuleSet(), []) : RuleSet.builtIn
        var (ruleSet, loadDiagnostics) = RuleSet.load(try userSources(), onto: builtIn)
        loadDiagnostics = builtInDiagnostics + loadDiagnostics
        for path in patternFiles {
            do {
                let text = String(decoding: try FileIO.contents(of: path), as: UTF8.self)
                let list = PatternList.rules(path: path, text: text)
                ruleSet = ruleSet.adding(stage: list.stage, rules: list.rules)
            } catch {
                StandardStreams.printError("winnow: cannot read patterns: \(error)")
                throw ExitStatus.failure
            }
        }
        var diagnostics = loadDiagnostics.filter { $0.severity != .warning }
        if !diagnostics.containsErrors {
            let options = CleaningOptions(maxRemoval: maxRemovalPercent / 100)
            switch Pipeline.build(ruleSet, selection: selection, options: options) {
            case .success(let pipeline): return pipeline
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }
        for line in DiagnosticFormatter.human(diagnostics) { StandardStreams.printError(line) }
        StandardStreams.printError("winnow: the rule set has errors; nothing was cleaned (see `winnow validate`)")
        throw ExitStatus.failure
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
