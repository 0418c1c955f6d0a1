import Foundation

/// Finds where long words may break, by Liang's algorithm over a list of hyphenation patterns (as
/// TeX and LibreOffice's libhyphen do), and marks those places with soft hyphens.
///
/// Browsers hyphenate (`hyphens: auto`) only in languages they have a dictionary for, and many have
/// none for Dutch; a soft hyphen (U+00AD) is a break point every browser honours, shown as a
/// hyphen only where the line actually breaks, so the stylesheet still decides whether a word breaks.
public struct Hyphenator: Sendable {
    /// Words with fewer letters than this are never hyphenated: they fit on any screen.
    public static let minimumWordLength = 12

    /// The fewest letters a break leaves before it and after it (`LEFTHYPHENMIN`, `RIGHTHYPHENMIN`).
    public private(set) var leftMinimum = 2
    public private(set) var rightMinimum = 2

    /// The patterns as a trie: an edge is (node, letter) packed into one key, the root is node 0.
    private var edges: [UInt64: Int32] = [:]
    /// The digits of the pattern that ends at each node (one more than its letters), or none.
    private var points: [[UInt8]] = [[]]

    /// Reads a pattern file in libhyphen's format: the encoding on the first line (`UTF-8` or
    /// `ISO8859-1`), optional `LEFTHYPHENMIN n` and `RIGHTHYPHENMIN n` lines, then one Liang
    /// pattern a line (`.ach3t4en`). Comments (`%`, `#`) and libhyphen's non-standard patterns
    /// (with `/`) are skipped; of a file with `NEXTLEVEL` sections only the first is read.
    /// Without minimums in the file, a break leaves at least two letters on either side.
    public init(patternFile data: Data) {
        let firstLine = data.prefix { $0 != 0x0A && $0 != 0x0D }
        let encoding = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespaces).uppercased()
        let text =
            encoding.hasPrefix("ISO8859") || encoding.hasPrefix("ISO-8859")
            ? String(data: data, encoding: .isoLatin1) ?? "" : String(decoding: data, as: UTF8.self)
        self.init(patterns: text)
    }

    /// Reads patterns from the text of a libhyphen pattern file (see `init(patternFile:)`).
    public init(patterns text: String) {
        var line = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard scalar == "\n" || scalar == "\r" else {
                line.append(scalar)
                continue
            }
            guard read(line) else { return }
            line = String.UnicodeScalarView()
        }
        _ = read(line)
    }

    /// Reads one line of a pattern file; false at `NEXTLEVEL`, where the first level ends.
    private mutating func read(_ line: String.UnicodeScalarView) -> Bool {
        var line = line
        while line.last == " " || line.last == "\t" { line.removeLast() }
        while line.first == " " || line.first == "\t" { line.removeFirst() }
        // A pattern is lower case, without spaces: other lines are the encoding, a comment, a
        // keyword, or a non-standard pattern (`/`).
        guard line.contains(where: { ("A"..."Z").contains($0) || $0 == " " || $0 == "%" || $0 == "#" || $0 == "/" }) else {
            if !line.isEmpty { insert(line) }
            return true
        }
        let words = String(line).split(separator: " ")
        if words.first == "NEXTLEVEL" { return false }
        if words.count == 2, let value = Int(words[1]), value >= 1 {
            switch words[0] {
            case "LEFTHYPHENMIN": leftMinimum = value
            case "RIGHTHYPHENMIN": rightMinimum = value
            default: break  // the minimums of compound words: not used
            }
        }
        return true
    }

    /// Adds one pattern: its letters become a path in the trie, its digits the values at the end.
    private mutating func insert(_ pattern: String.UnicodeScalarView) {
        var node: Int32 = 0
        var digits: [UInt8] = [0]
        for scalar in pattern {
            if ("0"..."9").contains(scalar) {
                digits[digits.count - 1] = UInt8(scalar.value - 0x30)
                continue
            }
            let key = Self.key(node, scalar.value)
            if let next = edges[key] {
                node = next
            } else {
                let next = Int32(points.count)
                points.append([])
                edges[key] = next
                node = next
            }
            digits.append(0)
        }
        guard node != 0 else { return }
        // A pattern given twice keeps the higher value at each place.
        points[Int(node)] = points[Int(node)].isEmpty ? digits : zip(points[Int(node)], digits).map { max($0, $1) }
    }

    private static func key(_ node: Int32, _ letter: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(letter) }

    // MARK: Hyphenating

    /// Where a word may break: for each break, the number of letters before it. Every word is
    /// considered, however short; the minimums on either side hold.
    public func breaks(in word: String) -> [Int] {
        breaks(in: Self.letters(of: word.unicodeScalars[...]).map(\.code))
    }

    /// The text with a soft hyphen (U+00AD) at every break point of each of its words of at least
    /// `minimumWordLength` letters. Left as they are: shorter words, words in which the author
    /// placed soft hyphens, and web and e-mail addresses and file names.
    public func hyphenate(_ text: String) -> String {
        guard !edges.isEmpty, Self.hasLongWord(text) else { return text }
        let scalars = text.unicodeScalars
        var output = ""
        var copied = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard !Self.isSpace(scalars[index]) else {
                index = scalars.index(after: index)
                continue
            }
            var end = index
            while end < scalars.endIndex && !Self.isSpace(scalars[end]) { end = scalars.index(after: end) }
            for cut in cuts(in: scalars[index..<end]) {
                output += text[copied..<cut]
                output += "\u{AD}"
                copied = cut
            }
            index = end
        }
        guard copied > scalars.startIndex else { return text }
        return output + text[copied...]
    }

    /// Whether the text has a run of at least `minimumWordLength` bytes without a space: most
    /// headings have none, and are returned as they are without a closer look.
    private static func hasLongWord(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                run = 0
            } else {
                run += 1
                if run >= minimumWordLength { return true }
            }
        }
        return false
    }

    /// Where soft hyphens go in a word between spaces: before each of these letters, in its runs
    /// of at least `minimumWordLength` letters.
    private func cuts(in token: Substring.UnicodeScalarView) -> [String.Index] {
        guard token.count >= Self.minimumWordLength, !Self.isAddress(token) else { return [] }
        var cuts: [String.Index] = []
        var index = token.startIndex
        while index < token.endIndex {
            guard Self.isLetter(token[index]) else {
                index = token.index(after: index)
                continue
            }
            var end = index
            while end < token.endIndex && (Self.isLetter(token[end]) || Self.isMark(token[end])) { end = token.index(after: end) }
            let letters = Self.letters(of: token[index..<end])
            if letters.count >= Self.minimumWordLength {
                cuts += breaks(in: letters.map(\.code)).map { letters[$0].start }
            }
            index = end
        }
        return cuts
    }

    /// The letters of a run, each with the accents written after it as combining marks: where
    /// each starts, and its code.
    private static func letters(of run: Substring.UnicodeScalarView) -> [(start: String.Index, code: UInt32)] {
        var letters: [(start: String.Index, code: UInt32)] = []
        var index = run.startIndex
        while index < run.endIndex {
            let start = index
            index = run.index(after: index)
            while index < run.endIndex && isMark(run[index]) { index = run.index(after: index) }
            letters.append((start, letterCode(run[start..<index])))
        }
        return letters
    }

    /// Web and e-mail addresses, paths and file names are copied and typed: they get no soft
    /// hyphens; nor does a word whose author placed soft hyphens in it.
    private static func isAddress(_ token: Substring.UnicodeScalarView) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in token {
            switch scalar {
            case "/", "\\", "@", "_", "\u{AD}": return true
            default: if previous == "." && isLetter(scalar) { return true }
            }
            previous = scalar
        }
        return false
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || ("\t"..."\r").contains(scalar) : scalar.properties.isWhitespace
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Liang's algorithm: every pattern found in the word (with `.` at either end) raises the
    /// values between its letters to its digits; an odd value is a break point.
    private func breaks(in word: [UInt32]) -> [Int] {
        let count = word.count
        guard count >= leftMinimum + rightMinimum else { return [] }
        let dot = UInt32(UInt8(ascii: "."))
        let wrapped = [dot] + word + [dot]
        // values[i]: the value of the place before wrapped[i].
        var values = [UInt8](repeating: 0, count: wrapped.count + 1)
        for start in wrapped.indices {
            var node: Int32 = 0
            for position in start..<wrapped.count {
                guard let next = edges[Self.key(node, wrapped[position])] else { break }
                node = next
                for (offset, value) in points[Int(node)].enumerated() where value > values[start + offset] {
                    values[start + offset] = value
                }
            }
        }
        // The place after the first `letters` letters of the word is before wrapped[letters + 1].
        return (leftMinimum...(count - rightMinimum)).filter { values[$0 + 1] % 2 == 1 }
    }

    /// A letter (with its combining marks) as the patterns write it: lower case, composed; 0 (in
    /// no pattern) when it has no single-scalar form.
    private static func letterCode(_ letter: Substring.UnicodeScalarView) -> UInt32 {
        if letter.count == 1, let scalar = letter.first {
            if scalar.isASCII { return ("A"..."Z").contains(scalar) ? scalar.value + 0x20 : scalar.value }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first?.value ?? 0 : scalar.value
        }
        // A letter written with a combining accent (e + ¨): its composed form, where it has one.
        let composed = String(String.UnicodeScalarView(letter)).lowercased().precomposedStringWithCanonicalMapping.unicodeScalars
        return composed.count == 1 ? composed.first?.value ?? 0 : 0
    }

    // MARK: Built-in patterns

    /// Dutch, from the patterns LibreOffice uses (`Hyphenation/hyph_nl_NL.dic`, embedded).
    static let dutch = builtIn("hyph_nl_NL.dic")
    /// American English, from TeX's patterns as LibreOffice uses them (`Hyphenation/hyph_en_US.dic`).
    static let english = builtIn("hyph_en_US.dic")

    private static func builtIn(_ name: String) -> Hyphenator {
        Hyphenator(patternFile: Theme.builtInData("Hyphenation/" + name) ?? Data())
    }
}

extension Language {
    /// The hyphenation patterns of this language, read the first time they are needed.
    public var hyphenator: Hyphenator {
        switch self {
        case .nl: Hyphenator.dutch
        case .en: Hyphenator.english
        }
    }
}
