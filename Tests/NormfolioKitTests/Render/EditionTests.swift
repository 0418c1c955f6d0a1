import Foundation
import Testing

@testable import NormfolioKit

/// The intranet edition holds what was chosen: its documents and free pages, and each part of the
/// site only when `intranet:` in normfolio.yml names it.
@Suite struct EditionTests {
    /// The files every intranet edition of the site fixture has: the pages of what is classified
    /// for it, search, integrity, and the theme's files.
    static func isBase(_ path: String) -> Bool {
        path.hasPrefix("documenten/") || path.hasPrefix("paginas/") || path.hasPrefix("assets/") || path.hasPrefix("bijlagen/")
            || ["index.html", "zoeken.html", "integriteit.html", "export/manifest.json", "export/SHA256SUMS"].contains(path)
    }

    /// What each name adds to the intranet edition of the site fixture (beyond its norm pages,
    /// which `normenkader` adds and the parts that list norms bring).
    static let adds: [String: (pages: Set<String>, catalog: Bool)] = [
        "normenkader": ([], true),
        "beoordelingen": ([], true),
        "dekking": (["dekking.html"], true),
        "volwassenheid": (["volwassenheid.html"], true),
        "verbeterplan": (["verbeterplan.html"], true),
        "voortgang": (["voortgang.html"], true),
        "rapport": (["rapport.html"], true),
        "aandachtspunten": (["aandachtspunten.html"], true),
        "kalender": (["kalender.html", "export/kalender.ics"], false),
        "export": (["export/normen.csv", "export/documenten.csv", "export/portfolio.json", "export/portfolio.xlsx"], false),
        // The intranet reads the registers classified intern: verwerkingen and verwerkers (one entry each) and bevindingen.
        "verwerkingen": (
            [
                "registers/index.html", "registers/verwerkingen.html", "registers/verwerkingen/leerlingadministratie.html",
                "export/verwerkingen.csv",
            ], false
        ),
        "verwerkers": (
            [
                "registers/index.html", "registers/verwerkers.html", "registers/verwerkers/leerlingdata.html",
                "export/verwerkers.csv",
            ], false
        ),
        "bevindingen": (
            [
                "registers/index.html", "registers/bevindingen.html", "registers/bevindingen/audit-mfa.html",
                "export/bevindingen.csv",
            ], false
        ),
        // Above intern: the intranet gets no page of them even when named.
        "dpia": ([], false),
        "datalekken": ([], false),
        "registers": (
            [
                "registers/index.html", "registers/verwerkingen.html", "registers/verwerkingen/leerlingadministratie.html",
                "export/verwerkingen.csv", "registers/verwerkers.html", "registers/verwerkers/leerlingdata.html",
                "export/verwerkers.csv", "registers/bevindingen.html", "registers/bevindingen/audit-mfa.html",
                "export/bevindingen.csv",
            ], false
        ),
    ]

    @Test func withoutTheSettingTheIntranetHoldsOnlyItsDocumentsAndPages() throws {
        let site = try #require(Normfolio.render(BuildOptions(portfolio: siteFixture, audience: .intranet), today: fixedToday).site)
        #expect(site.files.map(\.path).filter { !Self.isBase($0) } == [])
        // No page links to a page the edition does not have, and the home page is the staff's.
        let home = page(site, "index.html")
        #expect(home.contains("Beleid en documenten per onderwerp") && !home.contains("Te besluiten") && !home.contains("data-figure"))
        #expect(home.contains("<a href=\"mailto:fg@test.example\">fg@test.example</a>") && home.contains("Wat doe ik bij een datalek?"))
        // A norm named in a document is text, not a link to a page that is not there.
        let policy = page(site, "documenten/beleid-ib-beleid.html")
        #expect(!policy.contains("normen/") && policy.contains("GO.02"))
    }

    /// One test per name: it adds its part of the site and nothing else.
    @Test(arguments: EditionPart.names.map(\.name))
    func eachNameAddsItsPartAndNothingElse(_ name: String) throws {
        let site = try renderSiteFixture(.intranet, intranet: "[\(name)]")
        let extra = Set(site.files.map(\.path).filter { !Self.isBase($0) })
        let expected = try #require(Self.adds[name], "no expectation for '\(name)'")
        let norms = extra.filter { $0.hasPrefix("normen/") }
        #expect(norms.isEmpty != expected.catalog, "\(name): \(norms.count) norm pages")
        if expected.catalog { #expect(norms.count == 80, "\(name)") }
        #expect(extra.subtracting(norms) == expected.pages, "\(name)")
        // Assessments show only with `beoordelingen`.
        if expected.catalog {
            let norm = page(site, "normen/GO.02.html")
            #expect(norm.contains("Bestuurssecretaris") == (name == "beoordelingen"), "\(name)")
        }
    }

    @Test func anUnknownPartIsAnErrorWithTheClosestName() throws {
        let p = MemoryPortfolio(["normfolio.yml": "intranet: [verwerkingen, 1️⃣volwasenheid]\n", "Content/a.md": evidence()])
        let result = p.check()
        #expect(result.diagnostics.map(\.location) == [p.location("1️⃣", in: "normfolio.yml")])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.diagnostics.first?.message.hasPrefix("unknown intranet part 'volwasenheid' (did you mean 'volwassenheid'?)") == true)
        #expect(p.render().site == nil)
    }
}
