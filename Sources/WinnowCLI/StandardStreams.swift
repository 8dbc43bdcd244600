#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Winnow

/// The only place winnow writes to the terminal. A closed pipe on stdout (`winnow filter | head`) ends the
/// program quietly with status 0, as other Unix filters do.
enum StandardStreams {
    static func ignoreBrokenPipeSignal() { signal(SIGPIPE, SIG_IGN) }

    static func write(_ bytes: [UInt8]) {
        do {
            try FileIO.writeAll(bytes, to: STDOUT_FILENO, name: "<stdout>")
        } catch {
            if errno == EPIPE { exit(0) }
            printError("winnow: cannot write to standard output: \(error.reason)")
            exit(ExitStatus.failure.rawValue)
        }
    }

    /// Output gathered into large writes, for many small documents in a row.
    struct BufferedOutput {
        private var pending: [UInt8] = []
        private static let flushSize = 1 << 20

        mutating func append(_ bytes: [UInt8]) {
            if bytes.count >= Self.flushSize {
                flush()
                write(bytes)
                return
            }
            pending += bytes
            if pending.count >= Self.flushSize { flush() }
        }

        mutating func append(_ byte: UInt8) {
            pending.append(byte)
            if pending.count >= Self.flushSize { flush() }
        }

        mutating func flush() {
            guard !pending.isEmpty else { return }
            write(pending)
            pending.removeAll(keepingCapacity: true)
        }
    }

    static func print(_ text: String) { write(Array((text + "\n").utf8)) }

    static func printError(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(STDERR_FILENO, buffer.baseAddress! + written, buffer.count - written)
                if count <= 0 { return }
                written += count
            }
        }
    }
}
