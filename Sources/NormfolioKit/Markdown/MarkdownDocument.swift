/// A Markdown body, parsed once in the read stage (by libcmark, with normfolio's extensions applied
/// to the tree) and rendered from this value in the render stage. Plain Swift values: the render
/// stage never parses Markdown again, and never touches C.
///
/// Nesting is capped at `MarkdownDocument.maxDepth` levels: content nested deeper (a quote in a
/// quote in a quote, five thousand times) is kept, one level up, so no input can make rendering
/// or freeing the tree recurse without bound.
public struct MarkdownDocument: Sendable, Hashable {
    public var blocks: [Block]
    /// The footnotes referred to, numbered in the order of their first reference.
    public var footnotes: [Footnote] = []

    /// How deep blocks and inlines may nest in the tree.
    public static let maxDepth = 32

    public init(blocks: [Block] = [], footnotes: [Footnote] = []) {
        self.blocks = blocks
        self.footnotes = footnotes
    }

    public struct Footnote: Sendable, Hashable {
        /// The label as written (`[^label]`).
        public var label: String
        public var blocks: [Block]
    }

    public indirect enum Block: Sendable, Hashable {
        case paragraph([Inline])
        /// A heading with its anchor: a slug of its text, unique in the document.
        case heading(level: Int, [Inline], id: String)
        case quote([Block])
        case list(List)
        /// A code block; `info` is the fence's info string ("" for an indented block).
        case code(info: String, literal: String)
        /// Raw HTML written as a block.
        case html(String)
        case rule
        /// A GitHub-style pipe table.
        case table(Table)
    }

    /// How a table column's cells are aligned.
    public enum Alignment: Sendable, Hashable {
        case none, left, center, right
    }

    public struct Table: Sendable, Hashable {
        public var alignments: [Alignment]
        /// One cell per column.
        public var header: [[Inline]]
        /// Rows of exactly as many cells as the header: missing ones are empty, extra ones dropped.
        public var rows: [[[Inline]]]
    }

    public struct List: Sendable, Hashable {
        public var ordered: Bool
        public var start: Int
        /// A tight list's paragraphs are not wrapped in `<p>`.
        public var tight: Bool
        public var items: [Item]
    }

    public struct Item: Sendable, Hashable {
        public var blocks: [Block]
        /// A task list item (`- [ ]`, `- [x]`): whether it is done; nil for an ordinary item.
        public var task: Bool?

        public init(blocks: [Block], task: Bool? = nil) {
            self.blocks = blocks
            self.task = task
        }
    }

    public indirect enum Inline: Sendable, Hashable {
        case text(String)
        case code(String)
        case emphasis([Inline])
        case strong([Inline])
        case strikethrough([Inline])
        case link(destination: String, title: String, [Inline])
        case image(destination: String, title: String, description: [Inline])
        /// Raw HTML written inline.
        case html(String)
        case softBreak
        case lineBreak
        /// A word shaped like a norm ID ("SM.02", or "sm.02" for a did-you-mean); linked when the
        /// catalogue has it.
        case norm(String)
        /// A reference to the footnote with this label.
        case footnote(String)
    }
}

extension MarkdownDocument {
    /// The words a reader sees, for search: text, code and image descriptions, words separated by
    /// single spaces, without markup, link targets or raw HTML.
    public var visibleText: String {
        var writer = VisibleTextWriter()
        writer.text.reserveCapacity(4096)
        writer.blocks(self.blocks)
        for footnote in footnotes { writer.blocks(footnote.blocks) }
        var text = writer.text
        if text.last == 0x20 { text.removeLast() }
        return String(decoding: text.drop { $0 == 0x20 }, as: UTF8.self)
    }
}

extension MarkdownDocument {
    /// The ids of the headings, in order: where `#anchor` links may lead.
    public var anchors: [String] {
        var ids: [String] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(_, _, let id): ids.append(id)
                case .quote(let children): collect(children)
                case .list(let list): for item in list.items { collect(item.blocks) }
                default: break
                }
            }
        }
        collect(blocks)
        return ids
    }
}

extension MarkdownDocument {
    /// Removes a first heading that repeats `title` (the page shows the title already), and
    /// returns its id, or nil when the body does not start with it.
    mutating func removeTitleHeading(_ title: String) -> String? {
        guard case .heading(_, let content, let id)? = blocks.first,
            Inline.plainText(content).trimmed.lowercased() == title.trimmed.lowercased()
        else { return nil }
        blocks.removeFirst()
        return id
    }
}

extension MarkdownDocument.Inline {
    /// The plain text of inlines: what a reader sees, without markup (for names and anchors).
    static func plainText(_ inlines: [MarkdownDocument.Inline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case .text(let literal), .code(let literal), .norm(let literal): text += literal
            case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, _, let children),
                .image(_, _, let children):
                text += plainText(children)
            case .softBreak, .lineBreak: text += " "
            case .html, .footnote: break
            }
        }
        return text
    }
}

/// Collects the visible text of a document's tree. A struct with mutating methods rather than
/// nested functions around a captured array: those pay a runtime exclusivity check per byte.
private struct VisibleTextWriter {
    typealias Block = MarkdownDocument.Block
    typealias Inline = MarkdownDocument.Inline

    var text: [UInt8] = []

    mutating func space() {
        if let last = text.last, last != 0x20 { text.append(0x20) }
    }

    mutating func add(_ literal: String) {
        var literal = literal
        literal.withUTF8 { bytes in
            // Runs of other bytes are copied at once; a run of white space becomes one space.
            var index = 0
            while index < bytes.count {
                var end = index
                while end < bytes.count, !Self.isSpace(bytes[end]) { end += 1 }
                if end > index { text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end])) }
                guard end < bytes.count else { break }
                while end < bytes.count, Self.isSpace(bytes[end]) { end += 1 }
                space()
                index = end
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    mutating func inlines(_ list: [Inline]) {
        for inline in list {
            switch inline {
            case .text(let literal), .code(let literal), .norm(let literal): add(literal)
            case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, _, let children),
                .image(_, _, let children):
                inlines(children)
            case .softBreak, .lineBreak: space()
            case .html, .footnote: break
            }
        }
    }

    mutating func blocks(_ list: [Block]) {
        for block in list {
            space()
            switch block {
            case .paragraph(let content), .heading(_, let content, _): inlines(content)
            case .quote(let children): blocks(children)
            case .list(let list): for item in list.items { blocks(item.blocks) }
            case .code(_, let literal): add(literal)
            case .table(let table):
                for cell in table.header + table.rows.flatMap({ $0 }) {
                    space()
                    inlines(cell)
                }
            case .html, .rule: break
            }
        }
    }
}
