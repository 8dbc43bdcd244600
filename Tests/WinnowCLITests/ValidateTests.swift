import Foundation
import Testing

@Suite("winnow validate")
struct ValidateTests {
    /// A valid rule in the built-in `promos` stage; `id` and the body lines can be swapped per test.
    /// Line numbers of this template: 3 `- id:`, 5 `pattern:`, 9 the first `remove:` example.
    static func ruleFile(
        id: String = "harbour-club-promo", patternLine: String = "pattern: '^Join the Harbour Club\\b.*$'",
        action: String = "drop-line", removeExample: String = "Join the Harbour Club for free tide alerts"
    ) -> String {
        """
        stage: promos
        rules:
          - id: \(id)
            description: Drops the "Join the Harbour Club" promo line.
            \(patternLine)
            action: \(action)
            examples:
              remove:
                - \(removeExample)
              keep:
                - Members of the Harbour Club met on Friday.

        """
    }

    /// The lines of stdout that are diagnostics (`file:line:col: severity: …`).
    private func diagnosticLines(_ result: RunResult, file: String) -> [String] {
        result.stdoutText.split(separator: "\n").map(String.init).filter { $0.hasPrefix(file + ":") }
    }

    @Test("the built-in rules are valid: status 0 and a 'valid:' summary line")
    func builtInsValid() {
        let result = Winnow.run(["validate"])
        #expect(result.status == 0, "stdout: \(result.stdoutText)")
        let lines = result.stdoutText.split(separator: "\n")
        #expect(!lines.contains { $0.contains(" error: ") || $0.contains(" warning: ") },
                "no errors or warnings expected: \(result.stdoutText)")
        #expect(lines.last?.hasPrefix("valid: ") == true)
        #expect(lines.last?.hasSuffix("(0 failed), 0 errors, 0 warnings") == true, "\(lines)")

        let strict = Winnow.run(["validate", "--strict"])
        #expect(strict.status == 0, "built-ins must pass --strict too: \(strict.stdoutText)")
    }

    @Test("a valid user rule file: status 0")
    func validUserFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("promo.yaml", Self.ruleFile())
        let result = Winnow.run(["validate", file.path])
        #expect(result.status == 0, "stdout: \(result.stdoutText)")
        #expect(result.stdoutText.split(separator: "\n").last?.hasPrefix("valid: ") == true, "stdout: \(result.stdoutText)")
    }

    @Test("a misspelt key: 'did you mean' at the key's line and column")
    func misspeltKey() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.yaml", Self.ruleFile(patternLine: "patern: '^Join the Harbour Club\\b.*$'"))
        let result = Winnow.run(["validate", "bad.yaml"], cwd: folder.url)
        #expect(result.status == 1)
        let diagnostics = diagnosticLines(result, file: "bad.yaml")
        #expect(diagnostics.contains { $0.hasPrefix("bad.yaml:5:5: error: ") && $0.contains("did you mean 'pattern'") },
                "stdout: \(result.stdoutText)")
        #expect(result.stdoutText.split(separator: "\n").last?.hasPrefix("invalid: ") == true)
    }

    @Test("a pattern that does not compile: error at the pattern's line, pattern echoed with a caret")
    func patternDoesNotCompile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.yaml", Self.ruleFile(patternLine: "pattern: '^(Image via'"))
        let result = Winnow.run(["validate", "bad.yaml"], cwd: folder.url)
        #expect(result.status == 1)
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("bad.yaml:5:") && $0.contains("error:") },
                                 "stdout: \(result.stdoutText)")
        #expect(lines[index].contains("missing closing parenthesis"), "\(lines[index])")
        // The column points inside the pattern on line 5: after `    pattern: '` (column 15) or later.
        let column = Int(lines[index].split(separator: ":")[2]) ?? 0
        #expect((15...26).contains(column), "\(lines[index])")
        try #require(lines.count > index + 2)
        let echoed = lines[index + 1]
        let caret = lines[index + 2]
        #expect(echoed.trimmingCharacters(in: .whitespaces) == "^(Image via", "echo: \(echoed)")
        #expect(caret.trimmingCharacters(in: .whitespaces) == "^", "caret: \(caret)")
        // The caret sits under a position of the echoed pattern (here: its end, where ')' is missing).
        let echoStart = echoed.prefix { $0 == " " }.count
        let caretColumn = caret.prefix { $0 == " " }.count
        #expect(caretColumn >= echoStart && caretColumn <= echoStart + "^(Image via".count,
                "caret at \(caretColumn), pattern at \(echoStart)")
    }

    @Test("a duplicate id across two files: error at the second, note at the first")
    func duplicateID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.yaml", Self.ruleFile())
        try folder.write("b.yaml", Self.ruleFile())
        let result = Winnow.run(["validate", "a.yaml", "b.yaml"], cwd: folder.url)
        #expect(result.status == 1)
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains("b.yaml:3:5: error: duplicate rule id 'harbour-club-promo'"), "stdout: \(result.stdoutText)")
        #expect(lines.contains { $0.hasPrefix("a.yaml:3:5: note:") && $0.contains("harbour-club-promo") },
                "stdout: \(result.stdoutText)")
    }

    @Test("a duplicate of a built-in id is an error too")
    func duplicateBuiltInID() throws {
        let explain = Winnow.run(["explain", "-"], input: Fixture.creditOnly)
        let head = try #require(explain.stdoutText.split(separator: "\n").first)
        let builtInID = String(try #require(head.split(separator: " ")[1].split(separator: "/").last))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("dup.yaml", Self.ruleFile(id: builtInID))
        let result = Winnow.run(["validate", "dup.yaml"], cwd: folder.url)
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("dup.yaml:3:5: error: duplicate rule id '\(builtInID)'"),
                "stdout: \(result.stdoutText)")
    }

    @Test("a failing example: error at the example's line")
    func failingExample() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.yaml", Self.ruleFile(removeExample: "Harbour Club members get free tide alerts"))
        let result = Winnow.run(["validate", "bad.yaml"], cwd: folder.url)
        #expect(result.status == 1)
        let diagnostics = diagnosticLines(result, file: "bad.yaml")
        #expect(diagnostics.contains {
            $0.hasPrefix("bad.yaml:9:11: error: ") && $0.contains("harbour-club-promo") && $0.contains("does not remove")
        }, "stdout: \(result.stdoutText)")
        #expect(result.stdoutText.contains("(1 failed)"), "stdout: \(result.stdoutText)")
    }

    @Test("a pattern that can match the empty string is an error")
    func emptyMatch() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.yaml", Self.ruleFile(patternLine: "pattern: 'x*'", action: "remove-match", removeExample: "xxx"))
        let result = Winnow.run(["validate", "bad.yaml"], cwd: folder.url)
        #expect(result.status == 1)
        #expect(diagnosticLines(result, file: "bad.yaml").contains {
            $0.hasPrefix("bad.yaml:5:") && $0.contains("error:") && $0.contains("empty string")
        }, "stdout: \(result.stdoutText)")
    }

    @Test("a catastrophic pattern is a warning mentioning the match limit; --strict makes it fail")
    func catastrophicPatternWarning() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("slow.yaml", Self.ruleFile(
            id: "nested-plus", patternLine: "pattern: '^(a+)+$'", removeExample: "aaaa"))
        let result = Winnow.run(["validate", "slow.yaml"], cwd: folder.url)
        #expect(result.status == 0, "a warning does not make the set invalid: \(result.stdoutText)")
        #expect(diagnosticLines(result, file: "slow.yaml").contains {
            $0.hasPrefix("slow.yaml:5:") && $0.contains("warning:") && $0.contains("match limit")
        }, "stdout: \(result.stdoutText)")
        #expect(result.stdoutText.contains("1 warning"))

        let strict = Winnow.run(["validate", "--strict", "slow.yaml"], cwd: folder.url)
        #expect(strict.status == 1)
        #expect(strict.stdoutText.split(separator: "\n").last?.hasPrefix("invalid: ") == true)
    }

    @Test("invalid YAML: an error with a position")
    func invalidYAML() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.yaml", """
            stage: promos
            rules:
              - id: unclosed
                description: [unclosed
                pattern: '^x$'

            """)
        let result = Winnow.run(["validate", "bad.yaml"], cwd: folder.url)
        #expect(result.status == 1)
        let diagnostic = try #require(diagnosticLines(result, file: "bad.yaml").first, "stdout: \(result.stdoutText)")
        let parts = diagnostic.split(separator: ":", maxSplits: 4).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Int(parts[1]).map { (4...5).contains($0) } == true, "line: \(diagnostic)")
        #expect(Int(parts[2]) != nil, "column: \(diagnostic)")
        #expect(parts[3] == "error")
        #expect(diagnostic.lowercased().contains("yaml"), "\(diagnostic)")
    }

    @Test("a rule in a stage no file declares is an error")
    func undeclaredStage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.yaml", Self.ruleFile().replacingOccurrences(of: "stage: promos", with: "stage: promo"))
        let result = Winnow.run(["validate", "bad.yaml"], cwd: folder.url)
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("bad.yaml:3:5: error:"), "stdout: \(result.stdoutText)")
        #expect(result.stdoutText.contains("'promo'"))
    }

    private struct ValidateJSON: Decodable {
        struct Entry: Decodable {
            let severity: String
            let file: String?
            let line: Int?
            let column: Int?
            let rule: String?
            let message: String
        }
        struct Summary: Decodable {
            let rules: Int
            let examples: Int
            let failedExamples: Int
            let errors: Int
            let warnings: Int
            let valid: Bool
        }
        let diagnostics: [Entry]
        let summary: Summary
    }

    @Test("--format json decodes: diagnostics with file/line/column and a summary")
    func jsonFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.yaml", Self.ruleFile(patternLine: "patern: '^Join the Harbour Club\\b.*$'"))
        try folder.write("slow.yaml", Self.ruleFile(id: "nested-plus", patternLine: "pattern: '^(a+)+$'", removeExample: "aaaa"))
        let result = Winnow.run(["validate", "--format", "json", "bad.yaml", "slow.yaml"], cwd: folder.url)
        #expect(result.status == 1)
        let report = try JSONDecoder().decode(ValidateJSON.self, from: Data(result.stdout))
        let misspelt = try #require(report.diagnostics.first { $0.message.contains("did you mean 'pattern'") })
        #expect(misspelt.severity == "error")
        #expect(misspelt.file == "bad.yaml")
        #expect(misspelt.line == 5)
        #expect(misspelt.column == 5)
        let slow = try #require(report.diagnostics.first { $0.severity == "warning" })
        #expect(slow.file == "slow.yaml")
        #expect(slow.line == 5)
        #expect(slow.rule == "nested-plus")
        #expect(slow.message.contains("match limit"))
        #expect(!report.summary.valid)
        #expect(report.summary.errors == report.diagnostics.filter { $0.severity == "error" }.count)
        #expect(report.summary.warnings == 1)
        #expect(report.summary.rules > 0)

        let valid = Winnow.run(["validate", "--format", "json"])
        #expect(valid.status == 0)
        let validReport = try JSONDecoder().decode(ValidateJSON.self, from: Data(valid.stdout))
        #expect(validReport.summary.valid)
        #expect(validReport.diagnostics.allSatisfy { $0.severity == "note" }, "\(validReport.diagnostics.map(\.message))")
        #expect(validReport.summary.examples >= 2 * validReport.summary.rules, "every rule has remove and keep examples")
    }

    @Test("--no-builtin with a path validates only that file")
    func noBuiltin() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("own.yaml", RuleOptionTests.ownStageRules)
        let result = Winnow.run(["validate", "--no-builtin", "own.yaml"], cwd: folder.url)
        #expect(result.status == 0, "stdout: \(result.stdoutText)")
        let summary = result.stdoutText.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasPrefix("valid: 1 rule"), "stdout: \(result.stdoutText)")
        #expect(summary.contains(" 2 examples (0 failed), 0 errors, 0 warnings"), "stdout: \(result.stdoutText)")

        // Without the built-ins, the built-in stage `promos` is unknown.
        try folder.write("promo.yaml", Self.ruleFile())
        let alone = Winnow.run(["validate", "--no-builtin", "promo.yaml"], cwd: folder.url)
        #expect(alone.status == 1)
        #expect(alone.stdoutText.contains("promo.yaml:3:5: error:"), "stdout: \(alone.stdoutText)")
    }

    @Test("--corpus: 0 when every pair is exact, 1 with a FAIL line and a diff otherwise, 2 without pairs")
    func corpus() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("corpus/good.raw.txt", Fixture.article)
        try folder.write("corpus/good.expected.txt", Fixture.articleCleaned)
        let pass = Winnow.run(["validate", "--corpus", "corpus"], cwd: folder.url)
        #expect(pass.status == 0, "stdout: \(pass.stdoutText)")
        #expect(pass.stdoutText.split(separator: "\n").contains { $0.hasPrefix("PASS good ") }, "stdout: \(pass.stdoutText)")
        #expect(pass.stdoutText.contains("corpus: 1 of 1 pairs exact"), "stdout: \(pass.stdoutText)")

        // An expected file that keeps the credit line: winnow's output differs.
        try folder.write("corpus/kept.raw.txt", Fixture.creditOnly)
        try folder.write("corpus/kept.expected.txt", Fixture.creditOnly)
        let fail = Winnow.run(["validate", "--corpus", "corpus"], cwd: folder.url)
        #expect(fail.status == 1, "stdout: \(fail.stdoutText)")
        let lines = fail.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("FAIL kept ") }, "stdout: \(fail.stdoutText)")
        #expect(lines.contains("-Image via Shutterstock"), "stdout: \(fail.stdoutText)")
        #expect(fail.stdoutText.contains("corpus: 1 of 2 pairs exact"), "stdout: \(fail.stdoutText)")

        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = Winnow.run(["validate", "--corpus", "empty"], cwd: folder.url)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("empty"), "stderr: \(empty.stderr)")

        let missing = Winnow.run(["validate", "--corpus", "nowhere"], cwd: folder.url)
        #expect(missing.status == 2)
    }

    @Test("usage errors exit 2: unknown flag, --no-builtin without a path, unreadable path")
    func usageErrors() throws {
        let unknown = Winnow.run(["validate", "--frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--frobnicate"))

        let noPath = Winnow.run(["validate", "--no-builtin"])
        #expect(noPath.status == 2)

        let badFormat = Winnow.run(["validate", "--format", "yaml"])
        #expect(badFormat.status == 2)

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = Winnow.run(["validate", "missing.yaml"], cwd: folder.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing.yaml"))
    }
}
