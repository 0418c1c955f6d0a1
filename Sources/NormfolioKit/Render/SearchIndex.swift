import Foundation
import Synchronization

/// The search index: a script file (`assets/zoekindex.js`) so search works from `file://` and
/// from a zip, where pages cannot fetch data. It holds only what the edition publishes.
///
/// A script can be included by any page of any site, and runs there: a page the reader visits
/// could include the index of an intranet site (or of the preview) and read it. So the index
/// defines nothing a page can read. It asks the function `normfolioReceiveIndex` (which the site's
/// own `search.js` defines) for a key, and hands over its entries only when the key is right. The
/// site's search page holds the key (`data-sleutel` on its form), where only a page of the site
/// itself can read it; another site's page cannot read the search page, so it cannot know the key.
/// The key is a hash of the entries themselves: the same portfolio gives the same bytes, and
/// whoever could work out the key knows every entry already. The script is strict-mode code, so
/// a function it calls cannot reach back into it (`caller`), and builds its entries only after
/// the check (see docs/format.md, "Search").
struct SearchIndex {
    /// The index file, and the key its search page must hold.
    struct Made: Sendable {
        var file: Site.File
        var key: String
    }

    let edition: Edition
    /// Entries kept from an earlier index of the same portfolio (the live preview).
    let memo: SearchEntryMemo?

    /// Everything one entry of the index is made of: its line is a function of this alone, so
    /// a line kept with an equal entry can never be stale.
    struct Entry: Equatable, Sendable {
        var title: String
        var url: String
        var kind: String
        var norms: String
        var classification: String
        var meta: [String]
        var text: String

        /// The entry as one line of the index script: its JSON without the final line break.
        var line: String {
            let json = JSONValue.object([
                "t": .string(title), "u": .string(url), "k": .string(kind), "n": .string(norms), "c": .string(classification),
                "ft": .string(SearchIndex.folded(title)), "fm": .string(SearchIndex.folded(meta.joined(separator: " "))),
                "fx": .string(SearchIndex.folded(text)),
            ]).text(escapingLessThan: true)
            // Cut at the byte: a String's generic dropLast counts from the start.
            return json.hasSuffix("\n") ? String(decoding: json.utf8.dropLast(), as: UTF8.self) : json
        }
    }

    func make() -> Made {
        enum Item: Sendable { case norm(Int), document(Int) }
        let portfolio = edition.portfolio
        let norms = edition.has(.catalog) ? portfolio.catalog.norms.indices.map(Item.norm) : []
        let items = norms + edition.publishedDocuments.map(Item.document)
        let known = memo?.lines ?? [:]
        // Entries are made and written in parallel, then joined in order: the index holds all text.
        let entries = items.parallelMap { item -> (line: String, kept: Entry?) in
            switch item {
            case .norm(let index):
                let norm = portfolio.catalog.norms[index]
                let assessment = edition.assessments[norm.id]
                return (
                    Entry(
                        title: "\(norm.id) \(edition.normTitle(norm))", url: Routes.norm(norm.id), kind: edition.text("norm"),
                        norms: norm.id, classification: "", meta: [norm.id, norm.title, norm.titleEN ?? "", assessment?.owner ?? ""],
                        text: norm.description + " " + (assessment?.body.visibleText ?? "")
                    ).line, nil
                )
            case .document(let index):
                let document = portfolio.documents[index]
                let entry = Entry(
                    title: document.title, url: Routes.document(document.slug), kind: document.type ?? "",
                    norms: document.norms.joined(separator: ", "), classification: document.classification.name,
                    meta: document.norms + [document.owner ?? "", document.type ?? ""], text: document.body.visibleText)
                // A kept line is reused only when everything its entry is made of is equal. Comparing
                // is cheap where it matters: an unchanged document's text is the very same string.
                if let kept = known[entry.url], kept.entry == entry { return (kept.line, entry) }
                return (entry.line, memo == nil ? nil : entry)
            }
        }
        memo?.keep(entries.compactMap { entry in entry.kept.map { ($0, entry.line) } })
        let lines = entries.map(\.line).joined(separator: ",\n")
        let key = String(Integrity.sha256(Data(("normfolio-search-key\n" + lines).utf8)).prefix(32))
        let script = """
            // normfolio's search index: it hands its entries only to the search page of its own site.
            "use strict";
            (function () {
              var receive = typeof normfolioReceiveIndex === "function" ? normfolioReceiveIndex : null;
              if (receive === null || receive() !== "\(key)") { return; }
              receive([
            \(lines)
              ]);
            }());

            """
        return Made(file: Site.File(path: Routes.searchIndex, contents: .data(Data(script.utf8))), key: key)
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
            table[value] = Array(
                String(scalar).folding(
                    options: [.caseInsensitive, .diacriticInsensitive],
                    locale: Locale(identifier: "en_US_POSIX")
                ).utf8)
        }
        return table
    }()
}

/// The search index of one site, made once: by whichever asks first, the index file or the search
/// page that carries its key.
final class SearchIndexOnce: Sendable {
    private let index: SearchIndex
    private let made = Mutex<SearchIndex.Made?>(nil)

    init(_ index: SearchIndex) { self.index = index }

    /// The index and its key; made while the lock is held, so it is made once.
    var value: SearchIndex.Made {
        made.withLock { made in
            if let made { return made }
            let value = index.make()
            made = value
            return value
        }
    }
}

/// Search-index entries of documents, kept between renders of the same portfolio (the live
/// preview): the line of every document entry with everything it was made of, so the index of
/// thousands of documents is not folded again after every edit. Norm entries are few and always
/// made anew.
public final class SearchEntryMemo: Sendable {
    /// A line, and the entry it was made from.
    struct Kept: Sendable {
        var entry: SearchIndex.Entry
        var line: String
    }

    private let state = Mutex<[String: Kept]>([:])

    public init() {}

    /// The lines kept, by their entry's page.
    var lines: [String: Kept] { state.withLock { $0 } }

    /// Keeps exactly these entries (those of the documents the last index held).
    func keep(_ entries: [(SearchIndex.Entry, String)]) {
        let kept = entries.map { ($0.0.url, Kept(entry: $0.0, line: $0.1)) }
        state.withLock { $0 = Dictionary(kept, uniquingKeysWith: { first, _ in first }) }
    }
}
