/// Writes a `MarkdownDocument` as HTML, byte for byte as libcmark's own renderer writes the same
/// tree, with normfolio's changes: norm IDs become links, links and images are resolved for the
/// site, links to other sites get `rel="noopener noreferrer"`, headings are shifted so a body
/// starts at `<h2>` and never skips a level, and with a `hyphenator` the long words of headings get
/// soft hyphens. Raw HTML and dangerous URLs are never written.
struct HTMLWriter {
    typealias Block = MarkdownDocument.Block
    typealias Inline = MarkdownDocument.Inline

    let normURL: (String) -> String?
    let resolve: (_ destination: String, _ isImage: Bool) -> Markdown.LinkTarget
    let labels: Markdown.Labels
    /// Marks the break points of long words in the text of headings (never in ids or attributes).
    let hyphenator: Hyphenator?

    var out: [UInt8] = []
    /// Whether the text being written is a heading's, to be hyphenated.
    var inHeading = false
    /// The level each heading is written at, in document order, and the next one to use.
    var headingLevels: [Int] = []
    var nextHeading = 0
    /// Whether the body holds raw HTML (other than comments): then it is written through, with
    /// normfolio's own links and images marked, and the whole body is sanitized afterwards.
    var rawHTML = false
    /// Footnote numbers by label, and how often each was referred to so far.
    var footnoteNumbers: [String: Int] = [:]
    var footnoteReferences: [String: Int] = [:]

    init(
        normURL: @escaping (String) -> String?, resolve: @escaping (String, Bool) -> Markdown.LinkTarget,
        labels: Markdown.Labels, hyphenator: Hyphenator? = nil
    ) {
        self.normURL = normURL
        self.resolve = resolve
        self.labels = labels
        self.hyphenator = hyphenator
    }

    mutating func render(_ document: MarkdownDocument) -> String {
        headingLevels = Self.shiftedLevels(document.blocks)
        for (index, footnote) in document.footnotes.enumerated() { footnoteNumbers[footnote.label] = index + 1 }
        rawHTML = Self.containsRawHTML(document)
        out.reserveCapacity(1024)
        blocks(document.blocks, tight: false)
        footnotes(document.footnotes)
        let html = String(decoding: out, as: UTF8.self)
        return rawHTML ? HTMLSanitizer.sanitize(html, remoteImage: labels.remoteImage, resolve: resolve) : html
    }

    /// Whether a body holds raw HTML other than comments.
    static func containsRawHTML(_ document: MarkdownDocument) -> Bool {
        func inlines(_ list: [Inline]) -> Bool {
            list.contains { inline in
                switch inline {
                case .html(let literal): !HTMLSanitizer.isComment(literal)
                case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, _, let children),
                    .image(_, _, let children):
                    inlines(children)
                default: false
                }
            }
        }
        func blocks(_ list: [Block]) -> Bool {
            list.contains { block in
                switch block {
                case .html(let literal): !HTMLSanitizer.isComment(literal)
                case .paragraph(let content), .heading(_, let content, _): inlines(content)
                case .quote(let children): blocks(children)
                case .list(let list): list.items.contains { blocks($0.blocks) }
                case .table(let table): (table.header + table.rows.flatMap { $0 }).contains(where: inlines)
                case .code, .rule: false
                }
            }
        }
        return blocks(document.blocks) || document.footnotes.contains { blocks($0.blocks) }
    }

    /// The page title is the only `<h1>`: body headings start at level 2 and go down one step at a time.
    static func shiftedLevels(_ blocks: [Block]) -> [Int] {
        var levels: [Int] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let level, _, _): levels.append(level)
                case .quote(let children): collect(children)
                case .list(let list): for item in list.items { collect(item.blocks) }
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

    mutating func blocks(_ list: [Block], tight: Bool) {
        for block in list { self.block(block, tight: tight) }
    }

    mutating func block(_ block: Block, tight: Bool, task: Bool? = nil) {
        switch block {
        case .paragraph(let content):
            if !tight {
                cr()
                write("<p>")
            }
            if let task { checkbox(done: task, content: content) }
            inlines(content)
            if !tight { write("</p>\n") }
        case .heading(_, let content, let id):
            let level = nextHeading < headingLevels.count ? headingLevels[nextHeading] : 2
            nextHeading += 1
            cr()
            write("<h\(level) id=\"")
            escape(id)
            write("\">")
            inHeading = hyphenator != nil
            inlines(content)
            inHeading = false
            // A visible anchor, reachable by keyboard, to link to this heading.
            write(" <a class=\"heading-anchor\" href=\"#")
            escapeHref(id)
            write("\" aria-label=\"")
            escape(labels.headingLink + ": " + MarkdownDocument.Inline.plainText(content))
            write("\">#</a></h\(level)>\n")
        case .quote(let children):
            cr()
            write("<blockquote>\n")
            blocks(children, tight: false)
            cr()
            write("</blockquote>\n")
        case .list(let list):
            cr()
            let isTaskList = list.items.contains { $0.task != nil }
            if !list.ordered {
                write(isTaskList ? "<ul class=\"task-list\">\n" : "<ul>\n")
            } else if list.start == 1 {
                write("<ol>\n")
            } else {
                write("<ol start=\"\(list.start)\">\n")
            }
            for item in list.items {
                cr()
                write(item.task == nil ? "<li>" : "<li class=\"task\">")
                for (index, child) in item.blocks.enumerated() {
                    self.block(child, tight: list.tight, task: index == 0 ? item.task : nil)
                }
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
        case .html(let literal):
            // Comments are dropped; other raw HTML is written through, to be sanitized.
            guard rawHTML, !HTMLSanitizer.isComment(literal) else { return }
            cr()
            write(literal)
            cr()
        case .rule:
            cr()
            write("<hr />\n")
        case .table(let table):
            self.table(table)
        }
    }

    /// The checkbox of a task list item, named after the task.
    mutating func checkbox(done: Bool, content: [Inline]) {
        write(done ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"" : "<input type=\"checkbox\" disabled=\"\" aria-label=\"")
        escape(String(MarkdownDocument.Inline.plainText(content).trimmed.prefix(120)))
        write("\" /> ")
    }

    /// The footnotes at the end of the body, each with a link back to every reference to it.
    mutating func footnotes(_ footnotes: [MarkdownDocument.Footnote]) {
        guard !footnotes.isEmpty else { return }
        cr()
        write("<section class=\"footnotes\" aria-label=\"")
        escape(labels.footnotes)
        write("\">\n<ol>\n")
        for (index, footnote) in footnotes.enumerated() {
            let number = index + 1
            write("<li id=\"fn-\(number)\">\n")
            var content = footnote.blocks
            // The way back goes at the end of the last paragraph (or in one of its own).
            var backInLast = false
            if case .paragraph(let inlines)? = content.last {
                content.removeLast()
                blocks(content, tight: false)
                cr()
                write("<p>")
                self.inlines(inlines)
                backInLast = true
            } else {
                blocks(content, tight: false)
                cr()
                write("<p>")
            }
            for reference in 1...max(1, footnoteReferences[footnote.label] ?? 1) {
                let id = "fnref-\(number)" + (reference > 1 ? "-\(reference)" : "")
                write((backInLast || reference > 1 ? " " : "") + "<a href=\"#\(id)\" class=\"footnote-back\" aria-label=\"")
                escape(labels.footnoteBack)
                write("\">↩</a>")
            }
            write("</p>\n</li>\n")
        }
        write("</ol>\n</section>\n")
    }

    /// A table in the focusable region that scrolls on narrow screens, named after its columns;
    /// header cells are column headers; alignment is a class (the site's policy allows no inline style).
    mutating func table(_ table: MarkdownDocument.Table) {
        cr()
        var name = table.header.map { MarkdownDocument.Inline.plainText($0).trimmed }.filter { !$0.isEmpty }.joined(separator: ", ")
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

    mutating func row(_ cells: [[Inline]], tag: String, alignments: [MarkdownDocument.Alignment]) {
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

    // MARK: Output

    mutating func cr() {
        if let last = out.last, last != 0x0A { out.append(0x0A) }
    }

    mutating func write(_ text: String) {
        out.append(contentsOf: text.utf8)
    }

    /// Text escaped for HTML as cmark escapes it: `&`, `<`, `>` and `"`.
    mutating func escape(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            // Runs without special characters are copied at once.
            var start = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// A URL escaped for an `href` as cmark escapes it: characters that are safe in a URL (or
    /// reserved, and meant as such) stay; `&` and `'` become entities; all else is %-encoded.
    mutating func escapeHref(_ url: String) {
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
