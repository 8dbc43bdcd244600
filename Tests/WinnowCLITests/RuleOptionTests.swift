import Foundation
import Testing

/// `--rules`, `--disable`, `--skip`, `--stages`, `--max-removal`: the options filter, clean and explain share.
@Suite("rule and stage options")
struct RuleOptionTests {
    /// A rule file declaring its own stage, with a rule dropping a lone "Tip line" label.
    static let ownStageRules = """
        stages:
          - id: house-style
            description: Test-only stage for newsroom furniture.
        rules:
          - id: tip-line-label
            stage: house-style
            description: Drops a lone "Send us a tip" label line.
            pattern: '^Send us a tip$'
            action: drop-line
            examples:
              remove:
                - Send us a tip
              keep:
                - Send us a tip, the editor wrote, if you saw the storm.

        """

    /// A rule in the built-in `promos` stage.
    static let promoRules = """
        stage: promos
        rules:
          - id: harbour-club-promo
            description: Drops the "Join the Harbour Club" promo line.
            pattern: '^Join the Harbour Club\\b.*$'
            action: drop-line
            examples:
              remove:
                - Join the Harbour Club for free tide alerts
              keep:
                - Members of the Harbour Club met on Friday.

        """

    static let articleWithHouseBoilerplate = """
        Harbour reopens after storm

        Send us a tip

        High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.

        Image via Shutterstock

        Ferries will resume on Thursday if the weather clears, the port authority said in a statement.

        Join the Harbour Club for free tide alerts

        """

    @Test("--rules FILE adds a rule in a stage the file declares, alongside the built-ins")
    func userRuleOwnStage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rules = try folder.write("house.yaml", Self.ownStageRules)
        let result = Winnow.run(["filter", "--rules", rules.path], input: Self.articleWithHouseBoilerplate)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.text == """
            Harbour reopens after storm

            High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.

            Ferries will resume on Thursday if the weather clears, the port authority said in a statement.

            Join the Harbour Club for free tide alerts

            """)
    }

    @Test("--rules FOLDER loads every *.yaml in it; a rule may use a built-in stage")
    func userRulesFolderBuiltInStage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("rules/house.yaml", Self.ownStageRules)
        try folder.write("rules/promo.yaml", Self.promoRules)
        try folder.write("rules/README.txt", "not a rule file")
        let result = Winnow.run(
            ["filter", "--rules", folder.url.appendingPathComponent("rules").path], input: Self.articleWithHouseBoilerplate)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.text == """
            Harbour reopens after storm

            High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.

            Ferries will resume on Thursday if the weather clears, the port authority said in a statement.

            """)
    }

    @Test("--rules with a broken rule file: status 2, nothing on stdout, the error on stderr")
    func brokenUserRules() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rules = try folder.write("broken.yaml", Self.promoRules.replacingOccurrences(of: "pattern:", with: "patern:"))
        let result = Winnow.run(["filter", "--rules", rules.path], input: Fixture.article)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("broken.yaml:5:5: error:"), "stderr: \(result.stderr)")

        let missing = Winnow.run(["filter", "--rules", folder.url.appendingPathComponent("none.yaml").path],
                                 input: Fixture.article)
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("none.yaml"))
    }

    /// The id of the rule `explain` says removed "Image via Shutterstock" (line 5 of `creditOnly`).
    private func creditRuleID(disabling disabled: [String] = []) throws -> String? {
        let options = disabled.isEmpty ? [] : ["--disable", disabled.joined(separator: ",")]
        let explain = Winnow.run(["explain"] + options + ["-"], input: Fixture.creditOnly)
        #expect(explain.status == 0, "stderr: \(explain.stderr)")
        guard let head = explain.stdoutText.split(separator: "\n").first(where: { $0.hasPrefix("<stdin>:5: ") }) else {
            return nil
        }
        // "<stdin>:5: image-credits/credit-line drop-line"
        let stageAndRule = head.split(separator: " ")[1]
        return String(try #require(stageAndRule.split(separator: "/").last))
    }

    @Test("--disable RULE_ID stops that built-in rule")
    func disableRule() throws {
        // Several built-in rules may recognise the same credit line; disable them one by one, as named by
        // explain, until none is left. Each --disable must take the named rule out.
        var disabled: [String] = []
        while let ruleID = try creditRuleID(disabling: disabled) {
            try #require(!disabled.contains(ruleID), "--disable \(disabled) did not stop '\(ruleID)'")
            disabled.append(ruleID)
            try #require(disabled.count < 10)
        }
        try #require(!disabled.isEmpty)
        let result = Winnow.run(["filter", "--disable", disabled.joined(separator: ",")], input: Fixture.creditOnly)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.text == Fixture.creditOnly)

        // Repeated form; the other rules still run.
        let repeated = disabled.flatMap { ["--disable", $0] } + ["--disable", disabled[0]]
        let both = Winnow.run(["filter"] + repeated, input: Fixture.article)
        #expect(both.status == 0, "stderr: \(both.stderr)")
        #expect(both.stdoutText.contains("Image via Shutterstock"))
        #expect(!both.stdoutText.contains("All rights reserved"))
    }

    @Test("--skip STAGE leaves a stage out; --stages a,b runs only those")
    func stageSelection() {
        let skipped = Winnow.run(["filter", "--skip", "image-credits"], input: Fixture.article)
        #expect(skipped.status == 0, "stderr: \(skipped.stderr)")
        #expect(skipped.stdoutText.contains("Image via Shutterstock"))
        #expect(!skipped.stdoutText.contains("All rights reserved"))
        #expect(!skipped.stdoutText.contains("\nComments\n"))

        let skippedTwo = Winnow.run(["filter", "--skip", "image-credits, copyright"], input: Fixture.article)
        #expect(skippedTwo.status == 0, "stderr: \(skippedTwo.stderr)")
        #expect(skippedTwo.stdoutText.contains("Image via Shutterstock"))
        #expect(skippedTwo.stdoutText.contains("© 2024 Example Media. All rights reserved."))

        let only = Winnow.run(["filter", "--stages", "image-credits"], input: Fixture.article)
        #expect(only.status == 0, "stderr: \(only.stderr)")
        #expect(only.stdout.text == Fixture.article.replacingOccurrences(of: "Image via Shutterstock\n\n", with: ""))

        let two = Winnow.run(["filter", "--stages", "copyright,image-credits"], input: Fixture.article)
        #expect(two.status == 0, "stderr: \(two.stderr)")
        #expect(!two.stdoutText.contains("Image via"))
        #expect(!two.stdoutText.contains("All rights reserved"))
        #expect(two.stdoutText.contains("\nComments\n"))

        let all = Winnow.run(["filter", "--stages", "image-credits", "--skip", "image-credits"], input: Fixture.article)
        #expect(all.status == 0)
        #expect(all.stdout.text == Fixture.article)
    }

    @Test("a user stage can be selected with --stages and skipped with --skip")
    func userStageSelection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rules = try folder.write("house.yaml", Self.ownStageRules)
        let only = Winnow.run(["filter", "--rules", rules.path, "--stages", "house-style"],
                              input: Self.articleWithHouseBoilerplate)
        #expect(only.status == 0, "stderr: \(only.stderr)")
        #expect(only.stdout.text == Self.articleWithHouseBoilerplate.replacingOccurrences(of: "Send us a tip\n\n", with: ""))

        let skipped = Winnow.run(["filter", "--rules", rules.path, "--skip", "house-style"],
                                 input: Self.articleWithHouseBoilerplate)
        #expect(skipped.status == 0, "stderr: \(skipped.stderr)")
        #expect(skipped.stdoutText.contains("Send us a tip\n"))
        #expect(!skipped.stdoutText.contains("Image via"))
    }

    @Test("unknown stage or rule names: status 2, nothing on stdout, 'did you mean' when close",
          arguments: [
              (["--stages", "promo"], "did you mean 'promos'?"),
              (["--skip", "image-credit"], "did you mean 'image-credits'?"),
              (["--stages", "image-credits,coypright"], "did you mean 'copyright'?"),
          ])
    func unknownStage(options: [String], suggestion: String) {
        for command in ["filter", "explain"] {
            let args = command == "explain" ? [command] + options + ["-"] : [command] + options
            let result = Winnow.run(args, input: Fixture.article)
            #expect(result.status == 2, "\(args)")
            #expect(result.stdout.isEmpty, "\(args)")
            #expect(result.stderr.contains(suggestion), "\(args) stderr: \(result.stderr)")
        }
    }

    @Test("unknown names far from any: an error without a suggestion; a close rule id is suggested")
    func unknownNames() throws {
        let farStage = Winnow.run(["filter", "--skip", "zzqqxx"], input: Fixture.article)
        #expect(farStage.status == 2)
        #expect(farStage.stdout.isEmpty)
        #expect(farStage.stderr.contains("'zzqqxx'"), "stderr: \(farStage.stderr)")
        #expect(!farStage.stderr.contains("did you mean"), "stderr: \(farStage.stderr)")

        let ruleID = try #require(try creditRuleID())
        let closeRule = Winnow.run(["filter", "--disable", ruleID + "s"], input: Fixture.article)
        #expect(closeRule.status == 2)
        #expect(closeRule.stdout.isEmpty)
        #expect(closeRule.stderr.contains("did you mean '\(ruleID)'?"), "stderr: \(closeRule.stderr)")

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("story.txt", Fixture.article)
        let clean = Winnow.run(["clean", "--disable", "no-such-rule-anywhere", "story.txt"], cwd: folder.url)
        #expect(clean.status == 2)
        #expect(clean.stderr.contains("'no-such-rule-anywhere'"))
        #expect(try folder.readText("story.txt") == Fixture.article, "nothing cleaned with a broken selection")
    }

    @Test("--max-removal 10 on mostly-boilerplate text leaves it unchanged and warns on stderr")
    func maxRemoval() throws {
        // Credit, "Comments" and footer are about three quarters of the characters.
        let text = """
            Ferries resume on Thursday.

            Image via Shutterstock

            Comments

            © 2024 Example Media. All rights reserved.

            """
        let guarded = Winnow.run(["filter", "--max-removal", "10"], input: text)
        #expect(guarded.status == 0, "stderr: \(guarded.stderr)")
        #expect(guarded.stdout.text == text)
        #expect(guarded.stderr.contains("warning: left unchanged"), "stderr: \(guarded.stderr)")
        #expect(guarded.stderr.contains("limit 10%"), "stderr: \(guarded.stderr)")

        let unlimited = Winnow.run(["filter", "--max-removal", "100"], input: text)
        #expect(unlimited.status == 0)
        #expect(unlimited.stdout.text == "Ferries resume on Thursday.\n")
        #expect(unlimited.stderr.isEmpty)

        // The fixture article loses about a fifth: cleaned at the default 50%, guarded at 10%.
        let article = Winnow.run(["filter", "--max-removal", "10"], input: Fixture.article)
        #expect(article.stdout.text == Fixture.article)
        #expect(article.stderr.contains("warning: left unchanged"))
        #expect(Winnow.run(["filter"], input: Fixture.article).stdout.text == Fixture.articleCleaned)

        // clean honours it too: the file is not rewritten and the guard shows in the summary.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("story.txt", Fixture.article)
        let clean = Winnow.run(["clean", "--max-removal", "10", "story.txt"], cwd: folder.url)
        #expect(clean.status == 0, "stderr: \(clean.stderr)")
        #expect(try folder.readText("story.txt") == Fixture.article)
        #expect(clean.stderr.contains("story.txt: warning: left unchanged"), "stderr: \(clean.stderr)")
        #expect(clean.stderr.contains("1 left unchanged by the over-removal guard"), "stderr: \(clean.stderr)")
    }
}
