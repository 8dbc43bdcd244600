import Foundation
import Testing
@testable import Winnow

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.make(old: "a\n", new: "a\n", oldName: "a", newName: "b") == "")
    }

    @Test func removalWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "")
        #expect(UnifiedDiff.make(old: old, new: new, oldName: "a/f", newName: "b/f") == """
            --- a/f
            +++ b/f
            @@ -2,7 +2,6 @@
             line 2
             line 3
             line 4
            -line 5
             line 6
             line 7
             line 8

            """)
    }

    @Test func missingFinalNewlineIsMarked() {
        #expect(UnifiedDiff.make(old: "a\nb", new: "a", oldName: "x", newName: "y") == """
            --- x
            +++ y
            @@ -1,2 +1 @@
            -a
            -b
            \\ No newline at end of file
            +a
            \\ No newline at end of file

            """)
    }

    @Test func distantChangesMakeSeparateHunks() {
        let old = (1...20).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "2\n", with: "").replacingOccurrences(of: "\n18\n", with: "\n")
        let diff = UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3)
    }
}
