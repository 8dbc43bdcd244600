import Foundation
import Testing

@Suite("winnow filter --null-data")
struct NullDataTests {
    static let nul: [UInt8] = [0]

    @Test("each NUL-separated document is cleaned on its own, in order, and the NULs are kept as they were")
    func documentsCleanedApart() {
        let second = "Plain story.\nNothing to remove here.\n"
        for finalNUL in [true, false] {
            let input = Array(Fixture.article.utf8) + Self.nul + Array(second.utf8) + Self.nul + Self.nul
                + Array(Fixture.article.utf8) + (finalNUL ? Self.nul : [])
            let result = Winnow.run(["filter", "--null-data"], stdin: input)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty)
            let expected = Array(Fixture.articleCleaned.utf8) + Self.nul + Array(second.utf8) + Self.nul + Self.nul
                + Array(Fixture.articleCleaned.utf8) + (finalNUL ? Self.nul : [])
            #expect(result.stdout == expected, "final NUL: \(finalNUL)")
        }
    }

    @Test("a scope applies within each document: 'Comments' at the end of the first document is removed")
    func scopesArePerDocument() {
        let story = "Harbour reopens after storm\n\nHigh winds closed the harbour on Tuesday, officials said.\n"
        let first = story + "\nComments\n"
        // Followed by a long second document, the label is far from the end of the stream but at the end
        // of its own document.
        let long = (1...40).map { "Paragraph \($0) of the second story, which is long.\n" }.joined()
        let result = Winnow.run(["filter", "-z"], stdin: Array(first.utf8) + Self.nul + Array(long.utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == Array(story.utf8) + Self.nul + Array(long.utf8))
    }

    @Test("a document that is not UTF-8 is written unchanged, the others are cleaned, and the status is 2")
    func invalidDocumentPassesThrough() {
        let broken: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" menu\n".utf8)
        let input = Array(Fixture.article.utf8) + Self.nul + broken + Self.nul + Array(Fixture.article.utf8) + Self.nul
        let result = Winnow.run(["filter", "--null-data"], stdin: input)
        #expect(result.status == 2)
        let expected = Array(Fixture.articleCleaned.utf8) + Self.nul + broken + Self.nul
            + Array(Fixture.articleCleaned.utf8) + Self.nul
        #expect(result.stdout == expected)
        let start = Fixture.article.utf8.count + 1
        #expect(result.stderr.contains("document 2, starting at byte \(start): invalid UTF-8 at byte 3"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("written unchanged"))
    }

    @Test("a stream of many documents, one larger than the read buffer, comes out document for document")
    func longStream() {
        // About 3 MB in 600 documents, then one 2.5 MB document: reads end inside documents and inside
        // the large one the buffer has to grow.
        let plain = (1...60_000).map { "Line \($0) of a very long plain document.\n" }.joined()
        var input: [UInt8] = []
        var expected: [UInt8] = []
        for index in 0..<600 {
            let (raw, cleaned) = index % 2 == 0
                ? (Fixture.article, Fixture.articleCleaned) : ("Story \(index) has nothing to remove.\n", "Story \(index) has nothing to remove.\n")
            input += Array(raw.utf8) + Self.nul
            expected += Array(cleaned.utf8) + Self.nul
        }
        input += Array(plain.utf8)
        expected += Array(plain.utf8)
        let result = Winnow.run(["filter", "--null-data"], stdin: input)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.count == expected.count)
        #expect(result.stdout == expected)
    }

    @Test("--report json writes one object per document, numbered from 1")
    func reportPerDocument() throws {
        let input = Array(Fixture.article.utf8) + Self.nul + Array("Nothing here.\n".utf8) + Self.nul
        let result = Winnow.run(["filter", "-z", "--report", "json"], stdin: input)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects[0]?["document"] as? Int == 1)
        #expect(objects[0]?["changed"] as? Bool == true)
        #expect(objects[1]?["document"] as? Int == 2)
        #expect(objects[1]?["changed"] as? Bool == false)
    }

    @Test("empty input holds no document: empty output, status 0")
    func emptyInput() {
        let result = Winnow.run(["filter", "--null-data"], stdin: [])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test("reads a named file too, and names it when it cannot be opened")
    func namedFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("stream.bin")
        try Data(Array(Fixture.article.utf8) + Self.nul).write(to: file)
        let result = Winnow.run(["filter", "-z", file.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == Array(Fixture.articleCleaned.utf8) + Self.nul)

        let missing = Winnow.run(["filter", "-z", folder.url.appendingPathComponent("missing").path])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("missing: cannot open"), "stderr: \(missing.stderr)")
    }
}
