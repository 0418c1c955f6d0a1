import Foundation
import Testing

@testable import NormfolioKit

/// The render stage on the fixture portfolio: golden files, audiences, escaping and links.
@Suite struct SiteTests {
    func render(_ audience: Audience = .intranet) throws -> Site {
        let result = Normfolio.render(BuildOptions(portfolio: siteFixture, audience: audience), today: fixedToday)
        // The fixture has a point of attention of most kinds on purpose: the policy changed after
        // its adoption, consent and advice; the incident procedure and the findings register have
        // expired, so IM.01's level rests on expired evidence; a breach was reported late; a
        // processor's certificate ran out.
        #expect(
            result.diagnostics.map(\.code) == [
                "approval-changed", "approval-changed", "approval-changed", "level-on-stale-evidence",
                "evidence-expired", "evidence-expired", "breach-reported-late", "certificate-expired",
            ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        return try #require(result.site)
    }

    /// The Dutch site with every part (the accountant's edition: one document stays withheld): its
    /// pages are held by PageGoldenTests, its copied and integrity files here.
    @Test func theCopiedAndIntegrityFilesAreThere() throws {
        try assertCopiedAndIntegrityFiles(try render(.accountant))
    }

    /// The intranet edition without `intranet:` settings: the documents and pages classified for
    /// it, the search and integrity pages, and nothing else.
    @Test func theIntranetSiteHasOnlyItsPages() throws {
        let site = try render(.intranet)
        #expect(
            site.files.map(\.path).filter { $0.hasSuffix(".html") } == [
                "documenten/beleid-ib-beleid.html", "documenten/index.html", "documenten/procedures-incident.html", "index.html",
                "integriteit.html", "paginas/over.html", "zoeken.html",
            ])
    }

    @Test func theEnglishSiteMarksDutchTitles() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let site = try #require(
            Normfolio.render(
                BuildOptions(portfolio: try PageGoldenTests.englishFixture(in: work), audience: .auditor),
                today: fixedToday
            ).site)
        try assertCopiedAndIntegrityFiles(site)
        // A privacy norm has no English title: its Dutch one is marked for screen readers.
        #expect(page(site, "normen/index.html").contains("<span lang=\"nl\">Toestemming</span>"))
        #expect(page(site, "normen/SM.02.html").contains("<span>Authentication mechanisms</span>"))
    }

    @Test func theSitesPagesAreTheOnesExpected() throws {
        let site = try render(.accountant)
        let pages = site.files.map(\.path).filter { $0.hasSuffix(".html") && !$0.hasPrefix("normen/") }
        // The accountant reads up to vertrouwelijk: every register, and every entry but the strikt-vertrouwelijk finding.
        #expect(
            pages == [
                "aandachtspunten.html", "dekking.html", "documenten/beleid-ib-beleid.html", "documenten/index.html",
                "documenten/procedures-incident.html", "index.html", "integriteit.html", "kalender.html", "paginas/over.html",
                "rapport.html", "registers/bevindingen.html", "registers/bevindingen/audit-mfa.html", "registers/datalekken.html",
                "registers/datalekken/2026-mail.html", "registers/dpia.html", "registers/dpia/dpia-camera.html", "registers/index.html",
                "registers/verwerkers.html", "registers/verwerkers/camerabouw.html", "registers/verwerkers/leerlingdata.html",
                "registers/verwerkingen.html", "registers/verwerkingen/camerabeelden.html",
                "registers/verwerkingen/leerlingadministratie.html", "verbeterplan.html", "volwassenheid.html", "voortgang.html",
                "zoeken.html",
            ])
        #expect(site.files.contains { $0.path == "export/normen.csv" } && site.files.contains { $0.path == "export/portfolio.json" })
        #expect(site.files.count { $0.path.hasPrefix("normen/") } == 80)
        #expect(site.files.contains { $0.path == "bijlagen/beleid/bestanden/verslag-1.txt" })
        #expect(site.publishedDocuments == 2 && site.withheldDocuments == 1)
    }

    @Test func normIDsAndDocumentLinksAreCrossLinked() throws {
        let site = try render(.accountant)
        let policy = page(site, "documenten/beleid-ib-beleid.html")
        #expect(policy.contains("<a href=\"../normen/GO.02.html\">GO.02</a>"))
        #expect(policy.contains("<a href=\"../documenten/procedures-incident.html\">incidentprocedure</a>"))
        // The withheld pentest is not linked, but the author's link text stays.
        #expect(policy.contains("het pentestrapport."))
        #expect(policy.contains("<a href=\"../bijlagen/beleid/bestanden/verslag-1.txt\">Verslag 1.txt</a>"))
        // "gelinkt vanuit": the procedure links to the policy.
        #expect(policy.contains("Gelinkt vanuit"))
        let procedure = page(site, "documenten/procedures-incident.html")
        #expect(procedure.contains("<a href=\"../documenten/beleid-ib-beleid.html#doel\">beleid</a>"))
        #expect(procedure.contains("<img src=\"../bijlagen/beleid/bestanden/verslag-1.txt\" alt=\"Schema\" />"))
        #expect(procedure.contains("verlopen"))
        let norm = page(site, "normen/GO.02.html")
        #expect(norm.contains("Informatiebeveiligingsbeleid"))
        #expect(norm.contains("1 document niet gepubliceerd in deze uitgave"))
        #expect(norm.contains("1 × strikt-vertrouwelijk"))
        #expect(page(site, "normen/SD.02.html").contains("Het bestuur ontwikkelt geen software."))
        #expect(page(site, "normen/HR.06.html").contains("werktitel"))
        #expect(page(site, "normen/index.html").contains("10 van 25 privacynormen in deze catalogus."))
    }

    @Test(arguments: Audience.allCases)
    func everyPageHasExactlyOneH1AndHeadingsInOrder(_ audience: Audience) throws {
        for file in try render(audience).files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes() ?? Data(), as: UTF8.self)
            #expect(html.components(separatedBy: "<h1").count == 2, "\(file.path)")
            var previous = 1
            let levels = html.split(separator: "<h").dropFirst().compactMap { $0.first?.wholeNumberValue }
            for level in levels {
                #expect(level <= previous + 1, "\(file.path) skips from h\(previous) to h\(level)")
                previous = level
            }
        }
    }

    /// In every edition: a narrower one links to no page it does not have (a norm page, a register).
    @Test(arguments: Audience.allCases)
    func everyRelativeLinkResolvesInsideTheSite(_ audience: Audience) throws {
        let site = try render(audience)
        let paths = Set(site.files.map(\.path))
        for file in site.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes() ?? Data(), as: UTF8.self)
            let folder = URL(fileURLWithPath: "/site/" + file.path).deletingLastPathComponent()
            for part in html.components(separatedBy: "href=\"").dropFirst() + html.components(separatedBy: "src=\"").dropFirst() {
                let link = String(part.prefix { $0 != "\"" })
                if link.hasPrefix("https://") || link.hasPrefix("#") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { continue }
                #expect(!link.hasPrefix("/") && !link.hasPrefix("http:"), "\(file.path): \(link)")
                let target = URL(fileURLWithPath: String(link.prefix { $0 != "#" }), relativeTo: folder).standardizedFileURL.path
                #expect(paths.contains(String(target.dropFirst("/site/".count))), "\(file.path) links to missing \(link)")
            }
        }
    }

    @Test func everyPageIsHardened() throws {
        let site = try render(.auditor)
        let policy =
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'\">"
        for file in site.files where file.path.hasSuffix(".html") {
            let html = page(site, file.path)
            #expect(html.contains(policy), "\(file.path)")
            #expect(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"), "\(file.path)")
            // Nothing inline that the policy would block (scripts come from files; JSON data blocks do not run),
            // and nothing from elsewhere.
            for script in html.components(separatedBy: "<script").dropFirst() {
                #expect(script.hasPrefix(" src=\"assets/") || script.hasPrefix(" type=\"application/json\""), "\(file.path)")
            }
            #expect(!html.contains(" style=\"") && !html.contains("<style"), "\(file.path)")
            #expect(!html.contains("src=\"http") && !html.contains("<link rel=\"stylesheet\" href=\"http"), "\(file.path)")
            for external in html.components(separatedBy: "<a ").dropFirst() where external.contains("href=\"http") {
                #expect(external.hasPrefix("rel=\"noopener noreferrer\"") || external.contains(" rel=\"noopener noreferrer\""), "\(file.path)")
            }
        }
    }

    @Test func hostileValuesAreEscapedEverywhere() throws {
        let p = MemoryPortfolio([
            "normfolio.yml": "organisation: \"<img src=x onerror=alert(1)> {{t.skip}} {{{content}}}\"\n",
            "Content/x.md": """
            ---
            title: <script>alert(1)</script>
            norms: [GO.02]
            classification: openbaar
            owner: '"onmouseover=alert(1) x="'
            type: beleid
            ---
            <script>alert(2)</script>

            <div onclick="alert(3)">klik</div>

            Een [link](javascript:alert(4)) en <b onmouseover="alert(5)">vet</b>.
            """,
        ])
        let result = p.render()
        let site = try #require(result.site)
        #expect(result.diagnostics.map(\.code) == ["html-removed", "html-removed", "unsafe-link"])
        for file in site.files where file.path.hasSuffix(".html") {
            let html = page(site, file.path)
            for payload in ["alert(2)", "alert(3)", "alert(4)", "alert(5)"] { #expect(!html.contains(payload), "\(file.path)") }
            #expect(!html.contains("<script>") && !html.contains("alert(1)</script"), "\(file.path)")
            #expect(!html.contains("<img src=x"), "\(file.path)")
            #expect(!html.contains("\"onmouseover"), "\(file.path)")
            #expect(!html.contains("onclick"), "\(file.path)")
            #expect(!html.contains("javascript:"), "\(file.path)")
        }
        let document = page(site, "documenten/x.html")
        // Braces in settings never become template tags.
        #expect(document.contains("&#123;&#123;t.skip&#125;&#125; &#123;&#123;&#123;content&#125;&#125;&#125;"))
        #expect(document.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(document.contains("&quot;onmouseover=alert(1) x=&quot;"))
    }

    @Test func portfolioTemplatesAndPublicFilesOverrideTheTheme() throws {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(),
            // Content twice: the layout cannot be spliced, so every page is rendered whole.
            "Templates/layout.mustache": "<title>{{pageTitle}}</title><main>{{{content}}}</main><aside>{{{content}}}</aside>\n",
            "Templates/page.mustache": "<h1>Eigen: {{title}}</h1>",
            "Public/assets/normfolio.css": "body { color: black; }\n",
            "Public/logo.txt": "logo\n",
        ])
        let site = try #require(p.render().site)
        let document = page(site, "documenten/a.html")
        #expect(document.hasPrefix("<title>Beleid</title><main><h1>Beleid</h1>"))
        #expect(document.components(separatedBy: "<h1>Beleid</h1>").count == 3)
        #expect(page(site, "assets/normfolio.css", io: p.io) == "body { color: black; }\n")
        #expect(page(site, "logo.txt", io: p.io) == "logo\n")
    }

    @Test func aTemplateStartingWithAStandaloneTagKeepsItsWhitespace() throws {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(), "Templates/page.mustache": "{{#title}}\n<h1>{{.}}</h1>\n{{/title}}\n",
            "Content/pages/x.md": "---\ntitle: X\n---\n",
        ])
        let site = try #require(p.render().site)
        #expect(page(site, "paginas/x.html").contains("<main id=\"inhoud\" tabindex=\"-1\">\n<h1>X</h1>\n\n</main>"))
    }

    @Test func templateErrorsAreLocated() {
        let p = MemoryPortfolio(["Content/a.md": evidence(), "Templates/norm.mustache": "<h1>{{id}}</h1>\n{{#evidence}}\n<p>{{title}}</p>\n"])
        let result = p.render()
        #expect(result.site == nil)
        #expect(result.diagnostics.map(\.code) == ["template-syntax"])
        #expect(result.diagnostics.first?.location.path == "Templates/norm.mustache")
        #expect(result.diagnostics.first?.message == "template error: a section is never closed")
    }

    @Test func englishInterface() throws {
        let p = MemoryPortfolio(["normfolio.yml": "language: en\n", "Content/a.md": evidence(extra: "date: 2026-03-14\n")])
        let site = try #require(p.render(audience: .accountant).site)
        let document = page(site, "documenten/a.html")
        #expect(document.contains("<html lang=\"en\">"))
        #expect(document.contains("14 March 2026"))
        #expect(document.contains("Skip to content"))
        #expect(page(site, "normen/GO.02.html").contains("<span class=\"norm-id\">GO.02</span> <span>Policy</span></h1>"))
    }
}

/// The write stage and the whole pipeline on disk.
@Suite struct BuildTests {
    @Test func twoBuildsAreByteIdentical() throws {
        let a = try temporaryFolder(), b = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        for out in [a, b] {
            _ = try Normfolio.build(
                BuildOptions(
                    portfolio: siteFixture, output: out.appendingPathComponent("site").path,
                    audience: .accountant))
        }
        let first = contents(of: a.appendingPathComponent("site")), second = contents(of: b.appendingPathComponent("site"))
        #expect(first.count > 80)
        #expect(first == second)
    }

    @Test func confidentialEvidenceLeavesNoTraceForTheIntranet() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        for audience in Audience.allCases {
            let folder = out.appendingPathComponent(audience.rawValue)
            _ = try Normfolio.build(BuildOptions(portfolio: siteFixture, output: folder.path, audience: audience))
            let files = contents(of: folder)
            let leaks = files.filter { $0.value.range(of: Data("GEHEIM-MARKER-7F3A".utf8)) != nil }.keys
            // The workbook is a zip: its sheets are read unpacked.
            if let workbook = try files["export/portfolio.xlsx"].map(unpacked) {
                #expect((workbook.range(of: Data("GEHEIM-MARKER-7F3A".utf8)) != nil) == (audience == .auditor), "\(audience): the workbook")
            } else {
                #expect(audience == .intranet, "the \(audience) edition has a workbook")
            }
            let names = files.keys.filter { $0.contains("pentest") }
            if audience == .auditor {
                #expect(
                    leaks.sorted() == [
                        "assets/zoekindex.js", "bijlagen/geheim/pentest-bijlage.txt", "documenten/geheim-pentest.html",
                        "documenten/index.html", "export/documenten.csv", "export/kalender.ics", "export/normen.csv",
                        "export/portfolio.json", "kalender.html",
                        "normen/GO.02.html", "normen/SM.05.html", "rapport.html",
                    ])
                #expect(names.count == 3)
            } else {
                #expect(leaks.isEmpty, "\(audience): \(leaks.sorted())")
                #expect(names.isEmpty, "\(audience): \(names.sorted())")
            }
            // Register entries above the audience leave no trace either: no page, no row, no
            // link, no name, in any file (pages, search index, exports, manifest).
            let withheld: [Audience: [String]] = [
                .intranet: [
                    "Camerabouw", "camerabeelden", "Camerabeelden bij de entree", "dpia-camera", "DPIA camerabewaking",
                    "2026-mail", "Rapport naar een verkeerde ouder", "pentest-portaal", "Sessie blijft geldig",
                ],
                .accountant: ["pentest-portaal", "Sessie blijft geldig"],
                .auditor: [],
            ]
            for marker in withheld[audience] ?? [] {
                let found = files.filter { $0.key.contains(marker) || $0.value.range(of: Data(marker.utf8)) != nil }.keys
                #expect(found.isEmpty, "\(audience): '\(marker)' in \(found.sorted())")
            }
            if audience == .auditor {
                #expect(files["registers/verwerkers/camerabouw.html"] != nil && files["registers/bevindingen/pentest-portaal.html"] != nil)
            }
        }
    }

    @Test func aFailedBuildWritesNothingAndKeepsThePreviousSite() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let portfolio = work.appendingPathComponent("p")
        try FileManager.default.copyItem(atPath: siteFixture, toPath: portfolio.path)
        let output = work.appendingPathComponent("out")
        _ = try Normfolio.build(BuildOptions(portfolio: portfolio.path, output: output.path))
        let before = contents(of: output)

        try Data("---\ntitle: Kapot\nnorms: [ZZ.99]\n---\n".utf8).write(to: portfolio.appendingPathComponent("Content/kapot.md"))
        let failed = try Normfolio.build(BuildOptions(portfolio: portfolio.path, output: output.path))
        #expect(failed.site == nil)
        #expect(failed.diagnostics.filter { $0.severity == .error }.map(\.code) == ["unknown-norm"])
        #expect(contents(of: output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["out", "p"])

        // A later good build replaces the site whole: pages of removed documents disappear.
        try FileManager.default.removeItem(at: portfolio.appendingPathComponent("Content/kapot.md"))
        try FileManager.default.removeItem(at: portfolio.appendingPathComponent("Content/procedures/incident.md"))
        let rebuilt = try Normfolio.build(BuildOptions(portfolio: portfolio.path, output: output.path))
        let broken = rebuilt.diagnostics.filter { $0.severity == .error }
        #expect(broken.map(\.location.path) == ["Content/beleid/ib-beleid.md", "Content/pages/over.md"])
        #expect(broken.allSatisfy { $0.code == "broken-link" })
        #expect(rebuilt.site == nil)
        try Data("Alleen tekst.\n".utf8).write(to: portfolio.appendingPathComponent("Content/pages/over.md"))
        for file in ["Content/beleid/ib-beleid.md", "Content/norms/GO.02.md"] {
            let url = portfolio.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
                .replacingOccurrences(of: "[incidentprocedure](../procedures/incident.md)", with: "incidentprocedure")
            try Data(text.utf8).write(to: url)
        }
        let good = try Normfolio.build(BuildOptions(portfolio: portfolio.path, output: output.path))
        // Only warnings: the fixture's points of attention (the incident procedure is gone, so IM.01's level has no evidence).
        #expect(
            good.diagnostics.allSatisfy { $0.severity == .warning } && good.diagnostics.contains { $0.code == "level-without-evidence" },
            "\(good.diagnostics.map(\.formatted))")
        #expect(good.site != nil)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("documenten/procedures-incident.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["out", "p"])
    }

    @Test func symbolicLinkLoopsAreReadOnce() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let content = work.appendingPathComponent("Content/a")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data(evidence().utf8).write(to: content.appendingPathComponent("doc.md"))
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("lus").path, withDestinationPath: "..")
        #expect(FileIO.live.listFiles(work.appendingPathComponent("Content").path) == ["a/doc.md"])
        #expect(Normfolio.check(BuildOptions(portfolio: work.path), today: fixedToday).diagnostics.isEmpty)
    }

    @Test func attachmentsOutsideThePortfolioAreErrorsWhereTheyAreNamed() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let secret = work.appendingPathComponent("secret.txt")
        try Data("GEHEIM".utf8).write(to: secret)
        let portfolio = work.appendingPathComponent("p")
        let content = portfolio.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("link.txt").path, withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("link.md").path, withDestinationPath: secret.path)
        let text = MarkedText(
            """
            ---
            title: Lek
            norms: [GO.02]
            classification: openbaar
            attachments: [1️⃣../../etc/passwd, 2️⃣/etc/passwd, 3️⃣link.txt]
            ---
            Zie 4️⃣[dit](link.txt) en 5️⃣[dat](../../secret.txt).
            """)
        try Data(text.text.utf8).write(to: content.appendingPathComponent("a.md"))
        let result = try Normfolio.build(BuildOptions(portfolio: portfolio.path, output: work.appendingPathComponent("out").path))
        #expect(result.site == nil)
        let outside = result.diagnostics.filter { $0.code == "outside-portfolio" }
        #expect(
            outside.map(\.location) == ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣"].map { text.location($0, in: "Content/a.md") }
                + [SourceLocation(path: "Content/link.md")])
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out").path))
    }

    @Test func dangerousOutputFoldersAreRefused() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let portfolio = work.appendingPathComponent("p")
        try FileManager.default.copyItem(atPath: siteFixture, toPath: portfolio.path)
        let unrelated = work.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: unrelated.appendingPathComponent("thesis.docx"))
        for output in [portfolio.path, work.path, "/", portfolio.appendingPathComponent("Content/site").path, unrelated.path] {
            #expect(throws: WriteError.self, "\(output)") {
                try Normfolio.build(BuildOptions(portfolio: portfolio.path, output: output))
            }
        }
        #expect(FileManager.default.fileExists(atPath: unrelated.appendingPathComponent("thesis.docx").path))
        #expect(FileManager.default.fileExists(atPath: portfolio.appendingPathComponent("Content/beleid/ib-beleid.md").path))
    }
}
