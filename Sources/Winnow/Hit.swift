/// One place where a rule's pattern matched, in byte offsets of the document its stage saw.
struct Hit {
    /// Index of the rule within its stage.
    let ruleIndex: Int
    let range: Range<Int>
    let firstLine: Int
    let lastLine: Int
    /// The expanded template for `replace` rules; empty for every other action.
    let replacement: [UInt8]
}
