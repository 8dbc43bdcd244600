import Foundation
import Testing

/// `--patterns` (grep -f style lists) and `clean --jobs`.
@Suite("winnow --patterns and --jobs")
struct SpeedOptionTests {
    @Test("a pattern list drops matching lines; blank lines and # comments are ignored")
    func patternList() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("list.txt", "# grep -f style\n(?i)^image via \\w+$\n\n^Comments$\n")
        let result = Winnow.run(["filter", "--no-builtin", "--patterns", "list.txt"],
                                input: "Story.\nIMAGE VIA Agency\nThe image via satellite.\nComments\nEnd.", cwd: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.text == "Story.\nThe image via satellite.\nEnd.")
    }

    @Test("a bad pattern in a list is reported at its file line and column, and nothing is cleaned")
    func patternListError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("list.txt", "^ok$\n# comment\n^(broken\n")
        let result = Winnow.run(["filter", "--no-builtin", "--patterns", "list.txt"], input: "ok\n", cwd: folder.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("list.txt:3:9: error: pattern does not compile: missing closing parenthesis"),
                "stderr: \(result.stderr)")
    }

    @Test("a pattern list runs after the built-in stages, and its rules can be disabled by file:line")
    func patternListWithBuiltins() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("list.txt", "^Sponsored$\n^Kept$\n")
        let story = "The council approved the harbour budget on Tuesday after a long debate about ferry fares."
        let text = "\(story)\nSponsored\nKept\nImage via Shutterstock\n"
        let result = Winnow.run(["filter", "--patterns", "list.txt", "--disable", "list.txt:2"], input: text, cwd: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.text == "\(story)\nKept\n")
    }

    @Test("clean --jobs 2 gives the same files, reports and summary as --jobs 1")
    func parallelCleanMatchesSequential() throws {
        var outputs: [String] = []
        var summaries: [String] = []
        var contents: [[String]] = []
        for jobs in ["1", "2"] {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            for index in 0..<40 {
                let body = index % 3 == 0 ? Fixture.article : "Plain story number \(index).\nNothing else.\n"
                try folder.write(String(format: "docs/article-%02d.txt", index), body)
            }
            try folder.write("docs/broken.txt", [0x41, 0xFF, 0x0A])
            let result = Winnow.run(["clean", "--report", "json", "--jobs", jobs, "docs"], cwd: folder.url)
            #expect(result.status == 2, "the invalid file makes the run fail: \(result.stderr)")
            outputs.append(result.stdout.text)
            summaries.append(result.stderr)
            contents.append(try folder.allFiles().map { try folder.readText($0) })
        }
        #expect(outputs[0] == outputs[1])
        #expect(summaries[0] == summaries[1])
        #expect(contents[0] == contents[1])
        #expect(outputs[0].split(separator: "\n").count == 41)
    }

    @Test("--jobs must be positive")
    func jobsValidation() {
        let result = Winnow.run(["clean", "--jobs", "0", "."])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs"))
    }
}
