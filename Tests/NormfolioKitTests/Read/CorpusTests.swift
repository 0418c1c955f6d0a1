import Foundation
import Testing

@testable import NormfolioKit

/// Real documents written by others (Dutch government security baselines, DPIA material, privacy
/// statements, policy templates; see Fixtures/corpus/SOURCES.md for their sources and licences):
/// every table in the source is a table on the page, and no word of their text is lost except
/// what a warning reports.
@Suite struct CorpusTests {
    static let folder = fixtures.appendingPathComponent("corpus")

    static var documents: [(name: String, text: String)] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".md") && $0 != "SOURCES.md" }
            .sorted().compactMap { name in
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
                var diagnostics: [Diagnostic] = []
                // Read as the read stage reads a file (line ends made LF).
                return ContentReader.decodeText(data, path: name, diagnostics: &diagnostics).map { (name, $0) }
            } ?? []
    }

    /// The words of a text: runs of letters and digits, in lower case.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count >= 2 }
    }

    /// A source without what CommonMark never shows: comments, link reference definitions and
    /// the labels that use them (`[text][label]`), and character references (`&amp;` is shown as `&`).
    static func shownSource(_ text: String) -> String {
        var result = ""
        var labelsRemoved = ""
        var remaining = Substring(text)
        while let reference = remaining.range(of: "][") {
            labelsRemoved += remaining[..<reference.lowerBound] + "]"
            remaining = remaining[reference.upperBound...].drop { $0 != "]" && $0 != "\n" }
        }
        labelsRemoved += remaining
        var rest = Substring(labelsRemoved)
        while let open = rest.range(of: "<!--") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { rest = ""; break }
            rest = rest[close.upperBound...]
        }
        result += rest
        let lines = result.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let content = line.drop { $0 == " " }
            return !(content.hasPrefix("[") && !content.hasPrefix("[^") && content.contains("]: "))
        }
        var output = ""
        var characters = lines.joined(separator: "\n")[...]
        while let ampersand = characters.firstIndex(of: "&") {
            output += characters[..<ampersand]
            let after = characters[characters.index(after: ampersand)...]
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            if !name.isEmpty, after.dropFirst(name.count).first == ";" {
                output += " "
                characters = after.dropFirst(name.count + 1)
            } else {
                output += "&"
                characters = after
            }
        }
        return output + characters
    }

    /// The text of a page and the values of its attributes that a reader follows or hears (links,
    /// image descriptions, labels), as words.
    static func pageWords(_ html: String) -> Set<String> {
        var text = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open] + " "
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close]
            for attribute in ["href=\"", "alt=\"", "title=\"", "aria-label=\""] {
                if let start = tag.range(of: attribute) {
                    text += " " + tag[start.upperBound...].prefix { $0 != "\"" } + " "
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        let decoded = text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
        return Set(words(decoded.removingPercentEncoding ?? decoded) + words(decoded))
    }

    /// How many GFM tables a source has: header rows with a delimiter row under them, outside fenced code.
    static func tableCount(_ text: String) -> Int {
        var count = 0
        var previous: Substring = ""
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, PipeTable.isDelimiterRow(line), line.contains("-"),
                let alignments = PipeTable.alignments(of: line),
                previous.contains("|") || line.contains("|"),
                PipeTable.cells(of: previous).count == alignments.count, !previous.trimmingCharacters(in: .whitespaces).isEmpty
            {
                count += 1
            }
            previous = line
        }
        return count
    }

    @Test func theCorpusIsThere() {
        #expect(Self.documents.count >= 6)
        #expect(Self.documents.filter { Self.tableCount($0.text) > 0 }.count >= 4)
    }

    @Test func everyTableIsATableAndNoWordIsLostUnlessAWarningSaysSo() {
        for (name, text) in Self.documents {
            let (document, analysis) = Markdown.parse(MarkdownSource(text: text, firstLine: 1), path: name)
            let html = Markdown.html(document, normURL: { _ in nil }, resolve: { _, _ in .keep })
            let tables = html.components(separatedBy: "<table>").count - 1
            #expect(tables == Self.tableCount(text), "\(name): \(tables) tables on the page, \(Self.tableCount(text)) in the source")
            let shown = Self.pageWords(html)
            let lost = Set(Self.words(Self.shownSource(text))).subtracting(shown)
            // Words may only go missing with raw HTML that a warning reports (tag and attribute names).
            let reported = Set(analysis.diagnostics.filter { $0.code == "html-removed" }.map(\.message))
            let unexplained = lost.filter { word in
                !reported.contains { $0.contains("<\(word)>") } && !Self.isInsideTag(word, in: text)
            }
            #expect(unexplained.isEmpty, "\(name) loses \(unexplained.sorted().prefix(20))")
        }
    }

    /// Whether `word` occurs in the source only inside angle brackets (an HTML tag or attribute).
    static func isInsideTag(_ word: String, in text: String) -> Bool {
        var inside = false
        var current = ""
        var outside = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
                continue
            }
            if current == word, !inside { outside = true }
            current = ""
            if character == "<" { inside = true }
            if character == ">" { inside = false }
        }
        return !outside
    }
}
