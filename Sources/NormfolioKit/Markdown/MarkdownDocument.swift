/// A Markdown body, parsed once in the read stage (by libcmark, with normfolio's extensions applied
/// to the tree) and rendered from this value in the render stage. Plain Swift values: the render
/// stage never parses Markdown again, and never touches C.
///
/// Nesting is capped at `MarkdownDocument.maxDepth` levels: content nested deeper (a quote in a
/// quote in a quote, five thousand times) is kept, one level up, so no input can make rendering
/// or freeing the tree recurse without bound.
public struct MarkdownDocument: Sendable, Hashable {
    public var blocks: [Block]

    /// How deep blocks and inlines may nest in the tree.
    public static let maxDepth = 32

    public init(blocks: [Block] = []) {
        self.blocks = blocks
    }

    public indirect enum Block: Sendable, Hashable {
        case paragraph([Inline])
        case heading(level: Int, [Inline])
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
        public var items: [[Block]]
    }

    public indirect enum Inline: Sendable, Hashable {
        case text(String)
        case code(String)
        case emphasis([Inline])
        case strong([Inline])
        case link(destination: String, title: String, [Inline])
        case image(destination: String, title: String, description: [Inline])
        /// Raw HTML written inline.
        case html(String)
        case softBreak
        case lineBreak
        /// A word shaped like a norm ID ("SM.02", or "sm.02" for a did-you-mean); linked when the
        /// catalogue has it.
        case norm(String)
    }
}

extension MarkdownDocument {
    /// The words a reader sees, for search: text, code and image descriptions, words separated by
    /// single spaces, without markup, link targets or raw HTML.
    public var visibleText: String {
        var text: [UInt8] = []
        func space() { if let last = text.last, last != 0x20 { text.append(0x20) } }
        func add(_ literal: String) {
            var pendingSpace = false
            for byte in literal.utf8 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pendingSpace = true
                } else {
                    if pendingSpace { space() }
                    pendingSpace = false
                    text.append(byte)
                }
            }
            if pendingSpace { space() }
        }
        func inlines(_ list: [Inline]) {
            for inline in list {
                switch inline {
                case .text(let literal), .code(let literal), .norm(let literal): add(literal)
                case .emphasis(let children), .strong(let children), .link(_, _, let children),
                    .image(_, _, let children): inlines(children)
                case .softBreak, .lineBreak: space()
                case .html: break
                }
            }
        }
        func blocks(_ list: [Block]) {
            for block in list {
                space()
                switch block {
                case .paragraph(let content), .heading(_, let content): inlines(content)
                case .quote(let children): blocks(children)
                case .list(let list): for item in list.items { blocks(item) }
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
        blocks(self.blocks)
        if text.last == 0x20 { text.removeLast() }
        return String(decoding: text.drop { $0 == 0x20 }, as: UTF8.self)
    }
}
