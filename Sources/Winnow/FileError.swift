#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed, with the path and the system's reason.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// An error from the current `errno`.
    static func fromErrno(_ path: String, _ operation: String) -> FileError {
        FileError(path: path, reason: "\(operation): \(String(cString: strerror(errno)))")
    }

    public var description: String { "\(path): \(reason)" }
}
