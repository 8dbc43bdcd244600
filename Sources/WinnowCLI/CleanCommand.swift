import ArgumentParser
import Foundation
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

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Files cleaned at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let backup, backup.isEmpty || backup.contains("/") {
            throw ValidationError("--backup takes a file-name suffix such as '.orig'")
        }
        if report != nil, diff { throw ValidationError("--report and --diff both write to standard output; choose one") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of at least 1, not \(jobs)") }
    }

    private var writes: Bool { !dryRun && !diff && !check }

    func run() throws {
        // The folders are walked while the rules compile.
        let collector = FileCollector(includes: includes, excludes: excludes)
        let paths = paths
        let walk = BackgroundTask { collector.collect(paths) }
        let pipeline = try rules.makePipeline()
        let (files, collectErrors) = walk.wait()
        for error in collectErrors { StandardStreams.printError("winnow: \(error)") }
        var summary = CleanSummary(writes: writes)
        summary.failed = collectErrors.count
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count))
        ParallelBatch(count: files.count, workers: workers).run(
            // Workers share the pipeline; each has its own match session.
            makeWorker: { MatchSession(limits: pipeline.options.limits) },
            work: { index, session in cleanFile(files[index], pipeline: pipeline, session: session) },
            deliver: { outcome in outcome.emit(into: &summary) })
        if !quiet { StandardStreams.printError(summary.text) }
        if summary.failed > 0 { throw ExitStatus.failure }
        if check, summary.changed > 0 { throw ExitStatus.findings }
    }

    /// Cleans (or checks) one file. Everything to print is returned, so that workers can run side by side
    /// while output stays in file order.
    private func cleanFile(_ file: String, pipeline: Pipeline, session: MatchSession) -> FileOutcome {
        var outcome = FileOutcome()
        func fail(_ message: String) -> FileOutcome {
            outcome.failed = true
            outcome.errors.append("winnow: \(file): \(message)")
            if report == .json { outcome.output += JSONText.encode(DocumentReport(path: file, error: message)) + "\n" }
            return outcome
        }
        let input: [UInt8]
        do {
            input = try FileIO.contents(of: file)
        } catch {
            return fail(error.reason)
        }
        if let nul = FileIO.firstNUL(in: input) {
            return fail("skipped: binary file (NUL byte at offset \(nul)); left untouched")
        }
        // Only a diff needs the original once cleaning starts; otherwise the buffer is handed over and
        // cleaned in place.
        let original = diff ? input : []
        let result: CleaningResult
        do {
            result = try pipeline.clean(consume input, session: session)
        } catch CleaningError.invalidUTF8(let offset) {
            return fail("skipped: not UTF-8 text (invalid byte at offset \(offset)); left untouched")
        } catch {
            return fail("\(error)")
        }
        if let overRemoval = result.overRemoval {
            outcome.guarded = true
            outcome.errors.append("winnow: \(file): warning: \(OverRemovalText.describe(overRemoval))")
        }
        if report == .json { outcome.output += JSONText.encode(DocumentReport(path: file, result: result)) + "\n" }
        guard result.changed else { return outcome }
        if diff {
            outcome.output += UnifiedDiff.make(
                old: String(decoding: original, as: UTF8.self), new: result.outputText,
                oldName: "a/\(file)", newName: "b/\(file)")
        }
        if writes {
            do {
                try FileIO.replaceAtomically(file, with: result.output, backupSuffix: backup)
            } catch {
                return fail("not written: \(error.reason)")
            }
        }
        outcome.changes = result.removals
        return outcome
    }
}

/// What cleaning one file produced, to be printed and counted in file order.
struct FileOutcome: Sendable {
    var failed = false
    var guarded = false
    /// Set when the file changed (or would change): what was removed.
    var changes: [Removal]?
    /// Messages for standard error.
    var errors: [String] = []
    /// Diff or report text for standard output.
    var output = ""

    func emit(into summary: inout CleanSummary) {
        for error in errors { StandardStreams.printError(error) }
        if !output.isEmpty { StandardStreams.write(Array(output.utf8)) }
        summary.scanned += 1
        if failed { summary.failed += 1 }
        if guarded { summary.guarded += 1 }
        if let changes { summary.record(changes) }
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

    mutating func record(_ removals: [Removal]) {
        changed += 1
        for removal in removals {
            hitsByStage[removal.stage, default: 0] += 1
            switch removal.action {
            case .removeMatch, .replace: fragmentsRemoved += 1
            case .dropLine, .dropParagraph, .cutToEnd:
                linesRemoved += removal.text.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1
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
