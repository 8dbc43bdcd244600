#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Documents separated by NUL bytes, read from a file descriptor a chunk at a time (`filter --null-data`):
/// a corpus of many articles streams through one process, and memory stays bounded by the largest
/// document, not by the whole input.
public final class NullSeparatedDocuments {
    /// One document of the stream.
    public struct Record {
        /// The document's bytes, without the NUL that ended it.
        public var bytes: [UInt8]
        /// Where the document starts in the stream.
        public let offset: Int
        /// Whether a NUL ended it; only the last document of a stream can lack one.
        public let terminated: Bool
    }

    private let descriptor: Int32
    private let name: String
    /// Bytes read and not yet handed out are `storage[start..<count]`; none of `storage[start..<searched]`
    /// is a NUL.
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var start = 0
    private var searched = 0
    /// The stream offset of `storage[0]`.
    private var consumed = 0
    /// Where in `storage` the document `next()` returned last lies; refilling happens only inside `next()`.
    private var last = 0..<0
    private var atEnd = false
    private static let chunkSize = 1 << 20

    /// Reads from `descriptor`; `name` is what errors call it.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        capacity = 2 * Self.chunkSize
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// The next document, or nil after the last. An empty input holds no document; "a\0" holds one.
    public func next() throws(FileError) -> Record? {
        while true {
            if let nul = memchr(storage + searched, 0, count - searched) {
                let end = UnsafeMutableRawPointer(nul).assumingMemoryBound(to: UInt8.self) - storage
                last = start..<end
                let record = Record(bytes: bytes(last), offset: consumed + start, terminated: true)
                start = end + 1
                searched = start
                return record
            }
            searched = count
            if atEnd {
                guard start < count else { return nil }
                last = start..<count
                let record = Record(bytes: bytes(last), offset: consumed + start, terminated: false)
                start = count
                return record
            }
            try refill()
        }
    }

    /// The document `next()` returned last, as it was read: for a caller that handed the record's own bytes
    /// over to be cleaned in place and then needs the original after all.
    public func lastDocument() -> [UInt8] { bytes(last) }

    private func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count))
    }

    /// Moves the unread bytes to the front, grows the storage when a chunk no longer fits behind them, and
    /// reads one chunk (or sets `atEnd`).
    private func refill() throws(FileError) {
        let unread = count - start
        if start > 0 {
            storage.update(from: storage + start, count: unread)
            consumed += start
            searched -= start
            count = unread
            start = 0
        }
        if capacity - count < Self.chunkSize {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity)
            grown.initialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        while true {
            let received = read(descriptor, storage + count, capacity - count)
            if received > 0 {
                count += received
                return
            }
            if received == 0 {
                atEnd = true
                return
            }
            if errno != EINTR { throw .fromErrno(name, "cannot read") }
        }
    }
}
