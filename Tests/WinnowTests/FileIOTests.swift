import Foundation
import Testing
@testable import Winnow

@Suite("Reading whole files")
struct FileIOTests {
    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) } }

    @Test("a regular file of any size comes back byte for byte", arguments: [0, 1, 15, 4_096, 65_535, 65_536, 65_537, 3_000_001])
    func regularFile(size: Int) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-read-\(UUID().uuidString)")
        let bytes = Self.pattern(size)
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try FileIO.contents(of: url.path) == bytes)
    }

    @Test("a pipe, whose size is unknown, is read to its end")
    func pipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(Foundation.pipe(&ends) == 0)
        let bytes = Self.pattern(300_000)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let writer = Thread {
            bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let count = write(writeEnd, buffer.baseAddress! + written, buffer.count - written)
                    if count <= 0 { break }
                    written += count
                }
            }
            close(writeEnd)
        }
        writer.start()
        let read = try FileIO.readAll(readEnd, name: "<pipe>")
        close(readEnd)
        #expect(read == bytes)
    }

    @Test("a missing file is an error naming it")
    func missing() {
        #expect(throws: FileError.self) { try FileIO.contents(of: "/nonexistent/winnow/file.txt") }
        do {
            _ = try FileIO.contents(of: "/nonexistent/winnow/file.txt")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/winnow/file.txt: cannot open"))
        }
    }
}
