import CCmark
import Foundation

/// The one place that talks to libcmark. Everything it hands back is a Swift value; every C
/// object it creates is freed before it returns.
public enum Markdown {
    /// What a Markdown body refers to: its links and images, and the norm-ID-shaped words in its text.
    public struct Analysis: Sendable {
        public var links: [MarkdownLink] = []
        public var mentions: [NormMention] = []
        /// The words a reader sees on the page, for search: text, code and image descriptions,
        /// without markup, link targets, raw HTML, comments or link reference definitions.
        public var visibleText = ""
    }

    /// The words rendered Markdown needs besides the author's, in the site's language.
    public struct Labels: Sendable {
        /// Names a table's scrolling region ("Tabel: kolom, kolom").
        public var table: String

        public init(table: String) {
            self.table = table
        }

        public static let dutch = Labels(table: "Tabel")
    }

    /// How the renderer should treat one link or image.
    public enum LinkTarget: Sendable, Equatable {
        /// Keep the destination as written (external links, in-page anchors).
        case keep
        /// Point the link at this URL instead.
        case rewrite(String)
        /// Drop the link but keep its text (a withheld or unsafe target).
        case unlink
    }

    /// Parses a body: the document to render, and what it refers to, with places in the original
    /// file. The only time a body is parsed.
    public static func parse(_ source: MarkdownSource, path: String) -> (document: MarkdownDocument, analysis: Analysis) {
        let lines = SourceLines(source.text)
        var analysis = Analysis()
        // Cells of tables are parsed on their own; link reference definitions are document-wide.
        let definitions = source.text.utf8.contains(UInt8(ascii: "|")) ? referenceDefinitions(in: source.text) : ""
        let converter = TreeConverter(lines: lines, path: path, firstLine: source.firstLine, definitions: definitions)
        let document = withDocument(source.text) { root in converter.convert(root, analysis: &analysis) }
        analysis.visibleText = document.visibleText
        return (document, analysis)
    }

    /// What a body refers to (see `parse`).
    public static func analyze(_ source: MarkdownSource, path: String) -> Analysis {
        parse(source, path: path).analysis
    }

    /// Renders a parsed body to HTML (see `HTMLWriter`): norm IDs become links (`normURL` gives
    /// the URL of a catalogue ID, nil for others), links and images are resolved by `resolve`,
    /// headings are shifted so the body starts at `<h2>` below the page's `<h1>` and never skips a
    /// level. Raw HTML is not passed through.
    public static func html(
        _ document: MarkdownDocument,
        labels: Labels = .dutch,
        normURL: (String) -> String?,
        resolve: (_ destination: String, _ isImage: Bool) -> LinkTarget
    ) -> String {
        withoutActuallyEscaping(normURL) { normURL in
            withoutActuallyEscaping(resolve) { resolve in
                var writer = HTMLWriter(normURL: normURL, resolve: resolve, labels: labels)
                return writer.render(document)
            }
        }
    }

    /// Parses and renders a body in one go (for tests and the fuzzer).
    public static func html(
        _ source: MarkdownSource,
        labels: Labels = .dutch,
        normURL: (String) -> String?,
        resolve: (_ destination: String, _ isImage: Bool) -> LinkTarget
    ) -> String {
        html(parse(source, path: "").document, labels: labels, normURL: normURL, resolve: resolve)
    }

    // MARK: Tree helpers

    fileprivate static func withDocument<T>(_ text: String, _ body: (OpaquePointer) -> T) -> T {
        var text = text
        return text.withUTF8 { bytes in
            let parsed = bytes.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_SOURCEPOS)
            }
            // cmark only fails to return a document when memory allocation fails.
            guard let document = parsed else { preconditionFailure("cmark could not allocate a document") }
            defer { cmark_node_free(document) }
            return body(document)
        }
    }

    /// The lines that may define link references (`[label]: destination`), to parse a table's
    /// cells with: only these lines, so a cell can use a reference defined anywhere in the body.
    private static func referenceDefinitions(in text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).filter { line in
            let content = line.drop { $0 == " " }
            return line.count - content.count <= 3 && content.hasPrefix("[") && content.contains("]:")
        }.joined(separator: "\n")
    }

    /// The literal of a text-like node, as a string.
    fileprivate static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    // MARK: Norm IDs in text

    /// Tokens shaped like a norm ID (two letters, a dot, two digits, standing alone) in a text;
    /// lower-case ones are returned too, so "sm.02" can get a did-you-mean. Offsets are in bytes.
    static func normTokens(in text: String) -> [(id: String, offset: Int)] {
        var text = text
        return text.withUTF8 { normTokens(in: $0) }
    }

    private static func normTokens(in bytes: UnsafeBufferPointer<UInt8>) -> [(id: String, offset: Int)] {
        guard bytes.count >= 5, let base = bytes.baseAddress else { return [] }
        var tokens: [(String, Int)] = []
        var searchFrom = 2
        // Every norm ID has a dot at its third byte: jump from dot to dot.
        while searchFrom <= bytes.count - 3,
            let found = memchr(base + searchFrom, Int32(UInt8(ascii: ".")), bytes.count - 2 - searchFrom)
        {
            let dot = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let i = dot - 2
            if Catalog.isLetter(bytes[i]), Catalog.isLetter(bytes[i + 1]), Catalog.isDigit(bytes[dot + 1]),
                Catalog.isDigit(bytes[dot + 2]), i == 0 || !isWordByte(bytes[i - 1]),
                i + 5 == bytes.count || !isWordByte(bytes[i + 5])
            {
                tokens.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<i + 5]), as: UTF8.self), i))
                searchFrom = dot + 5
            } else {
                searchFrom = dot + 1
            }
        }
        return tokens
    }

    static func isWordByte(_ c: UInt8) -> Bool {
        Catalog.isLetter(c) || Catalog.isDigit(c) || c == UInt8(ascii: "_") || c >= 0x80
    }
}

/// Turns cmark's tree into a `MarkdownDocument`, and collects the links and norm mentions with
/// their places. Iterative, with an explicit stack: a document may nest thousands of levels deep;
/// beyond `MarkdownDocument.maxDepth` containers are left out and their content kept one level up.
private struct TreeConverter {
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

    /// A container being filled: what it will become, and what it holds so far.
    private enum Frame {
        case document([Block])
        case quote([Block])
        case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
        case item([Block])
        case paragraph([Inline])
        case heading(Int, [Inline])
        case emphasis([Inline])
        case strong([Inline])
        case link(String, String, [Inline])
        case image(String, String, [Inline])
        /// A container beyond the nesting cap: its content goes to the frame below.
        case flattened

        mutating func add(_ block: Block) {
            switch self {
            case .document(var blocks): blocks.append(block); self = .document(blocks)
            case .quote(var blocks): blocks.append(block); self = .quote(blocks)
            case .item(var blocks): blocks.append(block); self = .item(blocks)
            case .list(let ordered, let start, let tight, var items):
                // A block directly in a list (only when an item was flattened) starts an item.
                items.append([block])
                self = .list(ordered: ordered, start: start, tight: tight, items: items)
            default:
                break
            }
        }

        mutating func add(_ inline: Inline) {
            switch self {
            case .paragraph(var inlines): inlines.append(inline); self = .paragraph(inlines)
            case .heading(let level, var inlines): inlines.append(inline); self = .heading(level, inlines)
            case .emphasis(var inlines): inlines.append(inline); self = .emphasis(inlines)
            case .strong(var inlines): inlines.append(inline); self = .strong(inlines)
            case .link(let url, let title, var inlines): inlines.append(inline); self = .link(url, title, inlines)
            case .image(let url, let title, var inlines): inlines.append(inline); self = .image(url, title, inlines)
            default:
                // Inline content never reaches a block container: paragraphs are never flattened.
                break
            }
        }
    }

    func convert(_ root: OpaquePointer, analysis: inout Markdown.Analysis) -> MarkdownDocument {
        guard let iterator = cmark_iter_new(root) else { return MarkdownDocument() }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var depth = 0       // frames that count towards the cap
        var linkDepth = 0   // inside links and images, text is not searched for norm IDs
        func add(_ block: Block) { stack[Self.container(in: stack)].add(block) }
        func add(_ inline: Inline) { stack[Self.container(in: stack)].add(inline) }
        func push(_ frame: Frame) {
            // Paragraphs and headings hold no blocks, so they never deepen the block tree.
            let isTextBlock = if case .paragraph = frame { true } else if case .heading = frame { true } else { false }
            if depth >= MarkdownDocument.maxDepth, !stack.isEmpty, !isTextBlock {
                stack.append(.flattened)
            } else {
                stack.append(frame)
                depth += 1
            }
        }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { linkDepth -= 1 }
                guard let frame = stack.popLast() else { continue }
                if case .flattened = frame { continue }
                depth -= 1
                guard !stack.isEmpty else {
                    if case .document(let blocks) = frame { return MarkdownDocument(blocks: blocks) }
                    return MarkdownDocument()
                }
                close(frame, into: &stack)
                if firstBlockOnly, stack.count == 1, case .document(let blocks) = stack[0], !blocks.isEmpty {
                    return MarkdownDocument(blocks: blocks)
                }
                continue
            }
            switch type {
            case CMARK_NODE_DOCUMENT:
                stack.append(.document([]))
            case CMARK_NODE_BLOCK_QUOTE:
                push(.quote([]))
            case CMARK_NODE_LIST:
                push(.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                           start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0, items: []))
            case CMARK_NODE_ITEM:
                push(.item([]))
            case CMARK_NODE_PARAGRAPH:
                // A paragraph whose lines hold a pipe table becomes the table (and the paragraph
                // of the lines before it); cmark's own parse of its lines is skipped.
                if !definitions.isEmpty || lines.contains(UInt8(ascii: "|"), in: node),
                    let blocks = table(in: node, analysis: &analysis)
                {
                    for block in blocks { add(block) }
                    if firstBlockOnly, stack.count == 1 { return MarkdownDocument(blocks: blocks) }
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                }
                push(.paragraph([]))
            case CMARK_NODE_HEADING:
                push(.heading(Int(cmark_node_get_heading_level(node)), []))
            case CMARK_NODE_EMPH:
                push(.emphasis([]))
            case CMARK_NODE_STRONG:
                push(.strong([]))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                analysis.links.append(MarkdownLink(destination: destination, isImage: type == CMARK_NODE_IMAGE,
                                                   location: placed(lines.location(ofNode: node, path: path, firstLine: firstLine))))
                push(type == CMARK_NODE_LINK ? .link(destination, title, []) : .image(destination, title, []))
                linkDepth += 1
            case CMARK_NODE_TEXT:
                let literal = Markdown.literal(of: node)
                let tokens = Markdown.normTokens(in: literal)
                guard !tokens.isEmpty, linkDepth == 0 else {
                    add(.text(literal))
                    continue
                }
                // Norm-ID-shaped words become tokens of their own, with their places.
                var position = literal.startIndex
                for token in tokens {
                    analysis.mentions.append(NormMention(
                        id: token.id,
                        location: placed(lines.location(ofToken: token.id, atOffset: token.offset, inTextNode: node, path: path,
                                                        firstLine: firstLine))))
                    let start = literal.utf8.index(literal.utf8.startIndex, offsetBy: token.offset)
                    if position < start { add(.text(String(literal[position..<start]))) }
                    add(.norm(token.id))
                    position = literal.utf8.index(start, offsetBy: token.id.utf8.count)
                }
                if position < literal.endIndex { add(.text(String(literal[position...]))) }
            case CMARK_NODE_CODE:
                add(Inline.code(Markdown.literal(of: node)))
            case CMARK_NODE_HTML_INLINE:
                add(Inline.html(Markdown.literal(of: node)))
            case CMARK_NODE_SOFTBREAK:
                add(.softBreak)
            case CMARK_NODE_LINEBREAK:
                add(.lineBreak)
            case CMARK_NODE_CODE_BLOCK:
                add(.code(info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "", literal: Markdown.literal(of: node)))
            case CMARK_NODE_HTML_BLOCK:
                add(Block.html(Markdown.literal(of: node)))
            case CMARK_NODE_THEMATIC_BREAK:
                add(.rule)
            default:
                break
            }
        }
        if case .document(let blocks)? = stack.first { return MarkdownDocument(blocks: blocks) }
        return MarkdownDocument()
    }

    // MARK: Tables

    /// The blocks a paragraph with a pipe table becomes: the paragraph of the lines before the
    /// table (if any) and the table; nil when its lines hold no table.
    private func table(in paragraph: OpaquePointer, analysis: inout Markdown.Analysis) -> [Block]? {
        let rows = contentLines(of: paragraph)
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
        let table = MarkdownDocument.Table(alignments: alignments, header: cells(rows[header]),
                                           rows: rows[(header + 2)...].map(cells))
        return blocks + [.table(table)]
    }

    /// Parses text cut from this body (a cell, or the lines before a table) that starts at byte
    /// `offset`: its first block, with places in the file and the body's link definitions.
    private func parse(_ text: String, at offset: Int, analysis: inout Markdown.Analysis) -> [Block] {
        let origin = lines.position(ofByte: offset)
        var converter = TreeConverter(lines: SourceLines(text), path: path, firstLine: firstLine + origin.line - 1,
                                      definitions: "")
        converter.firstColumn = origin.column
        converter.firstBlockOnly = true
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

    /// The frame that takes content now: the innermost one that is not flattened.
    private static func container(in stack: [Frame]) -> Int {
        var index = stack.count - 1
        while index > 0, case .flattened = stack[index] { index -= 1 }
        return index
    }

    /// Turns a finished frame into its block or inline and adds it to the frame that takes it.
    private func close(_ frame: Frame, into stack: inout [Frame]) {
        let target = Self.container(in: stack)
        switch frame {
        case .quote(let blocks): stack[target].add(.quote(blocks))
        case .list(let ordered, let start, let tight, let items):
            stack[target].add(.list(MarkdownDocument.List(ordered: ordered, start: start, tight: tight, items: items)))
        case .item(let blocks):
            if case .list(let ordered, let start, let tight, var items) = stack[target] {
                items.append(blocks)
                stack[target] = .list(ordered: ordered, start: start, tight: tight, items: items)
            } else {
                for block in blocks { stack[target].add(block) }
            }
        case .paragraph(let inlines): stack[target].add(.paragraph(inlines))
        case .heading(let level, let inlines): stack[target].add(.heading(level: level, inlines))
        case .emphasis(let inlines): stack[target].add(.emphasis(inlines))
        case .strong(let inlines): stack[target].add(.strong(inlines))
        case .link(let url, let title, let inlines): stack[target].add(.link(destination: url, title: title, inlines))
        case .image(let url, let title, let inlines): stack[target].add(.image(destination: url, title: title, description: inlines))
        case .document, .flattened: break
        }
    }
}

/// The lines of a Markdown body, to turn cmark's positions into the Unicode-scalar columns
/// editors expect, in the original file's numbering.
///
/// cmark's block positions are exact, but the positions it gives inline nodes are estimates: after
/// a hard line break, a link reference definition or indented continuation lines they can point at
/// the wrong line or past its end. So an inline node's position is used as a hint only: it is kept
/// inside its block's lines, and what the node stands for is looked up in the source from there.
/// Every offset is clamped, so no input can produce a position outside the text.
private struct SourceLines {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; lines end at LF, CR or CRLF, as cmark counts them.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            if byte == 0x0D, offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
            if byte == 0x0A || byte == 0x0D { starts.append(offset) }
        }
        self.starts = starts
    }

    /// The byte offset of cmark's (1-based) line and byte column, clamped to the text. A column past
    /// the end of its line runs on into the next lines, as cmark's inline estimates do.
    private func offset(line: Int, column: Int) -> Int {
        let lineIndex = min(max(line, 1), starts.count) - 1
        return min(max(starts[lineIndex] + max(column, 1) - 1, 0), bytes.count)
    }

    /// The byte range of 1-based line `number`, without its line end.
    func range(ofLine number: Int) -> Range<Int> {
        let index = min(max(number, 1), starts.count) - 1
        var end = index + 1 < starts.count ? starts[index + 1] : bytes.count
        while end > starts[index], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return starts[index]..<end
    }

    /// The text of a byte range.
    func text(_ range: Range<Int>) -> Substring {
        Substring(String(decoding: bytes[range], as: UTF8.self))
    }

    /// Whether the lines of `node` hold `byte`.
    func contains(_ byte: UInt8, in node: OpaquePointer) -> Bool {
        let lower = range(ofLine: Int(cmark_node_get_start_line(node))).lowerBound
        let upper = range(ofLine: Int(cmark_node_get_end_line(node))).upperBound
        return lower < upper && bytes[lower..<upper].contains(byte)
    }

    /// Where a continuation line's text starts once the markers of its containers (outermost
    /// first: nil for a quote, the content indent for a list item) are skipped. A lazy line, one
    /// without a container's marker, keeps the rest.
    func strip(_ containers: [Int?], from line: Range<Int>) -> Int {
        var offset = line.lowerBound
        for container in containers {
            if let indent = container {
                var skipped = 0
                while skipped < indent, offset < line.upperBound, bytes[offset] == 0x20 { offset += 1; skipped += 1 }
                if skipped < indent { return offset }
            } else {
                var probe = offset, spaces = 0
                while spaces < 3, probe < line.upperBound, bytes[probe] == 0x20 { probe += 1; spaces += 1 }
                guard probe < line.upperBound, bytes[probe] == UInt8(ascii: ">") else { return offset }
                offset = probe + 1
                if offset < line.upperBound, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
            }
        }
        return offset
    }

    /// The 1-based line and Unicode-scalar column of a byte offset.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(offset, 0), bytes.count)
        // The last line start at or before the offset.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = bytes[starts[low]..<offset].count { $0 & 0xC0 != 0x80 } + 1
        return (low + 1, column)
    }

    /// The byte range of the lines of the nearest block around `node` with a position.
    private func blockRange(of node: OpaquePointer) -> Range<Int> {
        var block: OpaquePointer? = node
        while let current = block, cmark_node_get_start_line(current) <= 0 || !Self.isBlock(current) {
            block = cmark_node_parent(current)
        }
        guard let block else { return 0..<bytes.count }
        let first = Int(cmark_node_get_start_line(block)), last = Int(cmark_node_get_end_line(block))
        let lower = offset(line: first, column: 1)
        let upper = last >= first && last < starts.count ? max(starts[last], lower) : bytes.count
        return lower..<upper
    }

    private static func isBlock(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
    }

    /// The place of `needle` nearest at or after cmark's estimate for `node` (plus `extra` bytes),
    /// within the node's block; the estimate itself when the source does not have it.
    private func find(_ needle: [UInt8], near node: OpaquePointer, extra: Int = 0,
                      isMatch: (Int) -> Bool = { _ in true }) -> Int {
        let block = blockRange(of: node)
        let estimate = offset(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        let hint = min(max(estimate + extra, block.lowerBound), block.upperBound)
        func matches(at start: Int) -> Bool {
            start + needle.count <= block.upperBound && bytes[start..<start + needle.count].elementsEqual(needle) && isMatch(start)
        }
        guard !needle.isEmpty else { return hint }
        // Estimates fall short by a few bytes a line (stripped indentation, quote markers); the
        // windows keep a text that never has the needle (an entity-encoded ID) from costing a scan
        // of the whole block for every token.
        if let found = (hint..<min(block.upperBound, hint + 4096)).first(where: matches) { return found }
        if let found = (max(block.lowerBound, hint - 256)..<hint).reversed().first(where: matches) { return found }
        return hint
    }

    private func location(ofByte offset: Int, path: String, firstLine: Int) -> SourceLocation {
        let (line, column) = position(ofByte: offset)
        return SourceLocation(path: path, line: line + firstLine - 1, column: column)
    }

    /// The place of a link or image: its opening `[`, `![` or `<`.
    func location(ofNode node: OpaquePointer, path: String, firstLine: Int) -> SourceLocation {
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        let opener = find(Array((isImage ? "![" : "[").utf8), near: node)
        let angle = isImage ? opener : find([UInt8(ascii: "<")], near: node)
        return location(ofByte: min(opener, angle), path: path, firstLine: firstLine)
    }

    /// The place of a token found at `offset` bytes into a text node's literal. The literal can
    /// differ from the source (escapes, entities), so the token is looked up in the source.
    func location(ofToken token: String, atOffset offset: Int, inTextNode node: OpaquePointer,
                  path: String, firstLine: Int) -> SourceLocation {
        let found = find(Array(token.utf8), near: node, extra: offset) { start in
            // A whole word, as the token was in the literal.
            (start == 0 || !Markdown.isWordByte(bytes[start - 1]))
                && (start + token.utf8.count >= bytes.count || !Markdown.isWordByte(bytes[start + token.utf8.count]))
        }
        return location(ofByte: found, path: path, firstLine: firstLine)
    }
}
