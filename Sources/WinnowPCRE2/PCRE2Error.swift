import CPCRE2

/// An error reported by PCRE2, keeping its numeric code, its own message and, for compile errors, the
/// byte offset in the pattern where PCRE2 gave up.
public struct PCRE2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// PCRE2's error code (negative for match errors, positive for compile errors).
    public let code: Int32
    /// PCRE2's message for `code`, from `pcre2_get_error_message`.
    public let message: String
    /// For compile errors, the UTF-8 byte offset in the pattern where the error was detected.
    public let patternOffset: Int?

    init(code: Int32, patternOffset: Int? = nil) {
        self.code = code
        self.message = PCRE2Error.message(for: code)
        self.patternOffset = patternOffset
    }

    /// True when a match gave up because it hit the match, depth or heap limit: the pattern backtracks
    /// catastrophically on this subject.
    public var isResourceLimit: Bool {
        code == PCRE2_ERROR_MATCHLIMIT || code == PCRE2_ERROR_DEPTHLIMIT
            || code == PCRE2_ERROR_HEAPLIMIT || code == PCRE2_ERROR_JIT_STACKLIMIT
    }

    /// PCRE2's message, with the pattern offset for compile errors.
    public var description: String {
        if let patternOffset { return "\(message) (at pattern offset \(patternOffset))" }
        return message
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[..<Int(length)], as: UTF8.self)
    }
}
