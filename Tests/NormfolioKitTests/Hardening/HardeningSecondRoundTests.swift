import Foundation
import Testing
import ZIPFoundation

@testable import NormfolioKit

/// Regression tests of issue 18, the second round of hardening, named after what each protects.
/// (The CSV rule, approvals, snapshots, the preview and the privacy guard have suites of their own.)
@Suite struct HardeningSecondRoundTests {
    /// An attachment that cannot be read passed `check` and then failed `build`: now it is an error
    /// at every place that uses it, in `check` as in `build`.
    @Test func anUnreadableAttachmentIsAnErrorInCheckAsInBuild() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(extra: "attachments: [1️⃣geheim.pdf]\n", body: "Zie 2️⃣[het besluit](geheim.pdf).\n"),
            "Content/geheim.pdf": "%PDF",
        ])
        let memory = p.io
        // The file is listed, but reading it fails (no permission, as for a user who is not its owner).
        let io = FileIO(list: memory.list, read: { $0.hasSuffix("/geheim.pdf") ? nil : memory.read($0) }, size: memory.size)
        let checked = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fixedToday)
        let unreadable = checked.diagnostics.filter { $0.code == "unreadable-file" }
        #expect(unreadable.map(\.location) == [p.location("1️⃣", in: "Content/a.md"), p.location("2️⃣", in: "Content/a.md")])
        #expect(unreadable.allSatisfy { $0.severity == .error && $0.message.hasPrefix("the attachment 'geheim.pdf' cannot be read") })
        #expect(Normfolio.render(BuildOptions(portfolio: "/p"), io: io, today: fixedToday).site == nil)
    }

    /// A zip in memory with these entries, deflated.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// Import measured what it unpacked only against what the file declared: now every entry is
    /// counted while it is extracted, against a limit per entry, for all of them, and on the ratio.
    @Test func everySizeReadFromAnArchiveIsMeasuredWhileExtracting() throws {
        let budget = BoundedArchive.Budget(entryBytes: 10_000, totalBytes: 15_000, ratio: 20, ratioFloor: 1_000)
        var generator = SeededGenerator(seed: 6)
        let text = Data((0..<9_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let small = try BoundedArchive(data: try Self.zip([("a.xml", text), ("b.xml", text)]), budget: budget)
        #expect(try small.read("a.xml") == text)
        // Two entries within their own limit, together over the total.
        #expect(throws: BoundedArchive.Problem.totalTooLarge(limit: 15_000)) { try small.read("b.xml") }
        let large = try BoundedArchive(data: try Self.zip([("c.xml", text + text)]), budget: budget)
        #expect(throws: BoundedArchive.Problem.entryTooLarge("c.xml", limit: 10_000)) { try large.measureAll() }
        // Zeros pack a hundredfold: refused on the ratio long before the entry's limit.
        let zeros = try BoundedArchive(data: try Self.zip([("d.png", Data(count: 9_000))]), budget: budget)
        #expect(throws: BoundedArchive.Problem.ratio("d.png", limit: 20)) { try zeros.read("d.png") }
        #expect(throws: BoundedArchive.Problem.notAnArchive) { try BoundedArchive(data: Data("PK geen zip".utf8)) }
    }

    /// Found by fuzzing (Tests/Fuzz/Regressions/archive): an entry that points past the end of an
    /// archive trapped ZIPFoundation's reader of archives in memory, and a deflated entry whose
    /// stream does not end before the file does made its reader spin for ever. normfolio reads the
    /// archive itself: each is refused, at once.
    @Test(arguments: ["entry-past-the-end-in-memory.docx", "deflate-stream-that-outruns-its-entry.docx"])
    func aBrokenArchiveIsRefusedNeverATrapOrAHang(_ name: String) throws {
        let input = try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Fuzz/Regressions/archive").appendingPathComponent(name))
        let started = ContinuousClock.now
        #expect(throws: BoundedArchive.Problem.self) {
            let archive = try BoundedArchive(data: Data(input.dropFirst()))
            try archive.measureAll()
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    /// Word's hidden text comes three ways: on the run, through a character style, through a
    /// paragraph style; `w:vanish w:val="0"` shows a run again. The fuzz seed holds all four.
    @Test func hiddenTextIsFoundOnRunsAndThroughStyles() throws {
        let seed = try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Fuzz/Seeds/archive/hidden.docx")).dropFirst()
        let office = try OfficeFile(kind: .docx, url: URL(fileURLWithPath: "/x.docx"), archive: BoundedArchive(data: Data(seed)))
        #expect(office.title == "Titel")
        let cleaned = try #require(try office.hiddenTextRemoved())
        #expect(cleaned.part == "word/document.xml" && cleaned.removed == 3)
        let text = String(decoding: cleaned.data, as: UTF8.self)
        #expect(text.contains("Zichtbaar") && text.contains("Toch zichtbaar"))
        #expect(!text.contains("Verborgen") && !text.contains("Ook verborgen") && !text.contains("Alinea"))
    }

    // MARK: Attachments are inert

    /// An HTML or SVG file published as it is would run with the site's origin: it is published
    /// under a name no web server serves as a page, linked as a download, never shown as an image.
    @Test func activeAttachmentsArePublishedAsDownloadsOnly() throws {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(
                extra: "attachments: [1️⃣bewijs/pagina.html]\n",
                body: "Zie 2️⃣[het schema](bewijs/schema.SVG) en 3️⃣![het schema](bewijs/schema.SVG) en [het rapport](bewijs/rapport.pdf).\n"),
            "Content/bewijs/pagina.html": "<script>alert(1)</script>",
            "Content/bewijs/schema.SVG": "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "Content/bewijs/rapport.pdf": "%PDF",
        ])
        let warnings = p.check().diagnostics.filter { $0.code == "active-attachment" }
        #expect(warnings.map(\.location) == ["1️⃣", "2️⃣", "3️⃣"].map { p.location($0, in: "Content/a.md") })
        #expect(warnings.first?.message.hasPrefix("'bewijs/pagina.html' is HTML, which a browser would run as part of the site") == true)
        #expect(warnings.last?.message.hasPrefix("'bewijs/schema.SVG' is SVG") == true)
        let site = try #require(p.render().site)
        let paths = Set(site.files.map(\.path))
        #expect(paths.isSuperset(of: ["bijlagen/bewijs/pagina.html.txt", "bijlagen/bewijs/schema.svg.txt", "bijlagen/bewijs/rapport.pdf"]))
        #expect(!paths.contains { $0.hasSuffix(".html") && $0.hasPrefix("bijlagen/") || $0.hasSuffix(".svg") })
        let document = page(site, "documenten/a.html")
        #expect(
            document.contains(
                "<a href=\"../bijlagen/bewijs/schema.svg.txt\" download=\"schema.SVG\">het schema</a> en "
                    + "<a href=\"../bijlagen/bewijs/schema.svg.txt\" download=\"schema.SVG\">het schema</a>"))
        #expect(document.contains("<a href=\"../bijlagen/bewijs/rapport.pdf\">het rapport</a>"))
        #expect(document.contains("<a href=\"../bijlagen/bewijs/pagina.html.txt\" download=\"pagina.html\">pagina.html</a>"))
        #expect(!document.contains("<img"))
        #expect(ActiveContent.downloadName(ofSitePath: "bijlagen/bewijs/pagina.html.txt") == "pagina.html")
        #expect(ActiveContent.downloadName(ofSitePath: "bijlagen/bewijs/lijst.txt") == nil)
    }

    /// Raw HTML is resolved by the same rule: a link gets `download`, an image becomes such a link.
    @Test func activeAttachmentsInRawHTMLAreDownloadsToo() throws {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(body: "<p><a href=\"x.html\">pagina</a> <img src=\"x.svg\" alt=\"schema\"></p>\n"),
            "Content/x.html": "<p>x</p>", "Content/x.svg": "<svg/>",
        ])
        let document = page(try #require(p.render().site), "documenten/a.html")
        #expect(document.contains("<a href=\"../bijlagen/x.html.txt\" download=\"x.html\">pagina</a>"))
        #expect(document.contains("<a href=\"../bijlagen/x.svg.txt\" download=\"x.svg\">schema</a>"))
    }

    /// `//host` links are links to another site, as `http(s)` links are, in any case of letters.
    @Test func protocolRelativeAndCapitalisedLinksLeaveTheSiteWithNoopener() throws {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(
                body: """
                    [a](//example.org/a) [b](HTTPS://example.org/b) [c](Http://example.org/c) ![d](//example.org/d.png) ![e](HTTPS://example.org/e.png)
                    <a href="//example.org/f">f</a>

                    """)
        ])
        let document = page(try #require(p.render().site), "documenten/a.html")
        for href in ["//example.org/a", "HTTPS://example.org/b", "Http://example.org/c", "//example.org/d.png", "HTTPS://example.org/e.png"] {
            #expect(document.contains("rel=\"noopener noreferrer\" href=\"\(href)\""), "\(href)")
        }
        #expect(document.contains("<a href=\"//example.org/f\" rel=\"noopener noreferrer\">f</a>"))
        #expect(!document.contains("<img"))
    }

    // MARK: The preview

    /// Attachments were read at request time, through whatever link was there by then: now only the
    /// bytes that were checked are served, and a link swapped in afterwards gets nothing.
    @Test func thePreviewServesAnAttachmentOnlyWithTheBytesThatWereChecked() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try Data(evidence(extra: "attachments: [bijlage.txt]\n").utf8).write(to: work.appendingPathComponent("Content/a.md"))
        let attachment = work.appendingPathComponent("Content/bijlage.txt")
        try Data("het verslag".utf8).write(to: attachment)
        try Data("geheim van de machine".utf8).write(to: work.appendingPathComponent("buiten.txt"))
        var cache = PreviewCache()
        let site = try #require(Normfolio.preview(BuildOptions(portfolio: work.path), today: fixedToday, cache: &cache).site)
        // A link to a file outside the portfolio swapped in after the check.
        try FileManager.default.removeItem(at: attachment)
        try FileManager.default.createSymbolicLink(at: attachment, withDestinationURL: work.appendingPathComponent("buiten.txt"))
        #expect(site.file(at: "bijlagen/bijlage.txt") == nil)
        // The checked bytes back: served.
        try FileManager.default.removeItem(at: attachment)
        try Data("het verslag".utf8).write(to: attachment)
        #expect(site.file(at: "bijlagen/bijlage.txt") == Data("het verslag".utf8))
    }

    /// The error page of an intranet preview listed paths and values of strikt-vertrouwelijk files.
    @Test func thePreviewsErrorPageShowsOnlyWhatTheEditionMayShow() {
        let p = MemoryPortfolio([
            "Content/open.md": "---\ntitle: Open\nnorms: [ZZ.01]\nclassification: openbaar\n---\nTekst.\n",
            "Content/geheim.md": "---\ntitle: Geheim\nnorms: [ZZ.02]\nclassification: strikt-vertrouwelijk\nowner: Jan Jansen\n---\nTekst.\n",
            "Content/kapot.md": "---\ntitle: [Kapot\n---\n",
        ])
        for (audience, shown) in [
            (Audience.intranet, ["Content/open.md"]), (.accountant, ["Content/open.md"]),
            (.auditor, ["Content/geheim.md", "Content/kapot.md", "Content/open.md"]),
        ] {
            var cache = PreviewCache()
            let preview = Normfolio.preview(BuildOptions(portfolio: "/p", audience: audience), io: p.io, today: fixedToday, cache: &cache)
            #expect(preview.site == nil)
            #expect(Set(preview.shownDiagnostics.map(\.location.path)) == Set(shown), "\(audience)")
            #expect(preview.shownDiagnostics.count + preview.withheldDiagnostics == preview.diagnostics.count)
        }
    }

    /// `verify` did not look inside `.normfolio-site`, which a web server may serve with the site:
    /// anything could be put there. It must hold normfolio's text, or be absent (a zip has none).
    @Test func verifyChecksTheMarkerOfTheSite() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let site = out.appendingPathComponent("site")
        _ = try Normfolio.build(BuildOptions(portfolio: siteFixture, output: site.path))
        #expect(try Integrity.verify(site: site.path).isIntact)
        let marker = site.appendingPathComponent(".normfolio-site")
        for forged in [Data("<script>alert(1)</script>".utf8), SiteWriter.markerText + Data("x".utf8)] {
            try forged.write(to: marker)
            let report = try Integrity.verify(site: site.path)
            #expect(report.changed == [".normfolio-site"] && !report.isIntact)
        }
        try FileManager.default.removeItem(at: marker)
        try FileManager.default.createSymbolicLink(at: marker, withDestinationURL: site.appendingPathComponent("index.html"))
        #expect(try Integrity.verify(site: site.path).changed == [".normfolio-site"])
        try FileManager.default.removeItem(at: marker)
        #expect(try Integrity.verify(site: site.path).isIntact)
    }
}
