#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the files `winnow clean` works on: files named on the command line, and files below named
/// folders whose names match an include glob and no exclude glob. Hidden entries and symbolic links
/// found inside folders are passed over.
public struct FileCollector: Sendable {
    /// The include globs used when none is given.
    public static let defaultIncludes = ["*.txt", "*.md"]

    /// Globs a file found in a folder must match one of; never empty (``defaultIncludes`` stands in).
    public let includes: [String]
    /// Globs for files, and folders met while walking, to leave out; one with a `/` is matched against the whole path.
    public let excludes: [String]
    private let includeGlobs: [Glob]
    private let excludeGlobs: [Glob]

    /// An empty `includes` means ``defaultIncludes``.
    public init(includes: [String] = FileCollector.defaultIncludes, excludes: [String] = []) {
        self.includes = includes.isEmpty ? Self.defaultIncludes : includes
        self.excludes = excludes
        self.includeGlobs = self.includes.map(Glob.init)
        self.excludeGlobs = excludes.map(Glob.init)
    }

    /// A glob, read once: `*.txt` and its kind, by far the most common, become a suffix test.
    private struct Glob {
        let pattern: String
        /// A glob with a `/` is matched against the whole path, any other against the file name.
        let matchesWholePath: Bool
        let suffix: [UInt8]?

        init(_ pattern: String) {
            self.pattern = pattern
            self.matchesWholePath = pattern.utf8.contains(UInt8(ascii: "/"))
            let rest = pattern.utf8.dropFirst()
            let isSuffix = pattern.utf8.first == UInt8(ascii: "*")
                && !rest.contains { "*?[]\\".utf8.contains($0) }
            self.suffix = isSuffix ? Array(rest) : nil
        }

        func matches(path: String, name: String) -> Bool {
            let subject = matchesWholePath ? path : name
            if let suffix {
                return subject.utf8.count >= suffix.count && subject.utf8.suffix(suffix.count).elementsEqual(suffix)
            }
            return fnmatch(pattern, subject, 0) == 0
        }
    }

    /// The files for `paths`, in order (folders sorted by path), and an error for every path that could not
    /// be read. A file named explicitly is taken whatever its name, unless an exclude glob matches it.
    public func collect(_ paths: [String]) -> (files: [String], errors: [FileError]) {
        var files: [String] = []
        var errors: [FileError] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                errors.append(.fromErrno(path, "cannot access"))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, into: &files, errors: &errors)
            } else if !isExcluded(path) {
                files.append(path)
            }
        }
        return (files, errors)
    }

    private enum EntryKind { case folder, file, other }

    private func walk(_ folder: String, into files: inout [String], errors: inout [FileError]) {
        guard let stream = opendir(folder) else {
            errors.append(.fromErrno(folder, "cannot open folder"))
            return
        }
        // Names are sorted as bytes, before they become strings: comparing strings costs more than the
        // rest of a large folder's walk.
        var entries: [(name: [UInt8], type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name.first == UInt8(ascii: ".") { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(stream)
        entries.sort { $0.name.lexicographicallyPrecedes($1.name) }
        for (nameBytes, type) in entries {
            let name = String(decoding: nameBytes, as: UTF8.self)
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            // The directory entry usually says what it is; only when it does not is a stat call needed.
            let kind: EntryKind
            switch Int32(type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            case Int32(DT_UNKNOWN):
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    errors.append(.fromErrno(path, "cannot access"))
                    continue
                }
                kind = info.st_mode & S_IFMT == S_IFDIR ? .folder : info.st_mode & S_IFMT == S_IFREG ? .file : .other
            default: kind = .other
            }
            switch kind {
            case .folder:
                if !isExcluded(path) { walk(path, into: &files, errors: &errors) }
            case .file:
                if matches(includeGlobs, path), !isExcluded(path) { files.append(path) }
            case .other:
                continue
            }
        }
    }

    private func isExcluded(_ path: String) -> Bool { matches(excludeGlobs, path) }

    private func matches(_ globs: [Glob], _ path: String) -> Bool {
        guard !globs.isEmpty else { return false }
        let name = FileIO.baseName(of: path)
        return globs.contains { $0.matches(path: path, name: name) }
    }
}
