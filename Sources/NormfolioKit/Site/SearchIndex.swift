import Foundation
import Synchronization

/// The search index: a script file (`assets/zoekindex.js`) so search works from `file://` and
/// from a zip, where pages cannot fetch data. It holds only what the build publishes.
extension Renderer {
    static let searchIndexPath = "assets/zoekindex.js"

    func searchIndexFile(memo: SearchEntryMemo? = nil) -> Site.File {
        enum Item: Sendable { case norm(Int), document(Int) }
        let items = portfolio.catalog.norms.indices.map(Item.norm)
            + portfolio.documents.indices.filter { published[$0] }.map(Item.document)
        let known = memo?.entries ?? [:]
        // Entries are made and written in parallel, then joined in order: the index holds all text.
        let entries = items.parallelMap { item -> (String, SearchEntryMemo.Entry?) in
            switch item {
            case .norm(let index):
                let norm = portfolio.catalog.norms[index]
                let assessment = assessments[norm.id]
                return (Self.line(searchEntry(
                    title: "\(norm.id) \(normTitle(norm))", url: "normen/\(norm.id).html", kind: text("norm"),
                    norms: norm.id, classification: "", meta: [norm.id, norm.title, norm.titleEN ?? "", assessment?.owner ?? ""],
                    text: norm.description + " " + (assessment?.visibleText ?? ""))), nil)
            case .document(let index):
                let document = portfolio.documents[index]
                let inputs = SearchEntryMemo.Inputs(document: document, url: documentPath(index))
                if let entry = known[inputs.url], entry.inputs == inputs { return (entry.line, entry) }
                let line = Self.line(searchEntry(
                    title: document.title, url: inputs.url, kind: document.type ?? "",
                    norms: document.norms.joined(separator: ", "), classification: document.classification.name,
                    meta: document.norms + [document.owner ?? "", document.type ?? ""], text: document.visibleText))
                return (line, SearchEntryMemo.Entry(inputs: inputs, line: line))
            }
        }
        memo?.keep(entries.compactMap(\.1))
        let script = "var NORMFOLIO_INDEX = [\n" + entries.map(\.0).joined(separator: ",\n") + "\n];\n"
        return Site.File(path: Self.searchIndexPath, contents: .data(Data(script.utf8)))
    }

    /// An entry as one line of the index script: its JSON without the final line break.
    private static func line(_ entry: JSONValue) -> String {
        // Cut at the byte: a String's generic dropLast counts from the start.
        let text = entry.text(escapingLessThan: true)
        return text.hasSuffix("\n") ? String(decoding: text.utf8.dropLast(), as: UTF8.self) : text
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
            "empty": .string(text("search_empty")), "one": .string(strings.forms("search_results").one),
            "many": .string(strings.forms("search_results").other),
        ]).text(escapingLessThan: true)
    }

    /// Lower case without accents, as the search script folds queries (NFD, marks removed, lower
    /// case). Works on bytes; only letters outside ASCII are looked up.
    static func folded(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.append(UInt8(truncatingIfNeeded: (65...90).contains(value) ? value + 32 : value))
            } else if let base = foldedLatin[value] {
                output += base
            } else if !(0x300...0x36F).contains(value) {
                output += String(scalar).lowercased().utf8
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The Latin letters with accents (U+00C0 to U+024F) and the bytes they fold to, worked out once.
    private static let foldedLatin: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        for value in UInt32(0xC0)...0x24F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            table[value] = Array(String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive],
                                                        locale: Locale(identifier: "en_US_POSIX")).utf8)
        }
        return table
    }()
}

/// Search-index entries of documents, kept between renders of the same portfolio (the live
/// preview): a document whose title, metadata and text did not change keeps its entry, so the
/// index of thousands of documents is not folded again after every edit. Norm entries are few
/// and always made anew.
public final class SearchEntryMemo: Sendable {
    /// Everything a document's entry is made from; the language is the same for a whole portfolio.
    struct Inputs: Equatable, Sendable {
        var title: String
        var url: String
        var type: String?
        var norms: [String]
        var classification: Classification
        var owner: String?
        var text: String

        init(document: EvidenceDocument, url: String) {
            (title, self.url, type, norms, classification, owner, text) = (document.title, url, document.type, document.norms,
                                                                           document.classification, document.owner,
                                                                           document.visibleText)
        }
    }

    struct Entry: Sendable {
        var inputs: Inputs
        var line: String
    }

    private let state = Mutex<[String: Entry]>([:])

    public init() {}

    /// The entries kept, by the document's page.
    var entries: [String: Entry] { state.withLock { $0 } }

    /// Keeps exactly these entries (those of the documents the last index held).
    func keep(_ entries: [Entry]) {
        var kept: [String: Entry] = [:]
        kept.reserveCapacity(entries.count)
        for entry in entries { kept[entry.inputs.url] = entry }
        state.withLock { $0 = kept }
    }
}
