import Testing

@testable import NormfolioKit

/// The cmark stage: norm-ID links, link rewriting, heading levels and safe mode.
@Suite struct MarkdownTests {
    func html(
        _ text: String, known: Set<String> = ["SM.02", "GO.02"],
        resolve: (String, Bool) -> Markdown.LinkTarget = { _, _ in .keep }
    ) -> String {
        Markdown.html(
            MarkdownSource(text: text, firstLine: 1), normURL: { known.contains($0) ? "../normen/\($0).html" : nil },
            resolve: resolve)
    }

    @Test func normIDsInTextBecomeLinks() {
        #expect(
            html("Zie SM.02 en GO.02.") == "<p>Zie <a href=\"../normen/SM.02.html\">SM.02</a> en <a href=\"../normen/GO.02.html\">GO.02</a>.</p>\n")
    }

    @Test func normIDsInCodeLinksAndUnknownOnesStayText() {
        let out = html("`SM.02` en [over SM.02](x.md) en SM.20 en XSM.02 en SM.021\n\n    SM.02\n")
        #expect(!out.contains("normen/SM.02"))
        #expect(out.contains("<code>SM.02</code>"))
        #expect(out.contains("<a href=\"x.md\">over SM.02</a>"))
        #expect(
            html("[extern](http://x.nl) en [mail](mailto:a@b.nl)")
                == "<p><a rel=\"noopener noreferrer\" href=\"http://x.nl\">extern</a> en <a href=\"mailto:a@b.nl\">mail</a></p>\n")
        #expect(out.contains("SM.20 en XSM.02 en SM.021"))
    }

    @Test func normIDsInsideEmphasisAndHeadingsAreLinked() {
        #expect(html("*zie SM.02*") == "<p><em>zie <a href=\"../normen/SM.02.html\">SM.02</a></em></p>\n")
        #expect(html("# Over GO.02").contains("<h2 id=\"over-go02\">Over <a href=\"../normen/GO.02.html\">GO.02</a> <a class=\"heading-anchor\""))
    }

    @Test func linksAreRewrittenKeptOrUnlinked() {
        let out = html("[a](a.md) [b](https://b.nl) [c](geheim.md) ![d](d.png)") { destination, isImage in
            switch destination {
            case "a.md": return .rewrite("../documenten/a.html")
            case "geheim.md": return .unlink
            case "d.png": return isImage ? .rewrite("../bijlagen/d.png") : .keep
            default: return .keep
            }
        }
        #expect(
            out
                == "<p><a href=\"../documenten/a.html\">a</a> <a rel=\"noopener noreferrer\" href=\"https://b.nl\">b</a> c <img src=\"../bijlagen/d.png\" alt=\"d\" /></p>\n"
        )
    }

    @Test func rawHTMLAndScriptURLsNeverPassThrough() {
        let out = html("<script>alert(1)</script>\n\nTekst <b onclick=\"x\">vet</b> [klik](javascript:alert(1)) ![i](data:text/html;base64,AAAA)\n")
        #expect(!out.contains("<script"))
        #expect(!out.contains("<b onclick"))
        #expect(!out.contains("javascript:"))
        #expect(!out.contains("data:text/html"))
        #expect(!out.contains("alert(1)"))
        #expect(out == "<p>Tekst <b>vet</b> <a href=\"\">klik</a> <img src=\"\" alt=\"i\" /></p>\n")
    }

    /// The levels of a page's headings, in order.
    func headingLevels(_ html: String) -> [Int] {
        html.components(separatedBy: "<h").dropFirst().compactMap { $0.first?.wholeNumberValue }
    }

    @Test func headingsStartAtTwoAndNeverSkip() {
        #expect(headingLevels(html("# Een\n\n### Drie\n\n###### Zes\n\n## Twee\n")) == [2, 3, 4, 3])
        #expect(headingLevels(html("### Alleen\n\n#### Dieper\n")) == [2, 3])
    }

    @Test func everyHeadingHasAUniqueAnchorWithAVisibleLink() {
        let out = html("# Doel & Reikwijdte\n\n## Doel & reikwijdte\n\n## Ééntje: 1.2 `code`\n\n## Bewijs\n")
        #expect(
            out.components(separatedBy: "\n").filter { $0.hasPrefix("<h") } == [
                "<h2 id=\"doel--reikwijdte\">Doel &amp; Reikwijdte <a class=\"heading-anchor\" href=\"#doel--reikwijdte\" aria-label=\"Link naar dit kopje: Doel &amp; Reikwijdte\">#</a></h2>",
                "<h3 id=\"doel--reikwijdte-1\">Doel &amp; reikwijdte <a class=\"heading-anchor\" href=\"#doel--reikwijdte-1\" aria-label=\"Link naar dit kopje: Doel &amp; reikwijdte\">#</a></h3>",
                "<h3 id=\"ééntje-12-code\">Ééntje: 1.2 <code>code</code> <a class=\"heading-anchor\" href=\"#%C3%A9%C3%A9ntje-12-code\" aria-label=\"Link naar dit kopje: Ééntje: 1.2 code\">#</a></h3>",
                // "bewijs" is a section of the norm page: a heading never takes it.
                "<h3 id=\"bewijs-1\">Bewijs <a class=\"heading-anchor\" href=\"#bewijs-1\" aria-label=\"Link naar dit kopje: Bewijs\">#</a></h3>",
            ])
    }

    @Test func analysisReportsPlacesInTheOriginalFile() {
        let source = MarkdownSource(text: "Eerste regel\n\nZie [doc](b.md) en SM.02 en ë XY.01.\n", firstLine: 6)
        let analysis = Markdown.analyze(source, path: "Content/a.md")
        #expect(
            analysis.links == [
                MarkdownLink(
                    destination: "b.md", isImage: false,
                    location: SourceLocation(path: "Content/a.md", line: 8, column: 5))
            ])
        #expect(analysis.mentions.map(\.id) == ["SM.02", "XY.01"])
        #expect(analysis.mentions.map(\.location.column) == [20, 31])
        #expect(analysis.mentions.allSatisfy { $0.location.line == 8 })
    }

    @Test func escapedTextIsFoundInTheSourceLine() {
        let source = MarkdownSource(text: "A \\* b &amp; SM.02\n", firstLine: 1)
        #expect(Markdown.analyze(source, path: "x").mentions.first?.location.column == 14)
    }
}

/// The built-in catalogue and overlays.
@Suite struct CatalogTests {
    let catalog = Catalog.builtIn()

    @Test func informationSecurityHas69NormsIn15Domains() {
        let part = catalog.part("informatiebeveiliging")!
        let domains = catalog.domains(in: part)
        #expect(domains.count == 15)
        #expect(domains.map(\.number) == Array(1...15))
        #expect(domains.reduce(0) { $0 + catalog.norms(in: $1).count } == 69)
        #expect(part.officialNormCount == 69)
    }

    @Test func privacyKnowsTenOfTwentyFive() {
        let part = catalog.part("privacy")!
        #expect(catalog.domains(in: part).reduce(0) { $0 + catalog.norms(in: $1).count } == 10)
        #expect(part.officialNormCount == 25)
    }

    @Test func everyNormIsComplete() {
        for norm in catalog.norms {
            #expect(!norm.title.isEmpty && !norm.description.isEmpty, "\(norm.id)")
            #expect(catalog.domain(norm.domain) != nil, "\(norm.id)")
            #expect(catalog.officialURL(of: norm).hasPrefix("https://normenkaderibp.kennisnet.nl/"), "\(norm.id)")
        }
        #expect(catalog.norm("SM.02")?.titleVerified == true)
        #expect(catalog.norm("HR.06")?.titleVerified == false)
        #expect(catalog.norm("HR.06")?.titleEN == "Security awareness")
    }

    /// The catalogue marks a Dutch title as verified exactly when it was confirmed against the
    /// official framework (Fixtures/confirmed-titles.tsv), and then spells it as confirmed.
    @Test func verifiedTitlesAreExactlyTheConfirmedOnes() throws {
        let table = try String(contentsOf: fixtures.appendingPathComponent("confirmed-titles.tsv"), encoding: .utf8)
        var confirmed: [String: String] = [:]
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            confirmed[columns[0]] = columns[1]
        }
        #expect(confirmed.count == 39)
        for norm in catalog.norms {
            #expect(norm.titleVerified == (confirmed[norm.id] != nil), "\(norm.id)")
            if let title = confirmed[norm.id] { #expect(norm.title == title, "\(norm.id)") }
        }
        #expect(Set(confirmed.keys).isSubset(of: catalog.norms.map(\.id)))
    }

    @Test func fiveMaturityLevels() {
        #expect(catalog.levels.map(\.title) == ["Ad hoc", "Herhaalbaar", "Bepaald", "Beheerst", "Continu verbeteren"])
        #expect(catalog.levels.allSatisfy { !$0.description.isEmpty })
    }

    @Test func suggestionsPreferSwappedDigitsAndCase() {
        #expect(catalog.suggestion(for: "SM.20") == "SM.02")
        #expect(catalog.suggestion(for: "sm.02") == "SM.02")
        #expect(catalog.suggestion(for: "QQ.77") == nil)
    }

    @Test func anOverlayAddsAndCorrectsNormsWithLocatedErrors() throws {
        let overlay = MarkedText(
            """
            domains:
              - {code: XB, part: privacy, number: 9, title: Extra}
            norms:
              - id: XB.01
                title: Eigen norm
                description: Een norm van het bestuur zelf.
              - id: GB.03
                title: Beveiliging van persoonsgegevens
              - id: 1️⃣QQ.01
                title: Zonder domein
              - id: 2️⃣kapot
              - id: GB.02
                url: 4️⃣javascript:alert(1)
              - 3️⃣title: Geen ID
            """)
        let p = MemoryPortfolio(["normfolio.yml": "catalog: extra.yml\n", "extra.yml": overlay.text, "Content/a.md": evidence(norms: "[XB.01]")])
        let result = p.check()
        #expect(result.diagnostics.map(\.code) == ["unknown-domain", "invalid-norm-id", "invalid-value", "missing-field"])
        #expect(
            result.diagnostics.map(\.location) == [
                overlay.location("1️⃣", in: "extra.yml"),
                overlay.location("2️⃣", in: "extra.yml"),
                overlay.location("4️⃣", in: "extra.yml"),
                overlay.location("3️⃣", in: "extra.yml"),
            ])
        #expect(result.portfolio?.catalog.norm("GB.02")?.url?.hasPrefix("https://") == true)
        let merged = try #require(result.portfolio?.catalog)
        #expect(merged.norm("XB.01")?.title == "Eigen norm")
        #expect(merged.norm("GB.03")?.title == "Beveiliging van persoonsgegevens")
        #expect(merged.norm("GB.03")?.description == catalog.norm("GB.03")?.description)
        #expect(result.portfolio?.documents.first?.norms == ["XB.01"])
    }

    @Test func anOverlayThatListsADomainOrNormTwiceIsAnErrorAtTheSecond() throws {
        let overlay = MarkedText(
            """
            domains:
              - {code: XB, part: privacy, number: 9, title: Extra}
              - {code: 1️⃣XB, part: privacy, number: 10, title: Nog eens}
            norms:
              - id: XB.01
                title: Eerste
              - id: 2️⃣XB.01
                title: Tweede
            """)
        let p = MemoryPortfolio(["normfolio.yml": "catalog: extra.yml\n", "extra.yml": overlay.text, "Content/a.md": evidence(norms: "[XB.01]")])
        let result = p.check()
        #expect(
            result.diagnostics.map(\.formatted) == [
                "extra.yml:3:12: error: domain 'XB' is listed more than once [duplicate-entry]",
                "extra.yml:7:9: error: norm 'XB.01' is listed more than once [duplicate-entry]",
            ])
        #expect(result.diagnostics.map(\.location) == [overlay.location("1️⃣", in: "extra.yml"), overlay.location("2️⃣", in: "extra.yml")])
        // The first entry counts; the second is left out.
        let merged = try #require(result.portfolio?.catalog)
        #expect(merged.domain("XB")?.title == "Extra")
        #expect(merged.norm("XB.01")?.title == "Eerste")
    }

    @Test func aMissingOverlayIsAnErrorAtTheSetting() {
        let p = MemoryPortfolio(["normfolio.yml": "catalog: 1️⃣weg.yml\n", "Content/a.md": evidence()])
        let diagnostics = p.check().diagnostics
        #expect(diagnostics.map(\.formatted) == ["normfolio.yml:1:10: error: 'weg.yml' does not exist [missing-file]"])
        #expect(diagnostics.map(\.location) == [p.location("1️⃣", in: "normfolio.yml")])
    }
}
