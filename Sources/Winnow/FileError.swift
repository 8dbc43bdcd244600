#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed, with the path and the system's reason.
public struct FileError: Error, Sendable, CustomStringConvertible {
    /// The file or folder the operation was on.
    public let path: String
    /// What failed and why, such as `cannot open folder: Permission denied`.
    public let reason: String

    /// A failure on `path`; `reason` is shown after it as it is.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// An error from the current `errno`.
    static func fromErrno(_ path: String, _ operation: String) -> FileError {
        FileError(path: path, reason: "\(operation): \(String(cString: strerror(errno)))")
    }

    /// `path: reason`, as the command line prints it.
    public var description: String { "\(path): \(reason)" }
}
