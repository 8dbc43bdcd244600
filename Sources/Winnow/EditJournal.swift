#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What each stage's edits took out of a document, so that the edits can be undone — the over-removal
/// guard hands back the original — without keeping a copy of the original: stages edit the text in place,
/// and what they remove is usually a few percent of it.
struct EditJournal {
    /// At `outputOffset` in a stage's output, `insertedCount` bytes stand where the journal's bytes
    /// `removed` stood in the stage's input.
    private struct Splice {
        var outputOffset: Int
        var insertedCount: Int
        var removed: Range<Int>
    }

    /// One stage's splices, in output order, and the bytes it then trimmed from the end of its output.
    private struct StageRecord {
        var splices: Range<Int>
        var trimmedTail: Range<Int>
    }

    private var removedBytes: [UInt8] = []
    private var splices: [Splice] = []
    private var records: [StageRecord] = []
    /// Where the stage being recorded starts in `splices`.
    private var stageStart = 0

    /// Whether no stage changed anything.
    var isEmpty: Bool { records.isEmpty }

    /// Records that `insertedCount` bytes at `outputOffset` in the output replace `removed` of the input.
    /// Splices must come in output order; one that continues the previous one merges with it.
    mutating func record(outputOffset: Int, insertedCount: Int, removed: ArraySlice<UInt8>) {
        guard insertedCount > 0 || !removed.isEmpty else { return }
        if splices.count > stageStart, let last = splices.last,
           last.outputOffset + last.insertedCount == outputOffset, last.removed.upperBound == removedBytes.count {
            splices[splices.count - 1].insertedCount += insertedCount
            splices[splices.count - 1].removed = last.removed.lowerBound..<(last.removed.upperBound + removed.count)
            removedBytes += removed
            return
        }
        let start = removedBytes.count
        removedBytes += removed
        splices.append(Splice(outputOffset: outputOffset, insertedCount: insertedCount, removed: start..<removedBytes.count))
    }

    /// Ends the stage being recorded; `trimmedTail` is what the stage cut from the end of its output after
    /// the splices (blank lines, a final line break the input did not have).
    mutating func closeStage(trimmedTail: ArraySlice<UInt8>) {
        let tailStart = removedBytes.count
        removedBytes += trimmedTail
        if splices.count > stageStart || !trimmedTail.isEmpty {
            records.append(StageRecord(splices: stageStart..<splices.count, trimmedTail: tailStart..<removedBytes.count))
        }
        stageStart = splices.count
    }

    /// Turns the last stage's output back into the first stage's input, stage by stage, latest first.
    func undo(_ bytes: inout [UInt8]) {
        for record in records.reversed() { undo(record, on: &bytes) }
    }

    private func undo(_ record: StageRecord, on bytes: inout [UInt8]) {
        bytes += removedBytes[record.trimmedTail]
        let stageSplices = splices[record.splices]
        let current = bytes.count
        let restored = current + stageSplices.reduce(0) { $0 + $1.removed.count - $1.insertedCount }
        // Working from the end, text only moves towards the end, so one buffer does when no splice is
        // longer than what it replaced; a stage that lengthened the text is undone into a new buffer.
        let inPlace = stageSplices.allSatisfy { $0.removed.count >= $0.insertedCount }
        let source = inPlace ? [] : bytes
        if inPlace {
            bytes += repeatElement(0, count: restored - current)
        } else {
            bytes = [UInt8](repeating: 0, count: restored)
        }
        source.withUnsafeBytes { separateSource in
            removedBytes.withUnsafeBytes { journal in
                bytes.withUnsafeMutableBytes { destination in
                    let read = inPlace ? UnsafeRawBufferPointer(destination) : separateSource
                    var readEnd = current
                    var writeEnd = restored
                    for splice in stageSplices.reversed() {
                        let keptStart = splice.outputOffset + splice.insertedCount
                        writeEnd -= readEnd - keptStart
                        Self.move(read, keptStart..<readEnd, to: destination, at: writeEnd)
                        writeEnd -= splice.removed.count
                        Self.move(journal, splice.removed, to: destination, at: writeEnd)
                        readEnd = splice.outputOffset
                    }
                    precondition(writeEnd == readEnd, "edit journal does not add up")
                    if !inPlace { Self.move(read, 0..<readEnd, to: destination, at: 0) }
                }
            }
        }
    }

    /// Copies `range` of `source` to `offset` in `destination`; the two may overlap.
    private static func move(
        _ source: UnsafeRawBufferPointer, _ range: Range<Int>, to destination: UnsafeMutableRawBufferPointer, at offset: Int
    ) {
        guard !range.isEmpty else { return }
        memmove(destination.baseAddress! + offset, source.baseAddress! + range.lowerBound, range.count)
    }
}
