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

    public var includes: [String]
    public var excludes: [String]

    public init(includes: [String] = FileCollector.defaultIncludes, excludes: [String] = []) {
        self.includes = includes.isEmpty ? Self.defaultIncludes : includes
        self.excludes = excludes
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

    private func walk(_ folder: String, into files: inout [String], errors: inout [FileError]) {
        guard let stream = opendir(folder) else {
            errors.append(.fromErrno(folder, "cannot open folder"))
            return
        }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(stream)
        for name in names.sorted() {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else {
                errors.append(.fromErrno(path, "cannot access"))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if !isExcluded(path) { walk(path, into: &files, errors: &errors) }
            case S_IFREG:
                if matches(includes, path), !isExcluded(path) { files.append(path) }
            default:
                continue
            }
        }
    }

    private func isExcluded(_ path: String) -> Bool { matches(excludes, path) }

    /// A glob with a `/` is matched against the whole path, any other against the file name.
    private func matches(_ globs: [String], _ path: String) -> Bool {
        let name = FileIO.baseName(of: path)
        return globs.contains { glob in
            fnmatch(glob, glob.contains("/") ? path : name, 0) == 0
        }
    }
}
