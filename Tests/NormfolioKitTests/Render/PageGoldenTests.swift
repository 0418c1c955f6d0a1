import Foundation
import Testing

@testable import NormfolioKit

/// Golden files per page kind and edition, so that a change shows where it is made:
/// `Snapshots/pages/<edition>/<Kind>.html` holds what one page of the kind contributes (its
/// title, breadcrumbs and `<main>`), and `frame.html` the frame every page shares (header,
/// navigation, footer) once per language. A new menu entry changes the two frames; a new kind
/// adds its two pages. The Dutch accountant's edition and the English one hold every kind (the
/// same audience, another language); the auditor's and the intranet's hold only the kinds whose
/// pages differ from the accountant's (the same language, another audience).
@Suite struct PageGoldenTests {
    /// The page a kind with many pages is shown by: one with most of what the kind can show.
    static let representative = [
        "NormPage": "normen/IM.01.html", "DocumentPage": "documenten/beleid-ib-beleid.html", "RegisterPage": "registers/datalekken.html",
        "RegisterEntryPage": "registers/bevindingen/audit-mfa.html", "TextPage": "paginas/over.html",
    ]

    /// The fixture site in `audience`, from `root`, with the edition its pages were made for.
    static func render(_ root: String, _ audience: Audience) throws -> (site: Site, edition: Edition) {
        let site = try #require(Normfolio.render(BuildOptions(portfolio: root, audience: audience), today: fixedToday).site)
        let portfolio = try #require(Normfolio.check(BuildOptions(portfolio: root, audience: audience), today: fixedToday).portfolio)
        let strings = Theme.load(root: root, io: .live, language: portfolio.settings.language).0.strings
        return (site, Edition(portfolio: portfolio, audience: audience, version: "test", strings: strings))
    }

    /// What one page of each kind contributes, by `<Kind>.html`: its title, its breadcrumbs and
    /// its `<main>`, after a comment naming the page.
    static func pages(_ site: Site, _ edition: Edition) -> [String: Data] {
        var files: [String: Data] = [:]
        for kind in PageKinds.all {
            let name = String(describing: type(of: kind))
            let paths = kind.pages(in: edition).map(\.path)
            guard let path = representative[name].flatMap({ paths.contains($0) ? $0 : nil }) ?? paths.first else { continue }
            let html = page(site, path)
            let parts = [
                slice(html, from: "<title>", to: "</title>"),
                slice(html, from: "<nav class=\"breadcrumbs\"", to: "</nav>"),
                slice(html, from: "<main id=\"inhoud\" tabindex=\"-1\">", to: "</main>"),
            ].compactMap { $0 }
            files[name + ".html"] = Data((["<!-- \(path) -->"] + parts).joined(separator: "\n").appending("\n").utf8)
        }
        return files
    }

    /// The frame of the site's pages: the home page with its `<main>` left empty.
    static func frame(_ site: Site) -> Data {
        let html = page(site, Routes.home)
        guard let start = html.range(of: "<main id=\"inhoud\" tabindex=\"-1\">"), let end = html.range(of: "</main>", options: .backwards)
        else { return Data(html.utf8) }
        return Data((html[..<start.upperBound] + "\n…\n" + html[end.lowerBound...]).utf8)
    }

    /// The text from the first `start` to the first `end` after it, both included.
    static func slice(_ html: String, from start: String, to end: String) -> String? {
        guard let from = html.range(of: start), let to = html.range(of: end, range: from.upperBound..<html.endIndex) else { return nil }
        return String(html[from.lowerBound..<to.upperBound])
    }

    /// The English copy of the site fixture, in a fresh folder removed by the caller.
    static func englishFixture(in work: URL) throws -> String {
        let copy = work.appendingPathComponent("site")
        try FileManager.default.copyItem(atPath: siteFixture, toPath: copy.path)
        try Data(
            """
            organisation: Test Board
            title: Test portfolio
            language: en
            as_of: 2026-12-01
            contacts:
              - {role: Data protection officer, email: dpo@test.example}
            breach_instructions: Report a data breach to the service desk at once.

            """.utf8
        ).write(to: copy.appendingPathComponent("normfolio.yml"))
        return copy.path
    }

    @Test func everyKindInDutchAndEnglish() throws {
        let dutch = try Self.render(siteFixture, .accountant)
        assertGoldenFiles(
            Self.pages(dutch.site, dutch.edition).merging(["frame.html": Self.frame(dutch.site)]) { a, _ in a },
            named: "pages/nl-accountant")
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let english = try Self.render(try Self.englishFixture(in: work), .accountant)
        assertGoldenFiles(
            Self.pages(english.site, english.edition).merging(["frame.html": Self.frame(english.site)]) { a, _ in a },
            named: "pages/en-accountant")
        // A school's page needs `schools:`, which the site fixture leaves out (a site without schools is as it was): its
        // goldens, with the coverage page's school matrix, are SchoolTests' (Snapshots/schools-nl, schools-en).
        let kinds = PageKinds.all.filter { !($0 is SchoolPage) }
        #expect(Self.pages(dutch.site, dutch.edition).count == kinds.count, "the accountant's fixture lacks a page of some kind")
        // The English intranet's home page: the staff's, with the documents by subject.
        let intranet = try Self.render(try Self.englishFixture(in: work.appendingPathComponent("intranet")), .intranet)
        assertGoldenFiles(Self.pages(intranet.site, intranet.edition).filter { $0.key == "HomePage.html" }, named: "pages/en-intranet")
    }

    @Test(arguments: [Audience.auditor, .intranet])
    func whatAnotherAudienceSeesDifferently(_ audience: Audience) throws {
        let accountant = try Self.render(siteFixture, .accountant)
        let other = try Self.render(siteFixture, audience)
        let base = Self.pages(accountant.site, accountant.edition)
        let different = Self.pages(other.site, other.edition).filter { base[$0.key] != $0.value }
        #expect(!different.isEmpty)
        assertGoldenFiles(different, named: "pages/nl-\(audience.rawValue)")
    }

    /// The exports and the search index: files, not pages, each a golden of its own.
    @Test func theExportsAndTheSearchIndex() throws {
        let site = try Self.render(siteFixture, .accountant).site
        var files: [String: Data] = [:]
        for file in site.files where file.path.hasPrefix("export/") || file.path == Routes.searchIndex {
            guard ![Routes.manifest, Routes.sums].contains(file.path) else { continue }
            files[file.path] = try #require(file.bytes())
        }
        assertGoldenFiles(files, named: "files/nl-accountant")
    }
}
