import Foundation
import Testing
@testable import Winnow

/// The shared golden corpus (`../shared/corpus`), read in place. When it is absent these tests are
/// skipped, and the test report says so.
@Suite("Golden corpus (../shared/corpus)", .enabled(
    if: FileManager.default.fileExists(atPath: TestPaths.corpus.path),
    "../shared/corpus not found: golden corpus tests SKIPPED (set WINNOW_CORPUS to its path)"))
struct CorpusTests {
    static let names = TestPaths.pairs(in: TestPaths.corpus)

    /// Pairs the built-in rules do not yet turn into their expected text byte for byte, with why.
    /// Remove an entry when the rules reach it; the test then holds the line.
    static let knownGaps: [String: String] = [:]

    private func load(_ name: String) throws -> (raw: [UInt8], expected: [UInt8]) {
        (try TestPaths.read(TestPaths.corpus.appending(path: "\(name).raw.txt")),
         try TestPaths.read(TestPaths.corpus.appending(path: "\(name).expected.txt")))
    }

    @Test func corpusIsThere() {
        #expect(Self.names.count >= 17, "expected the 17 pairs of ../shared/corpus, found \(Self.names.count)")
    }

    @Test("byte-exact", arguments: names)
    func byteExact(_ name: String) throws {
        let (raw, expected) = try load(name)
        let output = try builtInPipeline.clean(raw).output
        if let gap = Self.knownGaps[name] {
            withKnownIssue("known gap: \(gap)") {
                #expect(output == expected)
            }
        } else {
            #expect(output == expected, "\(UnifiedDiff.make(old: String(decoding: expected, as: UTF8.self), new: String(decoding: output, as: UTF8.self), oldName: "expected", newName: "winnow"))")
        }
    }

    @Test("no content lost", arguments: names)
    func noContentLost(_ name: String) throws {
        let (raw, expected) = try load(name)
        let output = try builtInPipeline.clean(raw).output
        let score = CorpusScore(raw: raw, expected: expected, output: output)
        #expect(score.lostContentTokens == 0, "lost: \(score.lostContentSample)")
    }

    @Test("cleaning twice equals cleaning once", arguments: names)
    func idempotent(_ name: String) throws {
        let once = try builtInPipeline.clean(try load(name).raw).output
        #expect(try builtInPipeline.clean(once).output == once)
    }
}
