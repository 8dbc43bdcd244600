import Foundation
import Testing

@Suite("winnow clean")
struct CleanTests {
    private static let oldDate = Date(timeIntervalSince1970: 1_000_000_000)  // 2001-09-09

    /// Sets the file's modification date far in the past, so that any rewrite shows.
    private func age(_ url: URL) throws {
        try FileManager.default.setAttributes([.modificationDate: Self.oldDate], ofItemAtPath: url.path)
    }

    private func attributes(_ url: URL) throws -> (mtime: Date, inode: UInt64, permissions: Int) {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        let mtime = try #require(attributes[.modificationDate] as? Date)
        let inode = try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
        let permissions = try #require((attributes[.posixPermissions] as? NSNumber)?.intValue)
        return (mtime, inode, permissions)
    }

    @Test("a changed file is rewritten with the cleaned text and keeps its permissions")
    func rewritesChangedFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("story.txt", Fixture.article)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let result = Winnow.run(["clean", "story.txt"], cwd: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try folder.readText("story.txt") == Fixture.articleCleaned)
        #expect(try attributes(file).permissions == 0o640)
        #expect(folder.allFiles() == ["story.txt"], "no temporary or backup files left")
    }

    @Test("an unchanged file is not rewritten (same mtime, same inode)")
    func leavesUnchangedFileAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("plain.txt", Fixture.plain)
        try age(file)
        let before = try attributes(file)
        let result = Winnow.run(["clean", file.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let after = try attributes(file)
        #expect(after.mtime == before.mtime)
        #expect(after.mtime == Self.oldDate)
        #expect(after.inode == before.inode)
        #expect(try folder.readText("plain.txt") == Fixture.plain)
    }

    @Test("--check: status 1 and nothing written when a file would change; 0 when none would")
    func check() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dirty = try folder.write("dirty.txt", Fixture.article)
        let clean = try folder.write("clean.txt", Fixture.plain)
        try age(dirty)

        let findings = Winnow.run(["clean", "--check", dirty.path, clean.path])
        #expect(findings.status == 1, "stderr: \(findings.stderr)")
        #expect(findings.stdout.isEmpty)
        #expect(try folder.readText("dirty.txt") == Fixture.article)
        #expect(try attributes(dirty).mtime == Self.oldDate)
        #expect(findings.stderr.contains("1 would change"), "stderr: \(findings.stderr)")
        #expect(folder.allFiles() == ["clean.txt", "dirty.txt"])

        let none = Winnow.run(["clean", "--check", clean.path])
        #expect(none.status == 0, "stderr: \(none.stderr)")
        #expect(try folder.readText("clean.txt") == Fixture.plain)
    }

    @Test("--diff prints a unified diff to stdout and writes nothing")
    func diff() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("story.txt", Fixture.creditOnly)
        try age(file)
        let result = Winnow.run(["clean", "--diff", "story.txt"], cwd: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let expected = """
            --- a/story.txt
            +++ b/story.txt
            @@ -2,6 +2,4 @@
             
             High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.
             
            -Image via Shutterstock
            -
             Ferries will resume on Thursday if the weather clears, the port authority said in a statement.

            """
        #expect(result.stdout.text == expected)
        #expect(try folder.readText("story.txt") == Fixture.creditOnly)
        #expect(try attributes(file).mtime == Self.oldDate)
        #expect(folder.allFiles() == ["story.txt"])
    }

    @Test("--diff marks a missing final newline like diff -u")
    func diffNoFinalNewline() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = String(Fixture.creditOnly.dropLast())
        try folder.write("story.txt", input)
        let result = Winnow.run(["clean", "--diff", "story.txt"], cwd: folder.url)
        #expect(result.status == 0)
        let expected = """
            --- a/story.txt
            +++ b/story.txt
            @@ -2,6 +2,4 @@
             
             High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.
             
            -Image via Shutterstock
            -
             Ferries will resume on Thursday if the weather clears, the port authority said in a statement.
            \\ No newline at end of file

            """
        #expect(result.stdout.text == expected)
        #expect(try folder.readText("story.txt") == input)
    }

    @Test(
        "--diff output applies with patch(1) and gives exactly what clean writes",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/patch"), "/usr/bin/patch not installed"),
        arguments: ["lf", "crlf", "no-final-newline", "last-line-removed"])
    func diffApplies(variant: String) throws {
        var input = Fixture.article
        switch variant {
        case "crlf": input = input.replacingOccurrences(of: "\n", with: "\r\n")
        case "no-final-newline": input = String(Fixture.creditOnly.dropLast())
        case "last-line-removed": input = String(Fixture.article.dropLast())
        default: break
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("story.txt", input)
        try folder.write("patched.txt", input)
        let diff = Winnow.run(["clean", "--diff", "-q", "story.txt"], cwd: folder.url)
        #expect(diff.status == 0)
        try folder.write("change.diff", diff.stdout)
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        patch.arguments = ["-s", "--no-backup-if-mismatch", "patched.txt", "change.diff"]
        patch.currentDirectoryURL = folder.url
        patch.standardOutput = FileHandle.nullDevice
        patch.standardError = FileHandle.nullDevice
        try patch.run()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0, "patch rejected the diff:\n\(diff.stdoutText)")
        let written = Winnow.run(["clean", "-q", "story.txt"], cwd: folder.url)
        #expect(written.status == 0)
        #expect(try folder.read("patched.txt") == (try folder.read("story.txt")))
        #expect(try folder.read("story.txt") != Array(input.utf8))
    }

    @Test("--dry-run writes nothing and says what would change")
    func dryRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("story.txt", Fixture.article)
        try age(file)
        let result = Winnow.run(["clean", "--dry-run", file.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("1 file scanned"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("1 would change"), "stderr: \(result.stderr)")
        #expect(try folder.readText("story.txt") == Fixture.article)
        #expect(try attributes(file).mtime == Self.oldDate)
        #expect(folder.allFiles() == ["story.txt"])
    }

    @Test("--backup .orig keeps the original bytes in FILE.orig")
    func backup() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("story.txt", Fixture.article)
        try folder.write("plain.txt", Fixture.plain)
        let result = Winnow.run(["clean", "--backup", ".orig", "."], cwd: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try folder.readText("story.txt") == Fixture.articleCleaned)
        #expect(try folder.readText("story.txt.orig") == Fixture.article)
        // Only changed files get a backup.
        #expect(folder.allFiles() == ["plain.txt", "story.txt", "story.txt.orig"])
    }

    @Test("--backup rejects a suffix with a slash; --report with --diff is a usage error")
    func optionConflicts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("story.txt", Fixture.article)
        let slash = Winnow.run(["clean", "--backup", "x/y", "story.txt"], cwd: folder.url)
        #expect(slash.status == 2)
        let both = Winnow.run(["clean", "--report", "json", "--diff", "story.txt"], cwd: folder.url)
        #expect(both.status == 2)
        let noPaths = Winnow.run(["clean"], cwd: folder.url)
        #expect(noPaths.status == 2)
        #expect(try folder.readText("story.txt") == Fixture.article)
    }

    @Test("folders: recursive walk, default *.txt/*.md, --include, --exclude, hidden folders skipped")
    func folderWalk() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for path in ["a.txt", "sub/b.md", "sub/deeper/c.txt", "data.json", ".hidden/h.txt", ".dot.txt",
                     "notes.text", "sub/skip-me.txt", "skipdir/d.txt"]
        {
            try folder.write(path, Fixture.article)
        }

        let defaults = Winnow.run(["clean", "--exclude", "skip*", "."], cwd: folder.url)
        #expect(defaults.status == 0, "stderr: \(defaults.stderr)")
        for cleaned in ["a.txt", "sub/b.md", "sub/deeper/c.txt"] {
            #expect(try folder.readText(cleaned) == Fixture.articleCleaned, "\(cleaned) should be cleaned")
        }
        for untouched in ["data.json", ".hidden/h.txt", ".dot.txt", "notes.text", "sub/skip-me.txt", "skipdir/d.txt"] {
            #expect(try folder.readText(untouched) == Fixture.article, "\(untouched) should be left alone")
        }
        #expect(defaults.stderr.contains("3 files scanned, 3 changed"), "stderr: \(defaults.stderr)")

        // --include replaces the defaults.
        let included = Winnow.run(["clean", "--include", "*.text", "."], cwd: folder.url)
        #expect(included.status == 0, "stderr: \(included.stderr)")
        #expect(try folder.readText("notes.text") == Fixture.articleCleaned)
        #expect(try folder.readText("sub/skip-me.txt") == Fixture.article)
        #expect(try folder.readText("data.json") == Fixture.article)
        #expect(included.stderr.contains("1 file scanned, 1 changed"), "stderr: \(included.stderr)")
    }

    @Test("a file named on the command line is cleaned whatever its extension")
    func explicitFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("data.json", Fixture.article)
        let result = Winnow.run(["clean", "data.json"], cwd: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try folder.readText("data.json") == Fixture.articleCleaned)
    }

    @Test("a symbolic link named on the command line stays a link to its target")
    func explicitSymlink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("real.txt", Fixture.article)
        let link = folder.url.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.txt")
        let result = Winnow.run(["clean", "link.txt"], cwd: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == "real.txt",
                "link.txt is no longer a symbolic link")
        #expect(try folder.readText("real.txt") == Fixture.articleCleaned)
        // Symbolic links found inside folders are passed over.
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("dir/inner.txt").path,
                                                   withDestinationPath: "../real.txt")
        let walk = Winnow.run(["clean", "dir"], cwd: folder.url)
        #expect(walk.status == 0)
        #expect(walk.stderr.contains("0 files scanned"), "stderr: \(walk.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(
            atPath: folder.url.appendingPathComponent("dir/inner.txt").path)) == "../real.txt")
    }

    @Test("binary and non-UTF-8 files are left byte-identical and reported; status 2; the rest is cleaned")
    func unreadableFilesSkipped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let binary: [UInt8] = Array("PK".utf8) + [0, 1, 2] + Array("\nImage via Shutterstock\n".utf8)
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" au lait\nImage via Shutterstock\n".utf8)
        try folder.write("a-binary.txt", binary)
        try folder.write("b-latin1.txt", latin1)
        try folder.write("c-story.txt", Fixture.article)
        let result = Winnow.run(["clean", "."], cwd: folder.url)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(try folder.read("a-binary.txt") == binary)
        #expect(try folder.read("b-latin1.txt") == latin1)
        #expect(try folder.readText("c-story.txt") == Fixture.articleCleaned)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("a-binary.txt") && $0.contains("binary") }, "stderr: \(result.stderr)")
        #expect(lines.contains { $0.contains("b-latin1.txt") && $0.contains("UTF-8") && $0.contains("offset 3") },
                "stderr: \(result.stderr)")
        #expect(result.stderr.contains("3 files scanned, 1 changed"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("2 failed"), "stderr: \(result.stderr)")
        #expect(folder.allFiles() == ["a-binary.txt", "b-latin1.txt", "c-story.txt"])
    }

    @Test("a non-existent path: status 2, named on stderr; other paths still cleaned")
    func missingPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("story.txt", Fixture.article)
        let result = Winnow.run(["clean", "missing.txt", "story.txt"], cwd: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.txt"), "stderr: \(result.stderr)")
        #expect(try folder.readText("story.txt") == Fixture.articleCleaned)

        let alone = Winnow.run(["clean", "missing.txt"], cwd: folder.url)
        #expect(alone.status == 2)
    }

    @Test("no temporary files are left behind after cleaning many files")
    func noTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for index in 0..<8 {
            try folder.write("dir\(index % 3)/story\(index).txt", index.isMultiple(of: 2) ? Fixture.article : Fixture.plain)
        }
        let result = Winnow.run(["clean", "--backup", ".bak", "."], cwd: folder.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let leftovers = folder.allFiles().filter { $0.contains("winnow-tmp") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        #expect(folder.allFiles().filter { $0.hasSuffix(".bak") }.count == 4)
    }

    @Test("the summary on stderr counts files scanned and changed; -q silences it")
    func summary() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("one.txt", Fixture.article)
        try folder.write("two.txt", Fixture.plain)
        let result = Winnow.run(["clean", "."], cwd: folder.url)
        #expect(result.status == 0)
        let summary = try #require(result.stderr.split(separator: "\n").first.map(String.init))
        #expect(summary.hasPrefix("winnow: 2 files scanned, 1 changed, "), "summary: \(summary)")
        #expect(summary.contains("3 lines"), "three lines removed (credit, Comments, ©): \(summary)")

        try folder.write("three.txt", Fixture.article)
        let quiet = Winnow.run(["clean", "-q", "."], cwd: folder.url)
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
        #expect(try folder.readText("three.txt") == Fixture.articleCleaned)
    }

    @Test("--report json prints one JSON object per file on stdout")
    func reportJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.txt", Fixture.article)
        try folder.write("b.txt", Fixture.plain)
        try folder.write("c.txt", [0x61, 0x00, 0x62])
        let result = Winnow.run(["clean", "--report", "json", "."], cwd: folder.url)
        #expect(result.status == 2, "c.txt is binary")
        let reports = try decodeJSONLines(ReportJSON.self, result.stdoutText)
        try #require(reports.count == 3, "stdout: \(result.stdoutText)")
        #expect(reports.map(\.path) == ["./a.txt", "./b.txt", "./c.txt"])
        #expect(reports[0].changed)
        #expect(reports[0].removals.count == 3)
        #expect(reports[0].removals.map(\.line) == [7, 13, 15])
        #expect(reports[0].removals.allSatisfy { !$0.rule.isEmpty && !$0.stage.isEmpty })
        #expect(!reports[1].changed)
        #expect(reports[1].removals.isEmpty)
        #expect(reports[1].error == nil)
        #expect(!reports[2].changed)
        #expect(reports[2].error?.contains("binary") == true)
        #expect(try folder.readText("a.txt") == Fixture.articleCleaned)
    }
}
