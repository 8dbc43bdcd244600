import CPCRE2
import Synchronization

/// A compiled PCRE2 pattern (UTF mode, ANYCRLF newlines), JIT-compiled when the platform supports it.
///
/// JIT compilation is the costly part of compiling and most rules never run on a given document (the
/// prefilter skips them), so it happens on a pattern's first match, once, under a lock. After that the
/// code is immutable, so one `Pattern` may be matched from several threads at once, each with its own
/// ``MatchSession``.
public final class Pattern: @unchecked Sendable {
    /// The pattern's source text.
    public let source: String
    /// The options it was compiled with.
    public let options: PatternOptions
    /// Whether PCRE2's JIT compiler accepted the pattern (matching then runs machine code); compiles it
    /// now if no match has yet.
    public var isJITCompiled: Bool { prepareForMatching() }
    /// Number of capturing groups.
    public let captureCount: Int
    /// PCRE2's lower bound on the length in code units of any match (0: it may match the empty string).
    public let minimumMatchLength: Int

    let code: OpaquePointer
    /// Set when a match can start with only a few distinct bytes, all rare in prose, but with no single
    /// one (for which PCRE2's JIT already searches fast): see ``StartBytes``.
    let startBytes: StartBytes?
    private let jitAttempted = Atomic<Bool>(false)
    private let jitSucceeded = Atomic<Bool>(false)
    private let jitLock = Mutex(())

    /// Compiles `source`. Throws a ``PCRE2Error`` carrying PCRE2's message and the byte offset in `source`.
    public convenience init(_ source: String, options: PatternOptions = []) throws(PCRE2Error) {
        try self.init(source, options: options, anchored: false)
    }

    /// `anchored`: compiled to match only at the start offset (the form ``StartBytes`` tries).
    init(_ source: String, options: PatternOptions, anchored: Bool) throws(PCRE2Error) {
        let flags = options.rawValue | PCRE2_UTF | (anchored ? PCRE2_ANCHORED : 0)
        self.code = try Self.compile(source, flags: flags)
        self.source = source
        self.options = options
        self.captureCount = Int(Pattern.info(code, PCRE2_INFO_CAPTURECOUNT))
        self.minimumMatchLength = Int(Pattern.info(code, PCRE2_INFO_MINLENGTH))
        self.startBytes = anchored ? nil : StartBytes(of: code, source: source, options: options)
    }

    private static func compile(_ source: String, flags: UInt32) throws(PCRE2Error) -> OpaquePointer {
        guard let context = pcre2_compile_context_create_8(nil) else {
            throw PCRE2Error(code: PCRE2_ERROR_NOMEMORY)
        }
        defer { pcre2_compile_context_free_8(context) }
        pcre2_set_newline_8(context, UInt32(PCRE2_NEWLINE_ANYCRLF))

        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled = source.utf8.withContiguousStorageIfAvailable { bytes in
            pcre2_compile_8(bytes.baseAddress, bytes.count, flags, &errorCode, &errorOffset, context)
        } ?? Array(source.utf8).withUnsafeBufferPointer { bytes in
            pcre2_compile_8(bytes.baseAddress, bytes.count, flags, &errorCode, &errorOffset, context)
        }
        guard let compiled else {
            throw PCRE2Error(code: errorCode, patternOffset: errorOffset)
        }
        return compiled
    }

    deinit { pcre2_code_free_8(code) }

    /// JIT-compiles the pattern the first time it is needed, and says whether matching can take JIT's
    /// fast path. Every match calls this before touching the code, so no thread can be matching while
    /// another compiles.
    @inline(__always)
    @discardableResult
    func prepareForMatching() -> Bool {
        if jitAttempted.load(ordering: .acquiring) { return jitSucceeded.load(ordering: .relaxed) }
        jitLock.withLock { _ in
            guard !jitAttempted.load(ordering: .relaxed) else { return }
            jitSucceeded.store(pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0, ordering: .relaxed)
            jitAttempted.store(true, ordering: .releasing)
        }
        return jitSucceeded.load(ordering: .relaxed)
    }

    /// Whether PCRE2 thinks the pattern may match an empty string.
    public var canMatchEmpty: Bool { minimumMatchLength == 0 }

    static func info(_ code: OpaquePointer, _ what: Int32) -> UInt32 {
        var value: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(what), &value)
        return value
    }
}
