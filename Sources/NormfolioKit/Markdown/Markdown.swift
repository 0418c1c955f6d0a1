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

    /// How the renderer should treat one link or image.
    public enum LinkTarget: Sendable, Equatable {
        /// Keep the destination as written (external links, in-page anchors).
        case keep
        /// Point the link at this URL instead.
        case rewrite(String)
        /// Drop the link but keep its text (a withheld or unsafe target).
        case unlink
    }

    /// Finds links, images and norm-ID mentions, with their places in the original file.
    public static func analyze(_ source: MarkdownSource, path: String) -> Analysis {
        let lines = SourceLines(source.text)
        var analysis = Analysis()
        var visible: [UInt8] = []
        withDocument(source.text) { document in
            walk(document) { node, insideLinkOrCode in
                appendVisibleText(of: node, to: &visible)
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let location = lines.location(ofNode: node, path: path, firstLine: source.firstLine)
                    analysis.links.append(MarkdownLink(
                        destination: String(cString: cmark_node_get_url(node)),
                        isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE, location: location))
                case CMARK_NODE_TEXT where !insideLinkOrCode:
                    for token in normTokens(inLiteralOf: node) {
                        let location = lines.location(ofToken: token.id, atOffset: token.offset, inTextNode: node,
                                                      path: path, firstLine: source.firstLine)
                        analysis.mentions.append(NormMention(id: token.id, location: location))
                    }
                default:
                    break
                }
            }
        }
        if visible.last == 0x20 { visible.removeLast() }
        analysis.visibleText = String(decoding: visible, as: UTF8.self)
        return analysis
    }

    /// Adds what a reader sees of `node` to `text`, words separated by single spaces. cmark's safe
    /// rendering drops raw HTML, so its nodes add nothing.
    private static func appendVisibleText(of node: OpaquePointer, to text: inout [UInt8]) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
            guard let literal = cmark_node_get_literal(node) else { return }
            var pendingSpace = false
            for byte in UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)) {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pendingSpace = true
                } else {
                    if pendingSpace, let last = text.last, last != 0x20 { text.append(0x20) }
                    pendingSpace = false
                    text.append(byte)
                }
            }
            if pendingSpace, let last = text.last, last != 0x20 { text.append(0x20) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM,
            CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_THEMATIC_BREAK:
            // Words on either side of a break or block boundary stay apart.
            if let last = text.last, last != 0x20 { text.append(0x20) }
        default:
            break
        }
    }

    /// Renders a body to HTML: norm IDs become links (`normURL` gives the URL of a catalogue ID,
    /// nil for others), links and images are resolved by `resolve`, headings are shifted so the
    /// body starts at `<h2>` below the page's `<h1>` and never skips a level. Raw HTML and unsafe
    /// URLs are dropped (cmark's safe mode).
    public static func html(
        _ source: MarkdownSource,
        normURL: (String) -> String?,
        resolve: (_ destination: String, _ isImage: Bool) -> LinkTarget
    ) -> String {
        withDocument(source.text) { document in
            var texts: [OpaquePointer] = []
            var links: [OpaquePointer] = []
            var headings: [OpaquePointer] = []
            walk(document) { node, insideLinkOrCode in
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
                case CMARK_NODE_HEADING: headings.append(node)
                case CMARK_NODE_TEXT where !insideLinkOrCode: texts.append(node)
                default: break
                }
            }
            for node in texts { linkNormIDs(in: node, normURL: normURL) }
            for node in links {
                let destination = String(cString: cmark_node_get_url(node))
                switch resolve(destination, cmark_node_get_type(node) == CMARK_NODE_IMAGE) {
                case .keep: break
                case .rewrite(let url): cmark_node_set_url(node, url)
                case .unlink: unwrap(node)
                }
            }
            shiftHeadings(headings)
            guard let html = cmark_render_html(document, CMARK_OPT_SAFE) else { return "" }
            defer { free(html) }
            return withExternalLinksIsolated(String(cString: html))
        }
    }

    /// Links to other sites get `rel="noopener noreferrer"`: the other site learns nothing about
    /// the portfolio and cannot reach back into its window. cmark writes every link as `<a href="`.
    private static func withExternalLinksIsolated(_ html: String) -> String {
        guard html.containsBytes("<a href=\"http") else { return html }
        return html.replacingOccurrences(of: "<a href=\"https://", with: "<a rel=\"noopener noreferrer\" href=\"https://")
            .replacingOccurrences(of: "<a href=\"http://", with: "<a rel=\"noopener noreferrer\" href=\"http://")
    }

    // MARK: Tree helpers

    private static func withDocument<T>(_ text: String, _ body: (OpaquePointer) -> T) -> T {
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

    /// Visits every node on entry; `insideLinkOrCode` is true within links and images (code spans and
    /// blocks are separate node types, so their text is never seen as TEXT).
    private static func walk(_ document: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var linkDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isLink = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
            if event == CMARK_EVENT_ENTER {
                visit(node, linkDepth > 0)
                if isLink { linkDepth += 1 }
            } else if event == CMARK_EVENT_EXIT, isLink {
                linkDepth -= 1
            }
        }
    }

    /// Replaces a text node by text and link nodes, one link per catalogue norm ID.
    private static func linkNormIDs(in node: OpaquePointer, normURL: (String) -> String?) {
        let tokens = normTokens(inLiteralOf: node).compactMap { token in normURL(token.id).map { (token, $0) } }
        guard !tokens.isEmpty, let literal = cmark_node_get_literal(node) else { return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        var position = 0
        func insertText(_ range: Range<Int>) {
            guard !range.isEmpty, let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
            cmark_node_set_literal(text, String(decoding: bytes[range], as: UTF8.self))
            cmark_node_insert_before(node, text)
        }
        for (token, url) in tokens {
            insertText(position..<token.offset)
            if let link = cmark_node_new(CMARK_NODE_LINK), let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_url(link, url)
                cmark_node_set_literal(text, token.id)
                cmark_node_append_child(link, text)
                cmark_node_insert_before(node, link)
            }
            position = token.offset + 5
        }
        insertText(position..<bytes.count)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Replaces a link or image by its content (for an image: its description as text).
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// The page title is the only `<h1>`: body headings start at level 2 and go down one step at a time.
    private static func shiftHeadings(_ headings: [OpaquePointer]) {
        let levels = headings.map { Int(cmark_node_get_heading_level($0)) }
        guard let top = levels.min() else { return }
        var previous = 1
        for (node, level) in zip(headings, levels) {
            let shifted = min(level - top + 2, previous + 1, 6)
            cmark_node_set_heading_level(node, Int32(shifted))
            previous = shifted
        }
    }

    // MARK: Norm IDs in text

    /// Tokens shaped like a norm ID (two letters, a dot, two digits, standing alone) in a text
    /// node, read straight from cmark's bytes; lower-case ones are returned too, so "sm.02" can get
    /// a did-you-mean. Offsets are in bytes.
    private static func normTokens(inLiteralOf node: OpaquePointer) -> [(id: String, offset: Int)] {
        guard let literal = cmark_node_get_literal(node) else { return [] }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        return normTokens(in: bytes)
    }

    /// The same for any text (used by tests and for plain strings).
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

    /// The 1-based line and Unicode-scalar column of a byte offset.
    private func position(ofByte offset: Int) -> (line: Int, column: Int) {
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
