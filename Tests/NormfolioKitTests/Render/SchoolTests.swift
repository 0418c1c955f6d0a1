import Foundation
import Testing

@testable import NormfolioKit

/// Schools (issue 23): `schools:` in normfolio.yml, `scope:` on evidence, assessments, actions and
/// register entries, coverage per school, the claim that holds for only some schools, and the
/// edition of one school.
@Suite struct SchoolTests {
    static let settings = """
        as_of: 2026-12-01
        schools:
          - {id: de-regenboog, name: De Regenboog, brin: 12AB00, town: Utrecht}
          - {id: het-kompas, name: Het Kompas, town: Houten}

        """

    /// A portfolio with two schools and these files besides normfolio.yml.
    static func portfolio(_ files: [String: String]) -> MemoryPortfolio {
        MemoryPortfolio(["normfolio.yml": settings].merging(files) { a, _ in a })
    }

    @Test func boardWideEvidenceCountsForEverySchool() throws {
        let result = Self.portfolio(["Content/beleid.md": evidence("IB-beleid", norms: "[GO.02]")]).check()
        let portfolio = try #require(result.portfolio)
        #expect(result.diagnostics.errorCount == 0)
        for school in ["de-regenboog", "het-kompas"] {
            #expect(portfolio.schoolStandings[school]?["GO.02"]?.coverage == .covered, "\(school)")
            #expect(portfolio.schoolStandings[school]?["SM.02"]?.coverage == .missing, "\(school)")
        }
    }

    @Test func scopedEvidenceCountsOnlyForItsSchools() throws {
        let result = Self.portfolio([
            "Content/camera.md": evidence("DPIA camera", norms: "[PH.01]", extra: "scope: [de-regenboog]\n"),
            "Content/oud.md": evidence("Oud plan", norms: "[BC.05]", extra: "review_by: 2025-01-01\n"),
            "Content/noodplan.md": evidence("Noodplan", norms: "[BC.05]", extra: "scope: het-kompas\n"),
        ]).check()
        let portfolio = try #require(result.portfolio)
        #expect(portfolio.standings["PH.01"]?.coverage == .covered)
        #expect(portfolio.schoolStandings["de-regenboog"]?["PH.01"]?.coverage == .covered)
        #expect(portfolio.schoolStandings["het-kompas"]?["PH.01"]?.coverage == .missing)
        // Board-wide expired evidence, and one school's current plan.
        #expect(portfolio.schoolStandings["het-kompas"]?["BC.05"]?.coverage == .covered)
        #expect(portfolio.schoolStandings["de-regenboog"]?["BC.05"]?.coverage == .stale)
        #expect(portfolio.documents.first { $0.title == "Noodplan" }?.scope?.ids == ["het-kompas"])
    }

    @Test func aMisspelledSchoolIsALocatedErrorWithTheClosestID() throws {
        let portfolio = Self.portfolio([
            "Content/camera.md": evidence("DPIA camera", norms: "[PH.01]", extra: "scope: [1️⃣de-regenbog]\n"),
            "Content/norms/BC.05.md": "---\nlevel: 2\nscope: [2️⃣het-kompass]\nactions:\n  - title: Oefenen\n    scope: [3️⃣kompas]\n---\n",
            "Content/registers/verwerkingen.yml": """
            entries:
              - id: camera
                naam: Camera
                scope: [het-kompas, 4️⃣regenboog]
                doelen: [Beveiliging]
                betrokkenen: [bezoekers]
                gegevens: [beelden]
                grondslag: f
                bewaartermijn: 4 weken

            """,
        ])
        let result = portfolio.check()
        let unknown = result.diagnostics.filter { $0.code == "unknown-school" }
        #expect(
            unknown.map(\.location) == [
                portfolio.location("1️⃣", in: "Content/camera.md"), portfolio.location("2️⃣", in: "Content/norms/BC.05.md"),
                portfolio.location("3️⃣", in: "Content/norms/BC.05.md"), portfolio.location("4️⃣", in: "Content/registers/verwerkingen.yml"),
            ])
        #expect(unknown.allSatisfy { $0.severity == .error })
        #expect(
            unknown.first?.formatted.hasSuffix(
                "error: unknown school 'de-regenbog' (did you mean 'de-regenboog'?); expected one of: de-regenboog, het-kompas [unknown-school]")
                == true)
        #expect(unknown[1].message.contains("did you mean 'het-kompas'?"))
        // Nothing is written while a scope names no school.
        #expect(portfolio.render(audience: .auditor).site == nil)
    }

    @Test func aScopeWithoutSchoolsInTheSettingsSaysSo() throws {
        let portfolio = MemoryPortfolio(["Content/a.md": evidence(extra: "scope: [1️⃣de-regenboog]\n")])
        let diagnostic = try #require(portfolio.check().diagnostics.first { $0.code == "unknown-school" })
        #expect(diagnostic.location == portfolio.location("1️⃣", in: "Content/a.md"))
        #expect(diagnostic.message.contains("normfolio.yml defines no schools"))
    }

    @Test func schoolsAreCheckedInTheSettings() throws {
        let portfolio = MemoryPortfolio([
            "normfolio.yml": "schools:\n  - {id: a, name: A}\n  - {id: 1️⃣a, name: B}\n  - {id: 2️⃣De_Linde, name: C}\n  - {id: d, 3️⃣naam: D}\n",
            "Content/a.md": evidence(),
        ])
        let result = portfolio.check()
        func at(_ code: String) -> [SourceLocation] { result.diagnostics.filter { $0.code == code }.map(\.location) }
        #expect(at("duplicate-entry") == [portfolio.location("1️⃣", in: "normfolio.yml")])
        #expect(at("invalid-id") == [portfolio.location("2️⃣", in: "normfolio.yml")])
        #expect(at("unknown-key") == [portfolio.location("3️⃣", in: "normfolio.yml")])
        #expect(result.diagnostics.contains { $0.code == "missing-field" && $0.message.contains("'name'") })
        #expect(result.portfolio?.settings.schools.map(\.id) == ["a"])
    }

    @Test func aLevelForEverySchoolOnEvidenceOfSomeIsAFinding() throws {
        let portfolio = Self.portfolio([
            "Content/noodplan.md": evidence(
                "Noodplan", norms: "[BC.05]",
                extra: "scope: [het-kompas]\napproved_by: Directeur\napproved_on: 2026-09-01\n"),
            "Content/norms/BC.05.md": "---\n1️⃣level: 3\n---\nUitleg.\n",
            "Content/beleid.md": evidence("Beleid", norms: "[GO.02]", extra: "approved_by: CvB\napproved_on: 2026-01-01\n"),
            "Content/norms/GO.02.md": "---\nlevel: 3\n---\n",
            // Claimed for the one school that has evidence: no finding.
            "Content/camera.md": evidence("Camera", norms: "[PH.01]", extra: "scope: [de-regenboog]\napproved_by: CvB\napproved_on: 2026-01-01\n"),
            "Content/norms/PH.01.md": "---\nlevel: 3\nscope: [de-regenboog]\n---\n",
        ])
        let result = portfolio.check()
        let findings = try #require(result.portfolio).findings.filter { $0.kind == .levelNotForEverySchool }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.subject == .assessment("BC.05") && finding.schools == ["de-regenboog"] && finding.number == 3)
        #expect(finding.diagnostic.location == portfolio.location("1️⃣", in: "Content/norms/BC.05.md"))
        #expect(
            finding.diagnostic.formatted.hasSuffix(
                "warning: level 3 is claimed for BC.05 for 2 schools, but 1 of them have no current evidence for it: De Regenboog [level-not-for-every-school]"
            ))
        // Shown on the page of what it concerns, and on the school's page.
        let site = try #require(portfolio.render(audience: .auditor).site)
        #expect(page(site, "normen/BC.05.html").contains("er is geen actueel bewijs voor De Regenboog"))
        #expect(page(site, "scholen/de-regenboog.html").contains("er is geen actueel bewijs voor De Regenboog"))
        #expect(!page(site, "scholen/het-kompas.html").contains("er is geen actueel bewijs"))
        #expect(page(site, "scholen/de-regenboog.html").contains("BC.05"), "a gap of De Regenboog: covered for Het Kompas")
    }

    /// Markers of what is scoped to De Regenboog: a document's title and page name, an entry's
    /// name and id, an action's title, and the text of the document's attachment.
    static let otherSchool = [
        "DPIA camera Regenboog", "camera-regenboog", "Camerabeelden Regenboog", "cameraregenboog",
        "Oefening Regenboog", "Bijlage van de Regenboog",
    ]

    @Test func aSchoolsEditionHoldsNothingScopedToAnotherSchool() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let files = [
            "normfolio.yml": Self.settings + "intranet: [registers, dekking, export, beoordelingen]\n",
            "Content/beleid.md": evidence("Beleid", norms: "[GO.02]"),
            "Content/camera-regenboog.md": evidence(
                "DPIA camera Regenboog", norms: "[PH.01]",
                extra: "scope: [de-regenboog]\nattachments: [bijlage-camera.txt]\n",
                body: "Zie [het plan](noodplan.md).\n"),
            "Content/bijlage-camera.txt": "Bijlage van de Regenboog\n",
            "Content/noodplan.md": evidence(
                "Noodplan Kompas", norms: "[BC.05]", extra: "scope: [het-kompas]\n",
                body: "Zie de [camera](camera-regenboog.md) en [register](registers/verwerkingen.yml#cameraregenboog).\n"),
            "Content/norms/BC.05.md":
                "---\nlevel: 2\nactions:\n  - {title: Oefening Regenboog, scope: [de-regenboog]}\n  - {title: Oefening Kompas}\n---\n",
            "Content/registers/verwerkingen.yml": """
            classification: openbaar
            entries:
              - {id: cameraregenboog, naam: Camerabeelden Regenboog, scope: [de-regenboog], doelen: [x], betrokkenen: [y], gegevens: [z], grondslag: f, bewaartermijn: 1 jaar}
              - {id: leerlingen, naam: Leerlingadministratie, doelen: [x], betrokkenen: [y], gegevens: [z], grondslag: c, bewaartermijn: 5 jaar}

            """,
        ]
        for (path, text) in files {
            let url = work.appendingPathComponent("p").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func build(_ audience: Audience, school: String?) throws -> [String: Data] {
            var options = BuildOptions(portfolio: work.appendingPathComponent("p").path, audience: audience, zip: nil)
            options.output = work.appendingPathComponent("site-\(audience)-\(school ?? "bestuur")").path
            options.zip = options.output! + ".zip"
            options.school = school
            let result = try Normfolio.build(options, today: fixedToday)
            #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
            var bytes: [String: Data] = [:]
            for path in FileIO.live.listFiles(options.output!) {
                bytes[path] = try Data(contentsOf: URL(fileURLWithPath: options.output! + "/" + path))
            }
            bytes["<zip>"] = try unpacked(try Data(contentsOf: URL(fileURLWithPath: options.zip!)))
            return bytes
        }
        for audience in Audience.allCases {
            let files = try build(audience, school: "het-kompas")
            #expect(files.keys.contains("scholen/het-kompas.html"))
            #expect(!files.keys.contains("scholen/de-regenboog.html"))
            for (path, data) in files {
                for marker in Self.otherSchool {
                    #expect(data.range(of: Data(marker.utf8)) == nil, "\(audience): \(path) holds '\(marker)'")
                }
            }
            #expect(String(decoding: files["index.html"] ?? Data(), as: UTF8.self).contains("brand-school\">Het Kompas (Houten)"))
            #expect(String(decoding: files["documenten/noodplan.html"] ?? Data(), as: UTF8.self).contains("Noodplan Kompas"))
        }
        // The board's edition holds each of them: the check above can fail.
        let board = try build(.auditor, school: nil)
        for marker in Self.otherSchool {
            #expect(board.values.contains { $0.range(of: Data(marker.utf8)) != nil }, "the board's edition lacks '\(marker)'")
        }
        #expect(!board.values.contains { $0.range(of: Data("brand-school".utf8)) != nil })
        // The board's register page can be narrowed to a school; a school's edition needs no filter.
        let register = String(decoding: board["registers/verwerkingen.html"] ?? Data(), as: UTF8.self)
        #expect(register.contains("<select id=\"school-filter\"><option value=\"\">alle scholen</option><option value=\"de-regenboog\">"))
        #expect(register.components(separatedBy: "data-scope=").count == 2 && register.contains("<tr data-scope=\"de-regenboog\">"))
        #expect(board[Routes.schoolFilterScript] == Data(SchoolFilter.script.utf8))
        let kompas = try build(.auditor, school: "het-kompas")
        #expect(kompas[Routes.schoolFilterScript] == nil)
        #expect(!String(decoding: kompas["registers/verwerkingen.html"] ?? Data(), as: UTF8.self).contains("school-filter"))
    }

    @Test func anUnknownSchoolForAnEditionIsAnErrorAndWritesNothing() throws {
        var options = BuildOptions(portfolio: "/p", audience: .intranet)
        options.school = "het-kmopas"
        let portfolio = Self.portfolio(["Content/a.md": evidence()])
        let result = Normfolio.render(options, io: portfolio.io, today: fixedToday)
        #expect(result.site == nil)
        #expect(result.diagnostics.contains { $0.code == "unknown-school" && $0.message.contains("did you mean 'het-kompas'?") })
    }

    @Test func theExportsCarryTheScope() throws {
        let portfolio = Self.portfolio([
            "Content/camera.md": evidence("Camera", norms: "[PH.01]", extra: "scope: [de-regenboog]\n"),
            "Content/beleid.md": evidence("Beleid", norms: "[GO.02]"),
        ])
        let site = try #require(portfolio.render(audience: .auditor).site)
        let documents = page(site, "export/documenten.csv")
        #expect(documents.contains("Camera;") && documents.contains(";De Regenboog\r\n") && documents.contains(";Hele bestuur\r\n"))
        let schools = page(site, "export/scholen.csv").split(separator: "\r\n")
        #expect(schools.first?.hasSuffix("School-id;School;BRIN of vestigingscode;Plaats;Domein;Van toepassing;Gedekt;% gedekt") == true)
        #expect(schools.contains { $0.hasPrefix("de-regenboog;De Regenboog;12AB00;Utrecht;") })
        let json = try JSONSerialization.jsonObject(with: Data(page(site, "export/portfolio.json").utf8)) as? [String: Any]
        let scopes = (json?["documents"] as? [[String: Any]])?.map { ($0["title"] as? String ?? "", $0["scope"] as? [String]) }
        #expect(scopes?.first { $0.0 == "Camera" }?.1 == ["de-regenboog"])
        #expect(scopes?.first { $0.0 == "Beleid" }?.1 == [])
        #expect((json?["schools"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["de-regenboog", "het-kompas"])
    }

    /// The school matrix and a school's page, in Dutch and English: the site fixture with two
    /// schools and two scoped documents.
    @Test func theSchoolPagesMatchTheirSnapshots() throws {
        for language in ["nl", "en"] {
            let work = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: work) }
            let copy = work.appendingPathComponent("site")
            try FileManager.default.copyItem(atPath: siteFixture, toPath: copy.path)
            let settings = copy.appendingPathComponent("normfolio.yml")
            try Data(
                (try String(contentsOf: settings, encoding: .utf8) + "language: \(language)\n"
                    + Self.settings.replacingOccurrences(of: "as_of: 2026-12-01\n", with: "")).utf8
            ).write(to: settings)
            try Data(evidence("Noodplan Het Kompas", norms: "[BC.05, IM.01]", extra: "scope: [het-kompas]\n").utf8)
                .write(to: copy.appendingPathComponent("Content/procedures/noodplan.md"))
            try Data(evidence("Camerabewaking De Regenboog", norms: "[PH.01]", extra: "scope: [de-regenboog]\n").utf8)
                .write(to: copy.appendingPathComponent("Content/procedures/camera.md"))
            let site = try #require(Normfolio.render(BuildOptions(portfolio: copy.path, audience: .auditor), today: fixedToday).site)
            try assertSnapshot(site, named: "schools-\(language)", only: ["dekking.html", "scholen/de-regenboog.html"])
        }
    }
}
