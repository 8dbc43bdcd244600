import Foundation
import Testing

/// Property: filtering is idempotent. Whatever winnow leaves, a second pass leaves alone.
@Suite("corpus idempotence")
struct CorpusIdempotenceTests {
    static let corpus = ProcessInfo.processInfo.environment["WINNOW_CORPUS"].map { URL(fileURLWithPath: $0) }
        ?? Winnow.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The `NAME.raw.txt` files of the shared corpus (empty when it is absent).
    static let rawFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        let raw = names.filter { $0.hasSuffix(".raw.txt") }.sorted()
        if raw.isEmpty { print("note: no NAME.raw.txt files in \(corpus.path); corpus idempotence not checked") }
        return raw
    }()

    @Test(
        "filtering the output again changes nothing",
        .enabled(if: !rawFiles.isEmpty, "the shared corpus (../shared/corpus) is absent"),
        arguments: rawFiles)
    func idempotent(name: String) throws {
        let raw = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(name)))
        let first = Winnow.run(["filter"], stdin: raw)
        #expect(first.status == 0, "\(name): \(first.stderr)")
        let second = Winnow.run(["filter", "--report", "json"], stdin: first.stdout)
        #expect(second.status == 0, "\(name): \(second.stderr)")
        #expect(second.stdout == first.stdout, "\(name): a second pass changed the text; its report: \(second.stderr)")
    }
}
