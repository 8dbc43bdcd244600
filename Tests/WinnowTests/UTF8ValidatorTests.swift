import Testing
@testable import Winnow

@Suite("UTF-8 validation")
struct UTF8ValidatorTests {
    func verdict(_ bytes: [UInt8]) -> UTF8Validator.Verdict {
        bytes.withUnsafeBufferPointer { UTF8Validator.check($0) }
    }

    @Test func neverReadsPastTheEnd() {
        // Each text is followed in memory by a byte that would be invalid, which must not be looked at.
        for length in 0...40 {
            for piece in [Array("a".utf8), Array("é".utf8), Array("東".utf8)] {
                let text = Array((0..<length).flatMap { _ in piece }.prefix(length))
                guard let valid = String(validating: text, as: UTF8.self) else { continue }
                let guarded = text + [0xFF]
                let result = guarded.withUnsafeBufferPointer { UTF8Validator.check(UnsafeBufferPointer(rebasing: $0[..<length])) }
                #expect(result == .valid(scalarCount: valid.unicodeScalars.count), "\(length) bytes of \(piece)")
            }
        }
    }

    @Test func agreesWithTheStandardLibraryOnGeneratedBytes() {
        // Pieces that make valid text, and the usual ways UTF-8 goes wrong: stray continuation bytes,
        // overlong forms, surrogates, values past U+10FFFF, truncated sequences, bytes that never occur.
        let pieces: [[UInt8]] = [
            Array("plain ASCII text ".utf8), Array("é".utf8), Array("—".utf8), Array("東京".utf8), Array("😀".utf8),
            [0x80], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC3], [0xFF],
        ]
        var counter: UInt64 = 0
        func pick(_ count: Int) -> Int {
            counter += 1
            return Int((counter &* 0x9E37_79B9_7F4A_7C15) >> 40) % count
        }
        for _ in 0..<2_000 {
            // Mostly valid pieces, so that errors land at every offset, after long ASCII runs too.
            let bytes = (0..<pick(12)).flatMap { _ in pieces[pick(3) == 0 ? pick(pieces.count) : pick(5)] }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                // Rejected at an offset before which everything is valid and where no character starts.
                guard case .invalid(let offset) = verdict(bytes) else {
                    Issue.record("invalid bytes \(bytes) were accepted")
                    continue
                }
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes): offset \(offset)")
                #expect(!(1...4).contains { length in
                    offset + length <= bytes.count
                        && String(validating: bytes[offset..<(offset + length)], as: UTF8.self) != nil
                }, "\(bytes): a character starts at offset \(offset)")
                continue
            }
            let expected = UTF8Validator.Verdict.valid(scalarCount: text.unicodeScalars.count)
            #expect(verdict(bytes) == expected, "\(bytes)")
        }
    }

    @Test("one bad or cut-short sequence at every offset of a long text is found there, however the text is split into blocks")
    func badSequenceAtEveryOffset() {
        // Long ASCII runs (skipped 64 bytes at a time) mixed with accented words (checked 16 at a time).
        let text = Array(String(repeating: "Plain words, then café and Zürich and 東京 😀. ", count: 6).utf8)
        let faults: [[UInt8]] = [[0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF]]
        for fault in faults {
            for offset in 0...text.count where offset == text.count || text[offset] & 0xC0 != 0x80 {
                let bytes = Array(text[..<offset]) + fault + Array(text[offset...])
                #expect(verdict(bytes) == .invalid(offset: offset), "\(fault) at \(offset)")
            }
        }
        let valid = verdict(text)
        #expect(valid == .valid(scalarCount: String(decoding: text, as: UTF8.self).unicodeScalars.count))
    }

    @Test("the block check and the sequence walk agree on every prefix of mixed text")
    func blocksAgreeWithSequences() {
        let text = Array(String(repeating: "Ærø — “quoted” naïve façade 東京 plain ASCII words here. ", count: 8).utf8)
        for length in 0...text.count {
            let prefix = Array(text[..<length])
            let walked = prefix.withUnsafeBufferPointer { UTF8Validator.checkSequences($0) }
            #expect(verdict(prefix) == walked, "\(length) bytes")
        }
    }
}
