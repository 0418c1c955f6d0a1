import Foundation
import Yams

/// A YAML mapping read field by field, with every problem reported at the key or value it concerns.
///
/// Values are read as the author wrote them (no implicit typing: `title: 2026` is the text "2026"),
/// so dates and numbers are checked by normfolio with located errors, never guessed.
struct YAMLFields {
    let path: String
    /// Lines in the file before the YAML text starts (1 for front matter after `---`).
    let lineOffset: Int
    private(set) var entries: [(key: String, keyNode: FieldNode, value: FieldNode)] = []
    /// Key → position in `entries`.
    private var index: [String: Int] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// Keys the reader did not know, when collected rather than reported (see `collectUnknownKeys`).
    private(set) var unknownKeys: [UnknownKey] = []
    /// The mapping's own place, for "missing field" errors.
    let location: SourceLocation

    /// Parses YAML text into a mapping. Returns nil (with diagnostics) when the text is not a mapping.
    static func parse(_ text: String, path: String, lineOffset: Int, diagnostics: inout [Diagnostic]) -> YAMLFields? {
        let root: Node?
        do {
            // An explicit encoding: Yams's default reads the process environment on every parse.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            diagnostics.append(yamlDiagnostic(error, path: path, lineOffset: lineOffset))
            return nil
        }
        let start = SourceLocation(path: path, line: lineOffset + 1, column: 1)
        guard let root else { return YAMLFields(path: path, lineOffset: lineOffset, location: start) }
        // No text holds more values than bytes: beyond that, only aliases can have made them.
        var budget = text.utf8.count + Limits.aliasedYAMLValues
        guard let node = FieldNode(root, path: path, lineOffset: lineOffset, budget: &budget) else {
            diagnostics.append(
                .yamlSyntax(
                    "its aliases (*name) repeat more than \(Limits.aliasedYAMLValues) values; write the values out instead",
                    nl: "de aliassen (*naam) herhalen meer dan \(Limits.aliasedYAMLValues) waarden; schrijf de waarden uit",
                    at: start))
            return nil
        }
        return fields(of: node, path: path, lineOffset: lineOffset, diagnostics: &diagnostics)
    }

    /// The mapping `root` as fields (nil, with an error, when it is not a mapping; empty for null).
    static func fields(of root: FieldNode, path: String, lineOffset: Int, diagnostics: inout [Diagnostic]) -> YAMLFields? {
        let start = SourceLocation(path: path, line: lineOffset + 1, column: 1)
        guard root.mapping != nil else {
            if let scalar = root.scalar, isNull(scalar) {
                return YAMLFields(path: path, lineOffset: lineOffset, location: start)
            }
            diagnostics.append(.notAMapping(at: root.location))
            return nil
        }
        var fields = YAMLFields(path: path, lineOffset: lineOffset, location: start)
        fields.addAll(root)
        return fields
    }

    init(path: String, lineOffset: Int, location: SourceLocation) {
        self.path = path
        self.lineOffset = lineOffset
        self.location = location
    }

    /// A nested mapping (for example one action in a list), sharing this file's positions.
    init?(node: FieldNode, parent: YAMLFields, diagnostics: inout [Diagnostic]) {
        guard node.mapping != nil else {
            diagnostics.append(.notAMapping(at: node.location))
            return nil
        }
        self.init(path: parent.path, lineOffset: parent.lineOffset, location: node.location)
        addAll(node)
    }

    /// The members of a mapping node; a key that is not text, or repeated, is an error.
    private mutating func addAll(_ node: FieldNode) {
        let mapping = node.mapping ?? []
        entries.reserveCapacity(mapping.count)
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(.invalidKey(at: keyNode.location))
                continue
            }
            if !seen.insert(key).inserted {
                diagnostics.append(.duplicateKey(key, at: keyNode.location))
                continue
            }
            index[key] = entries.count
            entries.append((key, keyNode, value))
        }
    }

    // MARK: Positions

    func location(of node: FieldNode) -> SourceLocation { node.location }

    /// Where a key is written, or the mapping itself when the key is absent.
    func location(ofKey key: String) -> SourceLocation {
        index[key].map { location(of: entries[$0].keyNode) } ?? location
    }

    /// Where a key's value is written, or the mapping itself when the key is absent.
    func location(ofValue key: String) -> SourceLocation {
        index[key].map { location(of: entries[$0].value) } ?? location
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    /// Whether a key is written without a value (`owner:`), or with only spaces or null.
    func isBlank(_ key: String) -> Bool {
        guard let position = index[key], let scalar = entries[position].value.scalar else { return false }
        return Self.isNull(scalar) || scalar.string.trimmed.isEmpty
    }

    func node(_ key: String) -> FieldNode? {
        guard let position = index[key] else { return nil }
        let value = entries[position].value
        if let scalar = value.scalar, Self.isNull(scalar) { return nil }
        return value
    }

    static func isNull(_ scalar: FieldNode.Scalar) -> Bool {
        guard scalar.plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    // MARK: Typed values

    /// A text value of at most `limit` characters; a list or mapping, or a longer text, is an error.
    mutating func string(_ key: String, limit: Int = Limits.valueCharacters) -> String? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar else {
            diagnostics.append(.expectedText(key, at: location(of: value)))
            return nil
        }
        let text = scalar.string.trimmed
        if text.utf8.count > limit, case let length = text.unicodeScalars.count, length > limit {
            diagnostics.append(.valueTooLong(key, length: length, limit: limit, at: location(of: value)))
            return nil
        }
        return text.isEmpty ? nil : text
    }

    /// A text value that must be present and non-empty.
    mutating func requiredString(_ key: String, limit: Int = Limits.valueCharacters) -> String? {
        if let text = string(key, limit: limit) { return text }
        // Absent, null or blank is missing; a list, a mapping or an over-long text had its own error.
        let value = node(key)
        if value == nil || value?.scalar?.string.trimmed.isEmpty == true {
            diagnostics.append(.missingField(key, at: value != nil ? location(ofKey: key) : location))
        }
        return nil
    }

    /// The `classification` of a document, page or assessment; `fallback` when it has none.
    mutating func classification(default fallback: Classification) -> Classification {
        guard let name = string("classification") else { return fallback }
        if let known = Classification(name: name) { return known }
        report(
            .unknownValue(
                "classification", name, allowed: Array(Classification.allNames.prefix(4)),
                suggestion: Suggestion.closest(to: name, in: Classification.allNames), severity: .error,
                code: "unknown-classification", at: location(ofValue: "classification")))
        return fallback
    }

    /// A whole number within `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>, code: String = "invalid-value") -> Int? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar?.string, let number = Int(text.trimmed) else {
            diagnostics.append(.expectedNumber(key, range: range, at: location(of: value)))
            return nil
        }
        guard range.contains(number) else {
            diagnostics.append(.numberOutOfRange(key, number, range: range, code: code, at: location(of: value)))
            return nil
        }
        return number
    }

    /// A calendar date written as YYYY-MM-DD.
    mutating func day(_ key: String) -> Day? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar?.string, let day = Day(text.trimmed) else {
            diagnostics.append(.invalidDate(key, value.scalar?.string, at: location(of: value)))
            return nil
        }
        return day
    }

    /// true/false (also yes/no, ja/nee).
    mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        switch value.scalar?.string.lowercased() {
        case "true", "yes", "ja", "on": return true
        case "false", "no", "nee", "off": return false
        default:
            diagnostics.append(.expectedBool(key, at: location(of: value)))
            return nil
        }
    }

    /// A list of texts with their places; a single text counts as a list of one.
    mutating func stringList(_ key: String) -> [(text: String, location: SourceLocation)]? {
        guard let value = node(key) else { return nil }
        if let scalar = value.scalar {
            // Allow the forgiving "norms: GO.02, SM.02" form.
            let base = location(of: value)
            var items: [(String, SourceLocation)] = []
            var offset = 0
            guard scalar.string.utf8.count <= Limits.valueCharacters else {
                diagnostics.append(
                    .valueTooLong(
                        key, length: scalar.string.unicodeScalars.count, limit: Limits.valueCharacters,
                        at: base))
                return nil
            }
            for part in scalar.string.split(separator: ",", omittingEmptySubsequences: false) {
                let leading = part.prefix { $0 == " " }.count
                let text = part.trimmed
                if !text.isEmpty {
                    let quote = scalar.plain ? 0 : 1
                    items.append(
                        (
                            text,
                            scalar.itemsHaveColumns
                                ? SourceLocation(path: path, line: base.line, column: base.column + quote + offset + leading) : base
                        ))
                }
                offset += part.count + 1
            }
            return items
        }
        guard let sequence = value.sequence else {
            diagnostics.append(.expectedList(key, at: location(of: value)))
            return nil
        }
        var items: [(String, SourceLocation)] = []
        for item in sequence {
            guard let text = item.scalar?.string.trimmed, !text.isEmpty else {
                diagnostics.append(.expectedText(key, at: location(of: item)))
                continue
            }
            guard text.utf8.count <= Limits.valueCharacters else {
                diagnostics.append(
                    .valueTooLong(
                        key, length: text.unicodeScalars.count, limit: Limits.valueCharacters,
                        at: location(of: item)))
                continue
            }
            items.append((text, location(of: item)))
        }
        return items
    }

    /// A list of norm IDs of the catalogue, in the order written and each once, and how many
    /// items were written; an ID the catalogue does not know is an error at its place, with the
    /// closest known ID.
    mutating func norms(_ key: String, catalog: Catalog) -> (ids: [String], written: Int)? {
        guard let items = stringList(key) else { return nil }
        var norms: [String] = []
        for item in items {
            if catalog.contains(item.text) {
                if !norms.contains(item.text) { norms.append(item.text) }
            } else {
                report(.unknownNorm(item.text, suggestion: catalog.suggestion(for: item.text), at: item.location))
            }
        }
        return (norms, items.count)
    }

    /// A list of nodes (for lists of mappings such as actions).
    mutating func list(_ key: String) -> [FieldNode]? {
        guard let value = node(key) else { return nil }
        guard let sequence = value.sequence else {
            diagnostics.append(.expectedList(key, at: location(of: value)))
            return nil
        }
        return sequence
    }

    /// Warns about keys outside `known`, suggesting the closest known key.
    mutating func warnUnknownKeys(_ known: [String]) {
        for entry in entries where !known.contains(entry.key) {
            diagnostics.append(
                .unknownKey(
                    entry.key, suggestion: Suggestion.closest(to: entry.key, in: known),
                    at: location(of: entry.keyNode)))
        }
    }

    /// Notes keys outside `known` for the whole portfolio to report (see `UnknownKey.report`).
    mutating func collectUnknownKeys(_ known: [String]) {
        for entry in entries where !known.contains(entry.key) {
            unknownKeys.append(
                UnknownKey(
                    key: entry.key, suggestion: Suggestion.closest(to: entry.key, in: known),
                    location: location(of: entry.keyNode)))
        }
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: Errors from the parser

    static func yamlDiagnostic(_ error: any Error, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        let start = SourceLocation(path: path, line: lineOffset + 1, column: 1)
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return .yamlSyntax(detail, at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .duplicateKey(duplicates.joined(separator: ", "), at: at(context.mark))
        case let .reader(problem, _, _, _):
            return .yamlSyntax(problem, at: start)
        default:
            return .yamlSyntax(String(describing: error), at: start)
        }
    }
}

/// A front-matter key a reader did not know.
struct UnknownKey: Sendable, Hashable {
    var key: String
    /// A known key it is probably a typo of.
    var suggestion: String?
    var location: SourceLocation

    /// The warnings for unknown keys in all files of a portfolio: one at each key that looks like a
    /// typo of a known one; for any other key (fields that imported documents carry, such as
    /// `layout`), one at its first place that says how many more files have it. Keys the settings
    /// accept are not reported.
    static func report(_ keys: [UnknownKey], accepted: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var others: [String: [UnknownKey]] = [:]
        for key in keys where !accepted.contains(key.key) {
            if let suggestion = key.suggestion {
                diagnostics.append(.unknownKey(key.key, suggestion: suggestion, at: key.location))
            } else {
                others[key.key, default: []].append(key)
            }
        }
        for (key, places) in others {
            let sorted = places.sorted { $0.location < $1.location }
            let files = Set(places.map(\.location.path)).count
            diagnostics.append(.unknownKey(key, elsewhere: files - 1, at: sorted[0].location))
        }
        return diagnostics
    }
}
