import WinnowPCRE2

/// Settings that apply to every document a pipeline cleans.
public struct CleaningOptions: Sendable, Hashable {
    /// The largest share (0…1) of a document's characters that cleaning may remove; a document that would
    /// lose more is left unchanged and reported.
    public var maxRemoval: Double
    /// Bounds on each PCRE2 match.
    public var limits: MatchLimits
    /// Whether to skip lines that lack every literal a rule requires. Only tests and benchmarks turn it
    /// off, to check that it changes nothing but speed.
    public var usesPrefilter: Bool

    /// The defaults are what `winnow clean` uses: at most half a document removed, standard limits, prefilter on.
    public init(maxRemoval: Double = 0.5, limits: MatchLimits = .standard, usesPrefilter: Bool = true) {
        self.maxRemoval = maxRemoval
        self.limits = limits
        self.usesPrefilter = usesPrefilter
    }
}
