import Testing
@testable import Winnow
@testable import WinnowRules

@Suite("Actions, scopes, guards and tidying")
struct ActionTests {
    @Test func dropLineRemovesWholeLinesAndKeepsEverythingElseByteIdentical() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Image via \\w+$'\naction: drop-line"))
        #expect(try pipeline.cleaned("One.\nImage via Shutterstock\nTwo.  \n") == "One.\nTwo.  \n")
        #expect(try pipeline.cleaned("Alpha  beta\tgamma\n") == "Alpha  beta\tgamma\n")
    }

    @Test func finalNewlineIsKeptOrLeftOutAsTheInputHadIt() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Comments$'\naction: drop-line"))
        #expect(try pipeline.cleaned("Story.\nComments") == "Story.")
        #expect(try pipeline.cleaned("Story.\nComments\n") == "Story.\n")
        #expect(try pipeline.cleaned("Comments\nStory.") == "Story.")
    }

    @Test func crlfLineEndingsArePreserved() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Comments$'\naction: drop-line"))
        #expect(try pipeline.cleaned("One.\r\nComments\r\nTwo.\r\n") == "One.\r\nTwo.\r\n")
        #expect(try pipeline.cleaned("One.\r\nComments") == "One.")
    }

    @Test func blankLineRunsCreatedByARemovalCollapse() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Image via \\w+$'\naction: drop-line"))
        #expect(try pipeline.cleaned("One.\n\nImage via Agency\n\nTwo.\n") == "One.\n\nTwo.\n")
        #expect(try pipeline.cleaned("Image via Agency\n\nOne.\n") == "One.\n")
        #expect(try pipeline.cleaned("One.\n\nImage via Agency\n") == "One.\n")
        // Blank runs the removal did not create stay as they were.
        #expect(try pipeline.cleaned("One.\n\n\nTwo.\nImage via Agency\n") == "One.\n\n\nTwo.\n")
    }

    @Test func dropParagraphRemovesTheBlockOfNonBlankLines() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Before you consider'\naction: drop-paragraph"))
        let text = "Story one.\n\nBefore you consider X, read this.\nPromo line two.\n\nStory two.\n"
        #expect(try pipeline.cleaned(text) == "Story one.\n\nStory two.\n")
    }

    @Test func removeMatchTidiesTheSeam() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: 'Photograph: [^.]+\\.?'\naction: remove-match"))
        #expect(try pipeline.cleaned("A caption. Photograph: Jane Doe/Agency\n") == "A caption.\n")
        #expect(try pipeline.cleaned("Photograph: Jane. The story.\n") == "The story.\n")
        #expect(try pipeline.cleaned("Start Photograph: X. end\n") == "Start end\n")
        #expect(try pipeline.cleaned("Photograph: Jane\nNext.\n") == "Next.\n")
    }

    @Test func adjacentRemovalsSeparatedOnlyBySpaceTidyAsOne() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '\\[ad\\]'\naction: remove-match"))
        #expect(try pipeline.cleaned("Text [ad]  [ad] more [ad] [ad]\n") == "Text more\n")
        #expect(try pipeline.cleaned("[ad] [ad] [ad]\nKept.\n") == "Kept.\n")
    }

    @Test func removeMatchTakesEveryMatchOnALineWithMultibyteText() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '\\[Related: [^\\]]+\\]'\naction: remove-match"))
        #expect(try pipeline.cleaned("Café [Related: Über] naïve [Related: ñ] fin\n") == "Café naïve fin\n")
    }

    @Test func replaceUsesTheTemplate() throws {
        let pipeline = try makePipeline(ruleYAML("""
            pattern: '^(\\w+) \\(AP\\) _ '
            action: replace
            replacement: '$1 (AP) — '
            """))
        #expect(try pipeline.cleaned("PARIS (AP) _ Text.\n") == "PARIS (AP) — Text.\n")
    }

    @Test func cutToEndRemovesTheFooterBlock() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Comments$'\naction: cut-to-end\nwhere: last 3"))
        #expect(try pipeline.cleaned("Story.\nMore.\nComments\nPromo one.\nPromo two.") == "Story.\nMore.")
        // Too far from the end: the scope protects it.
        let long = "Comments\nA.\nB.\nC.\nD.\n"
        #expect(try pipeline.cleaned(long) == long)
    }

    @Test func scopesCountNonBlankLines() throws {
        let last = try makePipeline(ruleYAML("pattern: '^Comments$'\naction: drop-line\nwhere: last 2"))
        #expect(try last.cleaned("Comments\nA.\n\n\nComments\nB.\n") == "Comments\nA.\n\n\nB.\n")
        let first = try makePipeline(ruleYAML("pattern: '^Home »'\naction: drop-line\nwhere: first 1"))
        #expect(try first.cleaned("\nHome » News\nText. Home » x\nHome » again\n") == "\nText. Home » x\nHome » again\n")
    }

    @Test func unlessGuardVetoesTheLine() throws {
        let pipeline = try makePipeline(ruleYAML("""
            pattern: 'comment'
            flags: [caseless]
            action: drop-line
            unless: 'not immediately available'
            """))
        let text = "Leave a comment\nHe was not immediately available for comment.\n"
        #expect(try pipeline.cleaned(text) == "He was not immediately available for comment.\n")
    }

    @Test func multilinePatternSpansLinesAndDropsThemAll() throws {
        let pipeline = try makePipeline(ruleYAML("""
            pattern: '^KEEP READING\\n(?:.+\\n)*?end of list$'
            flags: [multiline]
            action: drop-line
            """))
        let text = "Lead.\nKEEP READING\nitem 1\nitem 2\nend of list\nBody.\n"
        #expect(try pipeline.cleaned(text) == "Lead.\nBody.\n")
    }

    @Test func lineModeNeverCrossesLines() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: 'Read\\s+more'\naction: drop-line"))
        #expect(try pipeline.cleaned("Read\nmore\n") == "Read\nmore\n")
    }

    @Test func shadowRulesReportButDoNotRemove() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Comments$'\naction: drop-line\nstatus: shadow"))
        let result = try pipeline.clean("Story.\nComments\n")
        #expect(result.outputText == "Story.\nComments\n")
        #expect(!result.changed)
        #expect(result.shadowHits.map { $0.ruleID } == ["r"])
        #expect(result.shadowHits.first?.line == 2)
    }

    @Test func removalsAreReportedWithRuleStageAndOriginalLine() throws {
        let pipeline = try makePipeline("""
            stages: [first, second]
            rules:
              - id: credit
                description: d
                stage: first
                pattern: '^Image via \\w+$'
                action: drop-line
              - id: comments
                description: d
                stage: second
                pattern: '^Comments$'
                action: drop-line
            """)
        let result = try pipeline.clean("A.\nImage via X\nB.\nComments\n")
        #expect(result.outputText == "A.\nB.\n")
        #expect(result.removals.map { "\($0.stage)/\($0.ruleID)@\($0.line):\($0.text)" }
            == ["first/credit@2:Image via X", "second/comments@4:Comments"])
    }

    @Test func laterStagesSeeTheOutputOfEarlierOnes() throws {
        let yaml = """
            stages: [fragments, lines]
            rules:
              - id: via-fragment
                description: d
                stage: fragments
                pattern: ' via \\w+'
                action: remove-match
              - id: credit-line
                description: d
                stage: lines
                pattern: '^Image via \\w+$'
                action: drop-line
            """
        // The fragment stage runs first and leaves "Image", which the line rule no longer matches.
        #expect(try makePipeline(yaml).cleaned("Story.\nImage via Agency\n") == "Story.\nImage\n")
        let reordered = try makePipeline(yaml, selection: StageSelection(stages: ["lines", "fragments"]))
        #expect(try reordered.cleaned("Story.\nImage via Agency\n") == "Story.\n")
    }

    @Test func passesRepeatUntilNothingChanges() throws {
        // The lone "Comments" is only within the last line once the promo below it is gone.
        let pipeline = try makePipeline("""
            stages: [comments, promos]
            rules:
              - id: lone-comments
                description: d
                stage: comments
                pattern: '^Comments$'
                action: drop-line
                where: last 1
              - id: promo
                description: d
                stage: promos
                pattern: '^Trade confidently'
                action: drop-line
            """)
        let once = try pipeline.clean("Story.\nComments\nTrade confidently now.")
        #expect(once.outputText == "Story.")
        #expect(once.removals.map { $0.ruleID } == ["lone-comments", "promo"])
        #expect(once.removals.map { $0.line } == [2, 3])
    }

    @Test func aDroppedLineWinsOverAFragmentEditInTheSameStage() throws {
        let pipeline = try makePipeline("""
            stages: [s]
            stage: s
            rules:
              - id: fragment
                description: d
                pattern: 'via \\w+'
                action: remove-match
              - id: line
                description: d
                pattern: '^Image via'
                action: drop-line
            """)
        let result = try pipeline.clean("Image via X\nA photo via Y of it.\n")
        #expect(result.outputText == "A photo of it.\n")
        #expect(result.removals.map { $0.ruleID } == ["line", "fragment"])
    }

    @Test func skippedStagesAndDisabledRulesDoNotRun() throws {
        let yaml = """
            stages: [a, b]
            rules:
              - id: ra
                description: d
                stage: a
                pattern: '^A$'
                action: drop-line
              - id: rb
                description: d
                stage: b
                pattern: '^B$'
                action: drop-line
            """
        #expect(try makePipeline(yaml, selection: StageSelection(skipped: ["a"])).cleaned("A\nB\nC") == "A\nC")
        #expect(try makePipeline(yaml, selection: StageSelection(disabledRules: ["rb"])).cleaned("A\nB\nC") == "B\nC")
        #expect(try makePipeline(yaml, selection: StageSelection(stages: ["b"])).cleaned("A\nB\nC") == "A\nC")
    }

    @Test func unknownStageAndRuleNamesInASelectionAreErrors() throws {
        let (ruleSet, _) = RuleSet.load([RuleSource(path: "t.yaml", text: ruleYAML("pattern: 'x'\naction: drop-line"))])
        let result = Pipeline.build(ruleSet, selection: StageSelection(stages: ["z"], disabledRules: ["q"]))
        guard case .failure(let failure) = result else {
            Issue.record("expected failure")
            return
        }
        #expect(failure.diagnostics.map(\.message).contains { $0.contains("no stage named 'z'") })
        #expect(failure.diagnostics.map(\.message).contains { $0.contains("no rule with id 'q'") })
    }

    @Test func overRemovalGuardLeavesTheDocumentUnchanged() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Promo'\naction: drop-line"), maxRemoval: 0.5)
        let text = "Promo one two three four five\nPromo six seven eight nine\nShort.\n"
        let result = try pipeline.clean(text)
        #expect(result.outputText == text)
        #expect(!result.changed)
        #expect(result.overRemoval?.ruleIDs == ["r"])
        #expect((result.overRemoval?.share ?? 0) > 0.5)
        #expect(try pipeline.cleaned("Promo x\nA long sentence of real reporting stays here.\n")
            == "A long sentence of real reporting stays here.\n")
    }

    @Test func invalidUTF8IsRejectedWithItsOffset() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: 'x'\naction: drop-line"))
        #expect(throws: CleaningError.self) { try pipeline.clean(Array("ok é".utf8) + [0xC3, 0x28]) }
        do {
            _ = try pipeline.clean(Array("abc".utf8) + [0xFF])
        } catch CleaningError.invalidUTF8(let offset) {
            #expect(offset == 3)
        }
        // Overlong encodings and surrogates are invalid too.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(throws: CleaningError.self) { try pipeline.clean(bad) }
        }
    }

    @Test func emptyAndBlankDocumentsComeBackUnchanged() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: 'x'\naction: drop-line"))
        #expect(try pipeline.clean([UInt8]()).output == [])
        #expect(try pipeline.cleaned("\n\n") == "\n\n")
    }

    @Test func byteOrderMarkIsKeptAndDoesNotHideTheFirstLine() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^Home » '\naction: drop-line"))
        #expect(try pipeline.clean([0xEF, 0xBB, 0xBF] + Array("Home » News\nText.\n".utf8)).output
            == [0xEF, 0xBB, 0xBF] + Array("Text.\n".utf8))
    }

    @Test func catastrophicRuleFailsWithItsIdAndLineAndChangesNothing() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: '^(\\w+\\s?)+$'\naction: drop-line"))
        let text = "Fine.\n" + String(repeating: "a", count: 5_000) + "!\n"
        do {
            _ = try pipeline.clean(text)
            Issue.record("expected a match-limit failure")
        } catch CleaningError.matchFailed(let ruleID, _, let line, let error) {
            #expect(ruleID == "r")
            #expect(line == 2)
            #expect(error.isResourceLimit)
        }
    }

    @Test func emptyMatchesLeftByResetStartAreNotHits() throws {
        // `\K` can leave an empty match: nothing to remove, so no hit (and no endless insertion), and the
        // search resumes on a character boundary, not inside "é".
        let pipeline = try makePipeline(ruleYAML("pattern: 'x\\K'\naction: replace\nreplacement: '-'"))
        let result = try pipeline.clean("xé xé\n")
        #expect(result.outputText == "xé xé\n")
        #expect(result.removals.isEmpty)
        let partial = try makePipeline(ruleYAML("pattern: 'é\\K[a-z]+'\naction: remove-match"))
        #expect(try partial.cleaned("éabc é\n") == "é é\n")
    }

    @Test func hugeLinesAreHandled() throws {
        let pipeline = try makePipeline(ruleYAML("pattern: 'Image via \\w+'\naction: remove-match"))
        let body = String(repeating: "word ", count: 400_000)
        #expect(try pipeline.cleaned(body + "Image via Agency " + body) == body + body)
    }
}
