import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Winnow
import WinnowPCRE2

/// `winnow filter`: standard input (or one file) to standard output.
struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Clean standard input (or FILE) and write the cleaned text to standard output.",
        discussion: """
            The whole document is read and cleaned before anything is written, so a failure never leaves \
            half a document on stdout. Invalid UTF-8 or a failing rule: a message on stderr, nothing on \
            stdout, exit status 2. With --report json, a JSON report of what was removed goes to stderr.

            With --null-data, the input is many documents separated by NUL bytes, each cleaned on its own \
            and written in order, each followed by a NUL as in the input. A document that cannot be \
            cleaned is written unchanged, with a message naming it; the exit status is then 2.
            """
    )

    @OptionGroup var rules: RuleOptions

    @Option(help: "Also write a report of the removals to standard error.")
    var report: ReportFormat?

    @Flag(
        name: [.customShort("z"), .customLong("null-data")],
        help: "Read and write NUL-separated documents, cleaning each on its own.")
    var nullData = false

    @Argument(help: "The file to clean; '-' or nothing for standard input.")
    var file: String?

    func run() throws {
        let pipeline = try rules.makePipeline()
        let name = file ?? "-"
        let displayName = name == "-" ? "<stdin>" : name
        if nullData { return try filterDocuments(with: pipeline, name: name, displayName: displayName) }
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

    /// `--null-data`: streams the documents through, a buffer of output at a time. A failed document is
    /// written as it came, so that document N of the output is always document N of the input.
    private func filterDocuments(with pipeline: Pipeline, name: String, displayName: String) throws {
        let descriptor = name == "-" ? STDIN_FILENO : open(name, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            StandardStreams.printError("winnow: \(displayName): cannot open: \(String(cString: strerror(errno)))")
            throw ExitStatus.failure
        }
        defer { if name != "-" { close(descriptor) } }
        let documents = NullSeparatedDocuments(descriptor: descriptor, name: displayName)
        var output = StandardStreams.BufferedOutput()
        // One session for the whole stream: its match data and JIT stack are reused by every document.
        let session = MatchSession(limits: pipeline.options.limits)
        // Read once: a property wrapper's getter is not free, and this loop may run millions of times.
        let reportsJSON = report == .json
        var failures = 0
        var number = 0
        do {
            while var record = try documents.next() {
                number += 1
                func label() -> String { "\(displayName): document \(number), starting at byte \(record.offset)" }
                // Handed over, so that the document is cleaned in its own buffer; the reader still has the
                // original should cleaning fail.
                let bytes = record.bytes
                record.bytes = []
                do {
                    let result = try pipeline.clean(consume bytes, session: session)
                    if let overRemoval = result.overRemoval {
                        StandardStreams.printError("winnow: \(label()): warning: \(OverRemovalText.describe(overRemoval))")
                    }
                    output.append(result.output)
                    if reportsJSON {
                        StandardStreams.printError(JSONText.encode(DocumentReport(path: name, document: number, result: result)))
                    }
                } catch {
                    failures += 1
                    StandardStreams.printError("winnow: \(label()): \(error); written unchanged")
                    output.append(documents.lastDocument())
                    if reportsJSON {
                        StandardStreams.printError(JSONText.encode(DocumentReport(path: name, document: number, error: "\(error)")))
                    }
                }
                if record.terminated { output.append(0) }
            }
        } catch {
            output.flush()
            StandardStreams.printError("winnow: \(error)")
            throw ExitStatus.failure
        }
        output.flush()
        if failures > 0 { throw ExitStatus.failure }
    }
}
