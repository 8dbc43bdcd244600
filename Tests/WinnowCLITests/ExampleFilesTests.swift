import Foundation
import Testing

@Suite("bundled examples and built-in rules")
struct ExampleFilesTests {
    static let examples = Winnow.packageRoot.appendingPathComponent("Examples")
    static let article = examples.appendingPathComponent("article.txt")
    static let expected = examples.appendingPathComponent("article.expected.txt")
    static var examplesExist: Bool {
        FileManager.default.fileExists(atPath: article.path) && FileManager.default.fileExists(atPath: expected.path)
    }

    @Test(
        "Examples/article.txt filtered equals Examples/article.expected.txt",
        .enabled(if: examplesExist, "Examples/article.txt and Examples/article.expected.txt do not exist yet"))
    func bundledExample() throws {
        let expected = Array(try Data(contentsOf: Self.expected))
        let result = Winnow.run(["filter", Self.article.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == expected, "diff the output of `winnow filter Examples/article.txt` with Examples/article.expected.txt")
        // Cleaning the expected output again changes nothing.
        let again = Winnow.run(["filter", Self.expected.path])
        #expect(again.stdout == expected)
    }

    @Test(
        "the binary copied alone into an empty folder still carries the built-in rules",
        .enabled(if: examplesExist, "Examples/article.txt does not exist yet"))
    func binaryAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let binary = try #require(Winnow.binary)
        let copy = folder.url.appendingPathComponent("winnow")
        try FileManager.default.copyItem(at: binary, to: copy)
        try FileManager.default.copyItem(at: Self.article, to: folder.url.appendingPathComponent("article.txt"))
        let process = Process()
        process.executableURL = copy
        process.arguments = ["filter", "article.txt"]
        process.currentDirectoryURL = folder.url
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Array(bytes) == Array(try Data(contentsOf: Self.expected)))
    }

    @Test(
        "README's explain example: `winnow explain Examples/article.txt` prints what README shows",
        .enabled(if: examplesExist, "Examples/article.txt does not exist yet"))
    func readmeExplainExample() throws {
        let result = Winnow.run(["explain", "Examples/article.txt"], cwd: Winnow.packageRoot)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        // The lines README quotes before its "...", and its summary line.
        #expect(Array(lines.prefix(4)) == [
            "Examples/article.txt:9: image-credits/credit-line drop-line",
            "    - Image via Shutterstock",
            "Examples/article.txt:10: generation-notes/ai-generation-note-line drop-line",
            "    - This story was generated with the help of AI tools and edited by Tomas Berg",
        ], "update README's explain example if this output changed on purpose")
        #expect(lines.last == "5 removals by 5 rules; 305 of 1471 characters removed (21%)",
                "update README's explain example if this output changed on purpose")
    }

    static let customRules = examples.appendingPathComponent("custom-rules.yaml")

    @Test(
        "Examples/custom-rules.yaml validates and drops a closing 'Sponsored by' line",
        .enabled(if: FileManager.default.fileExists(atPath: customRules.path), "Examples/custom-rules.yaml does not exist"))
    func customRulesExample() {
        let validate = Winnow.run(["validate", Self.customRules.path])
        #expect(validate.status == 0, "stdout: \(validate.stdoutText)")
        let input = Fixture.creditOnly + "Sponsored by Acme Tools\n"
        let result = Winnow.run(["filter", "--rules", Self.customRules.path], input: input)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.text == Fixture.creditOnlyCleaned)
    }

    private struct ValidateJSON: Decodable {
        struct Summary: Decodable {
            let rules: Int
            let examples: Int
            let valid: Bool
        }
        let summary: Summary
    }

    /// The binary embeds Rules/ at build time; if a rule file was added or edited after the last build that
    /// re-ran the embedding, the binary under test is not the rule set in the repository.
    @Test("the binary's built-in rules are the rule files in Rules/ (embedding not stale)")
    func builtInRulesMatchRulesFolder() throws {
        let rulesFolder = Winnow.packageRoot.appendingPathComponent("Rules").path
        let builtIn = Winnow.run(["validate", "--format", "json"])
        let onDisk = Winnow.run(["validate", "--format", "json", "--no-builtin", rulesFolder])
        let builtInSummary = try JSONDecoder().decode(ValidateJSON.self, from: Data(builtIn.stdout)).summary
        let onDiskSummary = try JSONDecoder().decode(ValidateJSON.self, from: Data(onDisk.stdout)).summary
        #expect(
            builtInSummary.rules == onDiskSummary.rules && builtInSummary.examples == onDiskSummary.examples,
            """
            the binary has \(builtInSummary.rules) built-in rules / \(builtInSummary.examples) examples but Rules/ \
            holds \(onDiskSummary.rules) / \(onDiskSummary.examples): the embedded rules are stale. Run `swift build`; \
            if a file was added to Rules/ and the counts still differ, SwiftPM did not re-plan EmbedRulesPlugin \
            (`touch Package.swift` forces a re-plan)
            """)
        #expect(builtInSummary.valid, "winnow validate: the built-in rules are invalid")
    }

    @Test("the built-in rules clean the fixture article exactly like the rule files in Rules/")
    func builtInRulesBehaveLikeRulesFolder() {
        let rulesFolder = Winnow.packageRoot.appendingPathComponent("Rules").path
        let builtIn = Winnow.run(["filter"], input: Fixture.article)
        let onDisk = Winnow.run(["filter", "--no-builtin", "--rules", rulesFolder], input: Fixture.article)
        #expect(onDisk.status == 0, "stderr: \(onDisk.stderr)")
        #expect(onDisk.stdout.text == Fixture.articleCleaned)
        #expect(builtIn.stdout == onDisk.stdout)
    }
}
