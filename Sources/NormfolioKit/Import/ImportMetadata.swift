import Foundation

/// The title an imported document gets: plain text, never a template's placeholder.
struct ImportedTitle: Equatable {
    /// Where a title was found, as the warning names it.
    enum Field: String, Equatable {
        case properties = "the title in the file's properties"
        case titleParagraph = "the paragraph styled as title"
        case heading = "the first heading"
        case fileName = "the file name"
    }

    var text: String
    var field: Field
    /// The fields passed over, with the text that was rejected (empty when there was none).
    var skipped: [(field: Field, text: String)] = []

    static func == (a: ImportedTitle, b: ImportedTitle) -> Bool {
        a.text == b.text && a.field == b.field && a.skipped.map(\.field) == b.skipped.map(\.field)
            && a.skipped.map(\.text) == b.skipped.map(\.text)
    }

    /// The first of the candidates that is real text: the properties' title, the first heading,
    /// the file name. Markup and escapes are taken out; one line, at most a name's length.
    static func choose(properties: String?, titleParagraph: String? = nil, heading: String?, fileName: String) -> ImportedTitle {
        var skipped: [(Field, String)] = []
        for (field, candidate) in [(Field.properties, properties), (.titleParagraph, titleParagraph), (.heading, heading)] {
            let text = plain(candidate ?? "")
            if !text.isEmpty, placeholder(in: text) == nil {
                return ImportedTitle(text: text, field: field, skipped: skipped)
            }
            // A file without a title in its properties is ordinary: only a rejected one is worth a word.
            if !text.isEmpty || field == .heading { skipped.append((field, text)) }
        }
        return ImportedTitle(text: plain(fileName), field: .fileName, skipped: skipped)
    }

    /// A title as plain text: HTML tags, Markdown's backslash escapes and emphasis marks taken out,
    /// white space made single spaces, cut to the length a name may have.
    static func plain(_ text: String) -> String {
        var result = text.replacingOccurrences(of: #"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>"#, with: "", options: .regularExpression)
        result = result.replacingOccurrences(of: #"\\([\\`*_{}\[\]()#+\-.!<>|~"'])"#, with: "$1", options: .regularExpression)
        result = result.replacingOccurrences(of: #"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))"#, with: "", options: .regularExpression)
        let words = result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(words.prefix(Limits.nameCharacters))
    }

    /// The template placeholder in a title, if it holds one: `[NAAM SYSTEEM]`, `<%…%>`, `{{…}}`, `XXX`.
    static func placeholder(in text: String) -> String? {
        for pattern in [#"\[[^\]]*\]"#, #"<%.*?%>"#, #"\{\{.*?\}\}"#, #"(?<![A-Za-z])X{3,}(?![A-Za-z])"#] {
            if let range = text.range(of: pattern, options: .regularExpression) { return String(text[range]) }
        }
        return nil
    }
}

/// A sentence that records an adoption ("Vastgesteld door het College van Bestuur op 3 november
/// 2026", "Adopted by the board on 3 November 2026"): offered as a `normfolio approve` command,
/// never recorded by import itself.
struct AdoptionSentence: Equatable {
    var by: String
    var on: Day
    var sentence: String

    private static let months = [
        "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
        "september": 9, "oktober": 10, "november": 11, "december": 12,
        "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    ]

    private static let pattern =
        #"(?i)\b(vastgesteld|goedgekeurd|adopted|approved)\s+(door|by)\s+(.{2,120}?)\s+(op|on)\s+"#
        + #"(\d{4}-\d{2}-\d{2}|\d{1,2}[-/]\d{1,2}[-/]\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})"#

    /// The first adoption sentence among `paragraphs` whose date is a real day.
    static func find(in paragraphs: [String]) -> AdoptionSentence? {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        for paragraph in paragraphs {
            let range = NSRange(paragraph.startIndex..., in: paragraph)
            for match in regex.matches(in: paragraph, range: range) {
                guard let byRange = Range(match.range(at: 3), in: paragraph), let dateRange = Range(match.range(at: 5), in: paragraph),
                    let whole = Range(match.range, in: paragraph), let day = day(String(paragraph[dateRange]))
                else { continue }
                var by = String(paragraph[byRange]).trimmed
                for article in ["het ", "de ", "the "] where by.lowercased().hasPrefix(article) { by = String(by.dropFirst(article.count)) }
                return AdoptionSentence(by: by, on: day, sentence: String(paragraph[whole]))
            }
        }
        return nil
    }

    /// A written date as a day: `2026-11-03`, `3-11-2026`, `3 november 2026`, `November 3, 2026`.
    static func day(_ text: String) -> Day? {
        if let day = Day(text) { return day }
        let parts = text.lowercased().split { $0 == " " || $0 == "-" || $0 == "/" || $0 == "," }.map(String.init)
        guard parts.count == 3 else { return nil }
        let numbers = parts.map { Int($0) }
        let (day, month, year): (Int?, Int?, Int?)
        if let first = numbers[0], let last = numbers[2] {
            (day, month, year) = (first, numbers[1] ?? months[parts[1]], last)
        } else {
            (day, month, year) = (numbers[1], months[parts[0]], numbers[2])
        }
        guard let day, let month, let year else { return nil }
        return Day(String(format: "%04d-%02d-%02d", year, month, day))
    }
}
