import Foundation
import Yams

/// The languages a site can be written in: Dutch (the default) and English.
public enum Language: String, Sendable, CaseIterable {
    case nl, en

    /// The built-in interface texts of this language (`Strings/<language>.yml`, embedded).
    var strings: Strings {
        switch self {
        case .nl: Strings.dutch
        case .en: Strings.english
        }
    }

    /// A catalogue text in this language: the English one on an English site when there is one.
    func choose(_ dutch: String, _ english: String?) -> String {
        self == .en ? english ?? dutch : dutch
    }
}

/// The interface texts of a portfolio's language, for what shows them outside its site (the live
/// preview's own pages).
public struct InterfaceTexts: Sendable {
    let strings: Strings
    public let language: Language

    init(_ strings: Strings, language: Language) {
        (self.strings, self.language) = (strings, language)
    }

    /// The built-in texts of `language`.
    public init(language: Language) {
        self.init(language.strings, language: language)
    }

    public subscript(key: String) -> String { strings[key] }

    public func format(_ key: String, _ values: [String: String]) -> String { strings.format(key, values) }

    public func plural(_ key: String, _ count: Int) -> String { strings.plural(key, count) }
}

/// The interface texts of one language: plain texts (`{{t.key}}` in templates) and texts with a
/// form per number. `{name}` in a text is filled in by normfolio.
///
/// The built-in tables are data files (`Strings/nl.yml`, `Strings/en.yml`), embedded like the
/// theme; a portfolio's own `Strings/<language>.yml` changes any of their texts.
struct Strings: Sendable {
    /// A text with a form for one and for any other number.
    struct Plural: Sendable, Equatable {
        var one: String
        var other: String
    }

    private(set) var texts: [String: String] = [:]
    private(set) var plurals: [String: Plural] = [:]
    /// `months` and `date_format`, taken apart once: every page has dates.
    private(set) var months: [String] = []
    private var datePattern: [(literal: String, field: String?)] = []

    /// A plain text; the key itself when the table lacks it (a test keeps both tables complete).
    subscript(key: String) -> String { texts[key] ?? key }

    /// A plain text, or `fallback` when the table lacks it.
    subscript(key: String, default fallback: String) -> String { texts[key] ?? fallback }

    /// A text with its `{name}` placeholders filled in.
    func format(_ key: String, _ values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    /// Both forms of a plural text, as written (the search page's script fills in `{n}` itself).
    func forms(_ key: String) -> Plural { plurals[key] ?? Plural(one: key, other: key) }

    /// The form of a plural text for `count`, with `{n}` and the other placeholders filled in.
    func plural(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        guard let plural = plurals[key] else { return key }
        var values = values
        values["n"] = String(count)
        return Self.fill(count == 1 ? plural.one : plural.other, values)
    }

    // MARK: Dates and numbers

    /// "14 maart 2026" or "14 March 2026".
    func format(_ day: Day) -> String {
        let month = day.month >= 1 && day.month <= months.count ? months[day.month - 1] : String(day.month)
        var text = ""
        for (literal, field) in datePattern {
            text += literal
            switch field {
            case "day": text += String(day.day)
            case "month": text += month
            case "year": text += String(day.year)
            case let other?: text += "{\(other)}"
            case nil: break
            }
        }
        return text
    }

    /// A number with one decimal ("2,7" / "2.7"); a dash for none.
    func decimal(_ value: Double?) -> String {
        guard let value else { return "–" }
        let text = String(format: "%.1f", (value * 10).rounded() / 10)
        return text.replacingOccurrences(of: ".", with: self["decimal_separator"])
    }

    // MARK: Reading

    /// The built-in tables, each read the first time it is needed (a test keeps them free of
    /// problems).
    fileprivate static let dutch = builtIn(.nl)
    fileprivate static let english = builtIn(.en)

    private static func builtIn(_ language: Language) -> Strings {
        let text = Theme.builtInText("Strings/\(language.rawValue).yml") ?? ""
        var ignored: [Diagnostic] = []
        return Strings().merging(text, path: "<built-in>/Strings/\(language.rawValue).yml", known: nil, diagnostics: &ignored)
    }

    /// These texts with those of a strings file merged in. With `known`, a key outside it is a
    /// warning (a portfolio can only change texts the theme has), and so is a plain text where
    /// the table has forms per number, or the other way round.
    func merging(_ text: String, path: String, known: Strings?, diagnostics: inout [Diagnostic]) -> Strings {
        var merged = self
        guard let fields = YAMLFields.parse(text, path: path, lineOffset: 0, diagnostics: &diagnostics) else { return merged }
        for entry in fields.entries {
            let location = fields.location(of: entry.keyNode)
            switch entry.value.kind {
            case .scalar(let scalar):
                if let known, known.texts[entry.key] == nil {
                    diagnostics.append(
                        .unknownString(
                            entry.key, suggestion: Suggestion.closest(to: entry.key, in: Array(known.texts.keys)),
                            at: location))
                    continue
                }
                merged.texts[entry.key] = scalar.string
            case .mapping(let mapping):
                let forms = Dictionary(
                    mapping.compactMap { key, value in key.scalar.map { ($0.string, value.scalar?.string ?? "") } },
                    uniquingKeysWith: { first, _ in first })
                guard let one = forms["one"], let other = forms["other"], forms.count == 2 else {
                    diagnostics.append(.invalidString(entry.key, at: location))
                    continue
                }
                if let known, known.plurals[entry.key] == nil {
                    diagnostics.append(
                        .unknownString(
                            entry.key, suggestion: Suggestion.closest(to: entry.key, in: Array(known.plurals.keys)),
                            at: location))
                    continue
                }
                merged.plurals[entry.key] = Plural(one: one, other: other)
            default:
                diagnostics.append(.invalidString(entry.key, at: location))
            }
        }
        merged.months = merged["months"].split(separator: " ").map(String.init)
        merged.datePattern = Self.pattern(merged["date_format"])
        return merged
    }

    /// A text cut into literal pieces, each followed by the `{name}` after it (if any).
    private static func pattern(_ text: String) -> [(literal: String, field: String?)] {
        var pieces: [(String, String?)] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pieces.append((String(rest[..<open]), String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append((String(rest), nil))
        return pieces
    }

    private static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { result += value } else { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
