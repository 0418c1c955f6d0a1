import Foundation
import Testing

@testable import NormfolioKit

/// One test for each way normfolio was found to break under hostile or careless input (issue 9),
/// named after the promise it protects.
@Suite struct HardeningTests {
    // MARK: Helpers

    /// A portfolio folder on disk from relative path → text.
    func portfolio(_ files: [String: String], in work: URL) throws -> URL {
        let root = work.appendingPathComponent("p")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    func build(_ root: URL, output: URL, zip: URL? = nil, audience: Audience = .auditor) throws -> BuildResult {
        try Normfolio.build(
            BuildOptions(portfolio: root.path, output: output.path, audience: audience, zip: zip?.path),
            today: fixedToday)
    }

    // MARK: No crash

    @Test func aNormIDAfterAHardBreakADefinitionOrACarriageReturnNeverCrashes() {
        for body in [
            "Zie\\\nSM.02 voor meer.\n", "[ref]: https://example.org\nNa ref SM.02.\n", "Tekst\r# Kop SM.02\r\rGO.02\n",
            "a\\\n\\\n\\\nSM.02\n", "> [x]: /a\n> SM.02\n",
        ] {
            let p = MemoryPortfolio(["Content/a.md": evidence(body: body)])
            let result = p.render(audience: .auditor)
            #expect(result.site != nil, "\(body.debugDescription): \(result.diagnostics.map(\.formatted))")
        }
    }

    @Test func aTemplateThatIncludesItselfIsAnErrorNotAStackOverflow() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(),
            "Templates/page.mustache": "<p>{{title}}</p>\n1️⃣{{> page}}\n",
            "Templates/footer-a.mustache": "{{#x}}2️⃣{{> footer-b}}{{/x}}",
            "Templates/footer-b.mustache": "{{> footer-a}}",
            "Templates/dynamic.mustache": "3️⃣{{>*title}}",
        ])
        let result = p.render()
        #expect(result.site == nil)
        let problems = result.diagnostics.filter { $0.code == "template-syntax" }
        #expect(
            problems.map(\.location) == [
                p.location("3️⃣", in: "Templates/dynamic.mustache"),
                p.location("2️⃣", in: "Templates/footer-a.mustache"),
                p.location("1️⃣", in: "Templates/page.mustache"),
            ])
        #expect(problems[1].message.contains("footer-a → footer-b → footer-a"))
        #expect(problems[2].message == "template error: template 'page' includes itself (page → page), so it would never finish")
    }

    // MARK: Nothing written outside the output

    @Test func hostileNamesStayInsideTheSiteAndTheZip() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try portfolio(["Content/a.md": evidence()], in: work)
        // Names that slugged to ".." or "." before (a leading hyphen was dropped, dots kept), and
        // fullwidth dots; names starting with a dot are hidden and never read.
        let folders = ["-..", "&..", "+.", "!...", "．．"]
        for folder in folders {
            let url = root.appendingPathComponent("Content/\(folder)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("bijlage".utf8).write(to: url.appendingPathComponent("-..pdf"))
        }
        let links = folders.map { "[b](<\($0)/-..pdf>)" }.joined(separator: " ")
        try Data(evidence(body: links + "\n").utf8).write(to: root.appendingPathComponent("Content/a.md"))
        // Documents and pages with control characters, fullwidth and zero-width dots, and names at
        // the file system's length limit.
        let documents = ["\u{1B}[2J", "regel\nbreuk", "．．b", "-.\u{200B}.", String(repeating: "lang", count: 62)]
        for (index, name) in documents.enumerated() {
            try Data(evidence("Document \(index)").utf8).write(to: root.appendingPathComponent("Content/\(name).md"))
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/pages/-.."), withIntermediateDirectories: true)
        try Data("Pagina.\n".utf8).write(to: root.appendingPathComponent("Content/pages/-../\u{7}.md"))
        let output = work.appendingPathComponent("out/site")
        let zip = work.appendingPathComponent("zips/site.zip")
        let result = try build(root, output: output, zip: zip)
        let paths = try #require(result.site, "\(result.diagnostics.map(\.formatted))").files.map(\.path)
        #expect(paths.allSatisfy(SitePath.isContained))
        #expect(paths.filter { $0.hasPrefix("bijlagen/") }.count == folders.count)
        #expect(paths.filter { $0.hasPrefix("documenten/") }.count == documents.count + 2)
        // Everything written is inside the output folder or the zip: the work folder holds nothing else.
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["out", "p", "zips"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("out").path) == ["site"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("zips").path) == ["site.zip"])
        #expect(Set(contents(of: output).keys) == Set(paths + [SiteWriter.marker]))
        #expect(try zipEntries(zip).sorted() == paths.map { "site/" + $0 }.sorted())
    }

    @Test func theWriterRefusesAnyPathThatWouldLeaveTheSite() {
        for path in ["../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", ".", "", "a\\..\\b", "a\nb", "a/"] {
            #expect(!SitePath.isContained(path), "\(path.debugDescription)")
            let site = Site(
                files: [Site.File(path: path, contents: .data(Data()))], pageCount: 0, publishedDocuments: 0,
                withheldDocuments: 0)
            #expect(throws: WriteError.self) { try SitePath.check(site.files) }
        }
        for path in ["index.html", "bijlagen/a/b.pdf", "assets/.x", "a..b/c"] { #expect(SitePath.isContained(path)) }
    }

    @Test func slugsNeverStartWithADotOrLeaveTheirFolder() {
        for name in ["..", ".", "...", ". .", ".hidden", "．．", "‥", "a/..", "\u{1B}[2J"] {
            let slug = name.slugified()
            #expect(!slug.hasPrefix(".") && !slug.isEmpty && !slug.contains("/"), "\(name.debugDescription) → \(slug)")
        }
    }

    // MARK: Every source honours its classification

    @Test func freePagesAndAssessmentsHonourTheirClassification() throws {
        let p = MemoryPortfolio([
            // The intranet shows assessments only when asked to; asked, their classification decides.
            "normfolio.yml": "intranet: [beoordelingen]\n",
            "Content/a.md": evidence(),
            "Content/pages/geheim.md": "---\ntitle: Geheime pagina\nclassification: strikt-vertrouwelijk\n---\nPAGINA-GEHEIM-71\n",
            "Content/pages/open.md": "---\ntitle: Open pagina\n---\nZie [de geheime](geheim.md).\n",
            "Content/norms/GO.02.md": "---\nlevel: 2\nowner: Directeur GEHEIM-EIGENAAR-72\nclassification: vertrouwelijk\n"
                + "actions:\n  - title: Firewall ACTIE-GEHEIM-73\n    due: 2027-01-01\n---\nToelichting TOELICHTING-GEHEIM-74.\n",
        ])
        for audience in Audience.allCases {
            let site = try #require(p.render(audience: audience).site)
            let everything = site.files.compactMap { $0.bytes() }.reduce(into: Data()) { $0.append($1) }
            func has(_ marker: String) -> Bool { everything.range(of: Data(marker.utf8)) != nil }
            #expect(has("PAGINA-GEHEIM-71") == (audience == .auditor), "\(audience)")
            #expect(site.files.contains { $0.path == "paginas/geheim.html" } == (audience == .auditor))
            for marker in ["GEHEIM-EIGENAAR-72", "ACTIE-GEHEIM-73", "TOELICHTING-GEHEIM-74"] {
                #expect(has(marker) == (audience != .intranet), "\(audience): \(marker)")
            }
            // The level still counts: the norm page shows it in every edition.
            #expect(page(site, "normen/GO.02.html").contains("2 Herhaalbaar"))
            #expect(page(site, "paginas/open.html").contains("href=\"../paginas/geheim.html\"") == (audience == .auditor))
        }
    }

    @Test func anAttachmentIsAsConfidentialAsTheMostConfidentialSourceThatUsesIt() throws {
        let p = MemoryPortfolio([
            "Content/geheim.md": evidence("Geheim", extra: "classification: strikt-vertrouwelijk\nattachments: [bijlage.txt]\n")
                .replacingOccurrences(of: "classification: openbaar\n", with: ""),
            "Content/open.md": evidence("Open", body: "Zie 1️⃣[de bijlage](bijlage.txt).\n"),
            "Content/pages/over.md": "Zie 2️⃣[de bijlage](../bijlage.txt).\n",
            "Content/norms/GO.02.md": "---\nlevel: 1\n---\nZie 3️⃣[de bijlage](../bijlage.txt).\n",
            "Content/bijlage.txt": "BIJLAGE-INHOUD-81\n",
        ])
        let warnings = p.check().diagnostics.filter { $0.code == "attachment-withheld" }
        #expect(
            warnings.map(\.location) == [
                p.location("3️⃣", in: "Content/norms/GO.02.md"), p.location("1️⃣", in: "Content/open.md"),
                p.location("2️⃣", in: "Content/pages/over.md"),
            ])
        #expect(
            warnings.first?.message == "'bijlage.txt' is also used by Content/geheim.md, which is strikt-vertrouwelijk, so it "
                + "is published only where that may be read; the intranet and accountant editions show this link as text")
        for audience in Audience.allCases {
            let site = try #require(p.render(audience: audience).site)
            #expect(site.files.contains { $0.path == "bijlagen/bijlage.txt" } == (audience == .auditor), "\(audience)")
            #expect(page(site, "documenten/open.html").contains("href=\"../bijlagen/bijlage.txt\"") == (audience == .auditor))
        }
    }

    @Test func attachmentNamesAreNumberedPerEditionSoAWithheldFileLeavesNoTrace() throws {
        let p = MemoryPortfolio([
            "Content/geheim.md": evidence("Geheim", extra: "attachments: [a/verslag.pdf]\n")
                .replacingOccurrences(of: "classification: openbaar", with: "classification: vertrouwelijk"),
            "Content/open.md": evidence("Open", extra: "attachments: [a/Verslag.pdf]\n"),
            "Content/a/verslag.pdf": "geheim", "Content/a/Verslag.pdf": "open",
        ])
        let intranet = try #require(p.render(audience: .intranet).site)
        #expect(intranet.files.filter { $0.path.hasPrefix("bijlagen/") }.map(\.path) == ["bijlagen/a/verslag.pdf"])
        #expect(intranet.files.first { $0.path == "bijlagen/a/verslag.pdf" }?.bytes(io: p.io) == Data("open".utf8))
        let auditor = try #require(p.render(audience: .auditor).site)
        #expect(auditor.files.filter { $0.path.hasPrefix("bijlagen/") }.map(\.path) == ["bijlagen/a/verslag-2.pdf", "bijlagen/a/verslag.pdf"])
    }

    @Test func theSearchIndexHoldsOnlyWhatThePageShows() throws {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(
                body: """
                    Zichtbare tekst.

                    <!-- COMMENTAAR-91 -->

                    <div>RUWE-HTML-92</div>

                    Tekst met <span data-x="ATTRIBUUT-93">inline</span> html.

                    [ref]: https://example.org/LINKDEFINITIE-94 "TITEL-95"

                    [Linktekst](https://example.org/BESTEMMING-96) en `code-blijft`.
                    """)
        ])
        let site = try #require(p.render().site)
        let index = page(site, "assets/zoekindex.js")
        #expect(index.contains("zichtbare tekst."))
        #expect(index.contains("linktekst en code-blijft."))
        for hidden in ["COMMENTAAR-91", "RUWE-HTML-92", "ATTRIBUUT-93", "LINKDEFINITIE-94", "TITEL-95", "BESTEMMING-96"] {
            #expect(!index.lowercased().contains(hidden.lowercased()), "\(hidden)")
        }
    }

    // MARK: Inputs from outside the portfolio

    @Test func publicAndTemplatesNeverFollowALinkOutOfThePortfolio() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let outside = work.appendingPathComponent("buiten")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("GEHEIM-BUITEN-51".utf8).write(to: outside.appendingPathComponent("geheim.txt"))
        try Data("<p>GEHEIM-SJABLOON-52</p>".utf8).write(to: outside.appendingPathComponent("page.mustache"))
        let root = try portfolio(["Content/a.md": evidence()], in: work)
        for folder in ["Public", "Templates"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Public/map"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Public/los.txt"),
            withDestinationURL: outside.appendingPathComponent("geheim.txt"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Templates/page.mustache"),
            withDestinationURL: outside.appendingPathComponent("page.mustache"))
        let output = work.appendingPathComponent("out")
        let result = try build(root, output: output)
        #expect(result.site == nil)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Public/los.txt:1:1: error: 'Public/los.txt' is a symbolic link to a place outside the portfolio; nothing is read or published through it [outside-portfolio]",
                "Public/map:1:1: error: 'Public/map' is a symbolic link to a place outside the portfolio; nothing is read or published through it [outside-portfolio]",
                "Templates/page.mustache:1:1: error: 'Templates/page.mustache' is a symbolic link to a place outside the portfolio; nothing is read or published through it [outside-portfolio]",
            ])
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aPublicFileCannotReplaceAnAttachmentOrAGeneratedFile() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(extra: "attachments: [bestanden/rapport.pdf]\n"),
            "Content/bestanden/rapport.pdf": "het echte rapport",
            "Public/bijlagen/bestanden/rapport.pdf": "een vervalsing",
            "Public/documenten/a.html": "<p>nep</p>",
            "Public/assets/normfolio.css": "body { color: teal }",
        ])
        #expect(
            p.check().diagnostics.map(\.formatted) == [
                "Public/bijlagen/bestanden/rapport.pdf:1:1: error: would replace 'bijlagen/bestanden/rapport.pdf', the attachment Content/bestanden/rapport.pdf; rename or move this file [public-collision]",
                "Public/documenten/a.html:1:1: error: would replace 'documenten/a.html', the page of Content/a.md; rename or move this file [public-collision]",
            ])
    }

    @Test func publicFilesWithNamesThatAreNotPlainSitePathsAreRefused() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(),
            "Public/a\\..\\..\\x.txt": "x",
            "Public/b\u{1B}[2J.txt": "y",
            "Public/gewoon.txt": "z",
        ])
        #expect(
            p.check().diagnostics.map(\.formatted) == [
                "Public/a\\..\\..\\x.txt:1:1: error: 'Public/a\\..\\..\\x.txt' cannot be published under this name (it holds a backslash or a control character); rename it [unsafe-name]",
                "Public/b\\u{1B}[2J.txt:1:1: error: 'Public/b\\u{1B}[2J.txt' cannot be published under this name (it holds a backslash or a control character); rename it [unsafe-name]",
            ])
    }

    @Test func anOutputFolderReachedThroughALinkIsCheckedWhereItReallyIs() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try portfolio(["Content/a.md": evidence()], in: work)
        try FileManager.default.createSymbolicLink(
            at: work.appendingPathComponent("naar-content"),
            withDestinationURL: root.appendingPathComponent("Content"))
        for output in ["naar-content", "naar-content/site", "naar-content/nieuw/site"] {
            #expect(throws: WriteError.self, "\(output)") {
                try build(root, output: work.appendingPathComponent(output))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Content").path) == ["a.md"])
    }

    // MARK: No silent loss

    @Test func aRebuildNeverDeletesFilesItDidNotWrite() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try portfolio(["Content/a.md": evidence()], in: work)
        let output = work.appendingPathComponent("site")
        _ = try build(root, output: output)
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref".utf8).write(to: output.appendingPathComponent(".git/HEAD"))
        try Data("portfolio.example".utf8).write(to: output.appendingPathComponent("CNAME"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("uploads"), withIntermediateDirectories: true)
        let error = try #require(throws: WriteError.self) { try build(root, output: output) }
        #expect(error.description.hasSuffix("\n  .git/\n  CNAME\n  uploads/"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".git/HEAD").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("CNAME").path))
        // Once they are gone, the site it wrote is replaced as before, its own old files included.
        for name in [".git", "CNAME", "uploads"] { try FileManager.default.removeItem(at: output.appendingPathComponent(name)) }
        try Data(evidence("Anders").utf8).write(to: root.appendingPathComponent("Content/b.md"))
        #expect(try build(root, output: output).site != nil)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("documenten/b.html").path))
    }

    @Test func theZipNeverOverwritesAFileNormfolioDidNotWriteNorLandsInThePortfolio() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try portfolio(["Content/a.md": evidence(), "normfolio.yml": "organisation: X\n"], in: work)
        let output = work.appendingPathComponent("site")
        for target in [
            root.appendingPathComponent("normfolio.yml"), root.appendingPathComponent("overdracht.zip"),
            root.appendingPathComponent("Content/a.md"), output.appendingPathComponent("site.zip"),
        ] {
            #expect(throws: WriteError.self, "\(target.path)") { try build(root, output: output, zip: target) }
        }
        #expect(try String(contentsOf: root.appendingPathComponent("normfolio.yml"), encoding: .utf8) == "organisation: X\n")
        let notes = work.appendingPathComponent("notities.zip")
        try Data("mijn aantekeningen".utf8).write(to: notes)
        #expect(throws: WriteError.self) { try build(root, output: output, zip: notes) }
        #expect(try Data(contentsOf: notes) == Data("mijn aantekeningen".utf8))
        // A zip normfolio wrote is replaced.
        let handOff = work.appendingPathComponent("overdracht.zip")
        #expect(try build(root, output: output, zip: handOff).site != nil)
        #expect(try build(root, output: output, zip: handOff).site != nil)
        #expect(ZipWriter.isNormfolioZip(handOff))
    }

    @Test func leftoversOfAKilledBuildAreRemovedByTheNextOne() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try portfolio(["Content/a.md": evidence()], in: work)
        let output = work.appendingPathComponent("site")
        // A process number that is not running: higher than any the system hands out.
        let dead = "2147483646"
        for name in [".site.new-\(dead)-1", ".site.old-\(dead)-2"] {
            let folder = work.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data().write(to: folder.appendingPathComponent(SiteWriter.marker))
        }
        try Data("half".utf8).write(to: work.appendingPathComponent(".hand.zip.new-\(dead)-3"))
        let running = ".site.new-\(ProcessInfo.processInfo.processIdentifier)-4"
        try FileManager.default.createDirectory(at: work.appendingPathComponent(running), withIntermediateDirectories: true)
        _ = try build(root, output: output, zip: work.appendingPathComponent("hand.zip"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == [running, "hand.zip", "p", "site"])
    }

    @Test func anUnreadableEntryUnderContentIsReportedNeverSkipped() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try portfolio(["Content/a.md": evidence()], in: work)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("Content/weg.md").path,
            withDestinationPath: "bestaat-niet.md")
        #expect(mkfifo(root.appendingPathComponent("Content/pijp.md").path, 0o644) == 0)
        var diagnostics = Normfolio.check(BuildOptions(portfolio: root.path), today: fixedToday).diagnostics.map(\.formatted)
        #expect(
            diagnostics == [
                "Content/pijp.md:1:1: error: not a regular file; normfolio cannot use it, so it is not part of the portfolio [unreadable-file]",
                "Content/weg.md:1:1: error: broken symbolic link; normfolio cannot use it, so it is not part of the portfolio [unreadable-file]",
            ])
        // A folder the system will not open (simulated: tests run as root, who may open anything).
        let io = FileIO(
            list: { folder, _ in
                FileListing(files: ["a.md"], unreadable: [.init(path: "scholen", reason: "folder could not be read: Permission denied")])
            }, read: { _ in Data(evidence().utf8) }, size: { _ in 10 })
        diagnostics = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fixedToday).diagnostics.map(\.formatted)
        #expect(
            diagnostics.contains(
                "Content/scholen:1:1: error: folder could not be read: Permission denied; normfolio cannot use it, so it is not part of the portfolio [unreadable-file]"
            ))
    }

    @Test func aMissingContentFolderIsAnErrorNotAnEmptySite() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try portfolio(["normfolio.yml": "organisation: X\n"], in: work)
        let result = try build(root, output: work.appendingPathComponent("site"))
        #expect(result.site == nil)
        #expect(result.diagnostics.map(\.code) == ["missing-content"])
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("site").path))
    }

    // MARK: Limits and messages

    @Test func writeErrorsSayWhy() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try portfolio(["Content/a.md": evidence()], in: work)
        try Data("een bestand".utf8).write(to: work.appendingPathComponent("bestand"))
        let error = try #require(throws: WriteError.self) { try build(root, output: work.appendingPathComponent("bestand/site")) }
        #expect(error.description.hasSuffix(": '\(work.path)/bestand' is a file, not a folder"), "\(error.description)")
        #expect(!error.localizedDescription.contains("WriteError"))
    }

    @Test func everyDiagnosticHasALineAndAColumn() {
        let p = MemoryPortfolio([
            "Content/a.md": "geen front matter",
            "Content/b.md": "\u{0}binair",
            "Content/norms/XX.99.md": "---\nlevel: 2\n---\n",
        ])
        let formatted = p.check().diagnostics.map(\.formatted)
        #expect(formatted.count == 3)
        #expect(formatted.allSatisfy { $0.contains(".md:1:1: error: ") }, "\(formatted)")
    }

    @Test func controlCharactersInNamesAndValuesCannotForgeADiagnostic() {
        let p = MemoryPortfolio([
            "Content/a\nContent/x.md:1:1: error: vals [nep].md": "geen front matter",
            "Content/b.md": evidence(extra: "type: \"x\\nContent/y.md:9:9: error: vals\\u001B[31m\"\n"),
        ])
        let output = p.check().diagnostics.map(\.formatted).joined(separator: "\n")
        #expect(output.split(separator: "\n").count == 2, "\(output)")
        #expect(output.contains("Content/a\\nContent/x.md:1:1: error: vals [nep].md:1:1: error:"))
        #expect(output.contains("x\\nContent/y.md:9:9: error: vals\\u{1B}[31m"))
    }

    @Test func aNulByteAnywhereMarksABinaryFile() {
        let late = evidence(body: String(repeating: "Lange tekst. ", count: 1_000)) + "\u{0}"
        #expect(late.utf8.count > 8_192)
        let p = MemoryPortfolio(["Content/a.md": late])
        #expect(p.check().diagnostics.map(\.code) == ["binary-file"])
    }

    @Test(arguments: ["\r", "\r\n"])
    func carriageReturnLineEndsAreRead(lineEnd: String) {
        let text = ["---", "title: Oud", "norms: [GO.02]", "classification: openbaar", "review_by: 1️⃣2020-01-01", "---", "Zie 2️⃣SM.20.", ""]
            .joined(separator: lineEnd)
        let p = MemoryPortfolio(["Content/a.md": text])
        let diagnostics = p.check().diagnostics
        #expect(diagnostics.map(\.code) == ["evidence-expired", "unknown-norm-reference"])
        // Positions count CR-ended lines as lines: the markers stand on lines 5 and 7.
        #expect(diagnostics.map(\.location) == [p.location("1️⃣", in: "Content/a.md"), p.location("2️⃣", in: "Content/a.md")])
        #expect(p.location("2️⃣", in: "Content/a.md") == SourceLocation(path: "Content/a.md", line: 7, column: 5))
    }

    @Test func aHugeValueIsRefusedNotMultipliedOverEveryPage() {
        let p = MemoryPortfolio([
            "normfolio.yml": "organisation: \(String(repeating: "Stichting ", count: 50_000))\n",
            "Content/a.md": evidence(String(repeating: "T", count: 301)),
            "Content/b.md": evidence(extra: "owner: \(String(repeating: "x", count: 10_001))\n"),
        ])
        let result = p.render()
        #expect(result.site == nil)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Content/a.md:2:8: error: 'title' is 301 characters long; at most 300 are allowed [value-too-long]",
                "Content/b.md:5:8: error: 'owner' is 10001 characters long; at most 10000 are allowed [value-too-long]",
                "normfolio.yml:1:15: error: 'organisation' is 499999 characters long; at most 300 are allowed [value-too-long]",
            ])
        // A settings file of megabytes is not even read.
        let huge = MemoryPortfolio([
            "normfolio.yml": "organisation: \(String(repeating: "Stichting ", count: 300_000))\n",
            "Content/a.md": evidence(),
        ])
        #expect(
            huge.check().diagnostics.map(\.formatted) == [
                "normfolio.yml:1:1: error: file is 2.9 MB, more than the 1.0 MB normfolio reads; split it into smaller documents or attach it as a file [file-too-large]"
            ])
    }

    @Test func quotedValuesInMessagesAreShortened() {
        let p = MemoryPortfolio(["Content/a.md": evidence(extra: "\(String(repeating: "k", count: 500)): 1\n")])
        let message = p.check().diagnostics.first?.message ?? ""
        #expect(message.count < 250)
        #expect(message.contains(String(repeating: "k", count: 120) + "…"))
    }

    // MARK: Helpers

    func zipEntries(_ zip: URL) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", zip.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
