/// The outcome of cleaning one document.
public struct CleaningResult: Sendable {
    /// The cleaned bytes (the input unchanged when ``overRemoval`` is set or nothing matched).
    public let output: [UInt8]
    /// Whether `output` differs from the input.
    public let changed: Bool
    /// What each active rule removed, in document order. Also filled when ``overRemoval`` kept the
    /// document unchanged, to show what would have gone.
    public let removals: [Removal]
    /// What shadow rules would have removed.
    public let shadowHits: [Removal]
    /// Set when the over-removal guard kept the document unchanged.
    public let overRemoval: OverRemoval?

    /// The output as a `String` (it is valid UTF-8, as the input was).
    public var outputText: String { String(decoding: output, as: UTF8.self) }
}
