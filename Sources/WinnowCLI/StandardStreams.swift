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
