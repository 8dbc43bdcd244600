import Foundation
import Testing
@testable import Winnow
@testable import WinnowRules

@Suite("Rule files: schema errors with positions")
struct RuleLoaderTests {
    private func errors(_ yaml: String) -> [Diagnostic] {
        diagnostics(of: yaml).filter { $0.severity == .error }
    }

    private func only(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let found = errors(yaml)
        #expect(found.count == 1, "\(found.map { "\($0.location.map(String.init(describing:)) ?? "-"): \($0.message)" })",
                sourceLocation: sourceLocation)
        return found.first
    }

    @Test func validFileLoadsEveryField() {
        let (set, found) = RuleSet.load([RuleSource(path: "r.yaml", text: """
            stages:
              - id: credits
                description: Image credits.
            rules:
              - id: image-via
                description: Drops credit lines.
                stage: credits
                pattern: '^Image via \\S+$'
                flags: [caseless, ucp]
                action: drop-line
                where: last 5
                unless: 'satellite'
                status: shadow
                examples:
                  remove: [Image via Shutterstock]
                  keep: [The image via satellite showed it.]
                  rewrite:
                    - input: a
                      output: a
            """)])
        #expect(found.isEmpty, "\(found)")
        let rule = set.rules[0]
        #expect(set.stages.map(\.id) == ["credits"])
        #expect(rule.id == "image-via" && rule.stage == "credits" && rule.action == .dropLine)
        #expect(rule.flags == [.caseless, .ucp])
        #expect(rule.scope == .last(5))
        #expect(rule.guardPattern == "satellite")
        #expect(rule.status == .shadow)
        #expect(rule.examples.map(\.expectation) == [.removed, .kept, .rewritten("a")])
        #expect(rule.examples[0].location?.line == 15)
    }

    @Test func misspeltKeySuggestsTheRightOne() {
        // The misspelling is reported once, not also as a missing `pattern`.
        let misspelt = errors(ruleYAML("patern: 'x'\naction: drop-line")).map(\.message)
        #expect(misspelt == ["unknown key 'patern' in rule; did you mean 'pattern'?"])
        let diagnostic = diagnostics(of: ruleYAML("pattern: 'x'\nactoin: drop-line\naction: drop-line"))
            .first { $0.message.contains("unknown key") }
        #expect(diagnostic?.message == "unknown key 'actoin' in rule; did you mean 'action'?")
        #expect(diagnostic?.location?.line == 7)
        #expect(diagnostic?.location?.column == 5)
    }

    @Test func badEnumValueSuggestsTheClosest() {
        let diagnostic = only(ruleYAML("pattern: 'x'\naction: drop-lines"))
        #expect(diagnostic?.message == "unknown action value 'drop-lines'; did you mean 'drop-line'?")
        #expect(diagnostic?.location?.line == 7)
        #expect(diagnostic?.location?.column == 13)
    }

    @Test func unknownFlagIsAnError() {
        let diagnostic = only(ruleYAML("pattern: 'x'\naction: drop-line\nflags: [caseles]"))
        #expect(diagnostic?.message.contains("did you mean 'caseless'?") == true)
    }

    @Test func wrongTypeIsAnError() {
        let diagnostic = only(ruleYAML("pattern: [a, b]\naction: drop-line"))
        #expect(diagnostic?.message == "`pattern` must be a string, not a list")
        #expect(diagnostic?.location?.line == 6)
    }

    @Test func badScopeIsAnError() {
        let diagnostic = only(ruleYAML("pattern: 'x'\naction: drop-line\nwhere: last ten"))
        #expect(diagnostic?.message.contains("`where` must be `anywhere`, `first N` or `last N`") == true)
    }

    @Test func missingRequiredKeysAreEachReported() {
        let found = errors("stages: [s]\nrules:\n  - id: r\n    stage: s\n")
        let messages = Set(found.map(\.message))
        #expect(messages.isSuperset(of: [
            "missing required key 'description'", "missing required key 'pattern'", "missing required key 'action'",
        ]))
    }

    @Test func replacementRulesAreChecked() {
        #expect(only(ruleYAML("pattern: 'x'\naction: replace"))?.message == "action `replace` needs a `replacement`")
        #expect(only(ruleYAML("pattern: 'x'\naction: drop-line\nreplacement: y"))?.message
            == "`replacement` is only used with action `replace`, not `drop-line`")
    }

    @Test func duplicateIdsAcrossFilesPointAtBoth() {
        let first = RuleSource(path: "a.yaml", text: ruleYAML("pattern: 'x'\naction: drop-line"))
        let second = RuleSource(path: "b.yaml", text: "stage: s\nrules:\n  - id: r\n    description: d\n    pattern: y\n    action: drop-line\n")
        let (_, found) = RuleSet.load([first, second])
        let error = found.first { $0.severity == .error }
        #expect(error?.message == "duplicate rule id 'r'")
        #expect(error?.location == Winnow.SourceLocation(file: "b.yaml", line: 3, column: 5))
        #expect(found.contains { $0.severity == .note && $0.location?.file == "a.yaml" })
    }

    @Test func undeclaredStageIsAnError() {
        let diagnostic = only("stages: [promos]\nrules:\n  - id: r\n    description: d\n    stage: promo\n    pattern: x\n    action: drop-line\n")
        #expect(diagnostic?.message.contains("did you mean 'promos'?") == true)
    }

    @Test func invalidYAMLHasAPosition() {
        let diagnostic = only("stages: [s]\nrules:\n  - id: r\n    pattern: 'unclosed\n")
        #expect(diagnostic?.message.hasPrefix("invalid YAML") == true)
        #expect(diagnostic?.location?.line != nil)
    }

    @Test func keyWrittenTwiceIsAnError() {
        let diagnostic = only("stages: [s]\nrules:\n  - id: r\n    description: d\n    pattern: x\n    action: drop-line\n    pattern: y\n")
        #expect(diagnostic?.message == "key 'pattern' appears twice in one mapping")
        #expect(diagnostic?.location?.line == 5)
    }

    @Test func patternListsBecomeDropLineRulesWithPositions() throws {
        let list = PatternList.rules(path: "dir/list.txt", text: "# c\n\n^a$\r\n(?i)b\n")
        #expect(list.stage.id == "patterns:dir/list.txt")
        #expect(list.rules.map(\.id) == ["dir/list.txt:3", "dir/list.txt:4"])
        #expect(list.rules.map(\.pattern) == ["^a$", "(?i)b"])
        #expect(list.rules.allSatisfy { $0.action == .dropLine && $0.stage == list.stage.id })
        let pipeline = try Pipeline.build(
            RuleSet().adding(stage: list.stage, rules: list.rules), options: CleaningOptions(maxRemoval: 1)).get()
        #expect(try pipeline.cleaned("a\nB\nc\n") == "c\n")
    }

    @Test func invalidIDIsAnError() {
        #expect(only(ruleYAML("pattern: 'x'\naction: drop-line").replacingOccurrences(of: "id: r", with: "id: Bad Id"))?
            .message.contains("must be lowercase") == true)
    }

    @Test(arguments: [
        // (YAML line holding the pattern, expected column of the error)
        ("pattern: '^(Image via'", 26),
        ("pattern: ^(Image via", 25),
        ("pattern: \"^(Image via\"", 26),
        ("pattern: 'it''s ^(Image via'", 32),
    ])
    func compileErrorsPointIntoTheRuleFile(line: String, column: Int) {
        let diagnostic = only(ruleYAML("\(line)\naction: drop-line"))
        #expect(diagnostic?.message.contains("does not compile: missing closing parenthesis") == true)
        #expect(diagnostic?.location?.line == 6)
        #expect(diagnostic?.location?.column == column)
        #expect(diagnostic?.snippet.last?.hasSuffix("^") == true)
    }

    @Test func compileErrorsInBlockScalarsPointAtTheRightLine() {
        let yaml = ruleYAML("pattern: |-\n  (?x) ^Image\n  (via\naction: drop-line\nflags: [extended]")
        let diagnostic = only(yaml)
        #expect(diagnostic?.location?.line == 8)
        #expect(diagnostic?.location?.column == 11)
    }

    @Test func emptyMatchingPatternIsAnError() {
        #expect(only(ruleYAML("pattern: 'x*'\naction: drop-line"))?.message.hasPrefix("pattern can match the empty string") == true)
    }

    @Test func failingExamplesPointAtTheExample() {
        let found = errors(ruleYAML("""
            pattern: '^Image via \\S+$'
            action: drop-line
            examples:
              remove: [Photo by Someone]
              keep: [Image via Agency]
            """))
        #expect(found.map(\.message) == [
            "rule 'r' does not remove this example",
            "rule 'r' must keep this example but changes it to \"\"",
        ])
        #expect(found.map { $0.location?.line } == [9, 10])
    }

    @Test func rulesThatChangeTheirOwnOutputAreErrors() {
        let found = errors(ruleYAML("""
            pattern: 'Photo(?!graph)'
            action: replace
            replacement: 'Photograph Photo'
            examples:
              rewrite:
                - input: Photo
                  output: Photograph Photo
              keep: [Photograph]
            """))
        #expect(found.map(\.message) == [
            "rule 'r' changes its own output again (to \"Photograph Photograph Photograph Photograph Photograph "
                + "Photograph Photograph Photograph Photograph Photo\"), so cleaning never settles",
        ])
    }

    @Test func catastrophicPatternsGetAWarning() {
        let found = diagnostics(of: ruleYAML("pattern: '^(a+)+$'\naction: drop-line"))
        #expect(found.contains { $0.severity == .warning && $0.message.contains("match limit") })
    }

    @Test func rulesWithoutExamplesGetAWarning() {
        let found = diagnostics(of: ruleYAML("pattern: 'x'\naction: drop-line"))
        #expect(found.contains { $0.severity == .warning && $0.message.contains("has no examples") })
    }
}
