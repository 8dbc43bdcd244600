import Foundation
import Testing

@Suite("winnow explain")
struct ExplainTests {
    /// `file:LINE: stage/rule-id action`, optionally followed by the shadow marker.
    nonisolated(unsafe) private static let head = #/^(?<file>[^:]+):(?<line>\d+): (?<stage>[a-z0-9-]+)/(?<rule>[a-z0-9-]+) (?<action>drop-line|drop-paragraph|remove-match|replace|cut-to-end)(?<shadow> \(shadow: reported, not removed\))?$/#

    @Test("one `file:LINE: stage/rule-id action` entry per removal, the removed text, and a summary line")
    func listsRemovals() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("story.txt", Fixture.article)
        let result = Winnow.run(["explain", "story.txt"], cwd: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heads = lines.compactMap { try? Self.head.wholeMatch(in: $0) }
        try #require(heads.count == 3, "stdout: \(result.stdoutText)")
        #expect(heads.map { String($0.file) } == ["story.txt", "story.txt", "story.txt"])
        #expect(heads.map { Int($0.line) } == [7, 13, 15])
        #expect(heads.map { String($0.stage) } == ["image-credits", "comment-prompts", "copyright"])
        #expect(heads.allSatisfy { $0.action == "drop-line" && $0.shadow == nil })
        #expect(lines.contains("    - Image via Shutterstock"))
        #expect(lines.contains("    - Comments"))
        #expect(lines.contains("    - © 2024 Example Media. All rights reserved."))
        let summary = try #require(lines.last { !$0.isEmpty })
        #expect(summary.hasPrefix("3 removals by 3 rules; "), "summary: \(summary)")
        let before = Fixture.article.unicodeScalars.count
        let removed = before - Fixture.articleCleaned.unicodeScalars.count
        #expect(summary.contains("\(removed) of \(before) characters removed"), "summary: \(summary)")
        // explain never modifies the file.
        #expect(try folder.readText("story.txt") == Fixture.article)
    }

    @Test("standard input is '-' and shows as <stdin>; nothing removed gives just the summary")
    func standardInput() {
        let result = Winnow.run(["explain", "-"], input: Fixture.creditOnly)
        #expect(result.status == 0)
        #expect(result.stdoutText.hasPrefix("<stdin>:5: image-credits/"), "stdout: \(result.stdoutText)")

        let nothing = Winnow.run(["explain", "-"], input: Fixture.plain)
        #expect(nothing.status == 0)
        #expect(nothing.stdoutText.hasPrefix("0 removals by 0 rules"), "stdout: \(nothing.stdoutText)")
        #expect(nothing.stdoutText.split(separator: "\n").count == 1)
    }

    @Test("explain: a file that cannot be cleaned exits 2")
    func failures() throws {
        let invalid = Winnow.run(["explain", "-"], stdin: [0x41, 0xFF, 0x0A])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("invalid UTF-8"), "stderr: \(invalid.stderr)")

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = Winnow.run(["explain", "nope.txt"], cwd: folder.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.txt"))

        let noFile = Winnow.run(["explain"])
        #expect(noFile.status == 2)
    }

    static let shadowRules = """
        stages:
          - id: house-style
            description: Test-only stage.
        rules:
          - id: desk-memo-trial
            stage: house-style
            description: Trial rule for "Harbour Desk memo N" markers; reported only while it is evaluated.
            pattern: '^Harbour Desk memo \\d+.*$'
            action: drop-line
            status: shadow
            examples:
              remove:
                - Harbour Desk memo 42 (internal)
              keep:
                - The Harbour Desk memo leaked on Friday.

        """

    static let articleWithTipLine = """
        Harbour reopens after storm

        High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.

        Harbour Desk memo 42 (internal)

        Ferries will resume on Thursday if the weather clears, the port authority said in a statement.

        """

    @Test("a shadow rule's hit is listed and marked as shadow, and filter does not remove its text")
    func shadowRule() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rules = try folder.write("shadow.yaml", Self.shadowRules)
        let explain = Winnow.run(["explain", "--rules", rules.path, "-"], input: Self.articleWithTipLine)
        #expect(explain.status == 0, "stderr: \(explain.stderr)")
        let lines = explain.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains("<stdin>:5: house-style/desk-memo-trial drop-line (shadow: reported, not removed)"),
                "stdout: \(explain.stdoutText)")
        #expect(lines.contains("    - Harbour Desk memo 42 (internal)"), "stdout: \(explain.stdoutText)")
        let summary = try #require(lines.last)
        #expect(summary.hasPrefix("0 removals by 0 rules"), "summary: \(summary)")
        #expect(summary.hasSuffix("1 shadow hit"), "summary: \(summary)")

        let filter = Winnow.run(["filter", "--rules", rules.path], input: Self.articleWithTipLine)
        #expect(filter.status == 0, "stderr: \(filter.stderr)")
        #expect(filter.stdout.text == Self.articleWithTipLine)

        let report = Winnow.run(["filter", "--report", "json", "--rules", rules.path], input: Self.articleWithTipLine)
        let decoded = try JSONDecoder().decode(ReportJSON.self, from: Data(report.stderr.utf8))
        #expect(!decoded.changed)
        #expect(decoded.removals.isEmpty)
        #expect(decoded.shadowHits.map(\.rule) == ["desk-memo-trial"])
        #expect(decoded.shadowHits.first?.shadow == true)
        #expect(decoded.shadowHits.first?.line == 5)
    }

    @Test("a drop-line shadow hit shows the whole line it would drop, not just the matched part")
    func shadowHitShowsWholeLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Same rule, but the pattern matches only the start of the line it would drop.
        let rules = try folder.write("shadow.yaml", Self.shadowRules.replacingOccurrences(of: "'^Harbour Desk memo \\d+.*$'", with: "'^Harbour Desk memo \\d+'"))
        let explain = Winnow.run(["explain", "--no-builtin", "--rules", rules.path, "-"], input: Self.articleWithTipLine)
        #expect(explain.status == 0, "stderr: \(explain.stderr)")
        let lines = explain.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains("<stdin>:5: house-style/desk-memo-trial drop-line (shadow: reported, not removed)"))
        #expect(lines.contains("    - Harbour Desk memo 42 (internal)"), "stdout: \(explain.stdoutText)")
        // When the rule becomes active, it removes the whole line.
        let active = try folder.write("active.yaml", String(try folder.readText("shadow.yaml"))
            .replacingOccurrences(of: "    status: shadow\n", with: ""))
        let filter = Winnow.run(["filter", "--no-builtin", "--rules", active.path], input: Self.articleWithTipLine)
        #expect(!filter.stdoutText.contains("Harbour Desk memo"))
    }
}
