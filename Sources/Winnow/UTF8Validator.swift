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
        var index = 0
        var continuationBytes = 0
        let count = bytes.count
        while index < count {
            // Fast path: eight bytes at a time, jumping straight to the first non-ASCII byte.
            if index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self).littleEndian
                let highBits = word & 0x8080_8080_8080_8080
                if highBits == 0 {
                    index += 8
                    continue
                }
                index += highBits.trailingZeroBitCount / 8
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .invalid(offset: index)
            }
            guard index + length <= count else { return .invalid(offset: index) }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { return .invalid(offset: index) }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return .invalid(offset: index)
            }
            index += length
            continuationBytes += length - 1
        }
        return .valid(scalarCount: count - continuationBytes)
    }
}
