import ArgumentParser
import Winnow
import WinnowPCRE2

/// `winnow clean`: files and folders, in place.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean files in place (folders recursively).",
        discussion: """
            A changed file is replaced atomically (temporary file in the same folder, flushed, renamed over \
            the original, permissions kept); an unchanged file is not written. Files that are not UTF-8 \
            text are skipped and left untouched. --check, --diff and --dry-run write nothing. A summary goes \
            to stderr. Exit status: 0 done; 1 with --check when some file would change; 2 when some file \
            could not be read, cleaned or written.
            """
    )

    @OptionGroup var rules: RuleOptions

    @Argument(help: "Files and folders to clean.")
    var paths: [String]

    @Option(name: .customLong("include"), help: ArgumentHelp(
        "In folders, clean files whose name matches this glob (repeatable; default: *.txt and *.md).",
        valueName: "glob"))
    var includes: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp(
        "Skip files and folders matching this glob (repeatable).", valueName: "glob"))
    var excludes: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Report what would change; write nothing.")
    var dryRun = false

    @Flag(help: "Print a unified diff of every change to standard output; write nothing.")
    var diff = false

    @Flag(help: "Exit with status 1 if any file would change; write nothing.")
    var check = false

    @Option(help: ArgumentHelp("Keep each original as FILE+SUFFIX before replacing it.", valueName: "suffix"))
    var backup: String?

    @Option(help: "Write a report per file to standard output (JSON, one object per line).")
    var report: ReportFormat?

    @Flag(name: .shortAndLong, help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        if let backup, backup.isEmpty || backup.contains("/") {
            throw ValidationError("--backup takes a file-name suffix such as '.orig'")
        }
        if report != nil, diff { throw ValidationError("--report and --diff both write to standard output; choose one") }
    }

    private var writes: Bool { !dryRun && !diff && !check }

    func run() throws {
        let pipeline = try rules.makePipeline()
        let (files, collectErrors) = FileCollector(includes: includes, excludes: excludes).collect(paths)
        for error in collectErrors { StandardStreams.printError("winnow: \(error)") }
        var summary = CleanSummary(writes: writes)
        summary.failed = collectErrors.count
        let session = MatchSession(limits: pipeline.options.limits)
        for file in files {
            cleanFile(file, pipeline: pipeline, session: session, summary: &summary)
        }
        if !quiet { StandardStreams.printError(summary.text) }
        if summary.failed > 0 { throw ExitStatus.failure }
        if check, summary.changed > 0 { throw ExitStatus.findings }
    }

    private func cleanFile(_ file: String, pipeline: Pipeline, session: MatchSession, summary: inout CleanSummary) {
        summary.scanned += 1
        func fail(_ message: String) {
            summary.failed += 1
            StandardStreams.printError("winnow: \(file): \(message)")
            if report == .json { StandardStreams.print(JSONText.encode(DocumentReport(path: file, error: message))) }
        }
        let input: [UInt8]
        do {
            input = try FileIO.contents(of: file)
        } catch {
            fail(error.reason)
            return
        }
        if let nul = input.firstIndex(of: 0) {
            fail("skipped: binary file (NUL byte at offset \(nul)); left untouched")
            return
        }
        let result: CleaningResult
        do {
            result = try pipeline.clean(input, session: session)
        } catch CleaningError.invalidUTF8(let offset) {
            fail("skipped: not UTF-8 text (invalid byte at offset \(offset)); left untouched")
            return
        } catch {
            fail("\(error)")
            return
        }
        if let overRemoval = result.overRemoval {
            summary.guarded += 1
            StandardStreams.printError("winnow: \(file): warning: \(OverRemovalText.describe(overRemoval))")
        }
        if report == .json { StandardStreams.print(JSONText.encode(DocumentReport(path: file, result: result))) }
        guard result.changed else { return }
        if diff {
            StandardStreams.write(Array(UnifiedDiff.make(
                old: String(decoding: input, as: UTF8.self), new: result.outputText,
                oldName: "a/\(file)", newName: "b/\(file)").utf8))
        }
        if writes {
            do {
                try FileIO.replaceAtomically(file, with: result.output, backupSuffix: backup)
            } catch {
                fail("not written: \(error.reason)")
                return
            }
        }
        summary.record(result)
    }
}

/// The counts behind `clean`'s closing line on stderr.
struct CleanSummary {
    let writes: Bool
    var scanned = 0
    var changed = 0
    var failed = 0
    var guarded = 0
    var linesRemoved = 0
    var fragmentsRemoved = 0
    var hitsByStage: [String: Int] = [:]

    mutating func record(_ result: CleaningResult) {
        changed += 1
        for removal in result.removals {
            hitsByStage[removal.stage, default: 0] += 1
            switch removal.action {
            case .removeMatch, .replace: fragmentsRemoved += 1
            case .dropLine, .dropParagraph, .cutToEnd:
                linesRemoved += removal.text.split(separator: "\n", omittingEmptySubsequences: false).count
            }
        }
    }

    var text: String {
        var parts = ["\(scanned) file\(scanned == 1 ? "" : "s") scanned",
                     "\(changed) \(writes ? "changed" : "would change")"]
        parts.append("\(linesRemoved) line\(linesRemoved == 1 ? "" : "s") and \(fragmentsRemoved) fragment\(fragmentsRemoved == 1 ? "" : "s") removed")
        if guarded > 0 { parts.append("\(guarded) left unchanged by the over-removal guard") }
        if failed > 0 { parts.append("\(failed) failed") }
        var line = "winnow: " + parts.joined(separator: ", ")
        if !hitsByStage.isEmpty {
            line += "\nwinnow: hits by stage: "
                + hitsByStage.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        return line
    }
}
