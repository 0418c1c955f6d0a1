import Foundation

/// When a dotted number of four parts is not an IPv4 address: the number of a control of a
/// standard (`BIO 12.4.1.1`, `NIST 5.1.1.2`), of a section, table or figure, or a version; also
/// every number of a list that follows such a name (`BIO 12.3.1.1, 12.3.1.4 en 12.3.1.5`).
/// Measured on real documents: Tests/NormfolioKitTests/Fixtures/privacy-corpus/echt.
extension PrivacyGuard {
    /// Words after which a dotted number is the number of a measure, clause, section, table or
    /// figure, or a version (`BIO 12.4.1.1`, `hoofdstuk 1.2.3.4`, `Tabel 1.2.3.4`, `Windows
    /// 10.0.190.45`), not an IP address. A word counts when it starts with one of them.
    static let numberingWords = [
        "bio", "iso", "iec", "nen", "nist", "cis", "avg", "gdpr", "asvs", "owasp", "ensia",
        "maatregel", "control", "hoofdstuk", "paragraaf", "artikel",
        "sectie", "section", "chapter", "clause", "bijlage", "annex", "norm", "versie", "version",
        "tabel", "table", "figuur", "figure", "fig", "afbeelding", "grafiek", "schema", "stap", "punt",
        "lid", "onderdeel", "build", "release", "update", "patch", "firmware", "windows", "macos",
        "ios", "android", "linux", "office", "chrome", "edge", "firefox", "java", "python",
    ]

    /// Standards whose name is written out, after which a number is one of their controls.
    static let standardNames = [
        "baseline informatiebeveiliging overheid", "baseline informatiebeveiliging rijksdienst",
        "normenkader ibp", "cis controls", "nist sp 800-53", "nist sp 800-63b",
    ]

    /// Whether the dotted number at `start` is numbering: it opens its line (a heading, list item
    /// or table cell, after their markers), is glued to a letter (`v10.0.1.2`), follows one of the
    /// `numberingWords`, a written-out standard's name or `§`, or is in a list of dotted numbers
    /// that follows one of them.
    static func isNumbering(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, lineStart: Int) -> Bool {
        if start > lineStart, isLetter(bytes[start - 1]) { return true }
        var index = lineStart
        while index < start,
            [
                UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"),
                UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "|"),
            ].contains(bytes[index])
        {
            index += 1
        }
        if index == start { return true }
        return followsNumberingName(bytes, at: start, lineStart: lineStart)
            || followsNumberingName(bytes, at: startOfList(bytes, before: start, lineStart: lineStart), lineStart: lineStart)
    }

    /// Whether the words just before `start` name a standard, a section or a version.
    private static func followsNumberingName(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, lineStart: Int) -> Bool {
        guard start > lineStart else { return false }
        let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[max(lineStart, start - 60)..<start]), as: UTF8.self)
            .lowercased()
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("§") { return true }
        let tail = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: ",;:(["))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if standardNames.contains(where: { tail.hasSuffix($0) }) { return true }
        // The two words before the number.
        let words = before.split { !$0.isLetter }.suffix(2)
        return words.contains { word in numberingWords.contains { word.hasPrefix($0) } }
    }

    /// Where the list of dotted numbers that `start` ends starts (`12.3.1.1, 12.3.1.4 en 12.3.1.5`);
    /// `start` itself when no dotted number comes before it on its line.
    private static func startOfList(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int, lineStart: Int) -> Int {
        var listStart = start
        var index = start
        while true {
            // The separator: commas, semicolons, slashes, '&', "en", "and", "of", "or", spaces.
            var cursor = index
            var separated = false
            while cursor > lineStart {
                let byte = bytes[cursor - 1]
                if [UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "&")].contains(byte) {
                    cursor -= 1
                    separated = separated || byte != UInt8(ascii: " ")
                    continue
                }
                let word = ["en", "and", "of", "or"].first { word in
                    let count = word.utf8.count
                    return cursor - count > lineStart && bytes[cursor - count - 1] == UInt8(ascii: " ")
                        && bytes[(cursor - count)..<cursor].elementsEqual(word.utf8)
                }
                if let word {
                    cursor -= word.utf8.count
                    separated = true
                    continue
                }
                break
            }
            // A dotted number before it.
            var numberStart = cursor
            while numberStart > lineStart, isDigit(bytes[numberStart - 1]) || bytes[numberStart - 1] == UInt8(ascii: ".") {
                numberStart -= 1
            }
            let number = bytes[numberStart..<cursor]
            guard separated, number.contains(UInt8(ascii: ".")), number.first.map(isDigit) == true, number.last.map(isDigit) == true
            else { return listStart }
            listStart = numberStart
            index = numberStart
        }
    }
}
