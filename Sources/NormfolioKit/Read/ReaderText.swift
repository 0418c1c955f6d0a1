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
            if Self.isPlain(byte) {
                // A run of bytes a reader sees as they are is copied at once.
                var end = i + 1
                while end < written.count, Self.isPlain(written[end]) { end += 1 }
                bytes.append(contentsOf: written[i..<end])
                origins.append(contentsOf: i..<end)
                i = end
                continue
            }
            if byte == 0xC2 || byte == 0xC3, i + 1 < written.count, written[i + 1] & 0xC0 == 0x80,
                written[i + 1] != 0xA0 || byte != 0xC2, written[i + 1] != 0xAD || byte != 0xC2
            {
                // A letter of Latin-1 (é, ë): no digit, nothing invisible, kept as written.
                bytes.append(contentsOf: written[i...(i + 1)])
                origins.append(contentsOf: [i, i])
                i += 2
                continue
            }
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
            return  // invisible
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

    /// Whether an ASCII byte stands for itself wherever it is: not a line break, and nothing that
    /// may start a tag, a reference or an escape, or hide between digits.
    private static func isPlain(_ c: UInt8) -> Bool {
        switch c {
        case 0x0A, UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            false
        default: c < 0x80
        }
    }

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
        if next < 0x80,
            (0x21...0x2F).contains(next) || (0x3A...0x40).contains(next) || (0x5B...0x60).contains(next)
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
