/// Applies one stage's hits to a document: merges them (a dropped line beats an in-line edit; of
/// overlapping in-line edits the earlier, then longer, wins), rebuilds the text, and tidies only around
/// what was removed.
struct StageEditor {
    let document: Document
    let rules: [CompiledRule]
    let stageID: String

    /// The edited document and what was removed; nil when no active hit changed anything.
    func apply(_ hits: [Hit]) -> (document: Document, removals: [Removal])? {
        let lines = document.lines
        var owner = [Int](repeating: -1, count: lines.count)
        var fragments: [Int] = []
        for (hitIndex, hit) in hits.enumerated() where rules[hit.ruleIndex].isActive {
            guard let span = lineSpan(of: hit) else {
                fragments.append(hitIndex)
                continue
            }
            for index in span where owner[index] < 0 { owner[index] = hitIndex }
        }
        fragments = fragments.filter { index in
            !(hits[index].firstLine...hits[index].lastLine).contains { owner[$0] >= 0 }
        }
        fragments.sort { hits[$0].range.lowerBound < hits[$1].range.lowerBound
            || (hits[$0].range.lowerBound == hits[$1].range.lowerBound && hits[$0].range.count > hits[$1].range.count) }
        var lastEnd = -1
        fragments = fragments.filter { index in
            guard hits[index].range.lowerBound >= lastEnd else { return false }
            lastEnd = hits[index].range.upperBound
            return true
        }
        guard !fragments.isEmpty || owner.contains(where: { $0 >= 0 }) else { return nil }

        var builder = Builder(document: document, endsWithNewline: lines.last.map { $0.end > $0.contentEnd } ?? false)
        var removed: [Int: (line: Int, pieces: [String])] = [:]
        func record(_ hitIndex: Int, line: Int, _ text: String) {
            removed[hitIndex, default: (line, [])].pieces.append(text)
        }

        var lineIndex = 0
        var fragmentCursor = 0
        while lineIndex < lines.count {
            if owner[lineIndex] >= 0 {
                record(owner[lineIndex], line: lines[lineIndex].origin,
                       document.text(lines[lineIndex].start..<lines[lineIndex].contentEnd))
                builder.skipRemoved()
                lineIndex += 1
                continue
            }
            guard fragmentCursor < fragments.count,
                  hits[fragments[fragmentCursor]].range.lowerBound < lines[lineIndex].end
            else {
                builder.keep(lineIndex)
                lineIndex += 1
                continue
            }
            // Splice every in-line edit that starts on this line (a multi-line match joins lines).
            var content: [UInt8] = []
            var seams: [Int] = []
            var position = lines[lineIndex].start
            var endLine = lineIndex
            while fragmentCursor < fragments.count,
                  hits[fragments[fragmentCursor]].range.lowerBound < lines[endLine].end {
                let hitIndex = fragments[fragmentCursor]
                let hit = hits[hitIndex]
                content += document.bytes[position..<hit.range.lowerBound]
                if hit.replacement.isEmpty { seams.append(content.count) } else { content += hit.replacement }
                record(hitIndex, line: lines[hit.firstLine].origin, document.text(hit.range))
                position = hit.range.upperBound
                while position > lines[endLine].contentEnd, endLine + 1 < lines.count {
                    endLine += 1
                    position = max(position, lines[endLine].start)
                }
                position = min(position, lines[endLine].contentEnd)
                fragmentCursor += 1
            }
            content += document.bytes[position..<lines[endLine].contentEnd]
            Self.tidy(&content, seams: seams)
            if content.allSatisfy(Self.isSpace) {
                builder.skipRemoved()
            } else {
                builder.append(content, terminatorOf: endLine, origin: lines[lineIndex].origin)
            }
            lineIndex = endLine + 1
        }

        let removals = removed.sorted { $0.key < $1.key }.map { hitIndex, entry in
            let rule = rules[hits[hitIndex].ruleIndex].rule
            return Removal(
                ruleID: rule.id, stage: stageID, action: rule.action, line: entry.line,
                text: entry.pieces.joined(separator: "\n"),
                replacement: rule.action == .replace ? String(decoding: hits[hitIndex].replacement, as: UTF8.self) : nil,
                shadow: false)
        }
        return (builder.finish(), removals)
    }

    /// The lines a hit's rule removes as whole lines, or nil for in-line edits.
    func lineSpan(of hit: Hit) -> ClosedRange<Int>? {
        switch rules[hit.ruleIndex].action {
        case .dropLine: hit.firstLine...hit.lastLine
        case .dropParagraph: paragraph(around: hit.firstLine...hit.lastLine)
        case .cutToEnd: hit.firstLine...(document.lines.count - 1)
        case .removeMatch, .replace: nil
        }
    }

    /// What a hit removes, as reported: its whole lines for line actions, else the matched text.
    func removedText(of hit: Hit) -> String {
        guard let span = lineSpan(of: hit) else { return document.text(hit.range) }
        return span.map { document.text(document.lines[$0].start..<document.lines[$0].contentEnd) }
            .joined(separator: "\n")
    }

    /// Widens a span of lines to the block of consecutive non-blank lines around it.
    private func paragraph(around span: ClosedRange<Int>) -> ClosedRange<Int> {
        var first = span.lowerBound
        var last = span.upperBound
        while first > 0, !document.isBlank(first - 1) { first -= 1 }
        while last + 1 < document.lines.count, !document.isBlank(last + 1) { last += 1 }
        return first...last
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Removes the white space a deletion leaves at each seam: all of it at the line's start or end, all
    /// but one space in the middle.
    static func tidy(_ content: inout [UInt8], seams: [Int]) {
        // Seams are handled right to left; tidying one may swallow white space reaching back past the seam
        // before it, which then moves to where that run started.
        var bound = content.count
        for original in seams.reversed() {
            let seam = min(original, bound)
            var left = seam
            while left > 0, isSpace(content[left - 1]) { left -= 1 }
            var right = seam
            while right < content.count, isSpace(content[right]) { right += 1 }
            let touchesEdge = left == 0 || right == content.count
            let hadSpaceBothSides = left < seam && right > seam
            if touchesEdge {
                content.removeSubrange(left..<right)
            } else if hadSpaceBothSides {
                content.replaceSubrange(left..<right, with: [content[left]])
            }
            bound = left
        }
    }
}

extension StageEditor {
    /// Assembles the edited document line by line, collapsing blank-line runs that a removal creates.
    struct Builder {
        let document: Document
        let endsWithNewline: Bool
        private var bytes: [UInt8] = []
        private var lines: [Document.Line] = []
        /// The last line kept so far, to tell whether it was blank when a removal follows.
        private var lastKept: Kept = .none
        private enum Kept { case none, original(Int), edited }

        /// Something was removed since the last kept line.
        private var afterRemoval = false
        /// Source bytes of kept lines not yet copied: runs of kept lines are copied in one piece.
        private var pendingCopy: Range<Int>?

        private var lastKeptIsBlank: Bool {
            if case .original(let index) = lastKept { return document.isBlank(index) }
            return false
        }

        /// The output length so far, copied or not.
        private var length: Int { bytes.count + (pendingCopy?.count ?? 0) }

        init(document: Document, endsWithNewline: Bool) {
            self.document = document
            self.endsWithNewline = endsWithNewline
            // The edited text is at most as long as the original plus what replacements add; start with
            // room for the original in one allocation (backed by huge pages when large).
            bytes = [UInt8](unsafeUninitializedCapacity: document.bytes.count) { buffer, initialized in
                FileIO.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
                initialized = 0
            }
            lines = [Document.Line](unsafeUninitializedCapacity: document.lines.count) { buffer, initialized in
                FileIO.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
                initialized = 0
            }
        }

        mutating func skipRemoved() { afterRemoval = true }

        mutating func keep(_ index: Int) {
            let line = document.lines[index]
            // Blank lines only matter right after a removal; most kept lines skip the check.
            if afterRemoval, document.isBlank(index), lines.isEmpty || lastKeptIsBlank { return }
            let start = length
            lines.append(Document.Line(
                start: start, contentEnd: start + line.contentEnd - line.start,
                end: start + line.end - line.start, origin: line.origin, edited: line.edited))
            if let pending = pendingCopy, pending.upperBound == line.start {
                pendingCopy = pending.lowerBound..<line.end
            } else {
                flush()
                pendingCopy = line.start..<line.end
            }
            lastKept = .original(index)
            afterRemoval = false
        }

        mutating func append(_ content: [UInt8], terminatorOf index: Int, origin: Int) {
            flush()
            let source = document.lines[index]
            let start = bytes.count
            bytes += content
            let contentEnd = bytes.count
            bytes += document.bytes[source.contentEnd..<source.end]
            lines.append(Document.Line(start: start, contentEnd: contentEnd, end: bytes.count, origin: origin, edited: true))
            lastKept = .edited
            afterRemoval = false
        }

        private mutating func flush() {
            guard let pending = pendingCopy else { return }
            bytes += document.bytes[pending]
            pendingCopy = nil
        }

        consuming func finish() -> Document {
            flush()
            if afterRemoval {
                while let last = lines.last, last.contentEnd == last.start
                    || bytes[last.start..<last.contentEnd].allSatisfy(StageEditor.isSpace) {
                    bytes.removeSubrange(last.start...)
                    lines.removeLast()
                }
            }
            if !endsWithNewline, let last = lines.last, last.end > last.contentEnd {
                bytes.removeSubrange(last.contentEnd...)
                lines[lines.count - 1].removeTerminator()
            }
            return Document(bytes: bytes, lines: lines)
        }
    }
}
