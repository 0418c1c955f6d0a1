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
    static let moneyWords = [
        "eur", "euro", "euros", "usd", "gbp", "bedrag", "bedragen", "kosten", "prijs", "begroting", "budget",
        "subsidie", "omzet", "salaris", "salarissen", "loonsom", "vergoeding", "boete", "investering",
        "totaalbedrag", "saldo", "fl", "ƒ",
    ]
    static let moneySigns = ["€", "$", "£", "¥", "ƒ"]

    /// Words after which a number is that of a case, order, invoice or other record (`Zaaknummer
    /// 2026-112345608`), not a BSN.
    static let referenceWords = [
        "zaak", "zaaknummer", "zaaknr", "dossier", "dossiernummer", "dossiernr", "order", "ordernummer",
        "ordernr", "bestelling", "bestelnummer", "factuur", "factuurnummer", "factuurnr", "kenmerk",
        "referentie", "referentienummer", "ref", "registratienummer", "inkoopnummer", "inkooporder",
        "project", "projectnummer", "contract", "contractnummer", "polisnummer", "ticket", "ticketnummer",
        "melding", "meldingsnummer", "meldnummer", "incident", "incidentnummer", "klantnummer",
        "debiteurnummer", "crediteurnummer", "artikelnummer", "serienummer", "kvk", "kvk-nummer",
        "invoice", "case", "transactie", "transactienummer", "rekeningnummer", "boekingsnummer",
    ]

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
        if after.hasPrefix(",-") || after.hasPrefix(",–")
            || (after.hasPrefix(",") && after.dropFirst().prefix(2).allSatisfy(\.isNumber)
                && after.count >= 3)
        {
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
