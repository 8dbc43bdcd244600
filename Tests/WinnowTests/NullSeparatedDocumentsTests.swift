import Foundation
import Testing
@testable import Winnow

@Suite("NUL-separated document stream")
struct NullSeparatedDocumentsTests {
    /// Writes `bytes` to a temporary file and reads it back as records.
    func records(of bytes: [UInt8]) throws -> [NullSeparatedDocuments.Record] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-nul-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let documents = NullSeparatedDocuments(descriptor: descriptor, name: url.path)
        var all: [NullSeparatedDocuments.Record] = []
        while let record = try documents.next() { all.append(record) }
        return all
    }

    @Test func smallShapes() throws {
        #expect(try records(of: []).isEmpty)
        let one = try records(of: [0])
        #expect(one.map(\.bytes) == [[]] && one.map(\.terminated) == [true])
        let two = try records(of: Array("a\0bc".utf8))
        #expect(two.map(\.bytes) == [Array("a".utf8), Array("bc".utf8)])
        #expect(two.map(\.offset) == [0, 2])
        #expect(two.map(\.terminated) == [true, false])
        let empties = try records(of: Array("\0\0x\0".utf8))
        #expect(empties.map(\.bytes) == [[], [], Array("x".utf8)])
        #expect(empties.map(\.offset) == [0, 1, 2])
    }

    @Test("documents of every size around the 1 MiB read chunk come back whole, with their offsets")
    func aroundChunkBoundaries() throws {
        let chunk = 1 << 20
        var sizes = [chunk - 1, chunk, chunk + 1, 0, 5, 3 * chunk + 7, 2 * chunk - 2, 1]
        var state: UInt64 = 7
        for _ in 0..<200 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            sizes.append(Int(state >> 50))
        }
        var stream: [UInt8] = []
        var expected: [(bytes: [UInt8], offset: Int)] = []
        for (index, size) in sizes.enumerated() {
            let document = (0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 31 &+ index) % 255 + 1) }
            expected.append((document, stream.count))
            stream += document + [0]
        }
        let read = try records(of: stream)
        #expect(read.count == expected.count)
        for (record, want) in zip(read, expected) {
            #expect(record.bytes == want.bytes)
            #expect(record.offset == want.offset)
            #expect(record.terminated)
        }
    }
}
