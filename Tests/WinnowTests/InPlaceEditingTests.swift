import Foundation
import Testing
@testable import Winnow

/// Stages edit a document in its own storage and journal what they take out; the over-removal guard
/// undoes the edits from the journal. These tests hold both to "nothing lost".
@Suite("In-place editing and undo")
struct InPlaceEditingTests {
    @Test func aHandedOverDocumentIsEditedInItsOwnStorage() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Image via \\w+$'\naction: drop-line"))
        var bytes = Array(String(repeating: "A sentence of the story.\nImage via Agency\n", count: 10_000).utf8)
        bytes += Array("The end.".utf8)
        let address = bytes.withUnsafeBufferPointer { $0.baseAddress }
        let result = try pipeline.clean(consume bytes)
        #expect(result.output.withUnsafeBufferPointer { $0.baseAddress } == address)
        #expect(result.outputText == String(repeating: "A sentence of the story.\n", count: 10_000) + "The end.")
    }

    @Test func aCallerThatKeepsItsArrayKeepsItsBytes() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Image via \\w+$'\naction: drop-line"))
        let input = Array("Image via Agency\nStory.\n".utf8)
        let result = try pipeline.clean(input)
        #expect(result.outputText == "Story.\n")
        #expect(input == Array("Image via Agency\nStory.\n".utf8))
    }

    @Test func replacementsLongerThanTheRoomFreedBeforeThemAreWrittenElsewhere() throws {
        let pipeline = try makePipeline(ruleYAML("""
            pattern: '\\bAP\\b'
            action: replace
            replacement: 'the Associated Press'
            """))
        let text = "AP said so.\nCRLF line by AP\r\nAP\nno final newline AP"
        #expect(try pipeline.cleaned(text)
            == "the Associated Press said so.\nCRLF line by the Associated Press\r\nthe Associated Press\n"
            + "no final newline the Associated Press")
    }

    @Test func aReplacementEqualToWhatItReplacesChangesNothing() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '(colou?r)'\naction: replace\nreplacement: '$1'"))
        let result = try pipeline.clean("The colour of the sky.\n")
        #expect(result.outputText == "The colour of the sky.\n")
        #expect(!result.changed)
    }

    /// Over-removal with a limit of 0 fires whenever anything is removed, so every edit gets undone.
    static let undoEverything: Pipeline = {
        let (ruleSet, _) = RuleSet.load(RuleSet.builtInSources)
        return try! Pipeline.build(ruleSet, options: CleaningOptions(maxRemoval: 0)).get()
    }()

    func expectUndoRestores(_ input: [UInt8], with pipeline: Pipeline, _ comment: String) throws {
        let normal = try pipeline.clean(input)
        let guarded = try Self.undoEverything.clean(input)
        guard normal.output.count < input.count else { return }
        #expect(guarded.overRemoval != nil, "\(comment)")
        #expect(guarded.output == input, "\(comment): undo did not restore the input")
        #expect(!guarded.changed, "\(comment)")
        #expect(guarded.removals.map(\.ruleID) == normal.removals.map(\.ruleID), "\(comment)")
    }

    @Test(arguments: 0..<200)
    func undoRestoresGeneratedDocumentsByteForByte(seed: Int) throws {
        let text = PropertyTests().document(seed: UInt64(seed), crlf: seed % 3 == 0)
        let bytes = (seed % 5 == 0 ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        try expectUndoRestores(bytes, with: builtInPipeline, "seed \(seed)")
    }

    @Test(arguments: TestPaths.pairs(in: TestPaths.corpus) + TestPaths.pairs(in: TestPaths.fixtures))
    func undoRestoresEveryCorpusArticle(_ name: String) throws {
        let folder = FileManager.default.fileExists(atPath: TestPaths.fixtures.appending(path: "\(name).raw.txt").path)
            ? TestPaths.fixtures : TestPaths.corpus
        try expectUndoRestores(
            try TestPaths.read(folder.appending(path: "\(name).raw.txt")), with: builtInPipeline, name)
    }

    @Test func undoRestoresStagesThatLengthenedAndShortenedTheText() throws {
        let pipeline = try makePipeline("""
            stages: [expand, drop]
            stage: expand
            rules:
              - id: expand
                description: spells out the agency
                pattern: '\\bAP\\b'
                action: replace
                replacement: 'the Associated Press'
            """, """
            stage: drop
            rules:
              - id: drop
                description: drops the credit
                pattern: '^Credit: '
                action: drop-line
              - id: cut
                description: cuts a phrase
                pattern: ' \\(updated\\)'
                action: remove-match
            """, maxRemoval: 0)
        let credit = "Credit: " + String(repeating: "a long list of photographers, ", count: 8)
        let text = "AP reports (updated) that\n\(credit)\n\n\nAP AP AP\r\n\(credit)\n\n"
        let result = try pipeline.clean(text)
        #expect(result.overRemoval != nil)
        #expect(result.outputText == text)
        #expect(!result.changed)
    }
}
