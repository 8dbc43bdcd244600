import Foundation
import Winnow

/// Renders diagnostics like a compiler (`file:line:col: error: message`) or as JSON.
enum DiagnosticFormatter {
    static func human(_ diagnostics: [Diagnostic]) -> [String] {
        var lines: [String] = []
        for diagnostic in diagnostics {
            var head = diagnostic.location.map { "\($0): " } ?? "winnow: "
            head += "\(diagnostic.severity.rawValue): \(diagnostic.message)"
            if let ruleID = diagnostic.ruleID, !diagnostic.message.contains("'\(ruleID)'") { head += " [\(ruleID)]" }
            lines.append(head)
            lines += diagnostic.snippet.map { "    " + $0 }
        }
        return lines
    }

    private struct Entry: Encodable {
        let severity: String
        let file: String?
        let line: Int?
        let column: Int?
        let rule: String?
        let message: String
    }

    private struct Output<Summary: Encodable>: Encodable {
        let diagnostics: [Entry]
        let summary: Summary
    }

    static func json<Summary: Encodable>(_ diagnostics: [Diagnostic], summary: Summary) -> String {
        let entries = diagnostics.map {
            Entry(severity: $0.severity.rawValue, file: $0.location?.file, line: $0.location?.line,
                  column: $0.location?.column, rule: $0.ruleID, message: $0.message)
        }
        return JSONText.encode(Output(diagnostics: entries, summary: summary), pretty: true)
    }
}

/// JSON encoding with stable key order, for output people and scripts both read.
enum JSONText {
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
