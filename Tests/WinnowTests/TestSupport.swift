import Foundation
import Testing
@testable import Winnow
@testable import WinnowRules

/// Paths the tests read in place.
enum TestPaths {
    /// The package root, from this file's location (Tests/WinnowTests/TestSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared golden corpus (`../shared/corpus`), or `WINNOW_CORPUS` when set.
    static let corpus: URL = {
        if let override = ProcessInfo.processInfo.environment["WINNOW_CORPUS"] {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appending(path: "shared/corpus")
    }()

    static let fixtures = packageRoot.appending(path: "Tests/Fixtures/articles")

    /// Names of `NAME.raw.txt` files that have a `NAME.expected.txt` beside them.
    static func pairs(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".raw.txt") }
            .map { String($0.dropLast(".raw.txt".count)) }
            .filter { names.contains("\($0).expected.txt") }
            .sorted()
    }

    static func read(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
}

/// The built-in pipeline, compiled once for the whole suite.
let builtInPipeline: Pipeline = {
    let (ruleSet, diagnostics) = RuleSet.load(RuleSet.builtInSources)
    precondition(!diagnostics.containsErrors, "built-in rules have errors: \(diagnostics)")
    switch Pipeline.build(ruleSet) {
    case .success(let pipeline): return pipeline
    case .failure(let failure): preconditionFailure("built-in rules do not compile: \(failure.diagnostics)")
    }
}()

/// Builds a pipeline from inline YAML rule files; the test fails if they do not load.
func makePipeline(
    _ yaml: String..., selection: StageSelection = StageSelection(), maxRemoval: Double = 1,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Pipeline {
    let sources = yaml.enumerated().map { RuleSource(path: "test\($0.offset).yaml", text: $0.element) }
    let (ruleSet, diagnostics) = RuleSet.load(sources)
    #expect(!diagnostics.containsErrors, "\(diagnostics)", sourceLocation: sourceLocation)
    return try Pipeline.build(ruleSet, selection: selection, options: CleaningOptions(maxRemoval: maxRemoval)).get()
}

/// Loads inline YAML and returns every diagnostic from loading and compiling it.
func diagnostics(of yaml: String, path: String = "rules.yaml") -> [Diagnostic] {
    RuleSetValidator().validate([RuleSource(path: path, text: yaml)]).diagnostics
}

/// A one-rule YAML file in stage `s`.
func ruleYAML(_ body: String) -> String {
    """
    stages: [s]
    stage: s
    rules:
      - id: r
        description: test rule
    \(body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
    """
}

extension Pipeline {
    /// Cleans `text` and returns the output as a string.
    func cleaned(_ text: String) throws -> String { try clean(text).outputText }
}
