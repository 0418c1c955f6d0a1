import Foundation
import Testing

@testable import NormfolioKit

/// The privacy guard measured on a committed corpus of Dutch sentences (Fixtures/privacy-corpus):
/// every sentence that holds personal data is flagged with its kind, and none of the sentences that
/// only look like it (amounts, case and order numbers, versions, table and figure numbers) is.
@Suite struct PrivacyGuardCorpusTests {
    static let folder = fixtures.appendingPathComponent("privacy-corpus")

    /// The sentences of a corpus file, without comments and empty lines.
    static func sentences(_ name: String) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
            .map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    @Test func everySentenceWithPersonalDataIsFlaggedWithItsKind() throws {
        let sentences = try Self.sentences("moet-gemeld.txt")
        var found: [PrivacyGuard.Kind: Int] = [:]
        for line in sentences {
            let parts = line.split(separator: ":", maxSplits: 1)
            let kind = try #require(PrivacyGuard.Kind(rawValue: String(parts[0])), "\(line)")
            let kinds = Set(PrivacyGuard.scan(String(parts[1])).map(\.kind))
            #expect(kinds == [kind], "\(line)")
            if kinds == [kind] { found[kind, default: 0] += 1 }
        }
        #expect(sentences.count == 34)
        #expect(found == [.bsn: 22, .email: 5, .ipv4: 7])
    }

    @Test func noSentenceThatOnlyLooksLikePersonalDataIsFlagged() throws {
        let sentences = try Self.sentences("niet-gemeld.txt")
        let flagged = sentences.filter { !PrivacyGuard.scan($0).isEmpty }
        #expect(sentences.count == 42)
        #expect(flagged == [])
    }

    /// Real documents that cite the BIO's and NIST's controls by number, alone and in lists: the
    /// guard took six of those numbers for IPv4 addresses, and still finds each file's address.
    @Test func controlNumbersInRealDocumentsAreNotAddresses() throws {
        let folder = Self.folder.appendingPathComponent("echt")
        let files = FileIO.live.listFiles(folder.path).filter { $0.hasSuffix(".md") && $0 != "SOURCES.md" }.sorted()
        #expect(files.count == 7)
        var found: [PrivacyGuard.Kind: Int] = [:]
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for finding in PrivacyGuard.scan(text) { found[finding.kind, default: 0] += 1 }
        }
        #expect(found == [.email: 7])
    }

    /// A suggestion is made only when most of the word stays: `name` is no typo of `date`.
    @Test func fieldNameSuggestionsArePlausible() {
        let p = MemoryPortfolio(["Content/a.md": evidence(extra: "name: Jan\nnorm: x\nowne: Jan\n")])
        let unknown = p.check().diagnostics.filter { $0.code == "unknown-key" }.map(\.message)
        #expect(unknown.count == 3)
        #expect(unknown.contains { $0.contains("'name'") && !$0.contains("did you mean") }, "\(unknown)")
        #expect(unknown.contains { $0.contains("'norm'") && $0.contains("did you mean 'norms'?") }, "\(unknown)")
        #expect(unknown.contains { $0.contains("'owne'") && $0.contains("did you mean 'owner'?") }, "\(unknown)")
        #expect(Suggestion.closest(to: "name", in: ["date", "title"]) == nil)
        #expect(Suggestion.closest(to: "tilte", in: ["date", "title"]) == "title")
    }

    /// A BSN in a file or folder name was published in addresses, the navigation, the search index
    /// and the manifest: names are read as text is.
    @Test func aBSNInAFileOrFolderNameIsAnError() {
        let p = MemoryPortfolio([
            "Content/leerlingen/294631665/verslag.md": evidence(),
            "Content/bijlagen/scan-970.282.400.pdf": "%PDF",
            "Content/a.md": evidence(body: "[scan](bijlagen/scan-970.282.400.pdf)\n"),
            "Content/bijlagen/Tabel 1.2.3.4.pdf": "%PDF",
        ])
        let found = p.check().diagnostics.filter { $0.code.hasPrefix("personal-data") }
        #expect(
            found.map(\.formatted) == [
                // The link to it holds the name too, and is published in the page.
                "Content/a.md:6:22: error: BSN-like number 9702***00 (it passes the elfproef); a BSN may never be published: remove it, "
                    + "or, if it is not a BSN (an order or case number), write <!-- geen bsn --> after it on the same line [personal-data-bsn]",
                "Content/bijlagen/scan-970.282.400.pdf:1:1: error: the name of this file holds a BSN-like number 9702***00 (it passes the "
                    + "elfproef), and names are published (in addresses, the search index, the manifest): rename the file [personal-data-bsn]",
                "Content/leerlingen/294631665:1:1: error: the name of this folder holds a BSN-like number 2946***65 (it passes the "
                    + "elfproef), and names are published (in addresses, the search index, the manifest): rename the folder [personal-data-bsn]",
            ])
    }

    /// `<span>1112</span>22333` shows as one number: the guard reads across inline HTML, and
    /// reports the number where it starts.
    @Test func aBSNSplitByInlineHTMLIsFoundWhereItStarts() {
        let p = MemoryPortfolio(["Content/a.md": evidence(body: "Leerling <span>1️⃣1112</span>22333 en <td>111</td><td>222</td><td>333</td>.\n")])
        let found = p.check().diagnostics.filter { $0.code == "personal-data-bsn" }
        #expect(found.map(\.location) == [p.location("1️⃣", in: "Content/a.md")])
    }
}
