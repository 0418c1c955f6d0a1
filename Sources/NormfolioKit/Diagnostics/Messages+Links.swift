/// Diagnostics of pages, links, Markdown, the settings, the catalogue and templates.
extension Diagnostic {
    /// A hint added to a message in parentheses, in both languages.
    struct Hint: Equatable {
        var en: String
        var nl: String
    }

    // MARK: Pages and links

    static func pageCollision(_ page: String, with other: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "page-collision", en: "would be published as '\(quote(page))', the same page as '\(quote(other))'; rename one of them",
            nl: "zou gepubliceerd worden als '\(quote(page))', dezelfde pagina als '\(quote(other))'; geef een van beide "
                + "een andere naam", at: location)
    }

    static func brokenLink(_ target: String, hint: Hint? = nil, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "broken-link", en: "link to '\(quote(target))', which does not exist" + (hint.map { " (\($0.en))" } ?? ""),
            nl: "link naar '\(quote(target))', dat niet bestaat" + (hint.map { " (\($0.nl))" } ?? ""), at: location)
    }

    static func brokenAnchor(_ fragment: String, in file: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "broken-anchor",
            en: "link to '#\(quote(fragment))', but \(quote(file)) has no heading with that anchor"
                + (suggestion.map { " (did you mean '#\($0)'?)" } ?? ""),
            nl: "link naar '#\(quote(fragment))', maar \(quote(file)) heeft geen kop met dat anker"
                + (suggestion.map { " (bedoelde je '#\($0)'?)" } ?? ""), at: location)
    }

    static func missingAttachment(_ target: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "missing-attachment", en: "attachment '\(quote(target))' does not exist",
            nl: "de bijlage '\(quote(target))' bestaat niet", at: location)
    }

    static func registerAttachment(_ target: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "missing-attachment",
            en: "'\(quote(target))' is a register, whose file is never published; link to it in the text to link to its page",
            nl: "'\(quote(target))' is een register, en het bestand daarvan wordt nooit gepubliceerd; link ernaar in de tekst "
                + "om naar de pagina ervan te linken", at: location)
    }

    static func outsidePortfolio(_ target: String, hint: Hint? = nil, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "outside-portfolio",
            en: "'\(quote(target))' points outside the portfolio's Content/ folder" + (hint.map { " (\($0.en))" } ?? ""),
            nl: "'\(quote(target))' wijst naar een plek buiten de map Content/ van het portfolio" + (hint.map { " (\($0.nl))" } ?? ""),
            at: location)
    }

    static func attachmentWithheld(
        _ file: String, usedBy strictest: String, _ classification: Classification,
        editions: [Audience], at location: SourceLocation
    ) -> Diagnostic {
        let names = editions.map(\.rawValue).joined(separator: " and ")
        let namesNL = editions.map(\.rawValue).joined(separator: " en ")
        return Diagnostic(
            .warning, "attachment-withheld",
            en: "'\(quote(file))' is also used by \(quote(strictest)), which is \(classification.name), so it is "
                + "published only where that may be read; the \(names) \(editions.count == 1 ? "edition shows" : "editions show") "
                + "this link as text",
            nl: "'\(quote(file))' wordt ook gebruikt door \(quote(strictest)), dat \(classification.name) is, dus het wordt "
                + "alleen gepubliceerd waar dat gelezen mag worden; \(editions.count == 1 ? "de editie" : "de edities") "
                + "\(namesNL) \(editions.count == 1 ? "toont" : "tonen") deze link als tekst", at: location)
    }

    static func symbolicLinkOutside(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "outside-portfolio",
            en: "'\(quote(path))' is a symbolic link to a place outside the portfolio; nothing is read or published through it",
            nl: "'\(quote(path))' is een symbolische koppeling naar een plek buiten het portfolio; via die koppeling wordt "
                + "niets gelezen of gepubliceerd", at: location)
    }

    static func remoteImage(_ url: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "remote-image",
            en: "image '\(quote(url))' is on another site, and the portfolio loads nothing from the internet: it is shown "
                + "as a link; download it into the portfolio and link to the file to show it",
            nl: "de afbeelding '\(quote(url))' staat op een andere site, en het portfolio laadt niets van internet: ze wordt "
                + "als link getoond; download haar in het portfolio en link naar het bestand om haar te tonen", at: location)
    }

    static func unsafeLink(_ url: String, at location: SourceLocation) -> Diagnostic {
        let scheme = url.split(separator: ":").first.map(String.init) ?? url
        return Diagnostic(
            .warning, "unsafe-link", en: "'\(quote(scheme)):' links are not published; the link was removed",
            nl: "links met '\(quote(scheme)):' worden niet gepubliceerd; de link is weggehaald", at: location)
    }

    // MARK: Markdown

    static func unknownFootnote(_ label: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "unknown-footnote",
            en: "footnote '[^\(quote(label))]' is not defined; add a line '[^\(quote(label))]: …' with its text",
            nl: "de voetnoot '[^\(quote(label))]' is niet gedefinieerd; voeg een regel '[^\(quote(label))]: …' met de tekst toe",
            at: location)
    }

    static func unusedFootnote(_ label: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "unused-footnote", en: "footnote '[^\(quote(label))]' is defined but nothing refers to it; it is not shown",
            nl: "de voetnoot '[^\(quote(label))]' is gedefinieerd, maar niets verwijst ernaar; hij wordt niet getoond", at: location)
    }

    static func htmlRemoved(_ element: String, count: Int, at location: SourceLocation) -> Diagnostic {
        let times = count == 1 ? "" : " (\(count) times in this file)"
        let timesNL = count == 1 ? "" : " (\(count) keer in dit bestand)"
        let isElement = HTMLSanitizer.isElement(element), withContent = HTMLSanitizer.removedWithContent.contains(element)
        let what =
            !isElement
            ? "is not HTML; it is shown as text"
            : withContent ? "is removed with its content" : "is not published; the text inside it is kept"
        let whatNL =
            !isElement
            ? "is geen HTML; het wordt als tekst getoond"
            : withContent ? "wordt met de inhoud weggehaald" : "wordt niet gepubliceerd; de tekst erin blijft staan"
        return Diagnostic(
            .warning, "html-removed", en: "raw HTML <\(quote(element))>\(times) \(what)",
            nl: "HTML-code <\(quote(element))>\(timesNL) \(whatNL)", at: location)
    }

    // MARK: Settings, catalogue and templates

    static func unknownString(_ key: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "unknown-key", en: "unknown interface text '\(quote(key))'\(didYouMean(suggestion)); it is ignored",
            nl: "onbekende interfacetekst '\(quote(key))'\(didYouMean(suggestion, .nl)); hij wordt genegeerd", at: location)
    }

    static func invalidString(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-value",
            en: "interface text '\(quote(key))' must be a text, or a text per number as {one: …, other: …}",
            nl: "de interfacetekst '\(quote(key))' moet een tekst zijn, of een tekst per aantal als {one: …, other: …}",
            at: location)
    }

    static func missingFile(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-file", en: "'\(quote(path))' does not exist", nl: "'\(quote(path))' bestaat niet", at: location)
    }

    static func invalidNormID(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-norm-id", en: "'\(quote(id))' is not a norm ID of the form XX.NN (for example SM.02)",
            nl: "'\(quote(id))' is geen norm-ID van de vorm XX.NN (bijvoorbeeld SM.02)", at: location)
    }

    static func unknownDomain(_ code: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "unknown-domain", en: "unknown domain '\(quote(code))'\(didYouMean(suggestion))",
            nl: "onbekend domein '\(quote(code))'\(didYouMean(suggestion, .nl))", at: location)
    }

    /// `what` is one of domain, norm, entry and school.
    static func duplicateEntry(_ what: String, _ id: String, at location: SourceLocation) -> Diagnostic {
        let whatNL = ["domain": "het domein", "norm": "de norm", "entry": "de regel", "school": "de school"][what] ?? what
        return Diagnostic(
            .error, "duplicate-entry", en: "\(what) '\(quote(id))' is listed more than once",
            nl: "\(whatNL) '\(quote(id))' staat er meer dan eens", at: location)
    }

    static func publicCollision(_ path: String, replacing what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "public-collision",
            en: "would replace '\(quote(path))', \(quote(what)); rename or move this file",
            nl: "zou '\(quote(path))' vervangen, \(quote(what)); geef dit bestand een andere naam of verplaats het", at: location)
    }

    static func unsafeName(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "unsafe-name",
            en: "'\(quote(path))' cannot be published under this name (it holds a backslash or a control character); rename it",
            nl: "'\(quote(path))' kan niet onder deze naam gepubliceerd worden (er staat een backslash of een stuurteken in); "
                + "geef het een andere naam", at: location)
    }

    static func templateSyntax(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "template-syntax", en: "template error: \(detail)", nl: "fout in het sjabloon: \(detail)", at: location)
    }
}
