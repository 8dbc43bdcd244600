import Testing
@testable import WinnowPCRE2

@Suite("PCRE2 binding")
struct PatternTests {
    private func match(_ pattern: Pattern, _ text: String, from start: Int = 0, session: MatchSession = MatchSession())
        throws -> Range<Int>?
    {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try session.firstMatch(of: pattern, in: $0, from: start) }
    }

    @Test func compileErrorKeepsPCRE2MessageAndOffset() {
        #expect {
            _ = try Pattern("^(Image via")
        } throws: { error in
            guard let error = error as? PCRE2Error else { return false }
            return error.message.contains("missing closing parenthesis") && error.patternOffset == 11
        }
    }

    @Test func offsetsAreUTF8ByteOffsetsWithMultibyteTextAroundAndInside() throws {
        let pattern = try Pattern("wö\\w+", options: [.ucp])
        // "héllo " is 7 bytes; "wörld" is 6 bytes.
        #expect(try match(pattern, "héllo wörld!") == 7..<13)
        #expect(try match(pattern, "héllo wörld wörld", from: 8) == 14..<20)
    }

    @Test func caselessAndUnicodeCaseFolding() throws {
        let pattern = try Pattern("^ÉDITION spéciale$", options: [.caseless])
        #expect(try match(pattern, "édition SPÉCIALE") == 0..<18)
    }

    @Test func jitIsUsedWhereAvailable() throws {
        #if arch(x86_64) || arch(arm64)
        #expect(try Pattern("Image via \\w+").isJITCompiled)
        #endif
    }

    @Test func emptyMatchIsDetected() throws {
        #expect(try Pattern("x*").canMatchEmpty)
        #expect(try Pattern("^\\s*$").canMatchEmpty)
        #expect(try !Pattern("Comments").canMatchEmpty)
    }

    @Test func noMatchIsNil() throws {
        #expect(try match(Pattern("Shutterstock"), "Getty Images") == nil)
        #expect(try match(Pattern("a"), "") == nil)
    }

    @Test func catastrophicBacktrackingFailsFastWithResourceLimit() throws {
        let pattern = try Pattern("^(a+)+$")
        let session = MatchSession(limits: MatchLimits(matchLimit: 100_000, depthLimit: 1_000))
        let text = String(repeating: "a", count: 5_000) + "!"
        #expect {
            _ = try match(pattern, text, session: session)
        } throws: { error in
            (error as? PCRE2Error)?.isResourceLimit == true
        }
    }

    @Test func matchDataGrowsForPatternsWithManyGroups() throws {
        let session = MatchSession()
        let groups = String(repeating: "(a)", count: 40)
        #expect(try match(Pattern(groups), String(repeating: "a", count: 40), session: session) == 0..<40)
        #expect(try match(Pattern("(b)"), "ab", session: session) == 1..<2)
    }

    @Test func replacementTemplateExpandsGroups() throws {
        let pattern = try Pattern("Photo: (\\w+) via (\\w+)")
        let session = MatchSession()
        let bytes = Array("A caption. Photo: Jane via Agency".utf8)
        let expanded = try bytes.withUnsafeBufferPointer { buffer in
            _ = try session.firstMatch(of: pattern, in: buffer)
            return try session.expandReplacement("[$2/${1}] $$", of: pattern, in: buffer, from: 0)
        }
        #expect(String(decoding: expanded, as: UTF8.self) == "[Agency/Jane] $")
    }
}
