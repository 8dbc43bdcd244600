import Foundation
import Testing
@testable import Winnow
@testable import WinnowRules
import WinnowPCRE2

@Suite("Prefilter: required literals and the literal scanner")
struct PrefilterTests {
    /// The most selective literal set of a pattern.
    private func literals(_ pattern: String, _ flags: Set<RuleFlag> = []) -> [String]? {
        conjunction(pattern, flags)?.first
    }

    private func conjunction(_ pattern: String, _ flags: Set<RuleFlag> = []) -> [[String]]? {
        RequiredLiterals.extract(pattern: pattern, flags: flags)?.map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test func independentPartsOfAPatternAreAllRequired() {
        #expect(conjunction("(?:data|chart) by \\w+ (?:YCharts|Statista)$")
            == [["chart by ", "data by "], [" statista", " ycharts"]])
        // An alternation at the top needs one of its branches: no conjunction across branches.
        #expect(conjunction("abc \\d+ def|ghi") == [["abc ", "ghi"]])
    }

    @Test func linesMustHoldEverySetButMultilineRulesMayFindThemOnDifferentLines() throws {
        let line = try makePipeline(ruleYAML("pattern: 'alpha \\d+ omega'\naction: drop-line"))
        #expect(try line.cleaned("alpha 1 omega\nalpha\nomega\n") == "alpha\nomega\n")
        let spanning = try makePipeline(ruleYAML("pattern: '^alpha\\n\\d+\\nomega$'\nflags: [multiline]\naction: drop-line"))
        #expect(try spanning.cleaned("keep\nalpha\n7\nomega\n") == "keep\n")
    }

    @Test func literalsOfCommonShapes() {
        #expect(literals("^Image via \\w+$") == ["\nimage via "])
        #expect(literals("(?i)foo|bar") == ["bar", "foo"])
        #expect(literals("a(b|c)d") == ["abd", "acd"])
        #expect(literals("[Cc]opyright \\d{4}") == ["copyright "])
        #expect(literals("\\Qa.b\\E+") == ["a.b"])
        #expect(literals("(?!abc)def") == ["def"])
        #expect(literals("\\d+ (?=Originally published)") == ["originally published"])
        #expect(literals("©\\s*2024") == ["2024"])
        #expect(literals("(?x) foo \\  bar # comment") == ["foo bar"])
        #expect(literals("(?:Photo|Image)s?(?: credit)?: \\S+") == [
            "image credit: ", "image: ", "images credit: ", "images: ",
            "photo credit: ", "photo: ", "photos credit: ", "photos: ",
        ])
        #expect(literals("#\\w+") == ["#"])
        #expect(literals("(?x) ab c * d") == ["ab"])
        #expect(literals("Photos? via") == ["photo via", "photos via"])
    }

    @Test func aCaretInALineModePatternIsTheLineBreakBeforeTheLine() {
        #expect(conjunction("^(?:Read|Get) (?:our|the) report$") == [["\nget our report", "\nget the report", "\nread our report", "\nread the report"]])
        // At a line start one set is enough: "report" would be scanned for all over the text.
        #expect(conjunction("^(?:Read|Get) [a-z]+ (?:report|analysis)$") == [["\nget ", "\nread "]])
        // With multi-line matching `^` may follow a lone CR too, so it says nothing.
        #expect(literals("(?m)^Comments$") == ["comments"])
        #expect(literals("^Comments$", [.multiline]) == ["comments"])
        // An optional part keeps the set exact.
        #expect(literals("^E-?mail") == ["\ne-mail", "\nemail"])
    }

    @Test func caselessPatternsDropNonASCIICasedLetters() {
        #expect(literals("Kelvin", [.caseless]) == ["kelvin"])
        #expect(literals("^Comments$", [.caseless]) == ["\ncomments"])
        #expect(literals("(?i:Élan vital)") == ["lan vital"])
        #expect(literals("Élan vital") == ["Élan vital".lowercased().replacingOccurrences(of: "é", with: "É")])
    }

    @Test func patternsWithoutProvableLiteralsGetNone() {
        #expect(literals("x*") == nil)
        #expect(literals("\\d+") == nil)
        #expect(literals("a|\\w+") == nil)
        #expect(literals("(*ACCEPT)abc") == nil)
        #expect(literals("abc (?x) d e") == nil)
        #expect(literals("(?R)?abc") == nil)
        #expect(literals("(?(1)abc|def)") == nil)
        #expect(literals("[^abc]+") == nil)
    }

    @Test func scannerLanesFindEveryOccurrenceInOrder() {
        // Long enough for four lanes; occurrences near every lane boundary.
        let line = "filler text Comments more filler\n"
        let text = Array(String(repeating: line, count: 50).utf8)
        let scanner = LiteralScanner(literals: [Array("comments".utf8), Array("filler".utf8)])
        let ends = text.withUnsafeBufferPointer { scanner.occurrences(in: $0) }.map(\.end)
        #expect(ends.count == 150)
        #expect(ends == ends.sorted())
    }

    @Test func scannerFindsOccurrencesAcrossTheCutsBetweenLanes() {
        let literals = [Array("needle".utf8), Array("ab".utf8)]
        let scanner = LiteralScanner(literals: literals)
        for length in 1...120 {
            for position in stride(from: 0, to: length, by: 7) {
                var text = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                let needle = Array("NeedlE".utf8)
                for (offset, byte) in needle.enumerated() where position + offset < length { text[position + offset] = byte }
                let found = text.withUnsafeBufferPointer { scanner.occurrences(in: $0) }.map { "\($0.literal)@\($0.end)" }
                var expected: [String] = []
                let folded = text.map(RequiredLiterals.fold)
                for end in 1...length {
                    for (id, literal) in literals.enumerated()
                    where end >= literal.count && Array(folded[(end - literal.count)..<end]) == literal {
                        expected.append("\(id)@\(end)")
                    }
                }
                #expect(found == expected, "length \(length), needle at \(position)")
            }
        }
    }

    @Test func scannerFindsLineStartLiteralsOnTheFirstLineAndAfterEveryLineBreak() {
        let literals = [Array("\nword".utf8)]
        let scanner = LiteralScanner(literals: literals)
        for length in 4...120 {
            for position in stride(from: 0, to: length - 4, by: 5) {
                var text = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                for offset in stride(from: 7, to: length, by: 11) { text[offset] = UInt8(ascii: "\n") }
                text.replaceSubrange(position..<(position + 4), with: Array("Word".utf8))
                let found = text.withUnsafeBufferPointer { scanner.occurrences(in: $0) }.map(\.end)
                let atLineStart = position == 0 || text[position - 1] == UInt8(ascii: "\n")
                #expect(found == (atLineStart ? [position + 4] : []), "length \(length), word at \(position)")
            }
        }
    }

    @Test func lineStartRulesFireOnEveryLineStartAndNowhereElse() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Share(?: this)?$'\naction: drop-line"))
        #expect(try pipeline.cleaned("Share\nWe share this.\r\nShare this\r\nShare\n") == "We share this.\r\n")
    }

    @Test func scannerFindsOverlappingLiteralsCaseInsensitively() {
        let scanner = LiteralScanner(literals: [Array("he".utf8), Array("she".utf8), Array("hers".utf8), Array("©".utf8)])
        let text = Array("USHERS © she".utf8)
        let found = text.withUnsafeBufferPointer { scanner.occurrences(in: $0) }.map { "\($0.literal)@\($0.end)" }
        #expect(found.sorted() == ["0@4", "0@13", "1@4", "1@13", "2@6", "3@9"].sorted())
    }

    /// Texts to check soundness on: every line of the corpus, the fixtures and every rule example.
    static let sampleTexts: [String] = {
        var texts: [String] = []
        for folder in [TestPaths.corpus, TestPaths.fixtures] {
            for name in TestPaths.pairs(in: folder) {
                if let raw = try? String(contentsOf: folder.appending(path: "\(name).raw.txt"), encoding: .utf8) {
                    texts.append(raw)
                }
            }
        }
        let (ruleSet, _) = RuleSet.load(RuleSet.builtInSources)
        texts += ruleSet.rules.flatMap { $0.examples.map(\.input) }
        return texts
    }()

    /// The property the prefilter rests on: wherever a rule's pattern matches, one of its literals is in
    /// the text it matched against.
    @Test func everyMatchContainsARequiredLiteral() throws {
        let (ruleSet, _) = RuleSet.load(RuleSet.builtInSources)
        let session = MatchSession()
        var checked = 0
        for rule in ruleSet.rules {
            let compiled = try CompiledRule.compile(rule).get()
            guard let required = compiled.requiredLiterals else { continue }
            let subjects = rule.matchesAcrossLines
                ? Self.sampleTexts
                : Self.sampleTexts.flatMap { $0.linesSplitAtLF.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 } }
            for subject in subjects {
                let bytes = Array(subject.utf8)
                let matched = try bytes.withUnsafeBufferPointer { try session.firstMatch(of: compiled.pattern, in: $0) }
                guard matched != nil else { continue }
                checked += 1
                // A line-mode rule's text follows a line break (or the document's start, which the scanner
                // reads as one): literals for the start of a line include it.
                let folded = (rule.matchesAcrossLines ? [] : [UInt8(ascii: "\n")]) + bytes.map(RequiredLiterals.fold)
                for set in required {
                    let contains = set.contains { literal in
                        folded.indices.contains { folded[$0...].starts(with: literal) }
                    }
                    #expect(contains, "rule \(rule.id) matched \(subject.debugDescription) without any of \(set.map { String(decoding: $0, as: UTF8.self) })")
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func caselessMatchesThroughKelvinSignAndLongSAreNotSkipped() throws {
        // U+212A KELVIN SIGN matches k and U+017F LONG S matches s under caseless matching.
        let pipeline = try makePipeline(ruleYAML("pattern: '^Comments$'\nflags: [caseless]\naction: drop-line"))
        #expect(try pipeline.cleaned("Story.\nComment\u{17F}\n") == "Story.\n")
        let kelvin = try makePipeline(ruleYAML("pattern: '^Keep reading$'\nflags: [caseless]\naction: drop-line"))
        #expect(try kelvin.cleaned("Story.\n\u{212A}eep reading\n") == "Story.\n")
    }

    @Test func prefilterChangesNothingButSpeed() throws {
        let (ruleSet, _) = RuleSet.load(RuleSet.builtInSources)
        let plain = try Pipeline.build(ruleSet, options: CleaningOptions(usesPrefilter: false)).get()
        for text in Self.sampleTexts + PropertyTests.content + PropertyTests.boilerplate {
            let fast = try builtInPipeline.clean(text)
            let slow = try plain.clean(text)
            #expect(fast.output == slow.output)
            #expect(fast.removals == slow.removals)
        }
    }
}
