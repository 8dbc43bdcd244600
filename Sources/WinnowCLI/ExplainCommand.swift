import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Winnow

/// `winnow explain`: what each rule removed from one document, and why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every line or fragment the rules remove from FILE, with the rule and stage responsible."
    )

    @OptionGroup var rules: RuleOptions

    @Argument(help: "The document to explain; '-' for standard input.")
    var file: String

    func run() throws {
        let pipeline = try rules.makePipeline()
        let displayName = file == "-" ? "<stdin>" : file
        let input: [UInt8]
        let result: CleaningResult
        do {
            input = file == "-" ? try FileIO.readAll(STDIN_FILENO, name: displayName) : try FileIO.contents(of: file)
            result = try pipeline.clean(input)
        } catch {
            StandardStreams.printError("winnow: \(displayName): \(error)")
            throw ExitStatus.failure
        }
        let entries = (result.removals + result.shadowHits).sorted { ($0.line, $0.shadow ? 1 : 0) < ($1.line, $1.shadow ? 1 : 0) }
        for removal in entries {
            var head = "\(displayName):\(removal.line): \(removal.stage)/\(removal.ruleID) \(removal.action.rawValue)"
            if removal.shadow { head += " (shadow: reported, not removed)" }
            StandardStreams.print(head)
            for line in removal.text.split(separator: "\n", omittingEmptySubsequences: false) {
                StandardStreams.print("    - \(line)")
            }
            if let replacement = removal.replacement { StandardStreams.print("    + \(replacement)") }
        }
        let before = String(decoding: input, as: UTF8.self).unicodeScalars.count
        let after = result.overRemoval == nil ? result.outputText.unicodeScalars.count : before
        let rulesUsed = Set(result.removals.map(\.ruleID)).count
        var summary = "\(result.removals.count) removal\(result.removals.count == 1 ? "" : "s") by \(rulesUsed) rule\(rulesUsed == 1 ? "" : "s")"
        if before > 0, after <= before {
            let percent = Int((Double(before - after) / Double(before) * 100).rounded())
            summary += "; \(before - after) of \(before) characters removed (\(percent)%)"
        } else if after > before {
            summary += "; \(after - before) characters added by replacements"
        }
        if !result.shadowHits.isEmpty { summary += "; \(result.shadowHits.count) shadow hit\(result.shadowHits.count == 1 ? "" : "s")" }
        StandardStreams.print(summary)
        if let overRemoval = result.overRemoval { StandardStreams.print("warning: \(OverRemovalText.describe(overRemoval))") }
    }
}
