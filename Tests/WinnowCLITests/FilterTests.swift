import Foundation
import Testing

@Suite("winnow filter")
struct FilterTests {
    @Test("strips the credit line, the lone Comments label and the rights footer; keeps the story")
    func cleansArticle() {
        let result = Winnow.run(["filter"], input: Fixture.article)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.text == Fixture.articleCleaned)
        #expect(result.stderr.isEmpty)
    }

    @Test("output ends without a newline exactly when the input does")
    func finalNewlineFollowsInput() {
        let withNewline = Winnow.run(["filter"], input: Fixture.creditOnly)
        #expect(withNewline.status == 0)
        #expect(withNewline.stdout.text == Fixture.creditOnlyCleaned)
        #expect(withNewline.stdout.last == UInt8(ascii: "\n"))

        let input = String(Fixture.creditOnly.dropLast())
        let withoutNewline = Winnow.run(["filter"], input: input)
        #expect(withoutNewline.status == 0)
        #expect(withoutNewline.stdout.text == String(Fixture.creditOnlyCleaned.dropLast()))
        #expect(withoutNewline.stdout.last != UInt8(ascii: "\n"))

        // The last line itself removed: the line before it becomes the last, still without a newline.
        let lastLineCredit = "Harbour reopens after storm\n\nHigh winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.\n\nImage via Shutterstock"
        let dropped = Winnow.run(["filter"], input: lastLineCredit)
        #expect(dropped.status == 0)
        #expect(dropped.stdout.text == "Harbour reopens after storm\n\nHigh winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.")
    }

    @Test("CRLF input keeps CRLF line endings")
    func crlfKept() {
        let crlf = Fixture.creditOnly.replacingOccurrences(of: "\n", with: "\r\n")
        let result = Winnow.run(["filter"], input: crlf)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.text == Fixture.creditOnlyCleaned.replacingOccurrences(of: "\n", with: "\r\n"))
        // No bare LF anywhere in the output.
        let bytes = result.stdout
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"), "bare LF at byte \(index)")
        }
    }

    @Test("mixed LF and CRLF endings are each kept as they were")
    func mixedLineEndings() {
        let input = "Harbour reopens after storm\r\n\r\nHigh winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.\n\nImage via Shutterstock\r\n\r\nFerries will resume on Thursday if the weather clears.\n"
        let result = Winnow.run(["filter"], input: input)
        #expect(result.status == 0)
        #expect(result.stdout.text == "Harbour reopens after storm\r\n\r\nHigh winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.\n\nFerries will resume on Thursday if the weather clears.\n")
    }

    @Test("empty input gives empty output and status 0")
    func emptyInput() {
        let result = Winnow.run(["filter"], stdin: [])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test("untouched text is byte-identical")
    func plainTextUnchanged() {
        let result = Winnow.run(["filter"], input: Fixture.plain)
        #expect(result.status == 0)
        #expect(result.stdout.text == Fixture.plain)
    }

    @Test("invalid UTF-8: status 2, nothing on stdout, stderr names the byte offset")
    func invalidUTF8() {
        let input: [UInt8] = Array("Hello ".utf8) + [0xFF] + Array(" world\n".utf8)
        let result = Winnow.run(["filter"], stdin: input)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("invalid UTF-8"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("byte 6"), "stderr: \(result.stderr)")
    }

    @Test(
        "malformed UTF-8 of every kind is refused with its offset",
        arguments: [
            [0xC0, 0x80],  // overlong NUL
            [0xED, 0xA0, 0x80],  // UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xE2, 0x82],  // truncated sequence
            [0x80],  // lone continuation byte
            [0xF8, 0x88, 0x80, 0x80, 0x80],  // five-byte form
        ] as [[UInt8]])
    func malformedUTF8(bytes: [UInt8]) {
        let result = Winnow.run(["filter"], stdin: Array("ok ".utf8) + bytes + Array(" end\n".utf8))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("invalid UTF-8 at byte 3"), "stderr: \(result.stderr)")
    }

    @Test("valid multi-byte UTF-8 (accents, emoji) passes through byte-identical")
    func validMultibyte() {
        let text = "Café owners in Zürich 🌧️ said the storm — «unprecedented» — closed 42 shops.\n"
        let result = Winnow.run(["filter"], input: text)
        #expect(result.status == 0)
        #expect(result.stdout.text == text)
    }

    @Test("--report json writes one JSON object to stderr listing removals with rule ids")
    func reportJSON() throws {
        let result = Winnow.run(["filter", "--report", "json"], input: Fixture.creditOnly)
        #expect(result.status == 0)
        #expect(result.stdout.text == Fixture.creditOnlyCleaned)
        let lines = result.stderr.split(separator: "\n")
        try #require(lines.count == 1, "expected exactly one line on stderr: \(result.stderr)")
        let report = try JSONDecoder().decode(ReportJSON.self, from: Data(lines[0].utf8))
        #expect(report.path == "-")
        #expect(report.changed)
        #expect(report.error == nil)
        #expect(report.shadowHits.isEmpty)
        try #require(report.removals.count == 1)
        let removal = report.removals[0]
        #expect(!removal.rule.isEmpty)
        #expect(removal.stage == "image-credits")
        #expect(removal.action == "drop-line")
        #expect(removal.line == 5)
        #expect(removal.text == "Image via Shutterstock")
        #expect(!removal.shadow)
    }

    @Test("--report json on a document that cannot be cleaned reports the error")
    func reportJSONError() throws {
        let result = Winnow.run(["filter", "--report", "json"], stdin: Array("Bad \u{1}".utf8) + [0xC3])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let jsonLine = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("{") })
        let report = try JSONDecoder().decode(ReportJSON.self, from: Data(jsonLine.utf8))
        #expect(!report.changed)
        #expect(report.error?.contains("invalid UTF-8") == true)
    }

    @Test("a file argument works like standard input; '-' means standard input")
    func fileArgument() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("article.txt", Fixture.article)
        let fromFile = Winnow.run(["filter", file.path])
        let fromStdin = Winnow.run(["filter"], input: Fixture.article)
        let fromDash = Winnow.run(["filter", "-"], input: Fixture.article)
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout == fromStdin.stdout)
        #expect(fromDash.stdout == fromStdin.stdout)
        #expect(fromFile.stdout.text == Fixture.articleCleaned)
        // The file itself is not modified by filter.
        #expect(try folder.readText("article.txt") == Fixture.article)
    }

    @Test("a missing file: status 2, the path on stderr, nothing on stdout")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("nope.txt").path
        let result = Winnow.run(["filter", missing])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(missing), "stderr: \(result.stderr)")
    }

    @Test("--no-builtin with no rules leaves the text unchanged")
    func noBuiltinNoRules() {
        let result = Winnow.run(["filter", "--no-builtin"], input: Fixture.article)
        #expect(result.status == 0)
        #expect(result.stdout.text == Fixture.article)
    }

    @Test("a byte-order mark is kept and does not stop a rule at the first line")
    func byteOrderMark() {
        let input = [0xEF, 0xBB, 0xBF] + Array("Image via Shutterstock\n".utf8)
            + Array(Fixture.plain.utf8)
        let result = Winnow.run(["filter"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout == [0xEF, 0xBB, 0xBF] + Array(Fixture.plain.utf8))
    }

    @Test("usage errors exit with status 2")
    func usageErrors() {
        let unknownFlag = Winnow.run(["filter", "--no-such-flag"], stdin: [])
        #expect(unknownFlag.status == 2)
        #expect(unknownFlag.stdout.isEmpty)
        #expect(unknownFlag.stderr.contains("--no-such-flag"))

        let badPercent = Winnow.run(["filter", "--max-removal", "150"], stdin: [])
        #expect(badPercent.status == 2)
        #expect(badPercent.stderr.contains("--max-removal"))

        let badReport = Winnow.run(["filter", "--report", "xml"], stdin: [])
        #expect(badReport.status == 2)

        let unknownSubcommand = Winnow.run(["scrub"], stdin: [])
        #expect(unknownSubcommand.status == 2)
    }

    @Test("--help and --version exit 0 on stdout")
    func helpAndVersion() {
        let help = Winnow.run(["filter", "--help"])
        #expect(help.status == 0)
        #expect(help.stdoutText.contains("USAGE: winnow filter"))
        let version = Winnow.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
