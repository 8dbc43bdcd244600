import CPCRE2

/// A faster search for patterns that can start with only a few distinct bytes, all rare in prose (a
/// pattern starting `[.!?"”]`, say): PCRE2's JIT then tests every byte of the subject against its start
/// bitmap, one at a time, which can cost more than the rest of the match. Instead, a vector scan finds
/// those bytes sixteen at a time, and the pattern, compiled anchored, is tried only there. The first match
/// found is the one an unanchored search finds: it too tries start positions left to right, and none can
/// start on another byte.
final class StartBytes: Sendable {
    /// The bytes a match can start with.
    let bytes: [UInt8]
    /// The same pattern compiled with `PCRE2_ANCHORED`: it matches at the start offset or not at all.
    let anchored: Pattern

    /// At most this many start bytes: each costs a vector comparison per sixteen bytes of subject.
    static let maximumCount = 6
    /// The start bytes, each in every lane; unused slots repeat the first byte.
    private let splats: [SIMD16<UInt8>]

    /// The accelerator for `code` (compiled from `source` with `options`), or nil when PCRE2 searches
    /// as fast itself (one first code unit, a start-of-line anchor) or the start bytes are too many or
    /// include letters, digits or white space, which would stop the search too often to pay off.
    init?(of code: OpaquePointer, source: String, options: PatternOptions) {
        guard Pattern.info(code, PCRE2_INFO_FIRSTCODETYPE) == 0,
              Pattern.info(code, PCRE2_INFO_ALLOPTIONS) & PCRE2_ANCHORED == 0
        else { return nil }
        var bitmap: UnsafePointer<UInt8>?
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap) == 0, let bitmap else { return nil }
        let bytes = (0...255).map(UInt8.init).filter { bitmap[Int($0 >> 3)] & (1 << ($0 & 7)) != 0 }
        guard bytes.count > 1, bytes.count <= Self.maximumCount, !bytes.contains(where: Self.isCommonInProse),
              let anchored = try? Pattern(source, options: options, anchored: true)
        else { return nil }
        self.bytes = bytes
        self.anchored = anchored
        self.splats = (0..<Self.maximumCount).map { SIMD16(repeating: bytes[$0 < bytes.count ? $0 : 0]) }
    }

    /// The offset of the first start byte in `base[start..<count]`, or nil.
    func firstOccurrence(in base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int? {
        guard count >= 16 else { return (start..<count).first { bytes.contains(base[$0]) } }
        return splats.withUnsafeBufferPointer { splat in
            let (b0, b1, b2, b3, b4, b5) = (splat[0], splat[1], splat[2], splat[3], splat[4], splat[5])
            // A local constant rather than a static one, whose every use would check that it is initialised.
            let laneBits = SIMD16<UInt8>(1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128)
            var offset = start
            while offset < count {
                // The last chunk is the subject's last sixteen bytes, overlapping ones already seen.
                let chunkStart = min(offset, count - 16)
                let chunk = UnsafeRawPointer(base + chunkStart).loadUnaligned(as: SIMD16<UInt8>.self)
                let hits = (chunk .== b0) .| (chunk .== b1) .| (chunk .== b2) .| (chunk .== b3)
                    .| (chunk .== b4) .| (chunk .== b5)
                if any(hits) {
                    // One bit per lane, from lanes that are all ones or all zeros; lanes before `offset`
                    // (seen in the previous chunk) are cleared.
                    let lanes = unsafeBitCast(hits, to: SIMD16<UInt8>.self) & laneBits
                    let bits = (UInt32(lanes.lowHalf.wrappedSum()) | UInt32(lanes.highHalf.wrappedSum()) << 8)
                        & (0xFFFF << UInt32(offset - chunkStart))
                    if bits != 0 { return chunkStart + bits.trailingZeroBitCount }
                }
                offset = chunkStart + 16
            }
            return nil
        }
    }

    private static func isCommonInProse(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"),
             UInt8(ascii: "\r"):
            true
        default:
            false
        }
    }
}
