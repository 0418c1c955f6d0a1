/// Renders many pages of one template quickly.
///
/// Pages whose contexts have the same *shape* (the same keys, the same true/false values, lists of
/// the same lengths, absent values in the same places) produce the same HTML except for their
/// text. So the template is rendered once per shape with numbered placeholders for the text, and
/// every page of that shape is spliced from the result, its text escaped where Mustache escaped
/// it. The first page of each shape is also rendered normally and compared: a template whose
/// output depends on text in other ways (a lambda or a transform such as `uppercased`) is simply
/// rendered normally for that shape from then on.
///
/// One cache belongs to one rendering thread.
struct ShapeCache {
    private enum Entry {
        case splice([Segment])
        case plain
    }

    /// A piece of shaped output: literal HTML, then optionally a text value, escaped or not.
    private struct Segment {
        var html: String
        var value: Int?
        var escaped: Bool
    }

    /// Context keys that are the same for every page of a build; they are not part of a shape.
    private static let constantKeys: Set<String> = ["t", "site"]
    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"

    private var entries: [String: Entry] = [:]
    /// False when the theme uses transforms: then every page is rendered normally.
    private let enabled: Bool

    init(theme: Theme) {
        enabled = !theme.usesTransforms
    }

    /// The page `template` renders for `view`, as `theme.render` would give it.
    mutating func render(_ template: String, _ view: View, theme: Theme) -> String {
        var key = template + "|"
        var values: [String] = []
        guard enabled, Self.describe(view, key: &key, values: &values) else { return theme.render(template, view) ?? "" }
        switch entries[key] {
        case .splice(let segments):
            return Self.splice(segments, values)
        case .plain:
            return theme.render(template, view) ?? ""
        case nil:
            let plain = theme.render(template, view) ?? ""
            var counter = 0
            let shaped = theme.render(template, Self.placeholders(view, counter: &counter) as? View ?? [:]) ?? ""
            if let segments = Self.segments(of: shaped, valueCount: values.count), Self.splice(segments, values) == plain {
                entries[key] = .splice(segments)
            } else {
                entries[key] = .plain
            }
            return plain
        }
    }

    /// Appends the shape of `value` to `key` and its texts to `values`, in a fixed order; false
    /// when the value holds something whose rendering this cache cannot predict.
    private static func describe(_ value: Any, key: inout String, values: inout [String]) -> Bool {
        switch value {
        case let text as String:
            key += "s"
            values.append(text)
        case let number as Int:
            key += "s"
            values.append(String(number))
        case let flag as Bool:
            key += flag ? "T" : "F"
        case is Absent:
            key += "_"
        case let list as [View]:
            key += "[\(list.count)"
            for item in list where !describe(item, key: &key, values: &values) { return false }
            key += "]"
        case let dictionary as View:
            key += "{"
            for (name, item) in dictionary.sorted(by: { $0.key < $1.key }) where !constantKeys.contains(name) {
                key += name + ":"
                if !describe(item, key: &key, values: &values) { return false }
            }
            key += "}"
        default:
            return false
        }
        return true
    }

    /// `value` with every text replaced by a numbered placeholder, in the order `describe` uses.
    private static func placeholders(_ value: Any, counter: inout Int) -> Any {
        switch value {
        case is String, is Int:
            defer { counter += 1 }
            return "\(open)\(counter)&\(close)"
        case let list as [View]:
            return list.map { placeholders($0, counter: &counter) as? View ?? [:] }
        case let dictionary as View:
            var result = dictionary
            for (name, item) in dictionary.sorted(by: { $0.key < $1.key }) where !constantKeys.contains(name) {
                result[name] = placeholders(item, counter: &counter)
            }
            return result
        default:
            return value
        }
    }

    /// Cuts shaped output at its placeholders: `\u{E000}N&\u{E001}` where the text went in as is,
    /// `\u{E000}N&amp;\u{E001}` where it was escaped. Nil when a placeholder was changed.
    private static func segments(of shaped: String, valueCount: Int) -> [Segment]? {
        var segments: [Segment] = []
        var rest = Substring(shaped)
        while let start = rest.firstIndex(of: open) {
            let html = String(rest[..<start])
            let afterOpen = rest[rest.index(after: start)...]
            let digits = afterOpen.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits), number < valueCount else { return nil }
            let tail = afterOpen[digits.endIndex...]
            let raw = "&\(close)", escapedForm = "&amp;\(close)"
            let escaped: Bool
            if tail.hasPrefix(raw) {
                escaped = false
                rest = tail.dropFirst(raw.count)
            } else if tail.hasPrefix(escapedForm) {
                escaped = true
                rest = tail.dropFirst(escapedForm.count)
            } else {
                return nil
            }
            segments.append(Segment(html: html, value: number, escaped: escaped))
        }
        if rest.contains(close) { return nil }
        segments.append(Segment(html: String(rest), value: nil, escaped: false))
        return segments
    }

    private static func splice(_ segments: [Segment], _ values: [String]) -> String {
        var html = ""
        for segment in segments {
            html += segment.html
            if let value = segment.value {
                html += segment.escaped ? values[value].htmlEscaped : values[value]
            }
        }
        return html
    }
}
