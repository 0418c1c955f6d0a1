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
        /// The ids of the body's headings, for `#anchor` links.
        public var anchors: [String] = []
        /// Problems the body has on its own (footnotes without a definition, and the like).
        public var diagnostics: [Diagnostic] = []
        /// Elements of raw HTML that are not published: how often, and where first.
        var removedHTML: [String: (count: Int, location: SourceLocation)] = [:]
    }

    /// The words rendered Markdown needs besides the author's, in the site's language.
    public struct Labels: Sendable {
        /// Names a table's scrolling region ("Tabel: kolom, kolom").
        public var table: String
        /// Names the link beside each heading ("Link naar dit kopje: Doel").
        public var headingLink: String
        /// Names the list of footnotes.
        public var footnotes: String
        /// Names the link from a footnote back to where it is referred to.
        public var footnoteBack: String

        public init(table: String, headingLink: String, footnotes: String, footnoteBack: String) {
            (self.table, self.headingLink, self.footnotes, self.footnoteBack) = (table, headingLink, footnotes, footnoteBack)
        }

        public static let dutch = Labels(table: "Tabel", headingLink: "Link naar dit kopje", footnotes: "Voetnoten",
                                         footnoteBack: "Terug naar de tekst")
    }

    /// How the renderer should treat one link or image.
    public enum LinkTarget: Sendable, Equatable {
        /// Keep the destination as written (external links, in-page anchors).
        case keep
        /// Point the link at this URL instead.
        case rewrite(String)
        /// Point the link at this URL, to be saved as `filename` rather than opened (an attachment
        /// a browser would run); an image is shown as such a link, never as an image.
        case download(String, filename: String)
        /// Drop the link but keep its text (a withheld or unsafe target).
        case unlink
    }

    /// A parsed body: the document to render, and what it refers to.
    public typealias Parsed = (document: MarkdownDocument, analysis: Analysis)

    /// Parses a body: the document to render, and what it refers to, with places in the original
    /// file. The only time a body is parsed.
    public static func parse(_ source: MarkdownSource, path: String) -> Parsed {
        let prepared = Footnotes.prepare(source.text)
        let lines = SourceLines(prepared.text, insertions: prepared.insertions)
        var analysis = Analysis()
        // Cells of tables are parsed on their own; link reference definitions are document-wide.
        let definitions = prepared.text.containsByte(UInt8(ascii: "|")) ? referenceDefinitions(in: prepared.text) : ""
        let features = MarkdownExtensions.Features(prepared.text)
        var converter = TreeConverter(lines: lines, path: path, firstLine: source.firstLine, definitions: definitions)
        // Without web addresses and footnotes, nothing can overlap a norm ID in a text: norm IDs
        // become tokens as the tree is built, and most bodies need no further pass.
        converter.splitsNorms = !features.addresses && !features.footnotes
        var document = withDocument(prepared.text) { root in converter.convert(root, analysis: &analysis) }
        let (blocks, footnotes) = Footnotes.extractDefinitions(from: document.blocks)
        document.blocks = blocks
        MarkdownExtensions.apply(to: &document, definitions: footnotes, reservedIDs: reservedIDs, features: features)
        analysis.visibleText = document.visibleText
        analysis.anchors = document.anchors
        analysis.diagnostics += footnoteDiagnostics(prepared, defined: footnotes, used: Set(document.footnotes.map(\.label)),
                                                    path: path, firstLine: source.firstLine)
        for (name, removal) in analysis.removedHTML.sorted(by: { $0.value.location < $1.value.location }) {
            analysis.diagnostics.append(.htmlRemoved(name, count: removal.count, at: removal.location))
        }
        return (document, analysis)
    }

    /// Ids the pages a body is shown on (documents, free pages, and norm pages with their
    /// assessment) use for their own sections, and those of footnotes: a heading never gets one
    /// of them. Other pages' ids are free: a heading may be called "Niveaus" without a suffix.
    static let reservedIDs: Set<String> = {
        var ids: Set<String> = []
        let shown = ["layout.mustache", "head-extra.mustache", "document.mustache", "page.mustache", "norm.mustache"]
        for (name, data) in Theme.builtInFiles(under: "Templates") where shown.contains(name) {
            let text = String(decoding: data, as: UTF8.self)
            for part in text.components(separatedBy: "id=\"").dropFirst() {
                let id = part.prefix { $0 != "\"" }
                if !id.contains("{") { ids.insert(String(id)) }
            }
        }
        return ids.union(["main", "inhoud", "content", "footnotes"])
    }()

    /// Warnings for references to footnotes that are not defined, and definitions nothing refers to.
    private static func footnoteDiagnostics(_ prepared: Footnotes.Prepared, defined: [String: [MarkdownDocument.Block]],
                                            used: Set<String>, path: String, firstLine: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in prepared.references where defined[reference.label] == nil {
            diagnostics.append(.unknownFootnote(reference.label, at: SourceLocation(path: path, line: reference.line + firstLine - 1,
                                                                                    column: reference.column)))
        }
        var reported = Set<String>()
        for definition in prepared.definitions where !used.contains(definition.label) && reported.insert(definition.label).inserted {
            diagnostics.append(.unusedFootnote(definition.label, at: SourceLocation(path: path, line: definition.line + firstLine - 1,
                                                                                    column: definition.column)))
        }
        return diagnostics
    }

    /// What a body refers to (see `parse`).
    public static func analyze(_ source: MarkdownSource, path: String) -> Analysis {
        parse(source, path: path).analysis
    }

    /// Renders a parsed body to HTML (see `HTMLWriter`): norm IDs become links (`normURL` gives
    /// the URL of a catalogue ID, nil for others), links and images are resolved by `resolve`,
    /// headings are shifted so the body starts at `<h2>` below the page's `<h1>` and never skips a
    /// level, and with a `hyphenator` their long words get soft hyphens. Raw HTML is not passed through.
    public static func html(
        _ document: MarkdownDocument,
        labels: Labels = .dutch,
        hyphenator: Hyphenator? = nil,
        normURL: (String) -> String?,
        resolve: (_ destination: String, _ isImage: Bool) -> LinkTarget
    ) -> String {
        withoutActuallyEscaping(normURL) { normURL in
            withoutActuallyEscaping(resolve) { resolve in
                var writer = HTMLWriter(normURL: normURL, resolve: resolve, labels: labels, hyphenator: hyphenator)
                return writer.render(document)
            }
        }
    }

    /// Parses and renders a body in one go (for tests and the fuzzer).
    public static func html(
        _ source: MarkdownSource,
        labels: Labels = .dutch,
        hyphenator: Hyphenator? = nil,
        normURL: (String) -> String?,
        resolve: (_ destination: String, _ isImage: Bool) -> LinkTarget
    ) -> String {
        html(parse(source, path: "").document, labels: labels, hyphenator: hyphenator, normURL: normURL, resolve: resolve)
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
        var linkDepth = 0   // inside links and images, text is not searched for norm IDs
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
                stack.push(.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
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
                analysis.links.append(MarkdownLink(destination: destination, isImage: type == CMARK_NODE_IMAGE,
                                                   location: placed(lines.location(ofNode: node, path: path, firstLine: firstLine))))
                stack.push(type == CMARK_NODE_LINK ? .link(destination, title) : .image(destination, title))
                linkDepth += 1
            case CMARK_NODE_TEXT:
                let literal = Markdown.literal(of: node)
                // Norm-ID-shaped words, with their places (they become tokens of their own later).
                let tokens = linkDepth == 0 ? Markdown.normTokens(in: literal) : []
                for token in tokens {
                    analysis.mentions.append(NormMention(
                        id: token.id,
                        location: placed(lines.location(ofToken: token.id, atOffset: token.offset, inTextNode: node, path: path,
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
        var depth = 0       // frames that count towards the cap
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
        guard !inspection.removed.isEmpty || !inspection.shownAsText.isEmpty || !inspection.links.isEmpty else { return }
        let location = placed(lines.location(ofHTML: node, path: path, firstLine: firstLine))
        for name in inspection.removed + inspection.shownAsText {
            analysis.removedHTML[name, default: (0, location)].count += 1
        }
        for (destination, isImage) in inspection.links {
            analysis.links.append(MarkdownLink(destination: destination, isImage: isImage, location: location))
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
        var converter = TreeConverter(lines: SourceLines(text), path: path, firstLine: firstLine + origin.line - 1,
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
    /// Offsets of bytes added to the text before cmark read it (see `Footnotes.prepare`): places
    /// after one, on its line, are one column further left in the file.
    private let insertions: [Int]

    init(_ text: String, insertions: [Int] = []) {
        self.insertions = insertions
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
        let added = insertions.isEmpty ? 0 : insertions.count { $0 >= starts[low] && $0 < offset }
        return (low + 1, column - added)
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

    /// The place of raw HTML: its `<`.
    func location(ofHTML node: OpaquePointer, path: String, firstLine: Int) -> SourceLocation {
        location(ofByte: find([UInt8(ascii: "<")], near: node), path: path, firstLine: firstLine)
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
