/// Writes a `MarkdownDocument` as HTML, byte for byte as libcmark's own renderer writes the same
/// tree, with normfolio's changes: norm IDs become links, links and images are resolved for the
/// site, links to other sites get `rel="noopener noreferrer"`, and headings are shifted so a body
/// starts at `<h2>` and never skips a level. Raw HTML and dangerous URLs are never written.
struct HTMLWriter {
    typealias Block = MarkdownDocument.Block
    typealias Inline = MarkdownDocument.Inline

    let normURL: (String) -> String?
    let resolve: (_ destination: String, _ isImage: Bool) -> Markdown.LinkTarget
    let labels: Markdown.Labels

    private var out: [UInt8] = []
    /// The level each heading is written at, in document order, and the next one to use.
    private var headingLevels: [Int] = []
    private var nextHeading = 0

    init(normURL: @escaping (String) -> String?, resolve: @escaping (String, Bool) -> Markdown.LinkTarget,
         labels: Markdown.Labels) {
        self.normURL = normURL
        self.resolve = resolve
        self.labels = labels
    }

    mutating func render(_ document: MarkdownDocument) -> String {
        headingLevels = Self.shiftedLevels(document.blocks)
        out.reserveCapacity(1024)
        blocks(document.blocks, tight: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// The page title is the only `<h1>`: body headings start at level 2 and go down one step at a time.
    private static func shiftedLevels(_ blocks: [Block]) -> [Int] {
        var levels: [Int] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let level, _): levels.append(level)
                case .quote(let children): collect(children)
                case .list(let list): for item in list.items { collect(item) }
                default: break
                }
            }
        }
        collect(blocks)
        guard let top = levels.min() else { return [] }
        var previous = 1
        return levels.map { level in
            let shifted = min(level - top + 2, previous + 1, 6)
            previous = shifted
            return shifted
        }
    }

    // MARK: Blocks

    private mutating func blocks(_ list: [Block], tight: Bool) {
        for block in list { self.block(block, tight: tight) }
    }

    private mutating func block(_ block: Block, tight: Bool) {
        switch block {
        case .paragraph(let content):
            if tight {
                inlines(content)
            } else {
                cr()
                write("<p>")
                inlines(content)
                write("</p>\n")
            }
        case .heading(_, let content):
            let level = nextHeading < headingLevels.count ? headingLevels[nextHeading] : 2
            nextHeading += 1
            cr()
            write("<h\(level)>")
            inlines(content)
            write("</h\(level)>\n")
        case .quote(let children):
            cr()
            write("<blockquote>\n")
            blocks(children, tight: false)
            cr()
            write("</blockquote>\n")
        case .list(let list):
            cr()
            if !list.ordered {
                write("<ul>\n")
            } else if list.start == 1 {
                write("<ol>\n")
            } else {
                write("<ol start=\"\(list.start)\">\n")
            }
            for item in list.items {
                cr()
                write("<li>")
                blocks(item, tight: list.tight)
                write("</li>\n")
            }
            write(list.ordered ? "</ol>\n" : "</ul>\n")
        case .code(let info, let literal):
            cr()
            let language = info.prefix { !$0.isWhitespace }
            if language.isEmpty {
                write("<pre><code>")
            } else {
                write("<pre><code class=\"language-")
                escape(String(language))
                write("\">")
            }
            escape(literal)
            write("</code></pre>\n")
        case .html:
            cr()
            write("<!-- raw HTML omitted -->")
            cr()
        case .rule:
            cr()
            write("<hr />\n")
        case .table(let table):
            self.table(table)
        }
    }

    /// A table in the focusable region that scrolls on narrow screens, named after its columns;
    /// header cells are column headers; alignment is a class (the site's policy allows no inline style).
    private mutating func table(_ table: MarkdownDocument.Table) {
        cr()
        var name = MarkdownDocument(blocks: [.paragraph(table.header.joined(separator: [.text(", ")]).map { $0 })]).visibleText
        name = name.isEmpty ? labels.table : labels.table + ": " + name
        write("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"")
        escape(name)
        write("\">\n<table>\n<thead>\n")
        row(table.header, tag: "th", alignments: table.alignments)
        write("</thead>\n")
        if !table.rows.isEmpty {
            write("<tbody>\n")
            for cells in table.rows { row(cells, tag: "td", alignments: table.alignments) }
            write("</tbody>\n")
        }
        write("</table>\n</div>\n")
    }

    private mutating func row(_ cells: [[Inline]], tag: String, alignments: [MarkdownDocument.Alignment]) {
        write("<tr>\n")
        for (cell, alignment) in zip(cells, alignments) {
            write("<\(tag)")
            if tag == "th" { write(" scope=\"col\"") }
            switch alignment {
            case .left: write(" class=\"align-left\"")
            case .center: write(" class=\"align-center\"")
            case .right: write(" class=\"align-right\"")
            case .none: break
            }
            write(">")
            inlines(cell)
            write("</\(tag)>\n")
        }
        write("</tr>\n")
    }

    // MARK: Inlines

    private mutating func inlines(_ list: [Inline]) {
        for inline in list { self.inline(inline) }
    }

    private mutating func inline(_ inline: Inline) {
        switch inline {
        case .text(let literal):
            escape(literal)
        case .code(let literal):
            write("<code>")
            escape(literal)
            write("</code>")
        case .emphasis(let children):
            write("<em>")
            inlines(children)
            write("</em>")
        case .strong(let children):
            write("<strong>")
            inlines(children)
            write("</strong>")
        case .softBreak:
            write("\n")
        case .lineBreak:
            write("<br />\n")
        case .html:
            write("<!-- raw HTML omitted -->")
        case .norm(let id):
            if let url = normURL(id) {
                link(to: url, title: "") { $0.escape(id) }
            } else {
                escape(id)
            }
        case .link(let destination, let title, let children):
            switch resolve(destination, false) {
            case .keep: link(to: destination, title: title) { $0.inlines(children) }
            case .rewrite(let url): link(to: url, title: title) { $0.inlines(children) }
            case .unlink: inlines(children)
            }
        case .image(let destination, let title, let description):
            let url: String
            switch resolve(destination, true) {
            case .keep: url = destination
            case .rewrite(let rewritten): url = rewritten
            case .unlink:
                inlines(description)
                return
            }
            write("<img src=\"")
            if !Self.isDangerous(url) { escapeHref(url) }
            write("\" alt=\"")
            plain(description)
            if !title.isEmpty {
                write("\" title=\"")
                escape(title)
            }
            write("\" />")
        }
    }

    private mutating func link(to url: String, title: String, content: (inout HTMLWriter) -> Void) {
        // Other sites learn nothing about the portfolio and cannot reach back into its window.
        write(url.hasPrefix("https://") || url.hasPrefix("http://") ? "<a rel=\"noopener noreferrer\" href=\"" : "<a href=\"")
        if !Self.isDangerous(url) { escapeHref(url) }
        if !title.isEmpty {
            write("\" title=\"")
            escape(title)
        }
        write("\">")
        content(&self)
        write("</a>")
    }

    /// An image description as the text of an `alt` attribute.
    private mutating func plain(_ list: [Inline]) {
        for inline in list {
            switch inline {
            case .text(let literal), .code(let literal), .html(let literal), .norm(let literal): escape(literal)
            case .softBreak, .lineBreak: write(" ")
            case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
                plain(children)
            }
        }
    }

    /// URLs a browser would run or that could carry a page of their own (cmark's safe mode).
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.prefix(20).lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") { return true }
        guard lower.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
    }

    // MARK: Output

    private mutating func cr() {
        if let last = out.last, last != 0x0A { out.append(0x0A) }
    }

    private mutating func write(_ text: String) {
        out.append(contentsOf: text.utf8)
    }

    /// Text escaped for HTML as cmark escapes it: `&`, `<`, `>` and `"`.
    private mutating func escape(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            default: out.append(byte)
            }
        }
    }

    /// A URL escaped for an `href` as cmark escapes it: characters that are safe in a URL (or
    /// reserved, and meant as such) stay; `&` and `'` become entities; all else is %-encoded.
    private mutating func escapeHref(_ url: String) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if Self.hrefSafe[Int(byte)] {
                out.append(byte)
            } else if byte == UInt8(ascii: "&") {
                out.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                out.append(contentsOf: "&#x27;".utf8)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
    }

    /// cmark's HREF_SAFE table: `-_.+!*(),%#@?=;:/$` and letters and digits.
    private static let hrefSafe: [Bool] = (0..<256).map { value in
        guard let scalar = Unicode.Scalar(value), value < 128 else { return false }
        return scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar)
            || "-_.+!*(),%#@?=;:/$".unicodeScalars.contains(scalar)
    }
}
