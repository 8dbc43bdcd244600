import CPCRE2
import Testing
@testable import WinnowPCRE2

/// The start-byte search must find exactly what PCRE2's own unanchored search finds.
@Suite("Start-byte search")
struct StartBytesTests {
    @Test func chosenOnlyForAFewRareStartBytesWithoutASingleFirstOne() throws {
        #expect(try Pattern(#"[.!?"”]\h\K[A-Z]{2,}"#).startBytes?.bytes == Array(#"!".?"#.utf8) + [0xE2])
        #expect(try Pattern("[;:]x").startBytes?.bytes == Array(":;".utf8))
        #expect(try Pattern("abc").startBytes == nil, "one first code unit: PCRE2 searches for it itself")
        #expect(try Pattern("^[;:]x").startBytes == nil, "anchored at line starts")
        #expect(try Pattern("[a-z;]x").startBytes == nil, "letters are too common to stop at")
        #expect(try Pattern("[ ;]x").startBytes == nil, "so are spaces")
        #expect(try Pattern("[;:,.!?@#%]x").startBytes == nil, "too many bytes")
    }

    static let patterns = [
        #"[.!?"”]\h\K(?=[A-Z ]{4})[A-Z]+(?: [A-Z]+)+"#,
        "[!?]+",
        "(?<=x)[;:]\\d",
        #"[“"]([^”"\n]+)[”"]"#,
        "[.;]\\z",
    ]

    @Test(arguments: patterns)
    func findsWhatAnUnanchoredSearchFinds(_ source: String) throws {
        let pattern = try Pattern(source)
        #expect(pattern.startBytes != nil)
        let pieces = ["x", "y", "AB", "CD ", " ", ".", "!", "?", "\"", "“", "”", ";", ":", "7", "é", "\n"]
        // Picks from a multiplicative hash of a counter: varied, and the same on every run.
        var counter: UInt64 = 0
        func pick(_ count: Int) -> Int {
            counter += 1
            return Int((counter &* 0x9E37_79B9_7F4A_7C15) >> 40) % count
        }
        let session = MatchSession()
        for _ in 0..<400 {
            let text = (0..<pick(25)).map { _ in pieces[pick(pieces.count)] }.joined()
            let bytes = Array(text.utf8)
            var middle = bytes.count / 2
            while middle < bytes.count, bytes[middle] & 0xC0 == 0x80 { middle += 1 }
            for start in Set([0, middle]) {
                let fast = try bytes.withUnsafeBufferPointer { try session.firstMatch(of: pattern, in: $0, from: start) }
                #expect(fast == Self.unanchoredSearch(pattern, bytes, from: start), "\(text.debugDescription) from \(start)")
            }
        }
    }

    /// PCRE2's own search with the same compiled code, for comparison.
    static func unanchoredSearch(_ pattern: Pattern, _ bytes: [UInt8], from start: Int) -> Range<Int>? {
        let data = pcre2_match_data_create_from_pattern_8(pattern.code, nil)!
        defer { pcre2_match_data_free_8(data) }
        let result = bytes.withUnsafeBufferPointer { buffer in
            withUnsafePointer(to: UInt8(0)) { empty in
                pcre2_match_8(pattern.code, buffer.baseAddress ?? empty, buffer.count, start, 0, data, nil)
            }
        }
        guard result > 0 else { return nil }
        let ovector = pcre2_get_ovector_pointer_8(data)!
        return ovector[0]..<ovector[1]
    }
}
