/// The facts about one cleaned document, as `--report json` prints them (one JSON object per line).
public struct DocumentReport: Sendable, Codable {
    /// The file, or "-" for standard input.
    public let path: String
    /// The document's number (from 1) in a stream of NUL-separated documents; nil for a whole file.
    public let document: Int?
    /// Whether cleaning changed the document; false when it failed or the over-removal guard kept it whole.
    public let changed: Bool
    /// What active rules removed, in document order (or would have, when ``overRemoval`` is set).
    public let removals: [Removal]
    /// What shadow rules would have removed.
    public let shadowHits: [Removal]
    /// Set when the over-removal guard kept the document unchanged.
    public let overRemoval: OverRemoval?
    /// Why the document could not be cleaned, if it could not.
    public let error: String?

    /// The report for a document that was cleaned, or kept whole by the over-removal guard.
    public init(path: String, document: Int? = nil, result: CleaningResult) {
        self.path = path
        self.document = document
        self.changed = result.changed
        self.removals = result.removals
        self.shadowHits = result.shadowHits
        self.overRemoval = result.overRemoval
        self.error = nil
    }

    /// The report for a document that could not be cleaned; `error` says why.
    public init(path: String, document: Int? = nil, error: String) {
        self.path = path
        self.document = document
        self.changed = false
        self.removals = []
        self.shadowHits = []
        self.overRemoval = nil
        self.error = error
    }
}
