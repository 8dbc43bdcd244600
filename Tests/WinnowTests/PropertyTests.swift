import Testing
@testable import Winnow

/// Properties over generated documents: built from a seeded generator so failures reproduce.
@Suite("Properties")
struct PropertyTests {
    /// SplitMix64: small, seeded, reproducible.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let content = [
        "The council voted 7-2 to approve the budget on Tuesday.",
        "“We will not comment on rumours,” the spokeswoman said.",
        "Readers left hundreds of comments under the original post.",
        "The photo, taken via a drone, showed the flooded valley.",
        "Copyright law has not kept up with generative AI, experts say.",
        "Shares of the company rose 4% in early trading.",
        "Die Regierung kündigte neue Maßnahmen an — 東京でも議論が続く。",
        "",
        "* * *",
    ]

    static let boilerplate = [
        "Image via Shutterstock",
        "Comments",
        "Photo: Getty Images",
        "© 2024 Example Media. All rights reserved.",
        "Sign up for our newsletter",
        "Read More:",
    ]

    func document(seed: UInt64, crlf: Bool) -> String {
        var generator = Generator(state: seed)
        let count = Int.random(in: 1...25, using: &generator)
        var lines: [String] = []
        for _ in 0..<count {
            let pool = Int.random(in: 0..<4, using: &generator) == 0 ? Self.boilerplate : Self.content
            lines.append(pool.randomElement(using: &generator)!)
        }
        let newline = crlf ? "\r\n" : "\n"
        return lines.joined(separator: newline) + (Bool.random(using: &generator) ? newline : "")
    }

    @Test(arguments: 0..<200)
    func cleaningTwiceEqualsCleaningOnce(seed: Int) throws {
        let text = document(seed: UInt64(seed), crlf: seed % 3 == 0)
        let once = try builtInPipeline.clean(text)
        let twice = try builtInPipeline.clean(once.output)
        #expect(twice.outputText == once.outputText, "input: \(text.debugDescription)\nonce: \(once.outputText.debugDescription)\ntwice: \(twice.outputText.debugDescription)")
    }

    @Test(arguments: 0..<200)
    func lineEndingsAndFinalNewlineSurvive(seed: Int) throws {
        let crlf = seed % 2 == 0
        let text = document(seed: UInt64(seed), crlf: crlf)
        let output = try builtInPipeline.clean(text).outputText
        if crlf {
            #expect(!output.unicodeScalars.split(separator: "\n").dropLast().contains { $0.last != "\r" })
        } else {
            #expect(!output.unicodeScalars.contains("\r"))
        }
        if !text.unicodeScalars.elementsEqual(output.unicodeScalars), !output.isEmpty {
            #expect(text.unicodeScalars.last == "\n" ? output.unicodeScalars.last == "\n" : output.unicodeScalars.last != "\n")
        }
    }

    @Test func noRuleFiresOnContentOnlyText() throws {
        let text = Self.content.joined(separator: "\n") + "\n"
        let result = try builtInPipeline.clean(text)
        #expect(result.removals.isEmpty, "\(result.removals.map { "\($0.ruleID): \($0.text)" })")
        #expect(result.outputText == text)
    }
}
