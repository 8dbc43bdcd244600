import Foundation
import Testing
@testable import Winnow

/// The project's own invented articles (Tests/Fixtures/articles), including traps where boilerplate words
/// are the story.
@Suite("Own fixtures")
struct FixtureTests {
    static let names = TestPaths.pairs(in: TestPaths.fixtures)

    @Test func fixturesExist() { #expect(Self.names.count >= 8) }

    @Test(arguments: names)
    func byteExact(_ name: String) throws {
        let raw = try TestPaths.read(TestPaths.fixtures.appending(path: "\(name).raw.txt"))
        let expected = try TestPaths.read(TestPaths.fixtures.appending(path: "\(name).expected.txt"))
        let output = try builtInPipeline.clean(raw).output
        #expect(output == expected, "\(UnifiedDiff.make(old: String(decoding: expected, as: UTF8.self), new: String(decoding: output, as: UTF8.self), oldName: "expected", newName: "winnow"))")
        #expect(try builtInPipeline.clean(output).output == output, "cleaning twice differs from once")
    }

    @Test func bundledExampleMatchesItsExpectedText() throws {
        let folder = TestPaths.packageRoot.appending(path: "Examples")
        let raw = try TestPaths.read(folder.appending(path: "article.txt"))
        let expected = try TestPaths.read(folder.appending(path: "article.expected.txt"))
        #expect(try builtInPipeline.clean(raw).output == expected)
    }

    @Test func readmeCustomRuleExampleIsValidAndWorks() throws {
        let path = TestPaths.packageRoot.appending(path: "Examples/custom-rules.yaml").path
        let sources = RuleSet.builtInSources + (try RuleSet.sources(at: [path]))
        #expect(RuleSetValidator().validate(sources).diagnostics.isEmpty)
        let pipeline = try Pipeline.build(RuleSet.load(sources).0).get()
        let article = "The stadium, sponsored by a bank, opened in 2019.\nIt seats 40,000 people.\nSponsored by Acme Tools\n"
        #expect(try pipeline.cleaned(article)
            == "The stadium, sponsored by a bank, opened in 2019.\nIt seats 40,000 people.\n")
    }

    @Test func readmeLibraryExampleWorks() throws {
        let folder = TestPaths.packageRoot.appending(path: "Examples/custom-rules.yaml").path
        let (builtIn, _) = RuleSet.builtIn
        let (ruleSet, diagnostics) = RuleSet.load(try RuleSet.sources(at: [folder]), onto: builtIn)
        #expect(!diagnostics.containsErrors)
        let pipeline = try Pipeline.build(ruleSet, selection: StageSelection(skipped: ["promos"])).get()
        let article = String(decoding: try TestPaths.read(TestPaths.packageRoot.appending(path: "Examples/article.txt")), as: UTF8.self)
        let result = try pipeline.clean(Array(article.utf8))
        #expect(result.removals.map(\.stage).contains("image-credits"))
        #expect(!result.removals.map(\.stage).contains("promos"))
    }
}
