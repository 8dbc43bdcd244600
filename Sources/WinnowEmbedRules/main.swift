// Build tool behind EmbedRulesPlugin: writes a Swift file that carries every *.yaml/*.yml file of the rules
// folder as a string, so the built `winnow` needs no files beside it. Usage: winnow-embed-rules OUTPUT FOLDER
import Foundation

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
let ruleFiles = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()

/// A multi-line raw string literal needs more `#` than any `"#…` run inside the text.
func rawLiteral(_ text: String) -> String {
    var longest = 0
    var run = -1
    for character in text {
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
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var entries: [String] = []
for name in ruleFiles {
    let url = folder.appending(path: name)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("winnow-embed-rules: cannot read \(url.path) as UTF-8\n".utf8))
        exit(1)
    }
    entries.append("    RuleSource(path: \"Rules/\(name)\", text: \(rawLiteral(text))),")
}

let output = """
// Generated at build time by winnow-embed-rules from the files in Rules/. Do not edit.

extension RuleSource {
    /// The built-in rule files, in file-name order.
    static let builtIn: [RuleSource] = [
\(entries.joined(separator: "\n"))
    ]
}

"""
do {
    try output.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("winnow-embed-rules: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
