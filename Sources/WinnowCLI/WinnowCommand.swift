import ArgumentParser
import Foundation

/// The `winnow` executable: a thin front end over the Winnow library.
@main
struct WinnowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Strip editorial boilerplate (credits, disclaimers, promos, footers) from scraped article text.",
        discussion: """
            Exit status: 0 success; 1 `clean --check` found files that would change, or `validate` found \
            problems; 2 usage error, unreadable input or a document that could not be cleaned.
            """,
        version: "0.1.0",
        subcommands: [FilterCommand.self, CleanCommand.self, ValidateCommand.self, ExplainCommand.self]
    )

    /// Runs the command, mapping every usage error to exit status 2 (ArgumentParser's default is 64).
    static func main() {
        StandardStreams.ignoreBrokenPipeSignal()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exitCode as ExitCode {
            Foundation.exit(exitCode.rawValue)
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                StandardStreams.print(message)
                Foundation.exit(0)
            }
            StandardStreams.printError(message.hasPrefix("Error:") || message.hasPrefix("winnow:") ? message : "winnow: \(message)")
            Foundation.exit(ExitStatus.failure.rawValue)
        }
    }
}
