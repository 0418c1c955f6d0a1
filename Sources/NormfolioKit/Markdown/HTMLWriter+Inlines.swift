/// How `HTMLWriter` writes inlines: text, emphasis, code, links, images, norm IDs and footnote
/// references.
extension HTMLWriter {
    // MARK: Inlines

    mutating func inlines(_ list: [Inline]) {
        for inline in list { self.inline(inline) }
    }

    mutating func inline(_ inline: Inline) {
        switch inline {
        case .text(let literal):
            if inHeading, let hyphenator { escape(hyphenator.hyphenate(literal)) } else { escape(literal) }
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
        case .strikethrough(let children):
            write("<del>")
            inlines(children)
            write("</del>")
        case .footnote(let label):
            guard let number = footnoteNumbers[label] else {
                escape("[^\(label)]")
                return
            }
            let count = (footnoteReferences[label] ?? 0) + 1
            footnoteReferences[label] = count
            write("<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"fnref-\(number)\(count > 1 ? "-\(count)" : "")\">\(number)</a></sup>")
        case .softBreak:
            write("\n")
        case .lineBreak:
            write("<br />\n")
        case .html(let literal):
            if rawHTML, !HTMLSanitizer.isComment(literal) { write(literal) }
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
            case .download(let url, let filename): link(to: url, title: title, download: filename) { $0.inlines(children) }
            case .unlink: inlines(children)
            }
        case .image(let destination, let title, let description):
            let url: String
            switch resolve(destination, true) {
            case .keep: url = destination
            case .rewrite(let rewritten): url = rewritten
            case .download(let rewritten, let filename):
                let text = MarkdownDocument.Inline.plainText(description)
                link(to: rewritten, title: title, download: filename) { $0.escape(text.isEmpty ? filename : text) }
                return
            case .unlink:
                inlines(description)
                return
            }
            // The site loads nothing from the internet: a remote image is a link to it.
            if HTMLSanitizer.isRemote(url) {
                let text = HTMLSanitizer.remoteImageText(alt: MarkdownDocument.Inline.plainText(description), url: url, label: labels.remoteImage)
                link(to: url, title: title) { $0.escape(text) }
                return
            }
            write(rawHTML ? "<img \(HTMLSanitizer.ownMarker)=\"\" src=\"" : "<img src=\"")
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

    mutating func link(to url: String, title: String, download: String? = nil, content: (inout HTMLWriter) -> Void) {
        // Other sites learn nothing about the portfolio and cannot reach back into its window: the
        // rule that takes a link for one to another site is the sanitizer's (any case, `//host` too).
        if rawHTML { write("<a \(HTMLSanitizer.ownMarker)=\"\"") } else { write("<a") }
        write(HTMLSanitizer.isRemote(url) ? " rel=\"noopener noreferrer\" href=\"" : " href=\"")
        if !Self.isDangerous(url) { escapeHref(url) }
        if let download {
            write("\" download=\"")
            escape(download)
        }
        if !title.isEmpty {
            write("\" title=\"")
            escape(title)
        }
        write("\">")
        content(&self)
        write("</a>")
    }

    /// An image description as the text of an `alt` attribute.
    mutating func plain(_ list: [Inline]) {
        for inline in list {
            switch inline {
            case .text(let literal), .code(let literal), .html(let literal), .norm(let literal): escape(literal)
            case .softBreak, .lineBreak: write(" ")
            case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, _, let children),
                .image(_, _, let children):
                plain(children)
            case .footnote: break
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
}
