/// The facts about one cleaned document, as `--report json` prints them (one JSON object per line).
public struct DocumentReport: Sendable, Codable {
    /// The file, or "-" for standard input.
    public let path: String
    public let changed: Bool
    public let removals: [Removal]
    public let shadowHits: [Removal]
    public let overRemoval: OverRemoval?
    /// Why the document could not be cleaned, if it could not.
    public let error: String?

    public init(path: String, result: CleaningResult) {
        self.path = path
        self.changed = result.changed
        self.removals = result.removals
        self.shadowHits = result.shadowHits
        self.overRemoval = result.overRemoval
        self.error = nil
    }

    public init(path: String, error: String) {
        self.path = path
        self.changed = false
        self.removals = []
        self.shadowHits = []
        self.overRemoval = nil
        self.error = error
    }
}
