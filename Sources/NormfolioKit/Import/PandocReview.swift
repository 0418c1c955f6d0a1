import Foundation

/// What to do with a Word file's pending tracked changes: nothing is decided unless the importer
/// says so (`--accept-changes`, `--reject-changes`).
public enum TrackedChangesChoice: String, Sendable {
    case accept, reject
}

/// Changes to the document tree pandoc reads with `--track-changes=all`, where insertions,
/// deletions, comments and bookmarks are spans: each change accepted or rejected as the importer
/// chose, each comment replaced by a marker (to find its line in the Markdown) and its text kept
/// aside, each bookmark made an anchor links can lead to.
struct PandocReview {
    let choice: TrackedChangesChoice
    /// The text of each comment, in order of appearance (never its author).
    private(set) var comments: [[Any]] = []
    /// The names of the bookmarks made anchors.
    private(set) var anchors: [String] = []
    /// Comments begun and not yet ended, by their id in the file.
    private var commentIndex: [String: Int] = [:]

    init(choice: TrackedChangesChoice) { self.choice = choice }

    /// The marker that stands where comment `index` (0-based) was, until the Markdown is written.
    static func marker(_ index: Int) -> String { "\u{E000}opmerking-\(index + 1)\u{E001}" }

    /// The marker where comment `index` begins: its place when the file never ends it.
    static func startMarker(_ index: Int) -> String { "\u{E002}opmerking-\(index + 1)\u{E003}" }

    mutating func apply(_ value: Any) -> Any {
        if let list = value as? [Any] {
            return list.flatMap { item -> [Any] in
                guard let node = item as? [String: Any], node["t"] as? String == "Span",
                    let content = node["c"] as? [Any], content.count == 2,
                    let attributes = content[0] as? [Any], attributes.count == 3
                else {
                    return [apply(item)].filter { !Self.isEmptyParagraph($0) }
                }
                let id = attributes[0] as? String ?? ""
                let classes = attributes[1] as? [String] ?? []
                let inner = content[1] as? [Any] ?? []
                if classes.contains("insertion") { return choice == .accept ? (apply(inner) as? [Any] ?? []) : [] }
                if classes.contains("deletion") { return choice == .reject ? (apply(inner) as? [Any] ?? []) : [] }
                if classes.contains("paragraph-insertion") || classes.contains("paragraph-deletion") { return [] }
                // A comment is noted where the text it is about ends, as a footnote would be.
                let commentID = (attributes[2] as? [Any])?.compactMap { $0 as? [String] }.first { $0.first == "id" }?.last ?? ""
                if classes.contains("comment-start") {
                    comments.append(inner)
                    commentIndex[commentID] = comments.count - 1
                    return [["t": "Str", "c": Self.startMarker(comments.count - 1)] as [String: Any]]
                }
                if classes.contains("comment-end") {
                    guard let index = commentIndex.removeValue(forKey: commentID) else { return [] }
                    return [["t": "Str", "c": Self.marker(index)] as [String: Any]]
                }
                if classes.contains("anchor"), !id.isEmpty {
                    anchors.append(id)
                    let escaped = HTMLSanitizer.escaped(id)
                    return [["t": "RawInline", "c": ["html", "<a id=\"\(escaped)\"></a>"]] as [String: Any]]
                }
                return [apply(item)]
            }
        }
        guard var node = value as? [String: Any] else { return value }
        if let content = node["c"] { node["c"] = apply(content) }
        return node
    }

    /// A paragraph left without text by a deletion accepted or an insertion rejected.
    private static func isEmptyParagraph(_ value: Any) -> Bool {
        guard let node = value as? [String: Any], ["Para", "Plain"].contains(node["t"] as? String) else { return false }
        return (node["c"] as? [Any])?.allSatisfy { ($0 as? [String: Any])?["t"] as? String == "Space" } ?? false
    }

    /// The lines (1-based, in `markdown`) where each comment was, and the Markdown without the
    /// markers; with `footnotes`, each marker becomes a footnote reference instead.
    static func placeComments(in markdown: String, count: Int, footnotes: Bool) -> (markdown: String, lines: [Int]) {
        var text = markdown
        var lines: [Int] = []
        for index in 0..<count {
            let reference = footnotes ? "[^opmerking-\(index + 1)]" : ""
            let start = text.range(of: startMarker(index))
            if let range = text.range(of: marker(index)) {
                if let start { text.removeSubrange(start) }
                let range = text.range(of: marker(index)) ?? range
                lines.append(text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 })
                // Word ends a comment after the space that follows its words; a note goes before it.
                if range.lowerBound > text.startIndex, text[text.index(before: range.lowerBound)] == " ",
                    range.upperBound < text.endIndex, text[range.upperBound] != " "
                {
                    text.replaceSubrange(text.index(before: range.lowerBound)..<range.upperBound, with: reference + " ")
                } else {
                    text.replaceSubrange(range, with: reference)
                }
            } else if let start {
                lines.append(text[..<start.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 })
                text.replaceSubrange(start, with: reference)
            }
        }
        return (text, lines)
    }
}

/// Plain text of pandoc's inlines and blocks: what a reader sees, without markup.
enum PandocText {
    static func plain(_ value: Any) -> String {
        var out = ""
        func visit(_ value: Any) {
            if let list = value as? [Any] { list.forEach(visit); return }
            guard let node = value as? [String: Any], let type = node["t"] as? String else { return }
            switch type {
            case "Str": out += node["c"] as? String ?? ""
            case "Space", "SoftBreak", "LineBreak": out += " "
            case "Code", "Math": out += ((node["c"] as? [Any])?.last as? String) ?? ""
            case "RawInline", "RawBlock", "Note", "Image": break
            case "Link", "Span", "Quoted", "Cite":
                if let content = node["c"] as? [Any], content.count >= 2 { visit(content[1]) }
            case "Para", "Plain", "Header":
                if out.last.map({ !$0.isWhitespace }) ?? false { out += " " }
                visit(type == "Header" ? ((node["c"] as? [Any])?.last ?? []) : (node["c"] ?? []))
            default: if let content = node["c"] { visit(content) }
            }
        }
        visit(value)
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The plain text of the first heading of the highest level in pandoc's blocks.
    static func firstHeading(in blocks: [Any]) -> String? {
        var best: (level: Int, text: String)?
        for block in blocks {
            guard let node = block as? [String: Any], node["t"] as? String == "Header",
                let content = node["c"] as? [Any], let level = content.first as? Int
            else { continue }
            let text = plain(content.last ?? [])
            if !text.isEmpty, best.map({ level < $0.level }) ?? true { best = (level, text) }
        }
        return best?.text
    }

    /// The paragraphs of pandoc's blocks as plain text, each on its own, for sentences such as an adoption.
    static func paragraphs(in value: Any) -> [String] {
        var found: [String] = []
        func visit(_ value: Any) {
            if let list = value as? [Any] { list.forEach(visit); return }
            guard let node = value as? [String: Any], let type = node["t"] as? String else { return }
            if ["Para", "Plain", "Header"].contains(type) {
                found.append(plain(node))
            } else if let content = node["c"] {
                visit(content)
            }
        }
        visit(value)
        return found
    }
}
