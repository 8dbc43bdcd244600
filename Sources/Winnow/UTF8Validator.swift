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
    ///
    /// Sixteen bytes are checked at a time, without branches: each byte is judged by itself and the three
    /// before it, which are read as vectors of their own one to three bytes back. Text with an accent or a
    /// quotation mark every few words, where a byte-at-a-time check mispredicts at every change between
    /// ASCII and not, then costs the same as any other. Only malformed text is walked a sequence at a time,
    /// to find the offset of the first bad byte.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .valid(scalarCount: 0) }
        let count = bytes.count
        var blocks = Blocks()
        // The first block has no bytes before it and the last may be short: both are checked in a
        // zero-padded copy. Zeros after the end make a sequence cut short by the end malformed.
        blocks.checkCopy(of: base, from: 0, to: min(16, count))
        var index = min(16, count)
        while index + 64 <= count {
            // Sixty-four ASCII bytes, after three that start no sequence, need no further look.
            let raw = UnsafeRawPointer(base + index)
            let highBits = raw.loadUnaligned(fromByteOffset: -3, as: SIMD16<UInt8>.self)
                | raw.loadUnaligned(as: SIMD16<UInt8>.self) | raw.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
                | raw.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self)
                | raw.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self)
            let halves = unsafeBitCast(highBits, to: (UInt64, UInt64).self)
            if (halves.0 | halves.1) & 0x8080_8080_8080_8080 != 0 {
                for offset in stride(from: 0, to: 64, by: 16) { blocks.check(base + index + offset) }
            }
            index += 64
        }
        while index + 16 <= count {
            blocks.check(base + index)
            index += 16
        }
        blocks.checkCopy(of: base, from: index, to: count)
        guard !blocks.foundProblem else { return checkSequences(bytes) }
        return .valid(scalarCount: count - blocks.continuationBytes)
    }

    /// What the blocks checked so far add up to.
    private struct Blocks {
        /// Nonzero lanes mark blocks with a malformed byte.
        private var problems = SIMD16<UInt8>()
        /// Continuation bytes per lane since the last `flush`; a lane holds at most 255.
        private var tally = SIMD16<UInt8>()
        private var tallied = 0
        private(set) var continuationBytes = 0

        var foundProblem: Bool { problems != SIMD16() }

        /// Checks the sixteen bytes at `pointer`; the three bytes before it must be readable.
        ///
        /// Every operand is a vector, constants too: a comparison with a plain number is compiled to a
        /// loop over the lanes.
        @inline(__always)
        mutating func check(_ pointer: UnsafePointer<UInt8>) {
            func splat(_ byte: UInt8) -> SIMD16<UInt8> { SIMD16(repeating: byte) }
            let raw = UnsafeRawPointer(pointer)
            let byte = raw.loadUnaligned(as: SIMD16<UInt8>.self)
            let back1 = raw.loadUnaligned(fromByteOffset: -1, as: SIMD16<UInt8>.self)
            let back2 = raw.loadUnaligned(fromByteOffset: -2, as: SIMD16<UInt8>.self)
            let back3 = raw.loadUnaligned(fromByteOffset: -3, as: SIMD16<UInt8>.self)
            // A continuation byte exactly where a lead byte one, two or three back says one must be.
            let isContinuation = byte & splat(0xC0) .== splat(0x80)
            let wanted = back1 .>= splat(0xC0) .| back2 .>= splat(0xE0) .| back3 .>= splat(0xF0)
            var bad = isContinuation .^ wanted
            // Bytes that never occur: C0 and C1 (overlong two-byte forms), F5 to FF (past U+10FFFF).
            bad .|= byte & splat(0xFE) .== splat(0xC0) .| byte .>= splat(0xF5)
            // Second bytes that make an overlong form, a surrogate, or a value past U+10FFFF.
            bad .|= back1 .== splat(0xE0) .& byte .< splat(0xA0) .| back1 .== splat(0xED) .& byte .> splat(0x9F)
            bad .|= back1 .== splat(0xF0) .& byte .< splat(0x90) .| back1 .== splat(0xF4) .& byte .> splat(0x8F)
            // A true lane of a mask is all ones: or-ed in, it marks a problem; subtracted, it counts one.
            problems |= unsafeBitCast(bad, to: SIMD16<UInt8>.self)
            tally &-= unsafeBitCast(isContinuation, to: SIMD16<UInt8>.self)
            tallied += 1
            if tallied == 255 { flush() }
        }

        /// Checks `text[start..<end]` (at most sixteen bytes) in a copy that has the three bytes before
        /// `start` (zeros before the text) and zeros after `end`.
        mutating func checkCopy(of text: UnsafePointer<UInt8>, from start: Int, to end: Int) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 + 16) { scratch in
                let copy = scratch.baseAddress!
                copy.initialize(repeating: 0, count: 3 + 16)
                for back in 1...3 where start - back >= 0 { copy[3 - back] = text[start - back] }
                (copy + 3).update(from: text + start, count: end - start)
                check(copy + 3)
            }
            flush()
        }

        private mutating func flush() {
            continuationBytes += Int(SIMD16<UInt16>(truncatingIfNeeded: tally).wrappedSum())
            tally = SIMD16()
            tallied = 0
        }
    }

    /// The same check a sequence at a time, which finds the offset of the first malformed byte in text
    /// the block check rejected.
    static func checkSequences(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        let count = bytes.count
        var index = 0
        var continuationBytes = 0
        func isContinuation(_ offset: Int) -> Bool { offset < count && bytes[offset] & 0xC0 == 0x80 }
        while index < count {
            // Sequences by length, with the bounds that rule out overlong forms, surrogates and values
            // past U+10FFFF on the second byte.
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if lead < 0xE0 {
                guard lead >= 0xC2, isContinuation(index + 1) else { return .invalid(offset: index) }
                index += 2
                continuationBytes += 1
            } else if lead < 0xF0 {
                guard isContinuation(index + 1), isContinuation(index + 2) else { return .invalid(offset: index) }
                let second = bytes[index + 1]
                if lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F { return .invalid(offset: index) }
                index += 3
                continuationBytes += 2
            } else {
                guard lead <= 0xF4, isContinuation(index + 1), isContinuation(index + 2), isContinuation(index + 3)
                else { return .invalid(offset: index) }
                let second = bytes[index + 1]
                if lead == 0xF0 && second < 0x90 || lead == 0xF4 && second > 0x8F { return .invalid(offset: index) }
                index += 4
                continuationBytes += 3
            }
        }
        return .valid(scalarCount: count - continuationBytes)
    }
}
