// Build tool behind EmbedRulesPlugin: writes a Swift file that carries every file of `Rules/` as a string,
// so the built `winnow` needs no files beside it. Usage: winnow-embed-rules OUTPUT RULE_FILE...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: winnow-embed-rules OUTPUT RULE_FILE...\n".utf8))
    exit(2)
}

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
for path in arguments.dropFirst().sorted(by: { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }) {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("winnow-embed-rules: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    entries.append("    RuleSource(path: \"Rules/\(url.lastPathComponent)\", text: \(rawLiteral(text))),")
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
