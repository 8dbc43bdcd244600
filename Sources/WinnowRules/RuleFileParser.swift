import Yams

/// Reads one rule file (YAML) into stage declarations and rules, reporting every schema problem with its
/// file position instead of stopping at the first.
struct RuleFileParser {
    static let topLevelKeys = ["stage", "stages", "rules"]
    static let ruleKeys = [
        "id", "description", "stage", "pattern", "flags", "action", "replacement", "where", "unless", "status",
        "examples",
    ]
    static let stageKeys = ["id", "description"]
    static let exampleKeys = ["remove", "keep", "rewrite"]
    static let rewriteKeys = ["input", "output"]

    let source: RuleSource
    /// The file's lines, split only when a diagnostic or a block scalar needs them.
    private lazy var sourceLines: [String] = source.text.linesSplitAtLF
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var stages: [StageDeclaration] = []
    private(set) var rules: [Rule] = []
    /// Keys of the mapping read last that an unknown key was reported as a likely misspelling of; their
    /// absence is not reported again.
    private var suggestedKeys: Set<String> = []

    init(source: RuleSource) {
        self.source = source
    }

    /// Parses the whole file; results land in `stages`, `rules` and `diagnostics`.
    mutating func parse() {
        let root: Node?
        do {
            // Every value is read as a string, so the basic resolver (no regex-based tag guessing) suffices.
            root = try Yams.compose(yaml: source.text, .basic)
        } catch let error as YamlError {
            report(yamlError: error)
            return
        } catch {
            diagnostics.append(Diagnostic(.error, "cannot read YAML: \(error)", at: fileStart))
            return
        }
        guard let root else {
            diagnostics.append(Diagnostic(.warning, "rule file is empty", at: fileStart))
            return
        }
        guard let mapping = root.mapping else {
            error("a rule file must be a mapping with `stages:` and/or `rules:`", at: root)
            return
        }
        let fileStage = entries(of: mapping, allowed: Self.topLevelKeys, context: "rule file")["stage"]
            .flatMap { string($0, key: "stage") }
        for (key, value) in mapping {
            switch key.string {
            case "stages": parseStages(value)
            case "rules": parseRules(value, fileStage: fileStage)
            default: break
            }
        }
    }

    // MARK: - Stages and rules

    private mutating func parseStages(_ node: Node) {
        guard let sequence = sequence(node, key: "stages") else { return }
        for item in sequence {
            if let id = item.scalar?.string {
                stages.append(StageDeclaration(id: id, location: location(of: item)))
                continue
            }
            guard let mapping = item.mapping else {
                error("a stage is a name or a mapping with `id` and `description`", at: item)
                continue
            }
            let fields = entries(of: mapping, allowed: Self.stageKeys, context: "stage")
            guard let idNode = fields["id"] else {
                error("stage is missing `id`", at: item)
                continue
            }
            guard let id = string(idNode, key: "id") else { continue }
            let description = fields["description"].flatMap { string($0, key: "description") } ?? ""
            stages.append(StageDeclaration(id: id, description: description, location: location(of: idNode)))
        }
    }

    private mutating func parseRules(_ node: Node, fileStage: String?) {
        guard let sequence = sequence(node, key: "rules") else { return }
        for item in sequence {
            guard let mapping = item.mapping else {
                error("a rule must be a mapping (id, description, pattern, action, …)", at: item)
                continue
            }
            if let rule = parseRule(mapping, at: item, fileStage: fileStage) { rules.append(rule) }
        }
    }

    private mutating func parseRule(_ mapping: Node.Mapping, at node: Node, fileStage: String?) -> Rule? {
        let fields = entries(of: mapping, allowed: Self.ruleKeys, context: "rule")
        let id = required("id", in: fields, at: node).flatMap { string($0, key: "id") }
        if let id, let idNode = fields["id"], !Self.isValidID(id) {
            error("rule id '\(id)' must be lowercase letters and digits joined by '-', '_' or '.'", at: idNode)
        }
        let ruleID = id ?? "?"
        let description = required("description", in: fields, at: node, ruleID: ruleID)
            .flatMap { string($0, key: "description") }
        let patternNode = required("pattern", in: fields, at: node, ruleID: ruleID)
        let pattern = patternNode.flatMap { string($0, key: "pattern") }
        if let pattern, let patternNode, pattern.isEmpty {
            error("pattern is empty", at: patternNode, ruleID: ruleID)
        }
        let stage = fields["stage"].flatMap { string($0, key: "stage") } ?? fileStage
        if stage == nil {
            error("rule has no stage: give it `stage:` or put `stage:` at the top of the file", at: node,
                  ruleID: ruleID)
        }
        let action = required("action", in: fields, at: node, ruleID: ruleID).flatMap {
            enumValue($0, key: "action", as: RuleAction.self, ruleID: ruleID)
        }
        let flags = fields["flags"].map { parseFlags($0, ruleID: ruleID) } ?? []
        let replacement = fields["replacement"].flatMap { string($0, key: "replacement") }
        if action == .replace, replacement == nil {
            error("action `replace` needs a `replacement`", at: node, ruleID: ruleID)
        }
        if let replacementNode = fields["replacement"], let action, action != .replace {
            error("`replacement` is only used with action `replace`, not `\(action.rawValue)`", at: replacementNode,
                  ruleID: ruleID)
        }
        var scope = RuleScope.anywhere
        if let whereNode = fields["where"], let text = string(whereNode, key: "where") {
            if let parsed = RuleScope(parsing: text) {
                scope = parsed
            } else {
                error("`where` must be `anywhere`, `first N` or `last N` (N ≥ 1), not '\(text)'", at: whereNode,
                      ruleID: ruleID)
            }
        }
        let guardNode = fields["unless"]
        let guardPattern = guardNode.flatMap { string($0, key: "unless") }
        let status = fields["status"].flatMap { enumValue($0, key: "status", as: RuleStatus.self, ruleID: ruleID) }
        let examples = fields["examples"].map { parseExamples($0, action: action, ruleID: ruleID) } ?? []
        if fields["examples"] == nil {
            diagnostics.append(Diagnostic(
                .warning, "rule '\(ruleID)' has no examples; add `remove:` and `keep:` texts so it is tested",
                at: location(of: node), ruleID: ruleID))
        }

        guard let id, let pattern, let stage, let action else { return nil }
        return Rule(
            id: id, description: description ?? "", stage: stage, pattern: pattern, flags: flags, action: action,
            replacement: replacement, scope: scope, guardPattern: guardPattern, status: status ?? .active,
            examples: examples, location: location(of: node),
            patternPlacement: patternNode.map { placement(of: $0) }, guardPlacement: guardNode.map { placement(of: $0) })
    }

    private mutating func parseFlags(_ node: Node, ruleID: String) -> Set<RuleFlag> {
        let items: [Node]
        if let sequence = node.sequence {
            items = Array(sequence)
        } else if node.scalar != nil {
            items = [node]
        } else {
            error("`flags` must be a list such as [caseless, multiline]", at: node, ruleID: ruleID)
            return []
        }
        var flags = Set<RuleFlag>()
        for item in items {
            if let flag = enumValue(item, key: "flags", as: RuleFlag.self, ruleID: ruleID) { flags.insert(flag) }
        }
        return flags
    }

    private mutating func parseExamples(_ node: Node, action: RuleAction?, ruleID: String) -> [RuleExample] {
        guard let mapping = node.mapping else {
            error("`examples` must be a mapping with `remove`, `keep` and/or `rewrite` lists", at: node,
                  ruleID: ruleID)
            return []
        }
        let fields = entries(of: mapping, allowed: Self.exampleKeys, context: "examples")
        var examples: [RuleExample] = []
        for (key, expectation) in [("remove", RuleExample.Expectation.removed), ("keep", .kept)] {
            guard let listNode = fields[key], let list = sequence(listNode, key: key) else { continue }
            for item in list {
                guard let text = string(item, key: key) else { continue }
                examples.append(RuleExample(input: text, expectation: expectation, location: location(of: item)))
            }
        }
        if let listNode = fields["rewrite"], let list = sequence(listNode, key: "rewrite") {
            for item in list {
                guard let pair = item.mapping else {
                    error("a `rewrite` example is a mapping with `input` and `output`", at: item, ruleID: ruleID)
                    continue
                }
                let pairFields = entries(of: pair, allowed: Self.rewriteKeys, context: "rewrite example")
                guard let input = required("input", in: pairFields, at: item, ruleID: ruleID)
                    .flatMap({ string($0, key: "input") }),
                    let output = required("output", in: pairFields, at: item, ruleID: ruleID)
                        .flatMap({ string($0, key: "output") })
                else { continue }
                examples.append(RuleExample(input: input, expectation: .rewritten(output), location: location(of: item)))
            }
        }
        let removes = examples.contains { $0.expectation != .kept }
        let keeps = examples.contains { $0.expectation == .kept }
        if !removes || !keeps {
            let missing = !removes ? "a `remove` or `rewrite` example" : "a `keep` example"
            diagnostics.append(Diagnostic(
                .warning, "rule '\(ruleID)' has no \(missing)", at: location(of: node), ruleID: ruleID))
        }
        return examples
    }

    // MARK: - Typed access with diagnostics

    /// The mapping's entries by key; reports unknown keys (with a suggestion) and non-string keys. (YAML
    /// parsing already rejects a key written twice.)
    private mutating func entries(of mapping: Node.Mapping, allowed: [String], context: String) -> [String: Node] {
        var result: [String: Node] = [:]
        suggestedKeys = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error("\(context) keys must be plain words", at: key)
                continue
            }
            guard allowed.contains(name) else {
                var message = "unknown key '\(name)' in \(context)"
                if let suggestion = Suggestion.closest(to: name, among: allowed) {
                    message += "; did you mean '\(suggestion)'?"
                    suggestedKeys.insert(suggestion)
                } else {
                    message += " (allowed: \(allowed.joined(separator: ", ")))"
                }
                error(message, at: key)
                continue
            }
            result[name] = value
        }
        return result
    }

    private mutating func required(
        _ key: String, in fields: [String: Node], at node: Node, ruleID: String? = nil
    ) -> Node? {
        if let value = fields[key] { return value }
        if suggestedKeys.contains(key) { return nil }
        error("missing required key '\(key)'", at: node, ruleID: ruleID)
        return nil
    }

    private mutating func string(_ node: Node, key: String) -> String? {
        if let scalar = node.scalar { return scalar.string }
        error("`\(key)` must be a string, not a \(node.mapping != nil ? "mapping" : "list")", at: node)
        return nil
    }

    private mutating func sequence(_ node: Node, key: String) -> Node.Sequence? {
        if let sequence = node.sequence { return sequence }
        error("`\(key)` must be a list", at: node)
        return nil
    }

    private mutating func enumValue<Value: RawRepresentable & CaseIterable>(
        _ node: Node, key: String, as type: Value.Type, ruleID: String
    ) -> Value? where Value.RawValue == String {
        guard let text = string(node, key: key) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        var message = "unknown \(key) value '\(text)'"
        if let suggestion = Suggestion.closest(to: text, among: allowed) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += " (allowed: \(allowed.joined(separator: ", ")))"
        }
        error(message, at: node, ruleID: ruleID)
        return nil
    }

    // MARK: - Positions

    private var fileStart: SourceLocation { SourceLocation(file: source.path, line: 1, column: 1) }

    private func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return fileStart }
        return SourceLocation(file: source.path, line: mark.line, column: mark.column)
    }

    private mutating func placement(of node: Node) -> ScalarPlacement {
        let start = location(of: node)
        let style: ScalarPlacement.Style
        switch node.scalar?.style {
        case .singleQuoted: style = .singleQuoted
        case .doubleQuoted: style = .doubleQuoted
        case .literal: style = .literal
        case .folded: style = .folded
        default: style = .plain
        }
        var contentColumn: Int?
        if style == .literal || style == .folded {
            let contentLine = sourceLines.dropFirst(start.line).first { !$0.allSatisfy(\.isWhitespace) }
            contentColumn = contentLine.map { $0.prefix { $0 == " " }.count + 1 }
        }
        return ScalarPlacement(start: start, style: style, blockContentColumn: contentColumn)
    }

    private mutating func snippet(at location: SourceLocation) -> [String] {
        guard location.line >= 1, location.line <= sourceLines.count else { return [] }
        let line = sourceLines[location.line - 1]
        return [line, String(repeating: " ", count: max(0, location.column - 1)) + "^"]
    }

    private mutating func error(_ message: String, at node: Node, ruleID: String? = nil) {
        let where_ = location(of: node)
        diagnostics.append(Diagnostic(.error, message, at: where_, ruleID: ruleID, snippet: snippet(at: where_)))
    }

    private mutating func report(yamlError: YamlError) {
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            let where_ = SourceLocation(file: source.path, line: mark.line, column: mark.column)
            diagnostics.append(Diagnostic(.error, "invalid YAML: \(problem)", at: where_, snippet: snippet(at: where_)))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let where_ = SourceLocation(file: source.path, line: context.mark.line, column: context.mark.column)
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.append(Diagnostic(
                .error, "key \(keys) appears twice in one mapping", at: where_, snippet: snippet(at: where_)))
        default:
            diagnostics.append(Diagnostic(.error, "invalid YAML: \(yamlError)", at: fileStart))
        }
    }

    static func isValidID(_ id: String) -> Bool {
        let separators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")]
        var previousWasSeparator = true
        for byte in id.utf8 {
            let alphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if alphanumeric {
                previousWasSeparator = false
            } else if separators.contains(byte), !previousWasSeparator {
                previousWasSeparator = true
            } else {
                return false
            }
        }
        return !previousWasSeparator
    }
}
