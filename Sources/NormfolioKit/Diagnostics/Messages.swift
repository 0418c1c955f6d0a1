/// Every diagnostic normfolio emits, each with its stable code and its message in English (`en:`)
/// and Dutch (`nl:`), in one greppable place: this file and its siblings `Messages+Norms`,
/// `Messages+Links`, `Messages+Registers`, `Messages+Approvals`, `Messages+Import` and
/// `Messages+Schools`.
extension Diagnostic {
    /// " (did you mean 'x'?)", or in Dutch " (bedoelde je 'x'?)"; nothing without a suggestion.
    static func didYouMean(_ suggestion: String?, _ language: Language = .en) -> String {
        suggestion.map { language == .nl ? " (bedoelde je '\($0)'?)" : " (did you mean '\($0)'?)" } ?? ""
    }

    /// A value from the portfolio as a message quotes it: at most `Limits.quotedCharacters`
    /// characters (a name can be megabytes long). Control characters are escaped when printed.
    static func quote(_ value: String) -> String {
        value.count <= Limits.quotedCharacters ? value : value.prefix(Limits.quotedCharacters) + "…"
    }

    /// "4.2 MB" for a size in bytes.
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    /// "4,2 MB": a size as a Dutch text writes it.
    static func megabytesNL(_ bytes: Int) -> String {
        megabytes(bytes).replacingOccurrences(of: ".", with: ",")
    }

    // MARK: Files

    static func invalidUTF8(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-utf8", en: "file is not valid UTF-8 text; save it as UTF-8",
            nl: "het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8", at: location)
    }

    static func binaryFile(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "binary-file", en: "file looks binary, not text; rename it or convert it to text",
            nl: "het bestand lijkt geen tekst te zijn; geef het een andere naam of zet het om naar tekst", at: location)
    }

    static func utf16Text(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-utf8",
            en: "file is UTF-16 text (Excel's \"Unicode text\"), not UTF-8; save it as UTF-8 (in Excel: CSV UTF-8)",
            nl: "het bestand is UTF-16-tekst (\"Unicode-tekst\" van Excel), geen UTF-8; sla het op als UTF-8 (in Excel: CSV UTF-8)",
            at: location)
    }

    static func unreadable(
        _ reason: String = "file could not be read", nl reasonNL: String = "het bestand kon niet worden gelezen",
        at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, "unreadable-file", en: "\(reason); normfolio cannot use it, so it is not part of the portfolio",
            nl: "\(reasonNL); normfolio kan het niet gebruiken, dus het hoort niet bij het portfolio", at: location)
    }

    /// An entry of the portfolio's folder that could not be read, with the reason the file
    /// system gave (`FileIO`'s English reason, put into Dutch).
    static func unreadable(listed reason: String, at location: SourceLocation) -> Diagnostic {
        let reasonNL =
            switch reason {
            case "broken symbolic link": "kapotte symbolische koppeling"
            case "not a regular file": "geen gewoon bestand"
            case let other where other.hasPrefix("folder could not be read: "):
                "de map kon niet worden gelezen: " + other.dropFirst("folder could not be read: ".count)
            default: reason
            }
        return unreadable(reason, nl: reasonNL, at: location)
    }

    /// An attachment something uses that cannot be read: the build would fail copying it.
    static func unreadableAttachment(_ file: String, at location: SourceLocation) -> Diagnostic {
        unreadable(
            "the attachment '\(quote(file))' cannot be read (no permission, or not a regular file)",
            nl: "de bijlage '\(quote(file))' kan niet worden gelezen (geen toegang, of geen gewoon bestand)", at: location)
    }

    /// An attachment of a type a browser runs (HTML, SVG, XML, a script): published as a download only.
    static func activeAttachment(_ file: String, kind: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "active-attachment",
            en: "'\(quote(file))' is \(kind), which a browser would run as part of the site, beside its confidential pages: it is "
                + "published as a download only (with .txt added to its name on the site), never opened or shown as an image there; "
                + "attach a PDF, or a PNG for an image, to show it",
            nl: "'\(quote(file))' is \(kind), en dat zou een browser uitvoeren als deel van de site, naast de vertrouwelijke "
                + "pagina's: het wordt alleen als download gepubliceerd (met .txt achter de naam op de site), nooit geopend of als "
                + "afbeelding getoond; voeg een pdf toe, of een png voor een afbeelding, om het te tonen", at: location)
    }

    static func fileTooLarge(size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "file-too-large",
            en: "file is \(megabytes(size)), more than the \(megabytes(limit)) normfolio reads; "
                + "split it into smaller documents or attach it as a file",
            nl: "het bestand is \(megabytesNL(size)), meer dan de \(megabytesNL(limit)) die normfolio leest; "
                + "splits het in kleinere documenten of voeg het toe als bijlage", at: location)
    }

    static func attachmentNotScanned(size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "not-scanned",
            en: "file is \(megabytes(size)), more than the \(megabytes(limit)) the privacy guard "
                + "scans; it was not checked for personal data",
            nl: "het bestand is \(megabytesNL(size)), meer dan de \(megabytesNL(limit)) die de privacycontrole doorzoekt; "
                + "het is niet gecontroleerd op persoonsgegevens", at: location)
    }

    static func missingContent(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "missing-content",
            en: "the portfolio has no Content/ folder; run normfolio in a portfolio folder, or create one with 'normfolio init'",
            nl: "het portfolio heeft geen map Content/; start normfolio in een portfoliomap, of maak er een met 'normfolio init'",
            at: location)
    }

    static func valueTooLong(_ key: String, length: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "value-too-long", en: "'\(key)' is \(length) characters long; at most \(limit) are allowed",
            nl: "'\(key)' is \(length) tekens lang; er mogen er hoogstens \(limit) zijn", at: location)
    }

    // MARK: Front matter and YAML

    static func missingFrontMatter(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "missing-front-matter",
            en: "evidence document has no front matter; start the file with '---', a 'title:' and 'norms:', and '---'",
            nl: "het bewijsstuk heeft geen front matter; begin het bestand met '---', een 'title:' en 'norms:', en '---'",
            at: location)
    }

    static func unclosedFrontMatter(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "unclosed-front-matter", en: "front matter is not closed; add a line '---' after the last field",
            nl: "de front matter is niet afgesloten; zet een regel '---' na het laatste veld", at: location)
    }

    /// `detail` is the parser's own (English) words unless normfolio gives its Dutch as `detailNL`.
    static func yamlSyntax(_ detail: String, nl detailNL: String? = nil, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "yaml-syntax", en: "malformed YAML: \(detail)", nl: "onjuiste YAML: \(detailNL ?? detail)", at: location)
    }

    static func notAMapping(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-front-matter", en: "expected fields written as 'key: value'",
            nl: "verwacht werden velden in de vorm 'naam: waarde'", at: location)
    }

    static func invalidKey(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-front-matter", en: "a field name must be plain text",
            nl: "de naam van een veld moet gewone tekst zijn", at: location)
    }

    static func duplicateKey(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "duplicate-key", en: "field '\(quote(key))' is given more than once",
            nl: "het veld '\(quote(key))' staat er meer dan eens", at: location)
    }

    static func unknownKey(_ key: String, elsewhere: Int, at location: SourceLocation) -> Diagnostic {
        let more = elsewhere == 0 ? "" : elsewhere == 1 ? " (and in 1 more file)" : " (and in \(elsewhere) more files)"
        let moreNL = elsewhere == 0 ? "" : elsewhere == 1 ? " (en in nog 1 bestand)" : " (en in nog \(elsewhere) bestanden)"
        return Diagnostic(
            .warning, "unknown-key",
            en: "unknown field '\(quote(key))'\(more); it is ignored; "
                + "list it under accept_keys in normfolio.yml to accept it",
            nl: "onbekend veld '\(quote(key))'\(moreNL); het wordt genegeerd; "
                + "zet het onder accept_keys in normfolio.yml om het toe te staan", at: location)
    }

    static func unknownKey(_ key: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "unknown-key", en: "unknown field '\(quote(key))'\(didYouMean(suggestion)); it is ignored",
            nl: "onbekend veld '\(quote(key))'\(didYouMean(suggestion, .nl)); het wordt genegeerd", at: location)
    }

    static func missingField(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "missing-field", en: "required field '\(key)' is missing or empty",
            nl: "het verplichte veld '\(key)' ontbreekt of is leeg", at: location)
    }

    static func expectedText(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", en: "'\(key)' must be text", nl: "'\(key)' moet tekst zijn", at: location)
    }

    static func expectedList(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-value", en: "'\(key)' must be a list, such as [A, B]",
            nl: "'\(key)' moet een lijst zijn, zoals [A, B]", at: location)
    }

    static func expectedBool(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", en: "'\(key)' must be true or false", nl: "'\(key)' moet true of false zijn", at: location)
    }

    static func expectedNumber(_ key: String, range: ClosedRange<Int>, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-value", en: "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)",
            nl: "'\(key)' moet een geheel getal van \(range.lowerBound) tot en met \(range.upperBound) zijn", at: location)
    }

    static func numberOutOfRange(
        _ key: String, _ value: Int, range: ClosedRange<Int>, code: String,
        at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, code, en: "'\(key)' is \(value), outside \(range.lowerBound)-\(range.upperBound)",
            nl: "'\(key)' is \(value), buiten \(range.lowerBound)-\(range.upperBound)", at: location)
    }

    static func invalidDate(_ key: String, _ text: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-date", en: "'\(key)' is not a valid date\(text.map { " '\(quote($0))'" } ?? ""); write YYYY-MM-DD",
            nl: "'\(key)' is geen geldige datum\(text.map { " '\(quote($0))'" } ?? ""); schrijf JJJJ-MM-DD", at: location)
    }

    static func unknownValue(
        _ key: String, _ value: String, allowed: [String], suggestion: String?,
        severity: Severity, code: String, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            severity, code,
            en: "unknown \(key) '\(quote(value))'\(didYouMean(suggestion)); expected one of: \(allowed.joined(separator: ", "))",
            nl: "onbekende waarde voor \(key): '\(quote(value))'\(didYouMean(suggestion, .nl)); "
                + "verwacht wordt een van: \(allowed.joined(separator: ", "))", at: location)
    }
}
