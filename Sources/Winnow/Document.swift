#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text as UTF-8 bytes with an index of its lines. Matching and editing work on byte offsets; nothing
/// here makes a `String` per line.
struct Document {
    /// One line: `start..<contentEnd` is its text, `contentEnd..<end` its terminator (LF, CRLF or nothing
    /// for an unterminated last line). Kept to 24 bytes: a large document has millions of them.
    struct Line {
        var start: Int
        var end: Int
        private var originNumber: Int32
        private var terminatorLength: UInt8
        /// Whether an in-line edit changed the text since the prefilter scanned it.
        var edited: Bool

        init(start: Int, contentEnd: Int, end: Int, origin: Int, edited: Bool = false) {
            self.start = start
            self.end = end
            self.originNumber = Int32(truncatingIfNeeded: origin)
            self.terminatorLength = UInt8(end - contentEnd)
            self.edited = edited
        }

        var contentEnd: Int { end - Int(terminatorLength) }

        /// 1-based line number in the document as it was given to the pipeline.
        var origin: Int { Int(originNumber) }

        /// Drops the line's terminator (the last line of a text without a final newline).
        mutating func removeTerminator() {
            end -= Int(terminatorLength)
            terminatorLength = 0
        }
    }

    private(set) var bytes: [UInt8]
    private(set) var lines: [Line]
    /// Indices of the lines with `edited` set, in order.
    private(set) var editedLines: [Int]

    /// Indexes the lines of `bytes`. A lone CR is text, not a line break.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lines = Document.indexLines(bytes)
        self.editedLines = []
    }

    init(bytes: [UInt8], lines: [Line]) {
        self.bytes = bytes
        self.lines = lines
        self.editedLines = lines.indices.filter { lines[$0].edited }
    }

    /// Moves the text and line index out, leaving the document empty, so that whoever takes them holds
    /// the only reference and can edit them in place.
    mutating func takeStorage() -> (bytes: [UInt8], lines: [Line]) {
        let taken = (bytes, lines)
        self = Document(bytes: [], lines: [])
        return taken
    }

    private static func indexLines(_ bytes: [UInt8]) -> [Line] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return [] }
            let count = buffer.count
            let newline = Int32(UInt8(ascii: "\n"))
            // Count first, so the index is one allocation of the right size rather than a growing array.
            var lineCount = 0
            var offset = 0
            while offset < count {
                guard let found = memchr(base + offset, newline, count - offset) else {
                    lineCount += 1
                    break
                }
                lineCount += 1
                offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
            }
            func forEachLine(_ body: (Line) -> Void) {
                var start = 0
                var origin = 1
                while start < count {
                    // memchr finds the next LF many bytes at a time.
                    guard let found = memchr(base + start, newline, count - start) else {
                        body(Line(start: start, contentEnd: count, end: count, origin: origin))
                        break
                    }
                    let end = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                    let contentEnd = end > start && base[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
                    body(Line(start: start, contentEnd: contentEnd, end: end + 1, origin: origin))
                    origin += 1
                    start = end + 1
                }
            }
            guard lineCount * MemoryLayout<Line>.stride >= FileIO.hugePageAdviceMinimum else {
                // An article's index, allocated the specialised way (see `Array(filledWith:count:)`).
                var lines: [Line] = []
                lines.reserveCapacity(lineCount)
                forEachLine { lines.append($0) }
                return lines
            }
            // A long document's index, big enough for huge pages: through a buffer that can be advised.
            return [Line](unsafeUninitializedCapacity: lineCount) { lines, initialized in
                FileIO.adviseHugePages(UnsafeMutableRawBufferPointer(lines))
                forEachLine { line in
                    lines[initialized] = line
                    initialized += 1
                }
            }
        }
    }

    /// The index of the line that came from original line `origin`, if it is still there.
    func lineIndex(origin: Int) -> Int? {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].origin < origin { low = middle + 1 } else { high = middle }
        }
        return low < lines.count && lines[low].origin == origin ? low : nil
    }

    /// Whether the line holds only spaces and tabs.
    func isBlank(_ index: Int) -> Bool {
        let line = lines[index]
        for offset in line.start..<line.contentEnd {
            let byte = bytes[offset]
            if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") { return false }
        }
        return true
    }

    /// The index of the line holding byte `offset` (an offset at a line's terminator belongs to that line).
    func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The lines a scope lets a rule start in, counting non-blank lines.
    func window(for scope: RuleScope) -> Range<Int> {
        switch scope {
        case .anywhere:
            return 0..<lines.count
        case .first(let count):
            var seen = 0
            for index in lines.indices where !isBlank(index) {
                seen += 1
                if seen == count { return 0..<(index + 1) }
            }
            return 0..<lines.count
        case .last(let count):
            var seen = 0
            for index in lines.indices.reversed() where !isBlank(index) {
                seen += 1
                if seen == count { return index..<lines.count }
            }
            return 0..<lines.count
        }
    }

    /// The text of `range` as a `String`, for reports.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
