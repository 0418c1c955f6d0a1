/// Diagnostics of pages, links, Markdown, the settings, the catalogue and templates.
extension Diagnostic {
    // MARK: Pages and links

    static func pageCollision(_ page: String, with other: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "page-collision", "would be published as '\(quote(page))', the same page as '\(quote(other))'; rename one of them",
                   at: location)
    }

    static func brokenLink(_ target: String, hint: String? = nil, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "broken-link", "link to '\(quote(target))', which does not exist" + (hint.map { " (\($0))" } ?? ""),
                   at: location)
    }

    static func brokenAnchor(_ fragment: String, in file: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "broken-anchor",
                   "link to '#\(quote(fragment))', but \(quote(file)) has no heading with that anchor"
                   + (suggestion.map { " (did you mean '#\($0)'?)" } ?? ""), at: location)
    }

    static func missingAttachment(_ target: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-attachment", "attachment '\(quote(target))' does not exist", at: location)
    }

    static func registerAttachment(_ target: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-attachment",
                   "'\(quote(target))' is a register, whose file is never published; link to it in the text to link to its page",
                   at: location)
    }

    static func outsidePortfolio(_ target: String, hint: String? = nil, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "outside-portfolio",
                   "'\(quote(target))' points outside the portfolio's Content/ folder" + (hint.map { " (\($0))" } ?? ""), at: location)
    }

    static func attachmentWithheld(_ file: String, usedBy strictest: String, _ classification: Classification,
                                   editions: [Audience], at location: SourceLocation) -> Diagnostic {
        let names = editions.map(\.rawValue).joined(separator: " and ")
        return Diagnostic(.warning, "attachment-withheld",
                          "'\(quote(file))' is also used by \(quote(strictest)), which is \(classification.name), so it is "
                          + "published only where that may be read; the \(names) \(editions.count == 1 ? "edition shows" : "editions show") "
                          + "this link as text", at: location)
    }

    static func symbolicLinkOutside(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "outside-portfolio",
                   "'\(quote(path))' is a symbolic link to a place outside the portfolio; nothing is read or published through it",
                   at: location)
    }

    static func remoteImage(_ url: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "remote-image",
                   "image '\(quote(url))' is on another site, and the portfolio loads nothing from the internet: it is shown "
                   + "as a link; download it into the portfolio and link to the file to show it", at: location)
    }

    static func unsafeLink(_ url: String, at location: SourceLocation) -> Diagnostic {
        let scheme = url.split(separator: ":").first.map(String.init) ?? url
        return Diagnostic(.warning, "unsafe-link", "'\(quote(scheme)):' links are not published; the link was removed", at: location)
    }

    // MARK: Markdown

    static func unknownFootnote(_ label: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "unknown-footnote",
                   "footnote '[^\(quote(label))]' is not defined; add a line '[^\(quote(label))]: …' with its text", at: location)
    }

    static func unusedFootnote(_ label: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "unused-footnote", "footnote '[^\(quote(label))]' is defined but nothing refers to it; it is not shown",
                   at: location)
    }

    static func htmlRemoved(_ element: String, count: Int, at location: SourceLocation) -> Diagnostic {
        let times = count == 1 ? "" : " (\(count) times in this file)"
        let what = !HTMLSanitizer.isElement(element) ? "is not HTML; it is shown as text"
            : HTMLSanitizer.removedWithContent.contains(element) ? "is removed with its content"
            : "is not published; the text inside it is kept"
        return Diagnostic(.warning, "html-removed", "raw HTML <\(quote(element))>\(times) \(what)", at: location)
    }

    // MARK: Settings, catalogue and templates

    static func unknownString(_ key: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "unknown-key", "unknown interface text '\(quote(key))'\(didYouMean(suggestion)); it is ignored", at: location)
    }

    static func invalidString(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value",
                   "interface text '\(quote(key))' must be a text, or a text per number as {one: …, other: …}", at: location)
    }

    static func missingFile(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-file", "'\(quote(path))' does not exist", at: location)
    }

    static func invalidNormID(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-norm-id", "'\(quote(id))' is not a norm ID of the form XX.NN (for example SM.02)", at: location)
    }

    static func unknownDomain(_ code: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unknown-domain", "unknown domain '\(quote(code))'\(didYouMean(suggestion))", at: location)
    }

    static func duplicateEntry(_ what: String, _ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "duplicate-entry", "\(what) '\(quote(id))' is listed more than once", at: location)
    }

    static func publicCollision(_ path: String, replacing what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "public-collision",
                   "would replace '\(quote(path))', \(quote(what)); rename or move this file", at: location)
    }

    static func unsafeName(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unsafe-name",
                   "'\(quote(path))' cannot be published under this name (it holds a backslash or a control character); rename it",
                   at: location)
    }

    static func templateSyntax(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "template-syntax", "template error: \(detail)", at: location)
    }
}
