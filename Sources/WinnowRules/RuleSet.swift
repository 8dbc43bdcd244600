import Foundation

/// Every loaded rule and the default stage order, checked across files (unique ids, declared stages).
public struct RuleSet: Sendable {
    /// Stages in their default order.
    public private(set) var stages: [StageDeclaration] = []
    /// Rules in load order (file-name order for a folder).
    public private(set) var rules: [Rule] = []

    /// A rule set taken as given, without the checks ``load(_:onto:)`` makes.
    public init(stages: [StageDeclaration] = [], rules: [Rule] = []) {
        self.stages = stages
        self.rules = rules
    }

    /// Parses `sources` in order, adding to `base` (already checked, such as the built-in rules). Returns
    /// the rule set with every rule that parsed, and all diagnostics; a set with errors in its
    /// diagnostics must not be used for cleaning.
    public static func load(_ sources: [RuleSource], onto base: RuleSet = RuleSet()) -> (RuleSet, [Diagnostic]) {
        var set = base
        var diagnostics: [Diagnostic] = []
        var stageLocations = Dictionary(base.stages.map { ($0.id, $0.location) }, uniquingKeysWith: { first, _ in first })
        var ruleLocations = Dictionary(base.rules.map { ($0.id, $0.location) }, uniquingKeysWith: { first, _ in first })
        for source in sources {
            var parser = RuleFileParser(source: source)
            parser.parse()
            diagnostics += parser.diagnostics
            for stage in parser.stages {
                if let first = stageLocations[stage.id] {
                    diagnostics.append(Diagnostic(.error, "stage '\(stage.id)' is declared twice", at: stage.location))
                    diagnostics.append(Diagnostic(.note, "first declared here", at: first))
                    continue
                }
                stageLocations[stage.id] = stage.location
                set.stages.append(stage)
            }
            for rule in parser.rules {
                if let first = ruleLocations[rule.id] {
                    diagnostics.append(Diagnostic(.error, "duplicate rule id '\(rule.id)'", at: rule.location,
                                                  ruleID: rule.id))
                    diagnostics.append(Diagnostic(.note, "'\(rule.id)' is first defined here", at: first))
                    continue
                }
                ruleLocations[rule.id] = rule.location
                set.rules.append(rule)
            }
        }
        let declared = Set(set.stages.map(\.id))
        for rule in set.rules where !declared.contains(rule.stage) {
            var message = "rule '\(rule.id)' names stage '\(rule.stage)', which no loaded file declares"
            if let suggestion = Suggestion.closest(to: rule.stage, among: declared) {
                message += "; did you mean '\(suggestion)'?"
            }
            diagnostics.append(Diagnostic(.error, message, at: rule.location, ruleID: rule.id))
        }
        return (set, diagnostics)
    }

    /// Reads rule files from files and folders (folders: every `*.yaml`/`*.yml` below, in path order).
    /// Throws ``RuleSourceError`` naming the path that cannot be read.
    public static func sources(at paths: [String]) throws(RuleSourceError) -> [RuleSource] {
        var sources: [RuleSource] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw RuleSourceError(path: path, reason: "no such file or folder")
            }
            var files = [path]
            if isDirectory.boolValue {
                guard let enumerator = manager.enumerator(atPath: path) else {
                    throw RuleSourceError(path: path, reason: "cannot list folder")
                }
                files = enumerator.compactMap { $0 as? String }
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                    .sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
            }
            for file in files {
                guard let data = manager.contents(atPath: file) else {
                    throw RuleSourceError(path: file, reason: "cannot read file")
                }
                guard let text = String(validating: data, as: UTF8.self) else {
                    throw RuleSourceError(path: file, reason: "not valid UTF-8")
                }
                sources.append(RuleSource(path: file, text: text))
            }
        }
        return sources
    }
}

/// A rule file or folder that could not be read.
public struct RuleSourceError: Error, Sendable, CustomStringConvertible {
    /// The file or folder that could not be read.
    public let path: String
    /// Why, in a few words (`not valid UTF-8`).
    public let reason: String
    /// `path: reason`, as the command line prints it.
    public var description: String { "\(path): \(reason)" }
}
