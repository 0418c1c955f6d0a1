import Foundation

/// The search index: a script file (`assets/zoekindex.js`) so search works from `file://` and
/// from a zip, where pages cannot fetch data. It holds only what the build publishes.
extension Renderer {
    static let searchIndexPath = "assets/zoekindex.js"

    func searchIndexFile() -> Site.File {
        var entries: [JSONValue] = portfolio.catalog.norms.map { norm in
            let assessment = portfolio.assessments[norm.id]
            return searchEntry(title: "\(norm.id) \(normTitle(norm))", url: "normen/\(norm.id).html", kind: text("norm"),
                               norms: norm.id, classification: "",
                               meta: [norm.id, norm.title, norm.titleEN ?? "", assessment?.owner ?? ""],
                               text: norm.description + " " + (assessment.map { Self.plainText($0.body.text) } ?? ""))
        }
        for index in portfolio.documents.indices where published[index] {
            let document = portfolio.documents[index]
            entries.append(searchEntry(
                title: document.title, url: documentPath(index), kind: document.type ?? "", norms: document.norms.joined(separator: ", "),
                classification: document.classification.name,
                meta: document.norms + [document.owner ?? "", document.type ?? ""], text: Self.plainText(document.body.text)))
        }
        let json = JSONValue.array(entries).text.replacingOccurrences(of: "<", with: "\\u003c")
        return Site.File(path: Self.searchIndexPath, contents: .data(Data(("var NORMFOLIO_INDEX = " + json).utf8)))
    }

    private func searchEntry(title: String, url: String, kind: String, norms: String, classification: String,
                             meta: [String], text body: String) -> JSONValue {
        .object([
            "t": .string(title), "u": .string(url), "k": .string(kind), "n": .string(norms), "c": .string(classification),
            "ft": .string(Self.folded(title)), "fm": .string(Self.folded(meta.joined(separator: " "))),
            "fx": .string(Self.folded(body)),
        ])
    }

    /// The texts the search page's script shows, as JSON that is safe inside a `<script>` data block.
    func searchTexts() -> String {
        JSONValue.object([
            "empty": .string(text("search_empty")), "one": .string(text("search_one")), "many": .string(text("search_many")),
        ]).text.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// Lower case without accents, as the search script folds queries.
    static func folded(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 128 } ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Markdown reduced to its words: link targets, markup characters and extra spaces removed.
    static func plainText(_ markdown: String) -> String {
        var result = ""
        result.reserveCapacity(markdown.utf8.count)
        var scalars = markdown.unicodeScalars.makeIterator()
        var previous: Unicode.Scalar = " "
        var lastWasSpace = true
        while let scalar = scalars.next() {
            if scalar == "(" && previous == "]" {
                // Skip a link's destination.
                while let next = scalars.next(), next != ")" {}
                previous = ")"
                continue
            }
            previous = scalar
            if "#*_`>[]|\n\r\t ".unicodeScalars.contains(scalar) {
                if !lastWasSpace { result.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        return result
    }
}
