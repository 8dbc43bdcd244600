extension String {
    /// The text split at every LF. Splits on scalars, not `Character`s: Swift treats CRLF as one
    /// `Character`, which a plain `split(separator: "\n")` would not split at. A CR before the LF stays on
    /// the line.
    package var linesSplitAtLF: [String] {
        unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    }
}
