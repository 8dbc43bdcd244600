import Winnow

/// The one wording of the over-removal warning, shared by every command.
enum OverRemovalText {
    static func describe(_ overRemoval: OverRemoval) -> String {
        let share = Int((overRemoval.share * 100).rounded())
        let limit = Int((overRemoval.limit * 100).rounded())
        return "left unchanged: cleaning would remove \(share)% of the text (limit \(limit)%, see --max-removal); "
            + "rules: \(overRemoval.ruleIDs.joined(separator: ", "))"
    }
}
