#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading whole files and replacing them atomically.
public enum FileIO {
    /// The whole content of the file at `path`.
    public static func contents(of path: String) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .fromErrno(path, "cannot open") }
        defer { close(descriptor) }
        return try readAll(descriptor, name: path)
    }

    /// Everything readable from `descriptor` until end of file (standard input included).
    public static func readAll(_ descriptor: Int32, name: String) throws(FileError) -> [UInt8] {
        var info = stat()
        let isRegular = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        let expected = isRegular ? Int(info.st_size) : 0
        // Read straight into the array's storage: a regular file's size is known (one byte more is asked
        // for, to notice growth), a pipe grows the array.
        var bytes = [UInt8]()
        var capacity = isRegular ? expected + 1 : 1 << 16
        while true {
            var failure: Int32 = 0
            var atEnd = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                let base = buffer.baseAddress!
                adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
                previous.withUnsafeBufferPointer { old in
                    if let source = old.baseAddress { base.update(from: source, count: old.count) }
                }
                initialized = previous.count
                while initialized < capacity {
                    let count = read(descriptor, base + initialized, capacity - initialized)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    initialized += count
                    // A regular file reads short only at its end: when that is where its size says, the
                    // read that would return nothing is spared (one system call per file in a batch).
                    if count == 0 || isRegular && initialized == expected && initialized < capacity {
                        atEnd = true
                        return
                    }
                }
            }
            if failure != 0 {
                errno = failure
                throw .fromErrno(name, "cannot read")
            }
            if atEnd { return bytes }
            capacity *= 2
        }
    }

    /// The smallest buffer ``adviseHugePages(_:)`` advises: four huge pages.
    static let hugePageAdviceMinimum = 8 << 20

    /// Asks the kernel to back a large buffer with huge pages: reading a big document into fresh memory
    /// otherwise costs a page fault (and a page cleared) every 4 KiB, which can take longer than the
    /// cleaning itself.
    static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let hugePage = 2 << 20
        guard buffer.count >= hugePageAdviceMinimum, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Replaces the file at `path` with `bytes` so that a reader (or a crash) sees either the old or the
    /// new content, never a mix: the bytes go to a temporary file in the same folder, which gets the
    /// original's permissions (and owner, where allowed), is flushed to disk, and is renamed over the
    /// original. With `backupSuffix`, the original is first kept as `path + backupSuffix` (beside the file
    /// a symbolic link points to).
    public static func replaceAtomically(_ requestedPath: String, with bytes: [UInt8], backupSuffix: String? = nil)
        throws(FileError)
    {
        // Through a symbolic link, the file it points to is replaced and the link stays a link.
        guard let resolved = realpath(requestedPath, nil) else { throw .fromErrno(requestedPath, "cannot resolve path") }
        let path = String(cString: resolved)
        free(resolved)
        var original = stat()
        guard stat(path, &original) == 0 else { throw .fromErrno(path, "cannot stat") }
        let folder = directory(of: path)
        var template = Array("\(folder)/.\(baseName(of: path)).winnow-tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .fromErrno(path, "cannot create a temporary file in \(folder)") }
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var committed = false
        defer { if !committed { unlink(temporaryPath) } }
        do {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, name: temporaryPath)
            guard fchmod(descriptor, original.st_mode & 0o7777) == 0 else {
                throw .fromErrno(path, "cannot set permissions on temporary file")
            }
            _ = fchown(descriptor, original.st_uid, original.st_gid)
            guard fsync(descriptor) == 0 else { throw .fromErrno(path, "cannot flush temporary file") }
        }
        if let backupSuffix { try keepBackup(of: path, at: path + backupSuffix) }
        guard rename(temporaryPath, path) == 0 else { throw .fromErrno(path, "cannot replace file") }
        committed = true
        let folderDescriptor = open(folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(FileError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fromErrno(name, "cannot write")
            }
            written += count
        }
    }

    /// Makes `backup` a hard link to the original (no copy, and atomic via a temporary name); copies when
    /// the file system has no hard links.
    private static func keepBackup(of path: String, at backup: String) throws(FileError) {
        let temporary = backup + ".winnow-tmp"
        unlink(temporary)
        if link(path, temporary) == 0 {
            guard rename(temporary, backup) == 0 else {
                unlink(temporary)
                throw .fromErrno(backup, "cannot create backup")
            }
            return
        }
        let content = try contents(of: path)
        let descriptor = open(backup, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .fromErrno(backup, "cannot create backup") }
        defer { close(descriptor) }
        try writeAll(content, to: descriptor, name: backup)
        var original = stat()
        if stat(path, &original) == 0 { _ = fchmod(descriptor, original.st_mode & 0o7777) }
        guard fsync(descriptor) == 0 else { throw .fromErrno(backup, "cannot flush backup") }
    }

    /// The offset of the first NUL byte — the usual sign of a binary file — found with `memchr`.
    public static func firstNUL(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    /// The folder part of `path` ("." when there is none). Works on bytes: `String.lastIndex(of:)`
    /// would walk grapheme clusters.
    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func baseName(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
