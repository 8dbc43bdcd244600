import Foundation
import Testing

/// A user rule that backtracks catastrophically must fail fast and leave the document alone.
@Suite("catastrophic backtracking")
struct MatchLimitTests {
    static let rules = """
        stage: promos
        rules:
          - id: runaway-words
            description: Deliberately nested quantifiers, to exercise the match limit.
            pattern: '^(\\w+\\s?)+$'
            action: drop-line
            examples:
              remove:
                - just some words
              keep:
                - words and a bang!

        """

    /// A long run of word characters with a character at the end that makes `^(\w+\s?)+$` fail only after
    /// trying every way of splitting the run. (A run of "a " pairs is not enough for this pattern: each
    /// space fixes where a group ends, so it fails in linear time.)
    static let document: [UInt8] = Array(
        ("Harbour reopens after storm\n\n" + String(repeating: "a", count: 5000) + "!\n\nFerries resume Thursday.\n").utf8)

    @Test("filter: status 2 quickly, the rule id and 'match limit' on stderr, nothing on stdout")
    func filterFailsFast() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rules = try folder.write("runaway.yaml", Self.rules)
        let result = Winnow.run(["filter", "--rules", rules.path], stdin: Self.document)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("'runaway-words'"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("match limit"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("line 3"), "the failing line: \(result.stderr)")
        #expect(result.elapsed < .seconds(10), "took \(result.elapsed)")
    }

    @Test("filter --null-data: a document edited by earlier stages and then failed comes out exactly as it came in")
    func nullDataFailedDocumentUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rules = try folder.write("runaway.yaml", Self.rules)
        // The credit line goes in the image-credits stage, in place, before the promos stage's rule fails.
        let failing = Array("Image via Shutterstock\n".utf8) + Self.document
        let input = failing + [0] + Array(Self.harmless.utf8) + [0]
        let result = Winnow.run(["filter", "-z", "--rules", rules.path], stdin: input)
        #expect(result.status == 2)
        #expect(result.stdout == failing + [0] + Array(Self.harmlessCleaned.utf8) + [0])
        #expect(result.stderr.contains("document 1, starting at byte 0"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("match limit"), "stderr: \(result.stderr)")
    }

    /// Short lines on which the runaway pattern fails or matches well within the limit.
    static let harmless = "It rained.\nFerries wait.\nImage via Shutterstock\nPorts shut.\nBoats idle in the bay.\n"
    static let harmlessCleaned = "It rained.\nFerries wait.\nPorts shut.\nBoats idle in the bay.\n"

    @Test("the same rule on short lines works: the limit stops one runaway match, not the rule")
    func harmlessTextStillCleaned() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rules = try folder.write("runaway.yaml", Self.rules)
        let result = Winnow.run(["filter", "--rules", rules.path], input: Self.harmless)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.text == Self.harmlessCleaned)
    }

    @Test("clean: the file is left byte-identical, reported, status 2; other files are still cleaned")
    func cleanLeavesFileAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rules = try folder.write("rules/runaway.yaml", Self.rules)
        try folder.write("docs/a-runaway.txt", Self.document)
        try folder.write("docs/b-story.txt", Self.harmless)
        let before = try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("docs/a-runaway.txt").path)
        let result = Winnow.run(["clean", "--rules", rules.path, "docs"], cwd: folder.url)
        #expect(result.status == 2)
        #expect(try folder.read("docs/a-runaway.txt") == Self.document)
        let after = try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("docs/a-runaway.txt").path)
        #expect((after[.systemFileNumber] as? NSNumber) == (before[.systemFileNumber] as? NSNumber))
        #expect(try folder.readText("docs/b-story.txt") == Self.harmlessCleaned)
        #expect(result.stderr.contains("docs/a-runaway.txt"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("runaway-words"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("match limit"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("1 failed"), "stderr: \(result.stderr)")
        #expect(!folder.allFiles().contains { $0.contains("winnow-tmp") })
        #expect(result.elapsed < .seconds(10), "took \(result.elapsed)")
    }

    @Test("validate flags the rule with a match-limit warning but accepts it")
    func validateWarns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("runaway.yaml", Self.rules)
        let result = Winnow.run(["validate", "runaway.yaml"], cwd: folder.url)
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("runaway.yaml:5:"), "stdout: \(result.stdoutText)")
        #expect(result.stdoutText.contains("match limit"), "stdout: \(result.stdoutText)")
    }
}
