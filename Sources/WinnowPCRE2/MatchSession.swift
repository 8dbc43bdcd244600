import CPCRE2

/// Per-thread scratch for matching: one match context (carrying the ``MatchLimits`` and a JIT stack) and
/// one reusable match-data block, so that matching allocates nothing per call.
///
/// A session must not be used from two threads at once; create one per worker.
public final class MatchSession {
    /// The limits every match in this session runs under.
    public let limits: MatchLimits

    private let context: OpaquePointer
    private let jitStack: OpaquePointer?
    private var matchData: OpaquePointer
    private var ovectorPairs: Int

    /// An empty subject still needs a valid pointer: PCRE2 10.42 rejects NULL even with length 0.
    private let emptySubject: UnsafeMutablePointer<UInt8>

    /// Allocates the match context, match data and a JIT stack of up to `limits.jitStackSize` bytes.
    public init(limits: MatchLimits = .standard) {
        self.limits = limits
        guard let context = pcre2_match_context_create_8(nil),
              let matchData = pcre2_match_data_create_8(16, nil)
        else { fatalError("PCRE2 could not allocate a match context: out of memory") }
        self.context = context
        self.matchData = matchData
        self.ovectorPairs = 16
        self.emptySubject = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        emptySubject.initialize(to: 0)
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        self.jitStack = pcre2_jit_stack_create_8(32 * 1024, limits.jitStackSize, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        emptySubject.deallocate()
    }

    /// Finds the first match of `pattern` in `subject` at or after byte `start`.
    ///
    /// `subject` must be valid UTF-8 (checked once per document by the caller): matching skips PCRE2's own
    /// UTF check. Returns the byte range of the whole match, or nil when there is none; throws on a
    /// resource limit or any other PCRE2 error.
    public func firstMatch(
        of pattern: Pattern, in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) throws(PCRE2Error) -> Range<Int>? {
        ensureCapacity(for: pattern)
        let base = subject.baseAddress ?? UnsafePointer(emptySubject)
        if let startBytes = pattern.startBytes {
            return try firstMatch(startingWith: startBytes, in: base, count: subject.count, from: start)
        }
        return try match(pattern, in: base, count: subject.count, from: start)
    }

    /// One `pcre2_match` of `pattern` from `start`.
    @inline(__always)
    private func match(
        _ pattern: Pattern, in base: UnsafePointer<UInt8>, count: Int, from start: Int
    ) throws(PCRE2Error) -> Range<Int>? {
        // JIT code is called directly: pcre2_match would only check the arguments again and dispatch to it.
        let result = pattern.prepareForMatching()
            ? pcre2_jit_match_8(pattern.code, base, count, start, 0, matchData, context)
            : pcre2_match_8(pattern.code, base, count, start, PCRE2_NO_UTF_CHECK, matchData, context)
        if result == PCRE2_ERROR_NOMATCH { return nil }
        if result < 0 { throw PCRE2Error(code: result) }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        return ovector[0]..<ovector[1]
    }

    /// The search ``StartBytes`` describes: the anchored pattern at each occurrence of a start byte, in
    /// order.
    private func firstMatch(
        startingWith startBytes: StartBytes, in base: UnsafePointer<UInt8>, count: Int, from start: Int
    ) throws(PCRE2Error) -> Range<Int>? {
        var position = start
        while let candidate = startBytes.firstOccurrence(in: base, count: count, from: position) {
            // No match is shorter than PCRE2's lower bound (in characters, so at least as many bytes); near
            // the end there is no room left, at this start byte or any later one.
            guard count - candidate >= startBytes.anchored.minimumMatchLength else { return nil }
            if let found = try match(startBytes.anchored, in: base, count: count, from: candidate) { return found }
            position = candidate + 1
        }
        return nil
    }

    /// Expands `template` (PCRE2 substitution syntax: `$1`, `${name}`, `$$`) for the match that the last
    /// ``firstMatch(of:in:from:)`` call in this session found for the same pattern and subject.
    public func expandReplacement(
        _ template: String, of pattern: Pattern, in subject: UnsafeBufferPointer<UInt8>, from start: Int
    ) throws(PCRE2Error) -> [UInt8] {
        let base = subject.baseAddress ?? UnsafePointer(emptySubject)
        let options = PCRE2_SUBSTITUTE_MATCHED | PCRE2_SUBSTITUTE_REPLACEMENT_ONLY
            | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | PCRE2_NO_UTF_CHECK
        var output = [UInt8](repeating: 0, count: max(64, template.utf8.count * 2))
        let templateBytes = Array(template.utf8)
        while true {
            var length = output.count
            let result = templateBytes.withUnsafeBufferPointer { replacement in
                output.withUnsafeMutableBufferPointer { buffer in
                    // The match data came from the anchored form when the search went by start bytes.
                    let matchedCode = (pattern.startBytes?.anchored ?? pattern).code
                    return pcre2_substitute_8(
                        matchedCode, base, subject.count, start, options, matchData, context,
                        replacement.baseAddress ?? UnsafePointer(emptySubject), replacement.count,
                        buffer.baseAddress, &length)
                }
            }
            if result == PCRE2_ERROR_NOMEMORY, length > output.count {
                output = [UInt8](repeating: 0, count: length)
                continue
            }
            if result < 0 { throw PCRE2Error(code: result) }
            return Array(output[..<length])
        }
    }

    private func ensureCapacity(for pattern: Pattern) {
        let needed = pattern.captureCount + 1
        guard needed > ovectorPairs else { return }
        guard let bigger = pcre2_match_data_create_8(UInt32(needed), nil) else {
            fatalError("PCRE2 could not allocate match data: out of memory")
        }
        pcre2_match_data_free_8(matchData)
        matchData = bigger
        ovectorPairs = needed
    }
}
