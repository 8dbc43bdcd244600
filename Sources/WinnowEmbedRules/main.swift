// Build tool behind EmbedRulesPlugin. Reads every *.yaml/*.yml file of the rules folder and writes Swift
// source that carries (1) the files' text, for `winnow validate` and the tests, and (2) the rule set
// already parsed and analysed, so that start-up parses no YAML. When the files have errors, (2) is left
// out and winnow parses the text at run time, which reports them.
// Usage: winnow-embed-rules OUTPUT FOLDER
import Foundation
import WinnowRules

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: winnow-embed-rules OUTPUT FOLDER\n".utf8))
    exit(2)
}
let outputPath = arguments[0]
let folder = URL(fileURLWithPath: arguments[1])
guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
    FileHandle.standardError.write(Data("winnow-embed-rules: cannot list \(folder.path)\n".utf8))
    exit(1)
}

var sources: [RuleSource] = []
for name in names.filter({ $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }).sorted() {
    let url = folder.appending(path: name)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("winnow-embed-rules: cannot read \(url.path) as UTF-8\n".utf8))
        exit(1)
    }
    sources.append(RuleSource(path: "Rules/\(name)", text: text))
}

/// A Swift string literal for `text`: a raw literal with more `#` than any `"#…` run inside it.
func literal(_ text: String) -> String {
    var longest = 0
    var run = -1
    for character in text.unicodeScalars {
        if character == "\"" {
            run = 0
        } else if character == "#", run >= 0 {
            run += 1
            longest = max(longest, run)
        } else {
            run = -1
        }
    }
    let hashes = String(repeating: "#", count: longest + 1)
    if text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
        return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
    }
    return "\(hashes)\"\(text)\"\(hashes)"
}

func optional<T>(_ value: T?, _ render: (T) -> String) -> String { value.map(render) ?? "nil" }

func location(_ location: SourceLocation?) -> String {
    optional(location) { "SourceLocation(file: \(literal($0.file)), line: \($0.line), column: \($0.column))" }
}

func placement(_ placement: ScalarPlacement?) -> String {
    optional(placement) {
        "ScalarPlacement(start: \(location($0.start)), style: .\($0.style), "
            + "blockContentColumn: \(optional($0.blockContentColumn) { "\($0)" }))"
    }
}

func scope(_ scope: RuleScope) -> String {
    switch scope {
    case .anywhere: ".anywhere"
    case .first(let count): ".first(\(count))"
    case .last(let count): ".last(\(count))"
    }
}

func rule(_ rule: Rule) -> String {
    let literals = RequiredLiterals.extract(pattern: rule.pattern, flags: rule.flags)
    func list<T>(_ items: [T], _ render: (T) -> String) -> String { "[" + items.map(render).joined(separator: ", ") + "]" }
    let known = literals.map { sets in
        ".sets(" + list(sets) { set in list(set) { bytes in list(bytes) { "\($0)" } } } + ")"
    } ?? ".absent"
    let flags = rule.flags.map { ".\($0.rawValue)" }.sorted().joined(separator: ", ")
    return """
            {
                var rule = Rule(
                    id: \(literal(rule.id)), description: \(literal(rule.description)), stage: \(literal(rule.stage)),
                    pattern: \(literal(rule.pattern)), flags: [\(flags)], action: .\(rule.action),
                    replacement: \(optional(rule.replacement, literal)), scope: \(scope(rule.scope)),
                    guardPattern: \(optional(rule.guardPattern, literal)), status: .\(rule.status),
                    location: \(location(rule.location)), patternPlacement: \(placement(rule.patternPlacement)),
                    guardPlacement: \(placement(rule.guardPlacement)))
                rule.knownLiterals = \(known)
                return rule
            }(),
    """
}

let (ruleSet, diagnostics) = RuleSet.load(sources)
var precompiled = "nil"
if !diagnostics.containsErrors {
    let stages = ruleSet.stages.map {
        "        StageDeclaration(id: \(literal($0.id)), description: \(literal($0.description)), location: \(location($0.location))),"
    }
    precompiled = """
        RuleSet(
            stages: [
        \(stages.joined(separator: "\n"))
            ],
            rules: [
        \(ruleSet.rules.map(rule).joined(separator: "\n"))
            ])
        """
}

let output = """
// Generated at build time by winnow-embed-rules from the files in Rules/. Do not edit.
import WinnowRules

extension RuleSource {
    /// The built-in rule files, in file-name order.
    static let builtIn: [RuleSource] = [
\(sources.map { "    RuleSource(path: \(literal($0.path)), text: \(literal($0.text)))," }.joined(separator: "\n"))
    ]
}

extension RuleSet {
    /// The built-in rules, parsed and analysed at build time (without their examples); nil when the
    /// files had errors then.
    static let precompiledBuiltIn: RuleSet? = \(precompiled)
}

"""
do {
    try output.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("winnow-embed-rules: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
