/// The lines each rule of a pipeline is shown, as the ``Prefilter`` found them: for each rule (in pipeline
/// order) either the origins (1-based line numbers of the document first scanned) of the lines holding a
/// literal from each of its sets, in order, or every line. Kept flat, in one array for all rules, so a
/// document's candidates cost two allocations however many rules there are.
struct CandidateLines {
    private var origins: [Int32]
    /// Per rule: its part of `origins`, or nil when it runs on every line.
    private var ranges: [Range<Int>?]
    /// Bit `r % 64` of word `r / 64` is set when rule `r` has some line to look at: a stage with none
    /// among its rules is passed over with a test or two per stage, not one per rule.
    private var busy: [UInt64]

    /// Every rule runs on every line.
    init(everyLineFor ruleCount: Int) {
        origins = []
        ranges = Array(repeating: nil, count: ruleCount)
        busy = Array(repeating: 0, count: (ruleCount + 63) / 64)
        for rule in 0..<ruleCount { busy[rule / 64] |= 1 << UInt64(rule % 64) }
    }

    /// No line for any rule but those for which `runsEverywhere` holds, which are shown every line.
    init(ruleCount: Int, runsEverywhere: (Int) -> Bool) {
        origins = []
        ranges = (0..<ruleCount).map { runsEverywhere($0) ? nil : 0..<0 }
        busy = Array(repeating: 0, count: (ruleCount + 63) / 64)
        for rule in 0..<ruleCount where ranges[rule] == nil { busy[rule / 64] |= 1 << UInt64(rule % 64) }
    }

    /// `none` (as made by ``init(ruleCount:runsEverywhere:)``) with `found` (rule, origin) pairs added,
    /// grouped by rule in their order.
    init(none: CandidateLines, adding found: [(rule: Int32, origin: Int32)]) {
        self = none
        guard !found.isEmpty else { return }
        var starts = [Int](filledWith: 0, count: ranges.count + 1)
        for pair in found { starts[Int(pair.rule) + 1] += 1 }
        for rule in ranges.indices {
            starts[rule + 1] += starts[rule]
            if ranges[rule] != nil { ranges[rule] = starts[rule]..<starts[rule + 1] }
        }
        origins = [Int32](filledWith: 0, count: found.count)
        for pair in found {
            origins[starts[Int(pair.rule)]] = pair.origin
            starts[Int(pair.rule)] += 1
            busy[Int(pair.rule) / 64] |= 1 << UInt64(pair.rule % 64)
        }
    }

    /// Whether `rule` has no line to look at.
    func isEmpty(_ rule: Int) -> Bool { busy[rule / 64] & (1 << UInt64(rule % 64)) == 0 }

    /// Whether any rule in `rules` has a line to look at.
    func hasWork(in rules: Range<Int>) -> Bool {
        guard !rules.isEmpty else { return false }
        let (first, last) = (rules.lowerBound / 64, (rules.upperBound - 1) / 64)
        for word in first...last {
            // The bits of this word that fall inside `rules`.
            let low = word == first ? UInt64(rules.lowerBound % 64) : 0
            let high = word == last ? UInt64((rules.upperBound - 1) % 64) : 63
            let mask = (UInt64.max >> (63 - high)) & (UInt64.max << low)
            if busy[word] & mask != 0 { return true }
        }
        return false
    }

    /// The origins of `rule`'s lines, or nil for every line.
    subscript(rule: Int) -> ArraySlice<Int32>? { ranges[rule].map { origins[$0] } }

    /// Shows `rule` no line at all.
    mutating func clear(_ rule: Int) {
        ranges[rule] = 0..<0
        busy[rule / 64] &= ~(1 << UInt64(rule % 64))
    }
}
