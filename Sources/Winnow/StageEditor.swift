/// Applies one stage's hits to a document: merges them (a dropped line beats an in-line edit; of
/// overlapping in-line edits the earlier, then longer, wins), rewrites the text in place, and tidies only
/// around what was removed.
struct StageEditor {
    let rules: [CompiledRule]
    let stageID: String

    /// Applies `hits` to `document`, recording in `journal` what the edits take out; returns what was
    /// removed, or nil when no active hit changed anything.
    func apply(_ hits: [Hit], to document: inout Document, journal: inout EditJournal) -> [Removal]? {
        let lineCount = document.lines.count
        var owner = [Int](filledWith: -1, count: lineCount)
        var fragments: [Int] = []
        for (hitIndex, hit) in hits.enumerated() where rules[hit.ruleIndex].isActive {
            guard let span = lineSpan(of: hit, in: document) else {
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

        var builder = Builder(taking: &document, journal: &journal)
        var removed: [Int: (line: Int, pieces: [String])] = [:]
        func record(_ hitIndex: Int, line: Int, _ text: String) {
            removed[hitIndex, default: (line, [])].pieces.append(text)
        }

        var lineIndex = 0
        var fragmentCursor = 0
        while lineIndex < lineCount {
            let line = builder.sourceLine(lineIndex)
            if owner[lineIndex] >= 0 {
                record(owner[lineIndex], line: line.origin, builder.sourceText(line.start..<line.contentEnd))
                builder.skipRemoved()
                lineIndex += 1
                continue
            }
            guard fragmentCursor < fragments.count, hits[fragments[fragmentCursor]].range.lowerBound < line.end else {
                builder.keep(lineIndex)
                lineIndex += 1
                continue
            }
            // Splice every in-line edit that starts on this line (a multi-line match joins lines).
            var content: [UInt8] = []
            var seams: [Int] = []
            var position = line.start
            var endLine = lineIndex
            while fragmentCursor < fragments.count,
                  hits[fragments[fragmentCursor]].range.lowerBound < builder.sourceLine(endLine).end {
                let hitIndex = fragments[fragmentCursor]
                let hit = hits[hitIndex]
                content += builder.sourceBytes(position..<hit.range.lowerBound)
                if hit.replacement.isEmpty { seams.append(content.count) } else { content += hit.replacement }
                record(hitIndex, line: builder.sourceLine(hit.firstLine).origin, builder.sourceText(hit.range))
                position = hit.range.upperBound
                while position > builder.sourceLine(endLine).contentEnd, endLine + 1 < lineCount {
                    endLine += 1
                    position = max(position, builder.sourceLine(endLine).start)
                }
                position = min(position, builder.sourceLine(endLine).contentEnd)
                fragmentCursor += 1
            }
            content += builder.sourceBytes(position..<builder.sourceLine(endLine).contentEnd)
            Self.tidy(&content, seams: seams)
            if content.allSatisfy(Self.isSpace) {
                builder.skipRemoved()
            } else {
                builder.replace(lineIndex...endLine, with: content)
            }
            lineIndex = endLine + 1
        }
        builder.finish(into: &document, journal: &journal)

        return removed.sorted { $0.key < $1.key }.map { hitIndex, entry in
            let rule = rules[hits[hitIndex].ruleIndex].rule
            return Removal(
                ruleID: rule.id, stage: stageID, action: rule.action, line: entry.line,
                text: entry.pieces.joined(separator: "\n"),
                replacement: rule.action == .replace ? String(decoding: hits[hitIndex].replacement, as: UTF8.self) : nil,
                shadow: false)
        }
    }

    /// The lines a hit's rule removes as whole lines, or nil for in-line edits.
    func lineSpan(of hit: Hit, in document: Document) -> ClosedRange<Int>? {
        switch rules[hit.ruleIndex].action {
        case .dropLine: hit.firstLine...hit.lastLine
        case .dropParagraph: Self.paragraph(around: hit.firstLine...hit.lastLine, in: document)
        case .cutToEnd: hit.firstLine...(document.lines.count - 1)
        case .removeMatch, .replace: nil
        }
    }

    /// What a hit removes, as reported: its whole lines for line actions, else the matched text.
    func removedText(of hit: Hit, in document: Document) -> String {
        guard let span = lineSpan(of: hit, in: document) else { return document.text(hit.range) }
        return span.map { document.text(document.lines[$0].start..<document.lines[$0].contentEnd) }
            .joined(separator: "\n")
    }

    /// Widens a span of lines to the block of consecutive non-blank lines around it.
    private static func paragraph(around span: ClosedRange<Int>, in document: Document) -> ClosedRange<Int> {
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

