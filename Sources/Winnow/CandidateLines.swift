/// The lines each rule of a pipeline is shown, as the ``Prefilter`` found them: for each rule (in pipeline
/// order) either the origins (1-based line numbers of the document first scanned) of the lines holding a
/// literal from each of its sets, in order, or every line. Kept flat, in one array for all rules, so a
/// document's candidates cost two allocations however many rules there are.
struct CandidateLines {
    private var origins: [Int32]
    /// Per rule: its part of `origins`, or nil when it runs on every line.
    private var ranges: [Range<Int>?]

    /// Every rule runs on every line.
    init(everyLineFor ruleCount: Int) {
        origins = []
        ranges = Array(repeating: nil, count: ruleCount)
    }

    /// Groups `found` (rule, origin) pairs by rule, keeping their order. Rules for which `runsEverywhere`
    /// holds are shown every line; the others only their own origins (none, if they have no pair).
    init(ruleCount: Int, found: [(rule: Int32, origin: Int32)], runsEverywhere: (Int) -> Bool) {
        var counts = [Int](repeating: 0, count: ruleCount)
        for pair in found { counts[Int(pair.rule)] += 1 }
        var next = [Int](repeating: 0, count: ruleCount)
        var ranges: [Range<Int>?] = []
        ranges.reserveCapacity(ruleCount)
        var start = 0
        for rule in 0..<ruleCount {
            next[rule] = start
            ranges.append(runsEverywhere(rule) ? nil : start..<(start + counts[rule]))
            start += counts[rule]
        }
        var origins = [Int32](repeating: 0, count: found.count)
        for pair in found {
            origins[next[Int(pair.rule)]] = pair.origin
            next[Int(pair.rule)] += 1
        }
        self.origins = origins
        self.ranges = ranges
    }

    /// Whether `rule` has no line to look at.
    func isEmpty(_ rule: Int) -> Bool { ranges[rule]?.isEmpty ?? false }

    /// The origins of `rule`'s lines, or nil for every line.
    subscript(rule: Int) -> ArraySlice<Int32>? { ranges[rule].map { origins[$0] } }

    /// Shows `rule` no line at all.
    mutating func clear(_ rule: Int) { ranges[rule] = 0..<0 }
}
