import WinnowPCRE2

extension CompiledRule {
    /// Appends to `hits` every hit of this rule in `document` (whose bytes are `buffer`), within the
    /// rule's scope and not vetoed by its guard. Line-mode rules see one line at a time; `multiline` rules
    /// see the whole text. `candidates` (origins of lines holding a required literal, from ``Prefilter``)
    /// narrows the lines tried; lines edited since the scan are always tried.
    func collectHits(
        into hits: inout [Hit], in document: Document, buffer: UnsafeBufferPointer<UInt8>, ruleIndex: Int,
        session: MatchSession, candidates: ArraySlice<Int32>?
    ) throws(PCRE2Error) {
        // Most rules have nothing to look at in most documents: leave before any other work.
        if let candidates, candidates.isEmpty, document.editedLines.isEmpty { return }
        let window = document.window(for: scope)
        guard !window.isEmpty else { return }
        if spansLines {
            try documentHits(into: &hits, in: document, buffer: buffer, window: window, ruleIndex: ruleIndex, session: session)
            return
        }
        guard let candidates else {
            try lineHits(into: &hits, in: document, buffer: buffer, lines: window, ruleIndex: ruleIndex, session: session)
            return
        }
        var lines = candidates.compactMap { document.lineIndex(origin: Int($0)) }.filter { window.contains($0) }
        let edited = document.editedLines.filter { window.contains($0) }
        if !edited.isEmpty { lines = Array(Set(lines + edited)).sorted() }
        try lineHits(into: &hits, in: document, buffer: buffer, lines: lines, ruleIndex: ruleIndex, session: session)
    }

    /// Whether, after the first hit on a line, further hits on it matter (only for in-line edits).
    private var wantsEveryMatch: Bool { action.editsInsideLine }

    private func lineHits(
        into hits: inout [Hit], in document: Document, buffer: UnsafeBufferPointer<UInt8>,
        lines: some Sequence<Int>, ruleIndex: Int, session: MatchSession
    ) throws(PCRE2Error) {
        for lineIndex in lines {
            let line = document.lines[lineIndex]
            guard line.contentEnd > line.start else { continue }
            let subject = UnsafeBufferPointer(rebasing: buffer[line.start..<line.contentEnd])
            var from = 0
            var guardChecked = false
            while from < subject.count, let match = try session.firstMatch(of: pattern, in: subject, from: from) {
                // An empty match (left by `\K`) has nothing to remove.
                guard !match.isEmpty else {
                    from = Self.resumeOffset(after: match, in: subject)
                    continue
                }
                let replacement = try expandedReplacement(subject: subject, from: from, session: session)
                if !guardChecked {
                    guardChecked = true
                    if let guardPattern, try session.firstMatch(of: guardPattern, in: subject) != nil { break }
                }
                hits.append(Hit(
                    ruleIndex: ruleIndex, range: (match.lowerBound + line.start)..<(match.upperBound + line.start),
                    firstLine: lineIndex, lastLine: lineIndex, replacement: replacement))
                guard wantsEveryMatch else { break }
                from = match.upperBound
            }
        }
    }

    private func documentHits(
        into hits: inout [Hit], in document: Document, buffer: UnsafeBufferPointer<UInt8>, window: Range<Int>,
        ruleIndex: Int, session: MatchSession
    ) throws(PCRE2Error) {
        var from = document.lines[window.lowerBound].start
        while from < buffer.count, let match = try session.firstMatch(of: pattern, in: buffer, from: from) {
            let searchStart = from
            from = Self.resumeOffset(after: match, in: buffer)
            guard !match.isEmpty else { continue }
            let firstLine = document.lineIndex(containing: match.lowerBound)
            guard firstLine < window.upperBound else { break }
            let lastLine = document.lineIndex(containing: max(match.lowerBound, match.upperBound - 1))
            let replacement = try expandedReplacement(subject: buffer, from: searchStart, session: session)
            if let guardPattern {
                let span = document.lines[firstLine].start..<document.lines[lastLine].contentEnd
                let subject = UnsafeBufferPointer(rebasing: buffer[span])
                if try session.firstMatch(of: guardPattern, in: subject) != nil { continue }
            }
            hits.append(Hit(
                ruleIndex: ruleIndex, range: match, firstLine: firstLine, lastLine: lastLine,
                replacement: replacement))
        }
    }

    /// Where to look after a match. After an empty one (possible with `\K`, though patterns that can only
    /// match empty are rejected) the search moves on by one whole character: a start offset inside a UTF-8
    /// sequence is not allowed when PCRE2 skips its UTF check.
    static func resumeOffset(after match: Range<Int>, in subject: UnsafeBufferPointer<UInt8>) -> Int {
        guard match.isEmpty else { return match.upperBound }
        var next = match.upperBound + 1
        while next < subject.count, subject[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// Expands the replacement template for the match just found; must run before any other match in the
    /// session overwrites the match data.
    private func expandedReplacement(
        subject: UnsafeBufferPointer<UInt8>, from: Int, session: MatchSession
    ) throws(PCRE2Error) -> [UInt8] {
        guard action == .replace, let template = rule.replacement else { return [] }
        return try session.expandReplacement(template, of: pattern, in: subject, from: from)
    }
}
