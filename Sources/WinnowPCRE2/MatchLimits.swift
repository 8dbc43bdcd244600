/// Bounds on the work one match attempt may do, so that a pattern which backtracks catastrophically fails
/// fast with an error instead of hanging.
public struct MatchLimits: Sendable, Hashable {
    /// `pcre2_set_match_limit`: the number of times PCRE2 may call its internal match function (also
    /// honoured by JIT code).
    public var matchLimit: UInt32
    /// `pcre2_set_depth_limit`: backtracking depth for the interpreter (JIT ignores it).
    public var depthLimit: UInt32
    /// Size of the JIT stack in bytes.
    public var jitStackSize: Int

    /// The defaults are the ``standard`` limits.
    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, jitStackSize: Int = 1 << 20) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.jitStackSize = jitStackSize
    }

    /// The limits used when cleaning documents.
    public static let standard = MatchLimits()
}
