import Foundation
import Testing

@testable import NormfolioKit

/// The live preview's model: a read that parses only what changed, and a site made page by page
/// that is byte for byte the site a build writes.
@Suite struct PreviewTests {
    /// Every file of the on-demand site, made one at a time, against the whole render.
    func expectSameFiles(_ options: BuildOptions, io: FileIO = .live, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var cache = PreviewCache()
        let preview = Normfolio.preview(options, io: io, today: fixedToday, cache: &cache)
        let onDemand = try #require(preview.site, sourceLocation: sourceLocation)
        let whole = try #require(Normfolio.render(options, io: io, today: fixedToday).site, sourceLocation: sourceLocation)
        #expect(onDemand.paths == whole.files.map(\.path), sourceLocation: sourceLocation)
        #expect(onDemand.pageCount == whole.pageCount, sourceLocation: sourceLocation)
        // Pages first and the integrity files last, so each page is rendered on its own.
        let order = onDemand.paths.filter { !$0.hasPrefix("export/") } + onDemand.paths.filter { $0.hasPrefix("export/") }
        for path in order {
            let expected = whole.files.first { $0.path == path }?.bytes(io: io)
            if onDemand.file(at: path) != expected {
                Issue.record("\(path) differs from the built site", sourceLocation: sourceLocation)
            }
        }
        #expect(onDemand.file(at: "nergens.html") == nil, sourceLocation: sourceLocation)
    }

    /// A file of a preview's site as text; empty when there is no site or no such file.
    static func text(_ site: LazySite?, _ path: String) -> String {
        String(decoding: site?.file(at: path) ?? Data(), as: UTF8.self)
    }

    @Test(arguments: Audience.allCases)
    func everyFileOfAWholePortfolioIsTheBuiltOne(audience: Audience) throws {
        try expectSameFiles(BuildOptions(portfolio: portfolioFixture.path, audience: audience, asOf: fixedToday))
    }

    @Test func everyFileOfTheFixtureIsTheBuiltOneInEnglishToo() throws {
        try expectSameFiles(BuildOptions(portfolio: siteFixture, audience: .auditor))
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let copy = work.appendingPathComponent("site")
        try FileManager.default.copyItem(atPath: siteFixture, toPath: copy.path)
        try Data("language: en\nas_of: 2026-12-01\n".utf8).write(to: copy.appendingPathComponent("normfolio.yml"))
        try expectSameFiles(BuildOptions(portfolio: copy.path, audience: .auditor))
    }

    /// A school's edition in the preview (`serve --school`) is the one `build --school` writes; an
    /// unknown school is an error the preview's page shows, with no site.
    @Test func aSchoolsEditionIsTheBuiltOne() throws {
        let schools = fixtures.appendingPathComponent("schools").path
        var options = BuildOptions(portfolio: schools, audience: .intranet)
        options.school = "het-kompas"
        try expectSameFiles(options)
        options.school = "het-komps"
        var cache = PreviewCache()
        let preview = Normfolio.preview(options, today: fixedToday, cache: &cache)
        #expect(preview.site == nil)
        let unknown = preview.shownDiagnostics.filter { $0.code == "unknown-school" }
        #expect(unknown.count == 1 && unknown.first?.severity == .error)
        #expect(unknown.first?.message.contains("het-kompas") == true)
    }

    /// The preview's Aandachtspunten page also lists the authoring warnings, which a built site
    /// never holds; the points of attention are the same.
    @Test func thePreviewListsAuthoringWarningsTooAndTheBuildDoesNot() throws {
        let p = MemoryPortfolio([
            "normfolio.yml": "as_of: 2026-12-01\n",
            "Content/a.md": evidence(extra: "afdeling: ICT\nreview_by: 2026-01-01\n", body: "Tekst met <blink>HTML</blink>.\n"),
        ])
        var cache = PreviewCache()
        let options = BuildOptions(portfolio: "/p", audience: .auditor)
        let preview = Self.text(Normfolio.preview(options, io: p.io, today: fixedToday, cache: &cache).site, "aandachtspunten.html")
        let built = page(try #require(Normfolio.render(options, io: p.io, today: fixedToday).site), "aandachtspunten.html", io: p.io)
        for html in [preview, built] {
            #expect(html.contains("<p><strong>1 aandachtspunt</strong></p>") && html.contains("moest vóór 1 januari 2026 herzien zijn"))
        }
        #expect(preview.contains("<h2 id=\"schrijfwaarschuwingen\">Schrijfwaarschuwingen <span class=\"count\">(2)</span></h2>"))
        #expect(preview.contains("<code>Content/a.md:5:1</code>: unknown field &#39;afdeling&#39;") && preview.contains("[html-removed]"))
        #expect(!built.contains("Schrijfwaarschuwingen") && !built.contains("afdeling"))
    }

    @Test func theIntegrityFilesMadeFirstHashTheSamePages() throws {
        var cache = PreviewCache()
        let options = BuildOptions(portfolio: siteFixture, audience: .auditor)
        let site = try #require(Normfolio.preview(options, today: fixedToday, cache: &cache).site)
        let whole = try #require(Normfolio.render(options, today: fixedToday).site)
        #expect(site.file(at: "export/SHA256SUMS") == whole.files.first { $0.path == "export/SHA256SUMS" }?.bytes())
        #expect(site.file(at: "index.html") == whole.files.first { $0.path == "index.html" }?.bytes())
    }

    @Test func aSecondReadParsesOnlyTheChangedFiles() throws {
        var files = [
            "normfolio.yml": "as_of: 2026-12-01\n",
            "Content/a.md": evidence("Eerste"),
            "Content/b.md": evidence("Tweede"),
            "Content/notities.txt": "geen persoonsgegevens\n",
            "Content/norms/GO.02.md": "---\nlevel: 2\n---\n",
        ]
        var cache = PreviewCache()
        func preview() -> Preview {
            Normfolio.preview(BuildOptions(portfolio: "/p"), io: .memory(root: "/p", files), today: fixedToday, cache: &cache)
        }
        _ = preview()
        #expect(cache.parsed == ["a.md", "b.md", "norms/GO.02.md", "notities.txt"])
        _ = preview()
        #expect(cache.parsed == [])

        files["Content/b.md"] = evidence("Tweede, herzien")
        files["Content/notities.txt"] = "mail naar jan@example.org\n"
        let changed = preview()
        #expect(cache.parsed == ["b.md", "notities.txt"])
        #expect(Self.text(changed.site, "documenten/b.html").contains("Tweede, herzien"))
        #expect(changed.diagnostics.map(\.code) == ["personal-data-email"])

        // The e-mail domain allowed in the settings: every file's findings may differ, so all are read again.
        files["normfolio.yml"] = "as_of: 2026-12-01\nemail_allowlist: [example.org]\n"
        let allowed = preview()
        #expect(cache.parsed == ["a.md", "b.md", "norms/GO.02.md", "notities.txt"])
        #expect(allowed.diagnostics.isEmpty)

        // A new file is parsed; a broken one keeps the site from being made, and its fix brings it back.
        files["Content/c.md"] = "---\ntitle: Kapot\nnorms: [ZZ.99]\n---\n"
        let broken = preview()
        #expect(cache.parsed == ["c.md"])
        #expect(broken.site == nil)
        #expect(broken.diagnostics.map(\.formatted).contains { $0.hasPrefix("Content/c.md:3:9: error: unknown norm ID 'ZZ.99'") })
        files["Content/c.md"] = evidence("Derde")
        #expect(preview().site?.paths.contains("documenten/c.html") == true)
        #expect(cache.parsed == ["c.md"])
    }

    @Test func theSearchIndexFollowsEdits() throws {
        var files = [
            "normfolio.yml": "as_of: 2026-12-01\n",
            "Content/a.md": evidence("Eerste", body: "Over wachtwoorden.\n"),
            "Content/b.md": evidence("Tweede", body: "Over back-ups.\n"),
        ]
        var cache = PreviewCache()
        func index() throws -> String {
            let options = BuildOptions(portfolio: "/p")
            let site = Normfolio.preview(options, io: .memory(root: "/p", files), today: fixedToday, cache: &cache).site
            let built = try #require(Normfolio.render(options, io: .memory(root: "/p", files), today: fixedToday).site)
            let index = Self.text(site, "assets/zoekindex.js")
            #expect(index == page(built, "assets/zoekindex.js"))
            return index
        }
        #expect(try index().contains("over back-ups"))
        files["Content/b.md"] = evidence("Tweede", body: "Over zonnepanelen.\n")
        let edited = try index()
        #expect(edited.contains("over zonnepanelen") && !edited.contains("over back-ups") && edited.contains("over wachtwoorden"))
        // Only its metadata changes: same page, same text, another entry.
        files["Content/b.md"] = evidence("Tweede", extra: "owner: Jan Smit\n", body: "Over zonnepanelen.\n")
        #expect(try index().contains("jan smit"))
        // A document no longer published leaves the index.
        files["Content/a.md"] = evidence("Eerste", extra: "classification: vertrouwelijk\n", body: "Over wachtwoorden.\n")
            .replacingOccurrences(of: "classification: openbaar\n", with: "")
        #expect(try !index().contains("wachtwoorden"))
    }

    @Test func anEditedDocumentShowsEverywhereItIsListed() throws {
        var files = [
            "normfolio.yml": "as_of: 2026-12-01\n",
            "Content/a.md": evidence("Beleid A", extra: "review_by: 2027-01-01\n", body: "Zie [B](b.md).\n"),
            "Content/b.md": evidence("Beleid B", norms: "[GO.02, SM.02]"),
        ]
        var cache = PreviewCache()
        func text(_ path: String) -> String {
            PreviewTests.text(
                Normfolio.preview(
                    BuildOptions(portfolio: "/p", audience: .accountant), io: .memory(root: "/p", files), today: fixedToday,
                    cache: &cache
                ).site, path)
        }
        #expect(text("normen/SM.02.html").contains("Beleid B"))
        files["Content/b.md"] = evidence("Beleid Bee", norms: "[GO.02, SM.02]")
        #expect(text("normen/SM.02.html").contains("Beleid Bee"))
        #expect(text("documenten/index.html").contains("Beleid Bee"))
        #expect(text("documenten/a.html").contains("Beleid A"))
        // The document it links to lists it under "linked from"; an expired review shows on the coverage page.
        files["Content/a.md"] = evidence("Beleid Aa", extra: "review_by: 2026-01-01\n", body: "Zie [B](b.md).\n")
        #expect(text("documenten/b.html").contains("Beleid Aa"))
        #expect(text("rapport.html").contains("Beleid Aa"))
    }
}
