/// Unified diffs (`diff -u` format) between two texts, for `clean --diff` and corpus reports.
public enum UnifiedDiff {
    private enum Operation { case same, removed, added }

    /// The diff from `old` to `new` with `context` lines around each change; empty when they are equal.
    public static func make(
        old: String, new: String, oldName: String, newName: String, context: Int = 3
    ) -> String {
        guard old != new else { return "" }
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        let difference = newLines.map(\.text).difference(from: oldLines.map(\.text))
        var removedOffsets = Set<Int>()
        var insertedOffsets = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removedOffsets.insert(offset)
            case .insert(let offset, _, _): insertedOffsets.insert(offset)
            }
        }
        // The edit script, with each run of changes put in the conventional order: removals, then additions.
        var operations: [(Operation, Line)] = []
        var pendingRemoved: [Line] = []
        var pendingAdded: [Line] = []
        func flush() {
            operations += pendingRemoved.map { (.removed, $0) } + pendingAdded.map { (.added, $0) }
            pendingRemoved.removeAll()
            pendingAdded.removeAll()
        }
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < oldLines.count || newIndex < newLines.count {
            if oldIndex < oldLines.count, removedOffsets.contains(oldIndex) {
                pendingRemoved.append(oldLines[oldIndex])
                oldIndex += 1
            } else if newIndex < newLines.count, insertedOffsets.contains(newIndex) {
                pendingAdded.append(newLines[newIndex])
                newIndex += 1
            } else {
                // Equal texts may still differ in their final newline.
                if oldLines[oldIndex].terminated == newLines[newIndex].terminated {
                    flush()
                    operations.append((.same, oldLines[oldIndex]))
                } else {
                    pendingRemoved.append(oldLines[oldIndex])
                    pendingAdded.append(newLines[newIndex])
                }
                oldIndex += 1
                newIndex += 1
            }
        }
        flush()
        // Each operation with the old and new line indices it starts at.
        var script: [(Operation, Line, Int, Int)] = []
        oldIndex = 0
        newIndex = 0
        for (operation, line) in operations {
            script.append((operation, line, oldIndex, newIndex))
            if operation != .added { oldIndex += 1 }
            if operation != .removed { newIndex += 1 }
        }

        var output = "--- \(oldName)\n+++ \(newName)\n"
        var position = 0
        while position < script.count {
            guard let changeStart = script[position...].firstIndex(where: { $0.0 != .same }) else { break }
            var hunkEnd = changeStart
            var lastChange = changeStart
            while hunkEnd < script.count {
                if script[hunkEnd].0 != .same { lastChange = hunkEnd }
                if hunkEnd - lastChange > 2 * context { break }
                hunkEnd += 1
            }
            let start = max(position, changeStart - context)
            let end = min(script.count, lastChange + context + 1)
            let hunk = script[start..<end]
            let oldStart = hunk.first!.2
            let newStart = hunk.first!.3
            let oldCount = hunk.filter { $0.0 != .added }.count
            let newCount = hunk.filter { $0.0 != .removed }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for (operation, line, _, _) in hunk {
                switch operation {
                case .same: output += " "
                case .removed: output += "-"
                case .added: output += "+"
                }
                output += line.text + "\n"
                if !line.terminated { output += "\\ No newline at end of file\n" }
            }
            position = end
        }
        return output
    }

    private struct Line {
        let text: String
        let terminated: Bool
    }

    private static func lines(of text: String) -> [Line] {
        var parts = text.linesSplitAtLF
        let terminated = parts.last == ""
        if terminated { parts.removeLast() }
        return parts.enumerated().map { index, part in
            Line(text: part, terminated: index < parts.count - 1 || terminated)
        }
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }
}
