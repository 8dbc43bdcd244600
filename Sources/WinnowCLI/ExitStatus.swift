import ArgumentParser

/// winnow's exit statuses, as README documents them.
enum ExitStatus {
    /// Success: nothing to report.
    static let success = ExitCode(0)
    /// `--check` found files that would change, or `validate` found the rule set invalid.
    static let findings = ExitCode(1)
    /// Usage error, unreadable input, or a document that could not be cleaned.
    static let failure = ExitCode(2)
}
