/// Finds personal data that evidence must not contain: Dutch citizen service numbers (BSN),
/// e-mail addresses and IPv4 addresses. It reads bytes, not regular expressions, because it runs
/// over every file of a portfolio.
///
/// It scans the text as a reader sees it (`ReaderText`): character references and escapes are
/// decoded, fullwidth and other Unicode digits folded to ASCII, invisible characters dropped, and a
/// BSN may be written in groups (`1112.22.333`, `111 222 333`). What it cannot find is listed in
/// docs/format.md.
enum PrivacyGuard {
    enum Kind: String, Sendable, CaseIterable {
        case bsn, email, ipv4
    }

    struct Finding: Sendable, Equatable {
        var kind: Kind
        /// The value as a reader sees it (never printed: see `masked`).
        var value: String
        var line: Int
        var column: Int
        /// Whether the author marked the place as not personal data (`<!-- geen bsn -->` later on
        /// the same line).
        var acknowledgedHere = false

        /// The value with most of it hidden: `1234***82`, `j***@school.nl`, `192.168.*.*`.
        var masked: String {
            switch kind {
            case .bsn: return value.prefix(4) + "***" + value.suffix(2)
            case .email:
                let parts = value.split(separator: "@", maxSplits: 1)
                return (parts.first?.prefix(1) ?? "") + "***@" + (parts.count > 1 ? parts[1] : "")
            case .ipv4: return value.split(separator: ".").prefix(2).joined(separator: ".") + ".*.*"
            }
        }
    }

    /// The attachments scanned besides Markdown: files a reader opens as text.
    static let scannedExtensions = ["txt", "csv", "tsv", "json", "yaml", "yml", "xml", "html", "htm", "ics", "vcf", "log"]

    /// Whether an attachment (a path under Content/) is scanned for personal data.
    static func scansAttachment(_ file: String) -> Bool {
        guard let dot = file.lastIndex(of: "."), !file[dot...].contains("/") else { return false }
        return scannedExtensions.contains(file[file.index(after: dot)...].lowercased())
    }

    /// The words that mark a number as not a BSN, later on its line (in a comment, so the reader
    /// does not see them: `<!-- geen bsn -->`, or `# geen bsn` in front matter).
    static let notBSNMarkers = ["geen bsn", "geen-bsn", "not a bsn", "no bsn"]

    /// Every finding in `text`, with 1-based lines and Unicode-scalar columns in `text`: one per
    /// place (an address in a link's text and in its `mailto:` is one finding).
    static func scan(_ text: String) -> [Finding] {
        let reader = ReaderText(text)
        let written = Array(text.utf8)
        var seen = Set<String>()
        return reader.bytes.withUnsafeBufferPointer { bytes in
            findings(in: bytes).compactMap { kind, range in
                let (line, column) = reader.position(ofReaderOffset: range.lowerBound)
                // A BSN is its nine digits, however it was grouped.
                let value = kind == .bsn ? bytes[range].filter(isDigit) : Array(bytes[range])
                var finding = Finding(kind: kind, value: String(decoding: value, as: UTF8.self), line: line, column: column)
                // The destination of a link whose text shows the same value is the same place.
                let key = "\(kind.rawValue)|\(line)|\(finding.value.lowercased())"
                guard seen.insert(key).inserted || !isInLinkDestination(bytes, at: range.lowerBound) else { return nil }
                if kind == .bsn { finding.acknowledgedHere = Self.isMarkedNotBSN(written, after: reader.origin(ofReaderOffset: range.upperBound)) }
                return finding
            }
        }
    }

    /// The findings in the names of files and folders under Content/ (paths relative to it): names
    /// are published too, in addresses, the navigation, the search index and the manifest. Each
    /// folder is read once, by its path.
    static func scanNames(_ files: [String]) -> [(path: String, isFolder: Bool, finding: Finding)] {
        var seen = Set<String>()
        var found: [(path: String, isFolder: Bool, finding: Finding)] = []
        for file in files {
            let components = file.split(separator: "/")
            for index in components.indices {
                let path = components[...index].joined(separator: "/")
                guard seen.insert(path).inserted else { continue }
                for finding in scan(String(components[index])) {
                    found.append((path, index < components.count - 1, finding))
                }
            }
        }
        return found
    }

    /// Whether `start` lies in a Markdown link's destination: after `](` with no space between.
    private static func isInLinkDestination(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start - 1
        while index > 0, bytes[index] != 0x20, bytes[index] != 0x0A, bytes[index] != 0x09 {
            if bytes[index] == UInt8(ascii: "("), bytes[index - 1] == UInt8(ascii: "]") { return true }
            index -= 1
        }
        return false
    }

    /// Whether the rest of the line after `offset` (in the text as written) says "geen bsn".
    private static func isMarkedNotBSN(_ text: [UInt8], after offset: Int) -> Bool {
        var end = min(offset, text.count)
        while end < text.count, text[end] != 0x0A { end += 1 }
        let rest = String(decoding: text[min(offset, text.count)..<end], as: UTF8.self).lowercased()
        return notBSNMarkers.contains { rest.contains($0) }
    }

    /// The kinds and byte ranges of what `bytes` (a reader's text) holds.
    private static func findings(in bytes: UnsafeBufferPointer<UInt8>) -> [(Kind, Range<Int>)] {
        var findings: [(Kind, Range<Int>)] = []
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A {
                lineStart = i + 1
                i += 1
            } else if isDigit(byte) && (i == 0 || !isDigit(bytes[i - 1])) {
                if let ip = ipv4(bytes, from: i) {
                    if !isNumbering(bytes, at: i, lineStart: lineStart) { findings.append((.ipv4, i..<ip)) }
                    i = ip
                    continue
                }
                let (digits, end) = groupedNumber(bytes, from: i)
                if digits.count == 9, passesElfproef(digits), !isAmountOrReference(bytes, start: i, end: end, lineStart: lineStart) {
                    findings.append((.bsn, i..<end))
                }
                i = max(end, i + 1)
            } else if byte == UInt8(ascii: "@") {
                var start = i
                while start > lineStart && isLocalPart(bytes[start - 1]) { start -= 1 }
                var end = i + 1
                while end < bytes.count && isDomainPart(bytes[end]) { end += 1 }
                while end > i + 1 && (bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-")) { end -= 1 }
                let domain = bytes[(i + 1)..<end]
                if start < i, let dot = domain.lastIndex(of: UInt8(ascii: ".")), end - dot > 2,
                    domain.first.map(isLetterOrDigit) ?? false,
                    bytes[(dot + 1)..<end].allSatisfy({ isLetter($0) })
                {
                    findings.append((.email, start..<end))
                }
                i = end
            } else {
                i += 1
            }
        }
        return findings
    }

    /// Words and signs after which a number is an amount of money (`€ 112.345.608`, `bedrag
    /// 112345608`), not a BSN; so is a number followed by cents or a currency (`112.345.608,00`).
    static let moneyWords = ["eur", "euro", "euros", "usd", "gbp", "bedrag", "bedragen", "kosten", "prijs", "begroting", "budget",
                             "subsidie", "omzet", "salaris", "salarissen", "loonsom", "vergoeding", "boete", "investering",
                             "totaalbedrag", "saldo", "fl", "ƒ"]
    static let moneySigns = ["€", "$", "£", "¥", "ƒ"]

    /// Words after which a number is that of a case, order, invoice or other record (`Zaaknummer
    /// 2026-112345608`), not a BSN.
    static let referenceWords = ["zaak", "zaaknummer", "zaaknr", "dossier", "dossiernummer", "dossiernr", "order", "ordernummer",
                                 "ordernr", "bestelling", "bestelnummer", "factuur", "factuurnummer", "factuurnr", "kenmerk",
                                 "referentie", "referentienummer", "ref", "registratienummer", "inkoopnummer", "inkooporder",
                                 "project", "projectnummer", "contract", "contractnummer", "polisnummer", "ticket", "ticketnummer",
                                 "melding", "meldingsnummer", "meldnummer", "incident", "incidentnummer", "klantnummer",
                                 "debiteurnummer", "crediteurnummer", "artikelnummer", "serienummer", "kvk", "kvk-nummer",
                                 "invoice", "case", "transactie", "transactienummer", "rekeningnummer", "boekingsnummer"]

    /// Words that say a number is a BSN: after them, no rule above lets it pass.
    static let bsnWords = ["bsn", "burgerservicenummer", "sofi", "sofinummer", "bsn-nummer", "citizen"]

    /// Whether the nine-digit number at `start..<end` is an amount, or the number of a case or
    /// order, rather than a BSN: a currency or money word before it (within two words, or four
    /// when it is written with thousands separators), cents or a currency after it, a case or
    /// order word before it, or a prefix it is glued to (`2026-112345608`, `ZK112345608`). Never
    /// when a word before it says BSN.
    private static func isAmountOrReference(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, lineStart: Int) -> Bool {
        let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[max(lineStart, start - 80)..<start]), as: UTF8.self).lowercased()
        let words = before.split { !$0.isLetter && $0 != "-" && !moneySigns.contains(String($0)) }.map(String.init)
            .filter { $0.contains(where: \.isLetter) || moneySigns.contains($0) }
        if words.suffix(3).contains(where: { word in bsnWords.contains { word.hasPrefix($0) } }) { return false }
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if moneySigns.contains(where: { trimmed.hasSuffix($0) }) { return true }
        let grouped = bytes[start..<end].contains(UInt8(ascii: "."))
        if words.suffix(grouped ? 4 : 2).contains(where: moneyWords.contains) { return true }
        let after = String(decoding: UnsafeBufferPointer(rebasing: bytes[end..<min(bytes.count, end + 12)]), as: UTF8.self).lowercased()
        if after.hasPrefix(",-") || after.hasPrefix(",–") || (after.hasPrefix(",") && after.dropFirst().prefix(2).allSatisfy(\.isNumber)
                                                                 && after.count >= 3) {
            return true
        }
        let next = after.trimmingCharacters(in: .whitespaces)
        if ["euro", "eur", "€"].contains(where: { next.hasPrefix($0) }) { return true }
        if words.suffix(2).contains(where: referenceWords.contains) { return true }
        // Glued to a prefix (directly, or with a hyphen, slash or underscore): a year or other number
        // (`2026-112345608`), or a code of one to four capitals (`ZK-`, `INC`, `PRJ_`). A word in
        // lower case is no code: `leerling_275240514` is flagged.
        guard start > lineStart else { return false }
        var tokenEnd = start
        if [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "_")].contains(bytes[start - 1]) { tokenEnd -= 1 }
        var tokenStart = tokenEnd
        while tokenStart > lineStart, isLetterOrDigit(bytes[tokenStart - 1]) { tokenStart -= 1 }
        let token = bytes[tokenStart..<tokenEnd]
        guard !token.isEmpty, tokenEnd < start || isLetter(bytes[start - 1]) else { return false }
        return (token.allSatisfy(isDigit) && token.count <= 8) || (token.count <= 4 && token.allSatisfy { $0 >= 65 && $0 <= 90 })
    }

    /// The separators a BSN may be written with between groups of digits.
    private static func isGroupSeparator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: ".") || c == UInt8(ascii: "-")
    }

    /// The digits of a number starting at `start`, written at once (`111222333`) or in groups of
    /// two or more digits with one separator, the same throughout (`1112.22.333`, `111 222 333`),
    /// and where it ends. Groups are taken while they add up to at most nine digits, so a number
    /// before a BSN ("12 111222333") does not hide it; nine digits followed by more groups are a
    /// list of numbers, not one.
    private static func groupedNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (digits: [UInt8], end: Int) {
        func digitRun(from index: Int) -> Int {
            var end = index
            while end < bytes.count && isDigit(bytes[end]) { end += 1 }
            return end
        }
        var end = digitRun(from: start)
        var digits = Array(bytes[start..<end])
        guard digits.count >= 2, digits.count < 9, end + 1 < bytes.count, isGroupSeparator(bytes[end]), isDigit(bytes[end + 1])
        else { return (digits, end) }
        let separator = bytes[end]
        while end + 1 < bytes.count, bytes[end] == separator, isDigit(bytes[end + 1]) {
            let groupEnd = digitRun(from: end + 1)
            guard groupEnd - (end + 1) >= 2, digits.count + groupEnd - (end + 1) <= 9 else { break }
            digits += bytes[(end + 1)..<groupEnd]
            end = groupEnd
        }
        if digits.count == 9, end + 1 < bytes.count, isGroupSeparator(bytes[end]), isDigit(bytes[end + 1]) { return ([], end) }
        return (digits, end)
    }

    /// The 11-test (elfproef) of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (not 0).
    static func passesElfproef(_ digits: some Collection<UInt8>) -> Bool {
        let values = digits.map { Int($0) - 48 }
        guard values.count == 9, values.contains(where: { $0 != 0 }) else { return false }
        let weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
        return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 == 0
    }

    /// The end of an IPv4 address (four numbers 0-255 with dots) starting at `start`, if there is one.
    private static func ipv4(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        // Not the tail of a longer dotted number either (the "2.3.4.5" in a version 1.2.3.4.5).
        if start >= 2, bytes[start - 1] == UInt8(ascii: "."), isDigit(bytes[start - 2]) { return nil }
        var i = start
        for part in 0..<4 {
            let numberStart = i
            var value = 0
            while i < bytes.count && isDigit(bytes[i]) && i - numberStart < 4 {
                value = value * 10 + Int(bytes[i] - 48)
                i += 1
            }
            let length = i - numberStart
            guard length >= 1, length <= 3, value <= 255 else { return nil }
            if part < 3 {
                guard i < bytes.count, bytes[i] == UInt8(ascii: "."), i + 1 < bytes.count, isDigit(bytes[i + 1]) else { return nil }
                i += 1
            }
        }
        // Not part of a longer dotted number such as a version 1.2.3.4.5.
        if i < bytes.count, isDigit(bytes[i]) || (bytes[i] == UInt8(ascii: ".") && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
            return nil
        }
        return i
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    private static func isLetterOrDigit(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) }
    private static func isLocalPart(_ c: UInt8) -> Bool {
        isLetterOrDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "%")
            || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
    }
    private static func isDomainPart(_ c: UInt8) -> Bool { isLetterOrDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") }
}

/// A text as a reader sees it, byte for byte, with where each byte came from in the text as
/// written: HTML character references (`&#49;`, `&#x40;`, `&commat;`), backslash escapes (`\@`,
/// `\u0031`), percent-encoding (`%40`) decoded; fullwidth and other Unicode decimal digits, at
/// signs and full stops folded to ASCII; invisible characters (zero-width spaces, soft hyphens)
/// dropped; no-break and thin spaces made plain spaces; emphasis marks between two digits
/// (`1*1*1222333` shows as 111222333) dropped; and HTML as a browser shows it: the tags of inline
/// elements and comments vanish (`<span>1112</span>22333` shows as 111222333), those of other
/// elements (a cell, a paragraph, a line break) end a line.
struct ReaderText {
    /// The reader's text: ASCII where anything folded, other characters as written.
    private(set) var bytes: [UInt8] = []
    /// For each byte of `bytes`, the offset in the written text where its character starts.
    private var origins: [Int] = []
    /// Byte offsets where the written text's lines start.
    private var lineStarts: [Int] = [0]
    private let written: [UInt8]
    /// Where the search for the end of an HTML comment got to, and the end it found: each byte is
    /// searched once, however many comments open and never close.
    private var commentEnd: (searchedTo: Int, found: Int?) = (0, nil)

    init(_ text: String) {
        written = Array(text.utf8)
        bytes.reserveCapacity(written.count)
        origins.reserveCapacity(written.count)
        var i = 0
        while i < written.count {
            let byte = written[i]
            if byte == 0x0A { lineStarts.append(i + 1) }
            if byte == UInt8(ascii: "<"), let (length, inline) = htmlTag(at: i) {
                if !inline {
                    bytes.append(0x0A)
                    origins.append(i)
                }
                for offset in i..<(i + length) where written[offset] == 0x0A && offset > i { lineStarts.append(offset + 1) }
                i += length
                continue
            }
            if byte < 0x80 {
                if let (scalar, length) = decodedReference(at: i) {
                    append(scalar, from: i)
                    i += length
                } else {
                    if (byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")),
                        bytes.last.map(Self.isDigit) == true, Self.nextIsDigit(written, after: i)
                    {
                        i += 1
                        continue
                    }
                    bytes.append(byte)
                    origins.append(i)
                    i += 1
                }
            } else {
                let length = Self.sequenceLength(byte)
                let end = min(i + length, written.count)
                let scalar = String(decoding: written[i..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
                append(scalar, from: i)
                i = end
            }
        }
    }

    /// The byte offset in the written text of reader byte `offset` (the end of the text past its end).
    func origin(ofReaderOffset offset: Int) -> Int {
        offset < origins.count ? origins[offset] : written.count
    }

    /// The 1-based line and Unicode-scalar column in the written text of reader byte `offset`.
    func position(ofReaderOffset offset: Int) -> (line: Int, column: Int) {
        let origin = origin(ofReaderOffset: offset)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= origin { low = middle } else { high = middle - 1 }
        }
        return (low + 1, written[lineStarts[low]..<origin].count { $0 & 0xC0 != 0x80 } + 1)
    }

    private mutating func append(_ scalar: Unicode.Scalar, from origin: Int) {
        switch scalar.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD:
            return    // invisible
        case 0x00A0, 0x2007, 0x2009, 0x202F:
            bytes.append(UInt8(ascii: " "))
        case 0xFF20, 0xFE6B:
            bytes.append(UInt8(ascii: "@"))
        case 0xFF0E, 0x3002, 0xFE52:
            bytes.append(UInt8(ascii: "."))
        case 0xFF0D, 0x2010, 0x2011, 0xFE63:
            bytes.append(UInt8(ascii: "-"))
        default:
            if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue, value >= 0, value <= 9 {
                bytes.append(UInt8(48 + Int(value)))
            } else {
                let encoded = Array(String(scalar).utf8)
                bytes += encoded
                origins += Array(repeating: origin, count: encoded.count - 1)
            }
        }
        origins.append(origin)
    }

    /// An HTML tag or comment at `i` that a reader does not see: its length, and whether it is
    /// inline (its text runs on) or ends a line. Only the tags of HTML's own elements: something in
    /// angle brackets that is not HTML (`<naam van de school>`) is shown as the text it is.
    private mutating func htmlTag(at i: Int) -> (length: Int, inline: Bool)? {
        if written[i...].starts(with: "<!--".utf8) {
            if commentEnd.searchedTo <= i || (commentEnd.found.map { $0 < i } ?? false) {
                var j = max(i + 4, commentEnd.searchedTo)
                commentEnd.found = nil
                while j + 2 < written.count {
                    if written[j] == UInt8(ascii: "-"), written[j + 1] == UInt8(ascii: "-"), written[j + 2] == UInt8(ascii: ">") {
                        commentEnd.found = j + 3
                        break
                    }
                    j += 1
                }
                commentEnd.searchedTo = commentEnd.found ?? written.count
            }
            return commentEnd.found.flatMap { $0 > i + 4 ? ($0 - i, true) : nil }
        }
        var j = i + 1
        if j < written.count, written[j] == UInt8(ascii: "/") { j += 1 }
        let nameStart = j
        while j < written.count, Self.isLetter(written[j]) || (j > nameStart && Self.isDigit(written[j])) { j += 1 }
        guard j > nameStart, j < written.count else { return nil }
        let name = String(decoding: written[nameStart..<j], as: UTF8.self).lowercased()
        guard Self.htmlElements.contains(name) || Self.inlineElements.contains(name) else { return nil }
        // The tag ends at the next `>`, before any other `<`, within a length any real tag keeps to.
        let limit = min(written.count, i + 2048)
        while j < limit, written[j] != UInt8(ascii: ">"), written[j] != UInt8(ascii: "<") { j += 1 }
        guard j < limit, written[j] == UInt8(ascii: ">") else { return nil }
        return (j + 1 - i, Self.inlineElements.contains(name))
    }

    /// Elements whose tags a reader does not see, and whose text runs on across them.
    private static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark",
        "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ]

    /// HTML's other elements: their tags end a line as a reader sees it.
    private static let htmlElements: Set<String> = [
        "address", "area", "article", "aside", "audio", "base", "blockquote", "body", "br", "button", "canvas", "caption",
        "center", "col", "colgroup", "datalist", "dd", "details", "dialog", "dir", "div", "dl", "dt", "embed", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hgroup", "hr", "html", "iframe", "img", "input", "label", "legend", "li", "link", "main", "map", "marquee", "menu",
        "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre",
        "progress", "rp", "rt", "ruby", "script", "search", "section", "select", "slot", "source", "style", "summary", "svg",
        "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "video",
    ]

    static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }

    /// A character reference, escape or percent-encoded byte at `i`: its character and length.
    private func decodedReference(at i: Int) -> (Unicode.Scalar, Int)? {
        let byte = written[i]
        if byte == UInt8(ascii: "&") { return characterReference(at: i) }
        if byte == UInt8(ascii: "%"), i + 2 < written.count, let high = Self.hexValue(written[i + 1]),
            let low = Self.hexValue(written[i + 2]), high < 8
        {
            return (Unicode.Scalar(UInt8(high * 16 + low)), 3)
        }
        guard byte == UInt8(ascii: "\\"), i + 1 < written.count else { return nil }
        let next = written[i + 1]
        for (letter, digits) in [(UInt8(ascii: "u"), 4), (UInt8(ascii: "U"), 8), (UInt8(ascii: "x"), 2)] where next == letter {
            guard let value = hexNumber(from: i + 2, count: digits), let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, 2 + digits)
        }
        // A Markdown backslash escape shows the punctuation mark alone.
        if next < 0x80, (0x21...0x2F).contains(next) || (0x3A...0x40).contains(next) || (0x5B...0x60).contains(next)
            || (0x7B...0x7E).contains(next)
        {
            return (Unicode.Scalar(next), 2)
        }
        return nil
    }

    /// `&#NN;`, `&#xHH;` or one of the named references a number or address can hide behind.
    private func characterReference(at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        let limit = min(written.count, i + 12)
        while j < limit && written[j] != UInt8(ascii: ";") { j += 1 }
        guard j < limit, j > i + 1 else { return nil }
        let body = written[(i + 1)..<j]
        let length = j - i + 1
        if body.first == UInt8(ascii: "#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if let first = digits.first, first == UInt8(ascii: "x") || first == UInt8(ascii: "X") {
                value = hexNumber(from: digits.startIndex + 1, count: digits.count - 1)
            } else if !digits.isEmpty, digits.count <= 7, digits.allSatisfy(Self.isDigit) {
                value = digits.reduce(UInt32(0)) { $0 * 10 + UInt32($1 - 48) }
            } else {
                value = nil
            }
            return value.flatMap { Unicode.Scalar($0) }.map { ($0, length) }
        }
        let name = String(decoding: body, as: UTF8.self)
        return Self.namedReferences[name].map { ($0, length) }
    }

    private static let namedReferences: [String: Unicode.Scalar] = [
        "commat": "@", "period": ".", "hyphen": "-", "dash": "-", "nbsp": "\u{A0}", "amp": "&", "num": "#",
        "lowbar": "_", "ast": "*", "midast": "*", "colon": ":", "sol": "/", "plus": "+", "shy": "\u{AD}",
        "ZeroWidthSpace": "\u{200B}", "NoBreak": "\u{2060}", "thinsp": "\u{2009}", "numsp": "\u{2007}",
    ]

    private func hexNumber(from start: Int, count: Int) -> UInt32? {
        guard count >= 1, count <= 8, start + count <= written.count else { return nil }
        var value: UInt32 = 0
        for index in start..<start + count {
            guard let digit = Self.hexValue(written[index]) else { return nil }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    private static func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case 48...57: Int(c - 48)
        case 65...70: Int(c - 55)
        case 97...102: Int(c - 87)
        default: nil
        }
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func nextIsDigit(_ bytes: [UInt8], after i: Int) -> Bool {
        i + 1 < bytes.count && isDigit(bytes[i + 1])
    }

    /// The length of a UTF-8 sequence from its first byte (1 for a stray continuation byte).
    private static func sequenceLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
