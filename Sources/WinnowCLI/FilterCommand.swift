import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Winnow

/// `winnow filter`: standard input (or one file) to standard output.
struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Clean standard input (or FILE) and write the cleaned text to standard output.",
        discussion: """
            The whole document is read and cleaned before anything is written, so a failure never leaves \
            half a document on stdout. Invalid UTF-8 or a failing rule: a message on stderr, nothing on \
            stdout, exit status 2. With --report json, a JSON report of what was removed goes to stderr.
            """
    )

    @OptionGroup var rules: RuleOptions

    @Option(help: "Also write a report of the removals to standard error.")
    var report: ReportFormat?

    @Argument(help: "The file to clean; '-' or nothing for standard input.")
    var file: String?

    func run() throws {
        let pipeline = try rules.makePipeline()
        let name = file ?? "-"
        let displayName = name == "-" ? "<stdin>" : name
        var input: [UInt8]
        do {
            input = name == "-" ? try FileIO.readAll(STDIN_FILENO, name: displayName) : try FileIO.contents(of: name)
        } catch {
            StandardStreams.printError("winnow: \(error)")
            throw ExitStatus.failure
        }
        let result: CleaningResult
        do {
            // Handed over, so that the document is cleaned in its own buffer.
            result = try pipeline.clean(consume input)
        } catch {
            StandardStreams.printError("winnow: \(displayName): \(error)")
            if report == .json { StandardStreams.printError(JSONText.encode(DocumentReport(path: name, error: "\(error)"))) }
            throw ExitStatus.failure
        }
        if let overRemoval = result.overRemoval {
            StandardStreams.printError("winnow: \(displayName): warning: \(OverRemovalText.describe(overRemoval))")
        }
        StandardStreams.write(result.output)
        if report == .json { StandardStreams.printError(JSONText.encode(DocumentReport(path: name, result: result))) }
    }
}
