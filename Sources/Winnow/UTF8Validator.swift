/// Checks that bytes are well-formed UTF-8 once per document, so that every later PCRE2 call can skip its
/// own check (`PCRE2_NO_UTF_CHECK`).
enum UTF8Validator {
    enum Verdict: Equatable {
        /// All of the bytes are well-formed; they encode `scalarCount` Unicode scalars.
        case valid(scalarCount: Int)
        /// The byte at `offset` does not start or continue a well-formed sequence.
        case invalid(offset: Int)
    }

    /// Checks `bytes`, counting scalars on the way: the over-removal guard needs the count, and the
    /// text may be edited in place afterwards.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        guard let base = bytes.baseAddress else { return .valid(scalarCount: 0) }
        let count = bytes.count
        var index = 0
        var continuationBytes = 0
        while index < count {
            // ASCII runs go sixteen bytes at a time, then eight, jumping to the first non-ASCII byte; a
            // non-ASCII character right after another (as in most scripts but Latin) skips the attempt.
            if base[index] < 0x80 {
                while index + 16 <= count {
                    let first = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let second = UnsafeRawPointer(base + index + 8).loadUnaligned(as: UInt64.self)
                    if (first | second) & 0x8080_8080_8080_8080 != 0 { break }
                    index += 16
                }
                guard index < count else { break }
                if index + 8 <= count {
                    let highBits = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
                        & 0x8080_8080_8080_8080
                    if highBits == 0 {
                        index += 8
                        continue
                    }
                    index += highBits.trailingZeroBitCount / 8
                }
            }
            // Sequences by length, with the bounds that rule out overlong forms, surrogates and values
            // past U+10FFFF on the second byte.
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            func isContinuation(_ offset: Int) -> Bool { offset < count && base[offset] & 0xC0 == 0x80 }
            if lead < 0xE0 {
                guard lead >= 0xC2, isContinuation(index + 1) else { return .invalid(offset: index) }
                index += 2
                continuationBytes += 1
            } else if lead < 0xF0 {
                guard isContinuation(index + 1), isContinuation(index + 2) else { return .invalid(offset: index) }
                let second = base[index + 1]
                if lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F { return .invalid(offset: index) }
                index += 3
                continuationBytes += 2
            } else {
                guard lead <= 0xF4, isContinuation(index + 1), isContinuation(index + 2), isContinuation(index + 3)
                else { return .invalid(offset: index) }
                let second = base[index + 1]
                if lead == 0xF0 && second < 0x90 || lead == 0xF4 && second > 0x8F { return .invalid(offset: index) }
                index += 4
                continuationBytes += 3
            }
        }
        return .valid(scalarCount: count - continuationBytes)
    }
}
