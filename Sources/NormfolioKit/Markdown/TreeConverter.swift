import CCmark
import Foundation

/// Turns cmark's tree into a `MarkdownDocument`, and collects the links and norm mentions with
/// their places. Iterative, with an explicit stack: a document may nest thousands of levels deep;
/// beyond `MarkdownDocument.maxDepth` containers are left out and their content kept one level up.
struct TreeConverter {
    typealias Block = MarkdownDocument.Block
    typealias Inline = MarkdownDocument.Inline

    let lines: SourceLines
    let path: String
    let firstLine: Int
    /// The column, in the file, of the first line's first character (cells start mid-line).
    var firstColumn = 1
    /// Link reference definitions of the whole body, for parsing table cells.
    let definitions: String
    /// Stop after the first block: a table cell, parsed with the definitions after it.
    var firstBlockOnly = false
    /// Norm IDs in text outside links become `.norm` tokens here rather than in `MarkdownExtensions`.
    var splitsNorms = false

    init(lines: SourceLines, path: String, firstLine: Int, definitions: String) {
        self.lines = lines
        self.path = path
        self.firstLine = firstLine
        self.definitions = definitions
    }

    /// A place found by `lines`, moved to where this text stands in the file.
    private func placed(_ location: SourceLocation) -> SourceLocation {
        guard firstColumn > 1, location.line == firstLine else { return location }
        return SourceLocation(path: location.path, line: location.line, column: location.column + firstColumn - 1)
    }

    /// A container being filled: what it will become, and what it holds so far. Children are
    /// appended in place, so a paragraph of a hundred thousand pieces costs no more than its length.
    private struct Frame {
        enum Kind {
            case document, quote, item, paragraph, emphasis, strong
            case list(ordered: Bool, start: Int, tight: Bool)
            case heading(Int)
            case link(String, String)
            case image(String, String)
            /// A container beyond the nesting cap: its content goes to the frame below.
            case flattened
        }

        var kind: Kind
        var blocks: [Block] = []
        var items: [MarkdownDocument.Item] = []
        var inlines: [Inline] = []

        var isFlattened: Bool { if case .flattened = kind { true } else { false } }

        mutating func add(_ block: Block) {
            // A block directly in a list (only when an item was flattened) is an item of its own.
            if case .list = kind { items.append(MarkdownDocument.Item(blocks: [block])) } else { blocks.append(block) }
        }

        /// Adds inline content; cmark leaves text in pieces ("[", "^1", "]"), which are joined as a
        /// reader sees them.
        mutating func add(_ inline: Inline) {
            if case .text(let next) = inline, case .text(var text)? = inlines.last {
                inlines.removeLast()
                text += next
                inlines.append(.text(text))
            } else {
                inlines.append(inline)
            }
        }

        /// What the frame becomes when it is closed.
        var finished: (block: Block?, inline: Inline?) {
            switch kind {
            case .quote: (.quote(blocks), nil)
            case .list(let ordered, let start, let tight):
                (.list(MarkdownDocument.List(ordered: ordered, start: start, tight: tight, items: items)), nil)
            case .paragraph: (.paragraph(inlines), nil)
            case .heading(let level): (.heading(level: level, inlines, id: ""), nil)
            case .emphasis: (nil, .emphasis(inlines))
            case .strong: (nil, .strong(inlines))
            case .link(let url, let title): (nil, .link(destination: url, title: title, inlines))
            case .image(let url, let title): (nil, .image(destination: url, title: title, description: inlines))
            case .document, .item, .flattened: (nil, nil)
            }
        }
    }

    func convert(_ root: OpaquePointer, analysis: inout Markdown.Analysis) -> MarkdownDocument {
        guard let iterator = cmark_iter_new(root) else { return MarkdownDocument() }
        defer { cmark_iter_free(iterator) }
        var stack = FrameStack(firstBlockOnly: firstBlockOnly)
        var linkDepth = 0  // inside links and images, text is not searched for norm IDs
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { linkDepth -= 1 }
                guard let frame = stack.frames.popLast() else { continue }
                if frame.isFlattened { continue }
                stack.depth -= 1
                guard !stack.frames.isEmpty else { return MarkdownDocument(blocks: frame.blocks) }
                let into = stack.target()
                if case .item = frame.kind {
                    if case .list = stack.frames[into].kind {
                        stack.frames[into].items.append(MarkdownDocument.Item(blocks: frame.blocks))
                    } else {
                        stack.frames[into].blocks += frame.blocks
                    }
                } else if let block = frame.finished.block {
                    stack.frames[into].add(block)
                } else if let inline = frame.finished.inline {
                    stack.frames[into].add(inline)
                }
                if stack.firstBlockDone { return MarkdownDocument(blocks: stack.frames[0].blocks) }
                continue
            }
            switch type {
            case CMARK_NODE_DOCUMENT:
                stack.frames.append(Frame(kind: .document))
            case CMARK_NODE_BLOCK_QUOTE:
                stack.push(.quote)
            case CMARK_NODE_LIST:
                stack.push(
                    .list(
                        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                        start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0))
            case CMARK_NODE_ITEM:
                stack.push(.item)
            case CMARK_NODE_PARAGRAPH:
                // A paragraph whose lines hold a pipe table becomes the table (and the paragraph
                // of the lines before it); cmark's own parse of its lines is skipped.
                if !definitions.isEmpty || lines.contains(UInt8(ascii: "|"), in: node),
                    let blocks = table(in: node, analysis: &analysis)
                {
                    for block in blocks { stack.add(block) }
                    if stack.firstBlockDone { return MarkdownDocument(blocks: stack.frames[0].blocks) }
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                }
                stack.push(.paragraph)
            case CMARK_NODE_HEADING:
                // A setext underline below a pipe table is the table's last row (`===`) or a rule
                // after it (`---`), not the underline of a heading made of the table's lines.
                if cmark_node_get_start_line(node) != cmark_node_get_end_line(node),
                    lines.contains(UInt8(ascii: "|"), in: node),
                    let blocks = table(in: node, setext: true, analysis: &analysis)
                {
                    for block in blocks { stack.add(block) }
                    if stack.firstBlockDone { return MarkdownDocument(blocks: stack.frames[0].blocks) }
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                }
                stack.push(.heading(Int(cmark_node_get_heading_level(node))))
            case CMARK_NODE_EMPH:
                stack.push(.emphasis)
            case CMARK_NODE_STRONG:
                stack.push(.strong)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                analysis.links.append(
                    MarkdownLink(
                        destination: destination, isImage: type == CMARK_NODE_IMAGE,
                        location: placed(lines.location(ofNode: node, path: path, firstLine: firstLine))))
                stack.push(type == CMARK_NODE_LINK ? .link(destination, title) : .image(destination, title))
                linkDepth += 1
            case CMARK_NODE_TEXT:
                let literal = Markdown.literal(of: node)
                // Norm-ID-shaped words, with their places (they become tokens of their own later).
                let tokens = linkDepth == 0 ? Markdown.normTokens(in: literal) : []
                for token in tokens {
                    analysis.mentions.append(
                        NormMention(
                            id: token.id,
                            location: placed(
                                lines.location(
                                    ofToken: token.id, atOffset: token.offset, inTextNode: node, path: path,
                                    firstLine: firstLine))))
                }
                if splitsNorms, !tokens.isEmpty {
                    for piece in MarkdownExtensions.normPieces(literal, tokens: tokens) { stack.add(piece) }
                } else {
                    stack.add(.text(literal))
                }
            case CMARK_NODE_CODE:
                stack.add(Inline.code(Markdown.literal(of: node)))
            case CMARK_NODE_HTML_INLINE:
                let literal = Markdown.literal(of: node)
                inspect(literal, node: node, analysis: &analysis)
                stack.add(Inline.html(literal))
            case CMARK_NODE_SOFTBREAK:
                stack.add(.softBreak)
            case CMARK_NODE_LINEBREAK:
                stack.add(.lineBreak)
            case CMARK_NODE_CODE_BLOCK:
                stack.add(.code(info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "", literal: Markdown.literal(of: node)))
            case CMARK_NODE_HTML_BLOCK:
                let literal = Markdown.literal(of: node)
                inspect(literal, node: node, analysis: &analysis)
                stack.add(Block.html(literal))
            case CMARK_NODE_THEMATIC_BREAK:
                stack.add(.rule)
            default:
                break
            }
        }
        return MarkdownDocument(blocks: stack.frames.first?.blocks ?? [])
    }

    /// The frames being built while walking cmark's tree, innermost last. A struct with mutating
    /// methods rather than nested functions around captured variables, which pay a runtime
    /// exclusivity check on every node.
    private struct FrameStack {
        var frames: [Frame] = []
        var depth = 0  // frames that count towards the cap
        let firstBlockOnly: Bool

        init(firstBlockOnly: Bool) { self.firstBlockOnly = firstBlockOnly }

        /// The frame that takes content now: the innermost one that is not flattened.
        func target() -> Int {
            var index = frames.count - 1
            while index > 0, frames[index].isFlattened { index -= 1 }
            return index
        }

        mutating func add(_ block: Block) { frames[target()].add(block) }
        mutating func add(_ inline: Inline) { frames[target()].add(inline) }

        mutating func push(_ kind: Frame.Kind) {
            // Paragraphs and headings hold no blocks, so they never deepen the block tree.
            let isTextBlock = if case .paragraph = kind { true } else if case .heading = kind { true } else { false }
            if depth >= MarkdownDocument.maxDepth, !frames.isEmpty, !isTextBlock {
                frames.append(Frame(kind: .flattened))
            } else {
                frames.append(Frame(kind: kind))
                depth += 1
            }
        }

        /// The document so far: what a cell's parse returns after its first block.
        var firstBlockDone: Bool { firstBlockOnly && frames.count == 1 && !frames[0].blocks.isEmpty }
    }

    // MARK: Raw HTML

    /// What raw HTML will lose when it is made safe (counted per element, reported once per body
    /// at the first place), and the links and images it holds. Comments are dropped silently.
    private func inspect(_ literal: String, node: OpaquePointer, analysis: inout Markdown.Analysis) {
        guard !HTMLSanitizer.isComment(literal) else { return }
        let inspection = HTMLSanitizer.inspect(literal)
        analysis.htmlAnchors += inspection.anchors
        guard !inspection.removed.isEmpty || !inspection.shownAsText.isEmpty || !inspection.links.isEmpty else { return }
        let location = placed(lines.location(ofHTML: node, path: path, firstLine: firstLine))
        // Each problem at its own tag or attribute, found in the HTML as written; at the HTML's
        // start when the text does not say (an element libxml2 added).
        let tags = HTMLSource.tags(in: literal)
        func place(_ text: String, at offset: Int) -> SourceLocation {
            placed(lines.location(ofWritten: text, atOffset: offset, inHTML: node, path: path, firstLine: firstLine))
        }
        var seen: [String: Int] = [:]
        for name in inspection.removed + inspection.shownAsText {
            let occurrence = seen[name, default: 0]
            seen[name] = occurrence + 1
            let tag = tags.filter { $0.name == name }.dropFirst(occurrence).first
            analysis.removedHTML[name, default: (0, tag.map { place($0.written, at: $0.offset) } ?? location)].count += 1
        }
        let written = HTMLSource.linkAttributes(in: literal)
        let matches = written.count == inspection.links.count && zip(written, inspection.links).allSatisfy { $0.isImage == $1.isImage }
        for (index, (destination, isImage)) in inspection.links.enumerated() {
            let attribute = matches ? written[index].attribute : nil
            analysis.links.append(
                MarkdownLink(
                    destination: destination, isImage: isImage,
                    location: attribute.map { place($0.written, at: $0.offset) } ?? location))
        }
    }

    // MARK: Tables

    /// The blocks a paragraph with a pipe table becomes: the paragraph of the lines before the
    /// table (if any) and the table; nil when its lines hold no table. For a setext heading,
    /// `setext`, the underline is left out of the search and added to the table after.
    private func table(in paragraph: OpaquePointer, setext: Bool = false, analysis: inout Markdown.Analysis) -> [Block]? {
        var rows = contentLines(of: paragraph)
        let underline = setext ? rows.popLast() : nil
        guard let header = PipeTable.headerIndex(in: rows.map(\.text)),
            let alignments = PipeTable.alignments(of: rows[header + 1].text)
        else { return nil }
        var blocks: [Block] = []
        if header > 0 {
            let before = rows[..<header].map(\.text).joined(separator: "\n")
            blocks += parse(before, at: rows[0].offset, analysis: &analysis)
        }
        func cells(_ row: (text: Substring, offset: Int)) -> [[Inline]] {
            var cells = PipeTable.cells(of: row.text).prefix(alignments.count).map { cell -> [Inline] in
                guard case .paragraph(let inlines)? = parse(cell.text, at: row.offset + cell.offset, analysis: &analysis).first
                else { return [] }
                return inlines
            }
            while cells.count < alignments.count { cells.append([]) }
            return Array(cells)
        }
        var body = rows[(header + 2)...].map(cells)
        if let underline, underline.text.contains("=") { body.append(cells(underline)) }
        let table = MarkdownDocument.Table(alignments: alignments, header: cells(rows[header]), rows: body)
        return blocks + [.table(table)] + (underline.map { $0.text.contains("=") } == false ? [.rule] : [])
    }

    /// Parses text cut from this body (a cell, or the lines before a table) that starts at byte
    /// `offset`: its first block, with places in the file and the body's link definitions.
    private func parse(_ text: String, at offset: Int, analysis: inout Markdown.Analysis) -> [Block] {
        let origin = lines.position(ofByte: offset)
        var converter = TreeConverter(
            lines: SourceLines(text), path: path, firstLine: firstLine + origin.line - 1,
            definitions: "")
        converter.firstColumn = origin.column
        converter.firstBlockOnly = true
        converter.splitsNorms = splitsNorms
        let source = definitions.isEmpty ? text : text + "\n\n" + definitions
        return Markdown.withDocument(source) { root in converter.convert(root, analysis: &analysis) }.blocks
    }

    /// A paragraph's lines as written, each without the markers of the quotes and list items
    /// around it, with the byte offset in the body where its text starts.
    private func contentLines(of paragraph: OpaquePointer) -> [(text: Substring, offset: Int)] {
        // The containers around the paragraph, outermost first: a quote, or a list item with the
        // width of its marker.
        var containers: [Int?] = []
        var node = cmark_node_parent(paragraph)
        while let current = node, cmark_node_get_type(current) != CMARK_NODE_DOCUMENT {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_BLOCK_QUOTE:
                containers.insert(nil, at: 0)
            case CMARK_NODE_ITEM:
                let content = cmark_node_first_child(current).map { Int(cmark_node_get_start_column($0)) }
                containers.insert(max(0, (content ?? 0) - Int(cmark_node_get_start_column(current))), at: 0)
            default:
                break
            }
            node = cmark_node_parent(current)
        }
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        return (first...max(first, last)).map { number in
            let range = lines.range(ofLine: number)
            var offset = range.lowerBound
            if number == first {
                offset = min(range.upperBound, range.lowerBound + max(0, Int(cmark_node_get_start_column(paragraph)) - 1))
            } else {
                offset = lines.strip(containers, from: range)
            }
            return (lines.text(offset..<range.upperBound), offset)
        }
    }
}
