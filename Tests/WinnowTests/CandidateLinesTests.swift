import Testing
@testable import Winnow

@Suite("Candidate lines")
struct CandidateLinesTests {
    @Test("a stage has work exactly when one of its rules has a line, for stages across 64-rule words")
    func hasWorkMatchesRuleByRule() {
        let ruleCount = 150
        var state: UInt64 = 3
        for _ in 0..<200 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let everywhere = Int(state >> 40) % ruleCount
            let none = CandidateLines(ruleCount: ruleCount) { $0 == everywhere }
            let found = (0..<Int(state >> 60)).map { index in
                (rule: Int32((Int(state >> 20) &+ index &* 37) % ruleCount), origin: Int32(index + 1))
            }.sorted { $0.rule < $1.rule }
            var candidates = CandidateLines(none: none, adding: found)
            let cleared = Int(state >> 30) % ruleCount
            candidates.clear(cleared)
            for rule in 0..<ruleCount {
                let expected = rule != cleared && (rule == everywhere || found.contains { Int($0.rule) == rule })
                #expect(candidates.isEmpty(rule) == !expected, "rule \(rule)")
            }
            for lower in stride(from: 0, to: ruleCount, by: 7) {
                for upper in stride(from: lower, through: ruleCount, by: 11) {
                    let expected = (lower..<upper).contains { !candidates.isEmpty($0) }
                    #expect(candidates.hasWork(in: lower..<upper) == expected, "\(lower)..<\(upper)")
                }
            }
        }
    }

    @Test func everyLineMeansWorkEverywhere() {
        let candidates = CandidateLines(everyLineFor: 70)
        #expect(candidates.hasWork(in: 63..<65))
        #expect(!candidates.hasWork(in: 10..<10))
        #expect((0..<70).allSatisfy { !candidates.isEmpty($0) && candidates[$0] == nil })
    }
}
