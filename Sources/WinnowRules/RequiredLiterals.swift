/// Finds literal strings that every match of a PCRE2 pattern must contain, so that a line lacking them
/// can be skipped without running the pattern. The result is a few sets of literals, each of which the
/// match needs one of: `(?:data|chart) by (?:YCharts|Statista)` needs "data by " or "chart by ", and also
/// "ycharts" or "statista".
///
/// The analysis is conservative: anything it does not fully understand (verbs, conditionals, recursion,
/// back-references, option changes it cannot follow) contributes no literal, and a pattern whose
/// requirement cannot be proven gets none at all; such a rule then runs on every line. Literals are
/// ASCII-case-folded (A–Z as a–z) and matched against case-folded text, which is a superset of what a
/// case-sensitive pattern needs. Under caseless matching a cased non-ASCII letter ends a literal, since
/// ASCII folding cannot find its other forms. Two non-ASCII letters are caseless partners of ASCII ones
/// (KELVIN SIGN of k, LONG S of s); ``Prefilter`` turns itself off for a document that contains either.
package enum RequiredLiterals {
    /// Literals one of which every match contains (ASCII-case-folded).
    package typealias LiteralSet = [[UInt8]]

    /// Folds A–Z to a–z; every other byte is itself. Literals and scanned text are compared folded.
    @inline(__always)
    package static func fold(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// The sets of literals that every match needs one of each of, most selective first; nil when not
    /// even one useful set (every string at least two bytes, or one rare byte) exists.
    package static func extract(pattern: String, flags: Set<RuleFlag>) -> [LiteralSet]? {
        let source = Array(pattern.unicodeScalars)
        let caseless = flags.contains(.caseless) || hasInlineOption("i", in: source)
        // A line-mode pattern sees one line, so its `^` is the start of a line: the text the prefilter scans
        // has a line break (or the document's start, which it treats as one) right before. With multi-line
        // matching `^` can also follow a lone CR, so it says nothing.
        let caretIsLineStart = !flags.contains(.multiline) && !hasInlineOption("m", in: source)
        var parser = Parser(
            source: source, caseless: caseless, extended: flags.contains(.extended), caretIsLineStart: caretIsLineStart)
        guard let node = parser.parseAlternation(), parser.atEnd, !parser.failed else { return nil }
        var chosen: [Set<[UInt8]>] = []
        for set in node.info.conjunction.sorted(by: Info.isMoreSelective) where isUseful(set) {
            // A set that a chosen one implies adds nothing (" ycharts" found means "ycharts" is there),
            // and a further set of common short strings ("the") costs more scanning than it saves.
            guard !chosen.contains(where: { implies($0, set) }), chosen.isEmpty || isStrong(set) else { continue }
            chosen.append(set)
            // Text at the start of a line is rare enough alone; scanning for a further set would cost more
            // than the few lines it rules out.
            if chosen.count == maximumConjunction || set.allSatisfy(isAtLineStart) { break }
        }
        guard !chosen.isEmpty else { return nil }
        return chosen.map { $0.sorted { $0.lexicographicallyPrecedes($1) } }
    }

    /// Whether every literal of `stronger` contains a literal of `weaker`.
    private static func implies(_ stronger: Set<[UInt8]>, _ weaker: Set<[UInt8]>) -> Bool {
        stronger.allSatisfy { literal in
            weaker.contains { part in
                part.count <= literal.count
                    && (0...(literal.count - part.count)).contains { literal[$0..<($0 + part.count)].elementsEqual(part) }
            }
        }
    }

    /// Whether `literal` is anchored at a line start (begins with the line break `^` stands for).
    package static func isAtLineStart(_ literal: [UInt8]) -> Bool { literal.first == UInt8(ascii: "\n") }

    /// Whether every literal is rare in ordinary text: four bytes or more, a non-ASCII character, or one
    /// of the rare single bytes.
    package static func isStrong(_ set: some Collection<[UInt8]>) -> Bool {
        set.allSatisfy { literal in
            literal.count >= 4 || literal.contains { $0 >= 0x80 } || (literal.count == 1 && rareBytes.contains(literal[0]))
        }
    }

    private static func isUseful(_ set: Set<[UInt8]>) -> Bool {
        !set.isEmpty && set.allSatisfy { $0.count >= minimumLength || ($0.count == 1 && rareBytes.contains($0[0])) }
    }

    /// More sets than this rarely narrow the candidates further.
    static let maximumConjunction = 3
    /// Shorter literals match too often to save work, except single bytes that article text rarely holds.
    static let minimumLength = 2
    static let rareBytes = Set("#[]{}|@~^*_<>\\".utf8)
    /// A literal this long is selective enough that a smaller set beats a longer literal.
    static let rareEnoughLength = 6
    /// Bounds on the sets built from alternations and concatenations.
    static let maximumSetSize = 64
    /// Past this length a literal is not extended further (a longer one filters no better).
    static let maximumLiteralLength = 24

    /// Whether an inline option setting such as `(?i)`, `(?i:` or `(?mi-s)` turns on `option` anywhere.
    private static func hasInlineOption(_ option: Unicode.Scalar, in source: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index + 1 < source.count {
            if source[index] == "\\" {
                index += 2
                continue
            }
            if source[index] == "(", source[index + 1] == "?" {
                var cursor = index + 2
                while cursor < source.count, source[cursor].properties.isAlphabetic || source[cursor] == "-" {
                    if source[cursor] == "-" { break }
                    if source[cursor] == option { return true }
                    cursor += 1
                }
            }
            index += 1
        }
        return false
    }

    /// What a sub-pattern says about the text it matches.
    struct Info {
        /// The node matches exactly one of these strings (case-folded), if known.
        var exact: Set<[UInt8]>?
        /// Every match contains at least one of these, if known.
        var required: Set<[UInt8]>?
        /// Further sets every match needs one of each of (beyond `required`).
        var all: [Set<[UInt8]>] = []

        static let unknown = Info(exact: nil, required: nil)
        static let zeroWidth = Info(exact: [[]], required: nil)

        /// The most selective set known.
        var best: Set<[UInt8]>? { Self.better(exact.flatMap(Self.usable), required.flatMap(Self.usable)) }

        /// Every set known to be needed.
        var conjunction: [Set<[UInt8]>] {
            guard let best, !all.contains(best) else { return all }
            return all + [best]
        }

        static func usable(_ set: Set<[UInt8]>) -> Set<[UInt8]>? {
            set.contains(where: \.isEmpty) ? nil : set
        }

        /// The rarity of the least rare literal, measured in bytes: at the start of a line, where a literal
        /// is far rarer than anywhere in it, each byte after the line break counts twice.
        static func shortest(_ set: Set<[UInt8]>) -> Int {
            var result = Int.max
            for literal in set {
                let rarity = RequiredLiterals.isAtLineStart(literal) ? 2 * (literal.count - 1) : literal.count
                result = min(result, rarity)
            }
            return result == Int.max ? 0 : result
        }

        /// Past a few bytes a literal is rare enough; then a set anchored at line starts is better, then
        /// fewer strings (they keep the union of an alternation small), then longer ones.
        static func isMoreSelective(_ a: Set<[UInt8]>, than b: Set<[UInt8]>) -> Bool {
            let shortestA = shortest(a)
            let shortestB = shortest(b)
            let rareA = min(shortestA, RequiredLiterals.rareEnoughLength)
            let rareB = min(shortestB, RequiredLiterals.rareEnoughLength)
            if rareA != rareB { return rareA > rareB }
            let anchoredA = a.allSatisfy(RequiredLiterals.isAtLineStart)
            if anchoredA != b.allSatisfy(RequiredLiterals.isAtLineStart) { return anchoredA }
            if a.count != b.count { return a.count < b.count }
            return shortestA > shortestB
        }

        static func better(_ a: Set<[UInt8]>?, _ b: Set<[UInt8]>?) -> Set<[UInt8]>? {
            guard let a else { return b }
            guard let b else { return a }
            return isMoreSelective(b, than: a) ? b : a
        }
    }

    indirect enum Node {
        case literal([UInt8])
        case any
        case assertion
        case lookaround(Node)
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, minimum: Int, maximum: Int?)

        var info: Info {
            switch self {
            case .literal(let bytes):
                return Info(exact: [bytes], required: [bytes])
            case .any:
                return .unknown
            case .assertion:
                return .zeroWidth
            case .lookaround(let inner):
                // Zero-width, but a positive lookaround's text must be in the subject too.
                let innerInfo = inner.info
                return Info(exact: [[]], required: innerInfo.best, all: innerInfo.conjunction)
            case .repetition(let inner, let minimum, let maximum):
                guard minimum >= 1 else {
                    // An optional part (`?`) is absent or one of its strings: still a known set of strings.
                    guard maximum == 1, let exact = inner.info.exact, exact.count < RequiredLiterals.maximumSetSize
                    else { return .unknown }
                    return Info(exact: exact.union([[]]), required: nil)
                }
                let innerInfo = inner.info
                let exact = minimum == 1 && maximum == 1 ? innerInfo.exact : nil
                return Info(exact: exact, required: innerInfo.best, all: innerInfo.conjunction)
            case .alternation(let branches):
                let infos = branches.map { $0.info }
                var exact: Set<[UInt8]>? = []
                var required: Set<[UInt8]>? = []
                for info in infos {
                    exact = exact.flatMap { set in info.exact.map { set.union($0) } }
                    required = required.flatMap { set in (info.best ?? info.exact).map { set.union($0) } }
                }
                if let set = exact, set.count > RequiredLiterals.maximumSetSize { exact = nil }
                if let set = required, set.count > RequiredLiterals.maximumSetSize { required = nil }
                return Info(exact: exact, required: required.flatMap(Info.usable))
            case .sequence(let items):
                return Self.sequenceInfo(items.map { $0.info })
            }
        }

        /// Concatenation: runs of exactly-known items combine into longer literals (a cross product,
        /// bounded); the best of those and of each item's own requirement is the sequence's requirement.
        private static func sequenceInfo(_ infos: [Info]) -> Info {
            var best: Set<[UInt8]>?
            var all: [Set<[UInt8]>] = []
            var run: Set<[UInt8]>? = [[]]
            var allExact = true
            func finishRun() {
                guard let set = run.flatMap(Info.usable) else { return }
                best = Info.better(best, set)
                all.append(set)
            }
            for info in infos {
                best = Info.better(best, info.required.flatMap(Info.usable))
                all += info.conjunction
                if let exact = info.exact, let current = run, let product = product(current, exact) {
                    run = product
                } else {
                    finishRun()
                    run = info.exact ?? [[]]
                    allExact = false
                }
            }
            finishRun()
            return Info(exact: allExact ? run : nil, required: best, all: all)
        }

        /// Every string of `left` followed by every string of `right`; nil when the set would grow too
        /// large or a string too long to be worth extending.
        private static func product(_ left: Set<[UInt8]>, _ right: Set<[UInt8]>) -> Set<[UInt8]>? {
            guard left.count * right.count <= RequiredLiterals.maximumSetSize else { return nil }
            var result = Set<[UInt8]>()
            for a in left {
                guard a.count < RequiredLiterals.maximumLiteralLength else { return nil }
                for b in right { result.insert(a + b) }
            }
            return result
        }
    }

    /// A recursive-descent reader of the PCRE2 syntax that matters for literals.
    struct Parser {
        let source: [Unicode.Scalar]
        let caseless: Bool
        private(set) var index = 0
        private(set) var failed = false
        private var isExtended: Bool
        /// Whether `^` reads as the line break before a line (see ``RequiredLiterals/extract(pattern:flags:)``).
        let caretIsLineStart: Bool

        init(source: [Unicode.Scalar], caseless: Bool, extended: Bool, caretIsLineStart: Bool) {
            self.source = source
            self.caseless = caseless
            self.isExtended = extended
            self.caretIsLineStart = caretIsLineStart
        }

        var atEnd: Bool { index >= source.count }

        mutating func parseAlternation() -> Node? {
            var branches: [Node] = []
            repeat {
                guard let branch = parseSequence() else { return nil }
                branches.append(branch)
            } while consume("|")
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func parseSequence() -> Node? {
            var items: [Node] = []
            // Runs of plain characters are gathered into one literal without building a node per
            // character, which keeps the analysis cheap: it runs for every rule at start-up.
            var run: [UInt8] = []
            while !atEnd, !failed {
                skipExtendedSpace()
                guard let next = peek(), next != "|", next != ")" else { break }
                if let bytes = plainCharacter(next) {
                    run += bytes
                    index += 1
                    continue
                }
                if !run.isEmpty {
                    items.append(.literal(run))
                    run.removeAll(keepingCapacity: true)
                }
                guard let atom = parseAtom() else { return nil }
                items.append(parseQuantifier(on: atom))
            }
            if !run.isEmpty { items.append(.literal(run)) }
            return failed ? nil : .sequence(items)
        }

        static func isMeta(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "{": true
            default: false
            }
        }

        static func startsQuantifier(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "*", "+", "?", "{": true
            default: false
            }
        }

        /// The literal bytes of `scalar` when it is an ordinary character that no quantifier follows.
        private func plainCharacter(_ scalar: Unicode.Scalar) -> [UInt8]? {
            // In extended mode white space may stand between a character and its quantifier.
            guard !isExtended, !Self.isMeta(scalar) else { return nil }
            if index + 1 < source.count, Self.startsQuantifier(source[index + 1]) { return nil }
            return literalBytes(scalar)
        }

        private mutating func parseQuantifier(on atom: Node) -> Node {
            skipExtendedSpace()
            guard let next = peek() else { return atom }
            var minimum: Int
            var maximum: Int?
            switch next {
            case "*": minimum = 0; maximum = nil; index += 1
            case "+": minimum = 1; maximum = nil; index += 1
            case "?": minimum = 0; maximum = 1; index += 1
            case "{":
                guard let bounds = parseBraces() else { return atom }
                (minimum, maximum) = bounds
            default: return atom
            }
            if peek() == "?" || peek() == "+" { index += 1 }
            return .repetition(atom, minimum: minimum, maximum: maximum)
        }

        /// `{n}`, `{n,}`, `{n,m}`; anything else is a literal brace, left unread.
        private mutating func parseBraces() -> (Int, Int?)? {
            var cursor = index + 1
            func number() -> Int? {
                var value: Int?
                while cursor < source.count, let digit = Int(String(source[cursor])), source[cursor].isASCII {
                    value = (value ?? 0) * 10 + digit
                    cursor += 1
                }
                return value
            }
            guard let minimum = number() else { return nil }
            var maximum: Int? = minimum
            if cursor < source.count, source[cursor] == "," {
                cursor += 1
                maximum = number()
            }
            guard cursor < source.count, source[cursor] == "}" else { return nil }
            index = cursor + 1
            return (minimum, maximum)
        }

        private mutating func parseAtom() -> Node? {
            guard let scalar = next() else { return nil }
            switch scalar {
            case "(": return parseGroup()
            case "[": return parseClass()
            case "\\": return parseEscape()
            case ".": return .any
            case "^": return caretIsLineStart ? .literal([UInt8(ascii: "\n")]) : .assertion
            case "$": return .assertion
            default: return literal(scalar)
            }
        }

        private mutating func parseGroup() -> Node? {
            if consume("*") { return fail() }  // verbs such as (*ACCEPT) change what a match needs
            guard consume("?") else { return closeGroup(parseAlternation()) }
            guard let kind = next() else { return fail() }
            switch kind {
            case ":", ">", "|": return closeGroup(parseAlternation())
            case "=": return closeGroup(parseAlternation()).map { .lookaround($0) }
            case "!": return closeGroup(parseAlternation()).map { _ in .assertion }
            case "<":
                if consume("=") { return closeGroup(parseAlternation()).map { .lookaround($0) } }
                if consume("!") { return closeGroup(parseAlternation()).map { _ in .assertion } }
                return skipName(until: ">") ? closeGroup(parseAlternation()) : fail()
            case "'": return skipName(until: "'") ? closeGroup(parseAlternation()) : fail()
            case "P":
                guard consume("<"), skipName(until: ">") else { return fail() }
                return closeGroup(parseAlternation())
            case "#":
                while let scalar = next(), scalar != ")" {}
                return .assertion
            default:
                index -= 1
                return parseOptionSetting()
            }
        }

        /// `(?i)`, `(?i:…)`, `(?-s)`. Anything else here (recursion, subroutine calls, conditionals,
        /// callouts) gives up. `x` changes parsing itself and is understood only at the very start.
        private mutating func parseOptionSetting() -> Node? {
            let start = index - 2
            var turnsOnExtended = false
            while let scalar = peek(), "imnsxJU-^".unicodeScalars.contains(scalar) {
                if scalar == "x" { turnsOnExtended = true }
                index += 1
            }
            if turnsOnExtended {
                guard start == 0, peek() == ")" else { return fail() }
                isExtended = true
            }
            if consume(")") { return .assertion }
            if consume(":") { return closeGroup(parseAlternation()) }
            return fail()
        }

        private mutating func closeGroup(_ node: Node?) -> Node? {
            guard let node, consume(")") else { return fail() }
            return node
        }

        private mutating func skipName(until terminator: Unicode.Scalar) -> Bool {
            while let scalar = next() {
                if scalar == terminator { return true }
                guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" else {
                    return false
                }
            }
            return false
        }

        /// A class of a few ASCII characters (after folding) is a set of literals; anything else is `any`.
        private mutating func parseClass() -> Node? {
            var members = Set<[UInt8]>()
            var understood = true
            if consume("^") { understood = false }
            var first = true
            while let scalar = next() {
                if scalar == "]", !first { break }
                first = false
                var member: Unicode.Scalar? = scalar
                if scalar == "\\" {
                    guard let escaped = next() else { return fail() }
                    member = Self.literalEscape(escaped)
                    if member == nil { understood = false }
                } else if scalar == "[", peek() == ":" {
                    while let inner = next(), inner != "]" {}
                    understood = false
                    member = nil
                }
                if peek() == "-", index + 1 < source.count, source[index + 1] != "]" {
                    index += 1
                    guard let upper = next() else { return fail() }
                    if upper == "\\" { _ = next() }
                    understood = false
                    continue
                }
                if let member {
                    if let bytes = literalBytes(member) { members.insert(bytes) } else { understood = false }
                }
            }
            guard understood, !members.isEmpty, members.count <= 4 else { return .any }
            return .alternation(members.map { .literal($0) })
        }

        private mutating func parseEscape() -> Node? {
            guard let scalar = next() else { return fail() }
            switch scalar {
            case "Q":
                var bytes: [Node] = []
                while let inner = next() {
                    if inner == "\\", peek() == "E" {
                        index += 1
                        break
                    }
                    bytes.append(literal(inner))
                }
                return .sequence(bytes)
            case "E": return .assertion
            case "b", "B", "A", "z", "Z", "G": return .assertion
            case "K": return .any  // resets the match start: the text before it is no longer "exact"
            case "x":
                guard let value = parseHexEscape(), let decoded = Unicode.Scalar(value) else { return .any }
                return literal(decoded)
            case "1"..."9":
                // A back-reference (or an octal escape): text we cannot know, but no obstacle.
                while let digit = peek(), ("0"..."9").contains(digit) { index += 1 }
                return .any
            case "g", "k":
                if let open = peek(), "{<'".unicodeScalars.contains(open) {
                    let close: Unicode.Scalar = open == "{" ? "}" : open == "<" ? ">" : "'"
                    index += 1
                    while let inner = next(), inner != close {}
                } else {
                    if peek() == "-" || peek() == "+" { index += 1 }
                    while let digit = peek(), ("0"..."9").contains(digit) { index += 1 }
                }
                return .any
            case "p", "P":
                if consume("{") { while let inner = next(), inner != "}" {} } else { _ = next() }
                return .any
            case "c", "o", "0", "N", "X", "C", "R", "d", "D", "w", "W", "s", "S", "h", "H", "v", "V":
                if scalar == "o" || scalar == "N", consume("{") { while let inner = next(), inner != "}" {} }
                if scalar == "c" { _ = next() }
                if scalar == "0" {
                    for _ in 0..<2 where peek().map({ ("0"..."7").contains($0) }) == true { index += 1 }
                }
                return .any
            default:
                guard let literalScalar = Self.literalEscape(scalar) else { return .any }
                return literal(literalScalar)
            }
        }

        private mutating func parseHexEscape() -> UInt32? {
            if consume("{") {
                var digits = ""
                while let scalar = next(), scalar != "}" { digits.unicodeScalars.append(scalar) }
                return UInt32(digits, radix: 16)
            }
            var digits = ""
            while digits.count < 2, let scalar = peek(), scalar.properties.isASCIIHexDigit {
                digits.unicodeScalars.append(scalar)
                index += 1
            }
            return UInt32(digits, radix: 16)
        }

        /// The character an escape such as `\.` or `\t` stands for, or nil for class escapes.
        static func literalEscape(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
            switch scalar {
            case "t": "\t"
            case "n": "\n"
            case "r": "\r"
            case "f": "\u{0C}"
            case "e": "\u{1B}"
            case "a": "\u{07}"
            default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? nil : scalar
            }
        }

        private func literal(_ scalar: Unicode.Scalar) -> Node {
            literalBytes(scalar).map { .literal($0) } ?? .any
        }

        /// The folded UTF-8 bytes a scalar contributes to a literal, or nil when it cannot be part of one:
        /// line breaks (literals never span lines), and under caseless matching the letters whose other
        /// cases ASCII folding cannot find.
        private func literalBytes(_ scalar: Unicode.Scalar) -> [UInt8]? {
            if scalar == "\n" || scalar == "\r" { return nil }
            if scalar.isASCII { return [RequiredLiterals.fold(UInt8(scalar.value))] }
            if caseless, scalar.properties.isCased { return nil }
            return Array(String(scalar).utf8)
        }

        private mutating func skipExtendedSpace() {
            guard isExtended else { return }
            while let scalar = peek() {
                if scalar.properties.isWhitespace {
                    index += 1
                } else if scalar == "#" {
                    while let inner = next(), inner != "\n" {}
                } else {
                    return
                }
            }
        }

        private func peek() -> Unicode.Scalar? { index < source.count ? source[index] : nil }

        private mutating func next() -> Unicode.Scalar? {
            guard index < source.count else { return nil }
            defer { index += 1 }
            return source[index]
        }

        private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
            guard peek() == scalar else { return false }
            index += 1
            return true
        }

        private mutating func fail() -> Node? {
            failed = true
            return nil
        }
    }
}
