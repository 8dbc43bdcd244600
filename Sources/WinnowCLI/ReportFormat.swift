import ArgumentParser

/// The machine-readable report `--report` writes.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// One JSON object per document, one per line.
    case json
}

/// How `validate` prints its findings.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json
}
