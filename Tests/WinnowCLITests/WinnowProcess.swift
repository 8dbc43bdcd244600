import Foundation
import Testing

/// What one run of the `winnow` binary produced.
struct RunResult: Sendable {
    let status: Int32
    let stdout: [UInt8]
    let stderr: String
    /// Wall-clock time of the run.
    let elapsed: Duration

    /// Standard output decoded as UTF-8 (lossy; for assertions on text output).
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs the built `winnow` executable as a subprocess, the way a user or a script would.
///
/// The binary is found, in order: `$WINNOW_BINARY`; next to the running test executable or bundle (where
/// `swift test` builds it); in the package's `.build/debug` (derived from `#filePath`).
enum Winnow {
    /// The package root (the folder holding Package.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // WinnowCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The `winnow` executable under test, or nil when none can be found (every run then fails clearly).
    static let binary: URL? = locateBinary()

    private static func locateBinary() -> URL? {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["WINNOW_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var startingPoints: [URL] = []
        if let executable = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            startingPoints.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        startingPoints.append(Bundle.main.bundleURL)
        startingPoints.append(Bundle.main.bundleURL.deletingLastPathComponent())
        if let executable = Bundle.main.executableURL {
            startingPoints.append(executable.deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            startingPoints.append(bundle.bundleURL.deletingLastPathComponent())
        }
        // Walk up from each starting point (a test bundle may sit inside a folder inside the build folder).
        for start in startingPoints {
            var folder = start.standardizedFileURL
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("winnow")
                if isExecutableFile(candidate) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/winnow")
        return isExecutableFile(fallback) ? fallback : nil
    }

    private static func isExecutableFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: url.path)
    }

    /// A child that exits without reading all its input (a usage error, a bad rule set) closes the pipe;
    /// writing to it must fail with EPIPE, not kill the test process with SIGPIPE.
    private static let ignoreBrokenPipe: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Longest any single run may take before it is killed (a hang must fail the test, not the suite).
    static let watchdog: TimeInterval = 20

    /// Runs `winnow args…`, feeding `stdin` (nothing, and a closed stdin, when nil), in `cwd` (the test
    /// process's folder when nil). Reads stdout and stderr fully and concurrently, so a chatty child never
    /// blocks on a full pipe.
    static func run(
        _ args: [String], stdin: [UInt8]? = nil, cwd: URL? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> RunResult {
        _ = ignoreBrokenPipe
        guard let binary else {
            Issue.record(
                "winnow binary not found: build it (`swift build`) or set WINNOW_BINARY", sourceLocation: sourceLocation)
            return RunResult(status: -1, stdout: [], stderr: "", elapsed: .zero)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        if let cwd { process.currentDirectoryURL = cwd }
        let inputPipe = Pipe()
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = errorPipe

        let clock = ContinuousClock()
        let start = clock.now
        do {
            try process.run()
        } catch {
            Issue.record("cannot start \(binary.path): \(error)", sourceLocation: sourceLocation)
            return RunResult(status: -1, stdout: [], stderr: "", elapsed: .zero)
        }
        let group = DispatchGroup()
        let errorBox = DataBox()
        DispatchQueue.global().async(group: group) {
            errorBox.data = errorPipe.fileHandleForReading.readDataToEndOfFile()
        }
        let inputHandle = inputPipe.fileHandleForWriting
        let input = stdin ?? []
        DispatchQueue.global().async(group: group) {
            // The child may exit without reading everything (e.g. a usage error): ignore EPIPE.
            if !input.isEmpty { try? inputHandle.write(contentsOf: Data(input)) }
            try? inputHandle.close()
        }
        let finished = DispatchSemaphore(value: 0)
        let pid = process.processIdentifier
        DispatchQueue.global().async {
            if finished.wait(timeout: .now() + watchdog) == .timedOut { kill(pid, SIGKILL) }
        }
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        finished.signal()
        let elapsed = clock.now - start
        if process.terminationReason == .uncaughtSignal {
            Issue.record(
                "winnow \(args.joined(separator: " ")) was killed by signal \(process.terminationStatus)",
                sourceLocation: sourceLocation)
        }
        return RunResult(
            status: process.terminationStatus, stdout: Array(output),
            stderr: String(decoding: errorBox.data, as: UTF8.self), elapsed: elapsed)
    }

    /// `run` with a string on standard input.
    static func run(
        _ args: [String], input: String, cwd: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> RunResult {
        run(args, stdin: Array(input.utf8), cwd: cwd, sourceLocation: sourceLocation)
    }
}

/// A mutable slot filled by a reader thread and read after the dispatch group is done.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// A fresh temporary folder for one test. Tests write `defer { folder.remove() }` right after creating it,
/// which both removes it at the end of the test and keeps it alive until then (an optimised build may
/// otherwise end an object's lifetime after its last use).
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("winnow-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        do { try FileManager.default.removeItem(at: url) } catch {
            if FileManager.default.fileExists(atPath: url.path) { print("note: could not remove \(url.path): \(error)") }
        }
    }

    deinit { if FileManager.default.fileExists(atPath: url.path) { remove() } }

    var path: String { url.path }

    /// Writes `bytes` to `relativePath` (creating folders) and returns its URL.
    @discardableResult
    func write(_ relativePath: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, Array(text.utf8))
    }

    /// The bytes of `relativePath`.
    func read(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url.appendingPathComponent(relativePath)))
    }

    func readText(_ relativePath: String) throws -> String {
        String(decoding: try read(relativePath), as: UTF8.self)
    }

    /// Every regular file below the folder, as paths relative to it, sorted (hidden ones included).
    func allFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path, isDirectory: &isDirectory),
               !isDirectory.boolValue
            {
                files.append(relative)
            }
        }
        return files.sorted()
    }
}

/// Test fixtures shared by several suites.
enum Fixture {
    /// A small invented article with a stock-photo credit line, a lone "Comments" label and a rights footer.
    static let article = """
        Harbour reopens after storm

        By Jane Roe, March 3, 2024

        High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.

        Image via Shutterstock

        Ferries will resume on Thursday if the weather clears, the port authority said in a statement.

        Fishermen said the closure cost them a week of catches.

        Comments

        © 2024 Example Media. All rights reserved.

        """

    /// `article` as the built-in rules should leave it.
    static let articleCleaned = """
        Harbour reopens after storm

        By Jane Roe, March 3, 2024

        High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.

        Ferries will resume on Thursday if the weather clears, the port authority said in a statement.

        Fishermen said the closure cost them a week of catches.

        """

    /// A short article whose only boilerplate is the credit line (a small share of the text, so the
    /// over-removal guard never interferes).
    static let creditOnly = """
        Harbour reopens after storm

        High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.

        Image via Shutterstock

        Ferries will resume on Thursday if the weather clears, the port authority said in a statement.

        """

    static let creditOnlyCleaned = """
        Harbour reopens after storm

        High winds closed the harbour on Tuesday, officials said, and ferries stayed in port for two days.

        Ferries will resume on Thursday if the weather clears, the port authority said in a statement.

        """

    /// Text no built-in rule touches.
    static let plain = """
        Council approves budget

        The city council approved next year's budget on Monday after a four-hour debate.

        """
}

/// One JSON object per line of `text`, decoded as `T`.
func decodeJSONLines<T: Decodable>(_ type: T.Type, _ text: String) throws -> [T] {
    try text.split(separator: "\n", omittingEmptySubsequences: true).map {
        try JSONDecoder().decode(T.self, from: Data($0.utf8))
    }
}

/// The `--report json` document shape (decoded independently of the library's types, as a script would).
struct ReportJSON: Decodable {
    struct Entry: Decodable {
        let rule: String
        let stage: String
        let action: String
        let line: Int
        let text: String
        let shadow: Bool
    }

    struct OverRemovalJSON: Decodable {
        let share: Double
        let limit: Double
        let ruleIDs: [String]
    }

    let path: String
    let changed: Bool
    let removals: [Entry]
    let shadowHits: [Entry]
    let overRemoval: OverRemovalJSON?
    let error: String?
}

extension Array where Element == UInt8 {
    /// The bytes as text, for readable failure messages.
    var text: String { String(decoding: self, as: UTF8.self) }
}
