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

    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"

    private var entries: [String: Entry] = [:]
    /// False when the theme uses transforms, or the render engine's tricks are off: then every
    /// page is rendered normally.
    private let enabled: Bool

    init(theme: Theme, enabled: Bool = true) {
        self.enabled = enabled && !theme.usesTransforms
    }

    /// What Mustache renders for `view` with `constants` (values the same on every page, which
    /// are not part of a shape), without the cache.
    static func plain(_ template: String, _ view: TemplateValue, constants: [String: Any], theme: Theme) -> String {
        var context = view.mustache as? [String: Any] ?? [:]
        context.merge(constants) { own, _ in own }
        return theme.render(template, context) ?? ""
    }

    /// The page `template` renders for `view` and `constants`, as `plain` would give it.
    mutating func render(_ template: String, _ view: TemplateValue, constants: [String: Any], theme: Theme) -> String {
        guard enabled else { return Self.plain(template, view, constants: constants, theme: theme) }
        var key = template + "|"
        var values: [String] = []
        Self.describe(view, key: &key, values: &values)
        switch entries[key] {
        case .splice(let segments):
            return Self.splice(segments, values)
        case .plain:
            return Self.plain(template, view, constants: constants, theme: theme)
        case nil:
            let plain = Self.plain(template, view, constants: constants, theme: theme)
            var counter = 0
            let shaped = Self.plain(template, Self.placeholders(view, counter: &counter), constants: constants, theme: theme)
            if let segments = Self.segments(of: shaped, valueCount: values.count), Self.splice(segments, values) == plain {
                entries[key] = .splice(segments)
            } else {
                entries[key] = .plain
            }
            return plain
        }
    }

    /// Appends the shape of `value` to `key` and its texts to `values`, in a fixed order.
    private static func describe(_ value: TemplateValue, key: inout String, values: inout [String]) {
        switch value {
        case .text(let text):
            key += "s"
            values.append(text)
        case .number(let number):
            key += "s"
            values.append(String(number))
        case .flag(let flag):
            key += flag ? "T" : "F"
        case .absent:
            key += "_"
        case .list(let items):
            key += "[\(items.count)"
            for item in items { describe(item, key: &key, values: &values) }
            key += "]"
        case .object(let members):
            key += "{"
            for (name, item) in members.sorted(by: { $0.key < $1.key }) {
                key += name + ":"
                describe(item, key: &key, values: &values)
            }
            key += "}"
        }
    }

    /// `value` with every text replaced by a numbered placeholder, in the order `describe` uses.
    private static func placeholders(_ value: TemplateValue, counter: inout Int) -> TemplateValue {
        switch value {
        case .text, .number:
            defer { counter += 1 }
            return .text("\(open)\(counter)&\(close)")
        case .list(let items):
            return .list(items.map { placeholders($0, counter: &counter) })
        case .object(let members):
            var result = members
            for (name, item) in members.sorted(by: { $0.key < $1.key }) {
                result[name] = placeholders(item, counter: &counter)
            }
            return .object(result)
        case .flag, .absent:
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
