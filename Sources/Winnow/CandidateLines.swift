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

    /// No line for any rule but those for which `runsEverywhere` holds, which are shown every line.
    init(ruleCount: Int, runsEverywhere: (Int) -> Bool) {
        origins = []
        ranges = (0..<ruleCount).map { runsEverywhere($0) ? nil : 0..<0 }
    }

    /// `none` (as made by ``init(ruleCount:runsEverywhere:)``) with `found` (rule, origin) pairs added,
    /// grouped by rule in their order.
    init(none: CandidateLines, adding found: [(rule: Int32, origin: Int32)]) {
        self = none
        guard !found.isEmpty else { return }
        var starts = [Int](repeating: 0, count: ranges.count + 1)
        for pair in found { starts[Int(pair.rule) + 1] += 1 }
        for rule in ranges.indices {
            starts[rule + 1] += starts[rule]
            if ranges[rule] != nil { ranges[rule] = starts[rule]..<starts[rule + 1] }
        }
        origins = [Int32](repeating: 0, count: found.count)
        for pair in found {
            origins[starts[Int(pair.rule)]] = pair.origin
            starts[Int(pair.rule)] += 1
        }
    }

    /// Whether `rule` has no line to look at.
    func isEmpty(_ rule: Int) -> Bool { ranges[rule]?.isEmpty ?? false }

    /// The origins of `rule`'s lines, or nil for every line.
    subscript(rule: Int) -> ArraySlice<Int32>? { ranges[rule].map { origins[$0] } }

    /// Shows `rule` no line at all.
    mutating func clear(_ rule: Int) { ranges[rule] = 0..<0 }
}
