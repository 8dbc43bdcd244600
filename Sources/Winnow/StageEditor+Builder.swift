#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StageEditor {
    /// Writes the edited document over the original's own storage, line by line, collapsing blank-line
    /// runs that a removal creates. Text only moves towards the start, so every byte is read before it is
    /// overwritten and a document costs no second buffer; should an edit lengthen the text by more than
    /// has been freed before it, the rest goes to a new buffer. What is taken out goes to the journal.
    struct Builder {
        /// The input text; also the output for as long as the output fits in place.
        private var bytes: [UInt8]
        /// The output once an edit outgrew the room in place.
        private var spill: [UInt8]?
        /// The input's lines; output lines overwrite them from the front.
        private var lines: [Document.Line]
        private var journal: EditJournal
        private let endsWithNewline: Bool
        private let sourceCount: Int
        /// Output lines so far.
        private var lineCount = 0
        /// Output bytes written so far (in place, or in `spill`).
        private var written = 0
        /// Input bytes of kept lines not yet moved: runs of kept lines move in one piece.
        private var pendingCopy: Range<Int>?
        /// Input bytes before this offset are in the output or in the journal.
        private var consumed = 0
        /// Something was removed since the last kept line.
        private var afterRemoval = false

        /// Takes `document`'s storage (leaving it empty) and `journal`; ``finish(into:journal:)`` gives
        /// both back.
        init(taking document: inout Document, journal: inout EditJournal) {
            let storage = document.takeStorage()
            bytes = storage.bytes
            lines = storage.lines
            sourceCount = storage.bytes.count
            endsWithNewline = storage.lines.last.map { $0.end > $0.contentEnd } ?? false
            self.journal = journal
            journal = EditJournal()
        }

        /// Input line `index`; only lines not yet passed on are still there.
        func sourceLine(_ index: Int) -> Document.Line {
            assert(index >= lineCount, "input line \(index) already overwritten")
            return lines[index]
        }

        /// Input bytes at or after the first line not yet passed on.
        func sourceBytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
            assert(range.isEmpty || range.lowerBound >= consumed, "input bytes already overwritten")
            return bytes[range]
        }

        func sourceText(_ range: Range<Int>) -> String { String(decoding: sourceBytes(range), as: UTF8.self) }

        /// The output length so far, moved or not.
        private var length: Int { written + (pendingCopy?.count ?? 0) }

        mutating func skipRemoved() { afterRemoval = true }

        /// Keeps input line `index` as it is.
        mutating func keep(_ index: Int) {
            let line = lines[index]
            // Blank lines only matter right after a removal; most kept lines skip the check.
            if afterRemoval, Self.isBlank(bytes[line.start..<line.contentEnd]), lineCount == 0 || lastLineIsBlank() {
                return
            }
            journalRemoval(upTo: line.start)
            let start = length
            lines[lineCount] = Document.Line(
                start: start, contentEnd: start + line.contentEnd - line.start,
                end: start + line.end - line.start, origin: line.origin, edited: line.edited)
            lineCount += 1
            if let pending = pendingCopy, pending.upperBound == line.start {
                pendingCopy = pending.lowerBound..<line.end
            } else {
                flush()
                pendingCopy = line.start..<line.end
            }
            consumed = line.end
            afterRemoval = false
        }

        /// Replaces the text of input lines `span` with `content` (not blank), keeping the last line's
        /// terminator.
        mutating func replace(_ span: ClosedRange<Int>, with content: [UInt8]) {
            let first = lines[span.lowerBound]
            let last = lines[span.upperBound]
            if span.count == 1, bytes[first.start..<first.contentEnd].elementsEqual(content) {
                // Edits that cancel out (a replacement equal to what it replaced) change nothing.
                keep(span.lowerBound)
                return
            }
            flush()
            journal.record(outputOffset: written, insertedCount: content.count, removed: bytes[consumed..<last.contentEnd])
            let terminator = last.end - last.contentEnd
            // In place, the output must not reach input bytes not yet read.
            if spill == nil, written + content.count + terminator > last.end {
                spill = Array(bytes[..<written])
                spill!.reserveCapacity(sourceCount + content.count)
            }
            let start = written
            // The line break is read before the content is written over it.
            let lineBreak = Array(bytes[last.contentEnd..<last.end])
            if spill != nil {
                spill! += content
                spill! += lineBreak
            } else {
                bytes.withUnsafeMutableBufferPointer { buffer in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[start...]).initialize(from: content + lineBreak)
                }
            }
            written += content.count + terminator
            lines[lineCount] = Document.Line(
                start: start, contentEnd: start + content.count, end: written, origin: first.origin, edited: true)
            lineCount += 1
            consumed = last.end
            afterRemoval = false
        }

        /// Gives the document and the journal back.
        mutating func finish(into document: inout Document, journal: inout EditJournal) {
            journalRemoval(upTo: sourceCount)
            flush()
            var end = written
            if afterRemoval {
                while lineCount > 0, lastLineIsBlank() {
                    lineCount -= 1
                    end = lines[lineCount].start
                }
            }
            if !endsWithNewline, lineCount > 0, lines[lineCount - 1].end > lines[lineCount - 1].contentEnd {
                lines[lineCount - 1].removeTerminator()
                end = lines[lineCount - 1].end
            }
            // Moved out rather than copied, so that trimming happens in place.
            var output: [UInt8] = []
            if spill != nil { swap(&output, &spill!) } else { swap(&output, &bytes) }
            bytes = []
            self.journal.closeStage(trimmedTail: output[end..<written])
            output.removeSubrange(end...)
            lines.removeSubrange(lineCount...)
            document = Document(bytes: output, lines: lines)
            journal = self.journal
        }

        /// Journals the input bytes from `consumed` to `offset`, which no line kept: they go where the
        /// output now ends.
        private mutating func journalRemoval(upTo offset: Int) {
            guard offset > consumed else { return }
            journal.record(outputOffset: length, insertedCount: 0, removed: bytes[consumed..<offset])
            consumed = offset
        }

        /// Whether the last output line holds only spaces and tabs.
        private mutating func lastLineIsBlank() -> Bool {
            flush()
            let line = lines[lineCount - 1]
            return Self.isBlank((spill ?? bytes)[line.start..<line.contentEnd])
        }

        private mutating func flush() {
            guard let pending = pendingCopy else { return }
            pendingCopy = nil
            if spill != nil {
                spill! += bytes[pending]
            } else if pending.lowerBound != written {
                bytes.withUnsafeMutableBytes { buffer in
                    _ = memmove(buffer.baseAddress! + written, buffer.baseAddress! + pending.lowerBound, pending.count)
                }
            }
            written += pending.count
        }

        private static func isBlank(_ text: ArraySlice<UInt8>) -> Bool { text.allSatisfy(StageEditor.isSpace) }
    }
}
