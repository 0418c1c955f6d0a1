import Foundation
import Testing

@testable import NormfolioKit

/// Registers (`Content/registers/`): read from YAML and from CSV saved by Excel, checked against
/// their schema with located errors, cross-referenced, and checked for claims at the reference date.
@Suite struct RegisterTests {
    static let suppliers = """
        title: Verwerkers
        norms: [SC.02]
        classification: intern
        review_by: 2027-06-01
        entries:
          - id: leerlingdata
            naam: LeerlingData BV
            overeenkomst: mvo-4.0
            overeenkomst_tot: 2027-08-01
          - id: fotograaf
            naam: Schoolfoto BV
            overeenkomst: geen

        """

    static let activities = """
        entries:
          - id: leerlingadministratie
            naam: Leerlingadministratie
            doelen: [Inschrijving, Bekostiging]
            betrokkenen: [leerlingen, ouders]
            gegevens: [NAW, onderwijsnummer]
            grondslag: c
            bewaartermijn: 5 jaar na uitschrijving
            verwerkers: [leerlingdata]

        """

    func diagnostics(_ result: BuildResult, _ code: String) -> [Diagnostic] { result.diagnostics.filter { $0.code == code } }

    @Test func aYAMLRegisterIsReadWithItsEntriesAndCoversItsNorms() throws {
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": Self.suppliers,
            "Content/registers/verwerkingen.yml": Self.activities,
        ])
        let result = p.check(asOf: fixedToday)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let portfolio = try #require(result.portfolio)
        #expect(portfolio.registers.map(\.kind) == [.verwerkingen, .verwerkers])
        let suppliers = try #require(portfolio.register(.verwerkers))
        #expect(suppliers.entries.map(\.id) == ["leerlingdata", "fotograaf"])
        #expect(suppliers.classification == .intern)
        #expect(suppliers.entries[0].values["overeenkomst_tot"] == .date(Day("2027-08-01")!))
        // A register without a classification is vertrouwelijk, as a document is.
        #expect(portfolio.register(.verwerkingen)?.classification == .vertrouwelijk)
        // Tagged with SC.02 and not past its review date: the norm is covered by it.
        #expect(portfolio.standing("SC.02")?.coverage == .covered)
        #expect(portfolio.registersByNorm["SC.02"] == [1])
    }

    @Test func schemaErrorsAreLocatedAtTheValueWithDidYouMean() {
        let file = "Content/registers/verwerkingen.yml"
        let p = MemoryPortfolio([
            file: """
            entries:
              - 1️⃣id: camera
                naam: Camerabeelden
                doelen: [Beveiliging]
                betrokkenen: [bezoekers]
                gegevens: [beeld]
                grondslag: 2️⃣g
                herzien_voor: 3️⃣2026-13-01
                4️⃣systeem: Camera's
              - id: 5️⃣Camera Beelden
                naam: Tweede

            """
        ])
        let result = p.check()
        #expect(diagnostics(result, "missing-field").map(\.location) == [p.location("1️⃣", in: file)])
        #expect(diagnostics(result, "missing-field").first?.message == "required field 'bewaartermijn' is missing or empty")
        let ground = diagnostics(result, "invalid-value")
        #expect(ground.map(\.location) == [p.location("2️⃣", in: file)])
        #expect(ground.first?.message.contains("expected one of: a, b, c, d, e, f") == true)
        #expect(diagnostics(result, "invalid-date").map(\.location) == [p.location("3️⃣", in: file)])
        let unknown = diagnostics(result, "unknown-key")
        #expect(unknown.map(\.location) == [p.location("4️⃣", in: file)])
        #expect(unknown.first?.message.contains("did you mean 'systemen'") == true)
        let id = diagnostics(result, "invalid-id")
        #expect(id.map(\.location) == [p.location("5️⃣", in: file)])
        #expect(id.first?.message.contains("'camera-beelden'") == true)
    }

    @Test func aCSVSavedByDutchExcelIsReadWithRowAndColumnPositions() throws {
        // Excel's "CSV UTF-8": a byte-order mark, `;` between cells, CRLF, quoted cells with line breaks.
        let csv =
            "\u{FEFF}id;naam;overeenkomst;overeenkomst_tot;producten\r\n"
            + "leerlingdata;LeerlingData BV;mvo-4.0;2027-08-01;\"Administratie, Rapporten\"\r\n"
            + "toets;\"Toets;Net\nBV\";MVO 4.0;2027-02-30;Toetsen\r\n"
            + ";;;;\r\n"
            + "foto;Schoolfoto BV;mondeling;;\r\n"
        let p = MemoryPortfolio(["Content/registers/verwerkers.csv": csv])
        let result = p.check(asOf: fixedToday)
        let register = try #require(result.portfolio?.register(.verwerkers))
        #expect(register.entries.map(\.id) == ["leerlingdata", "toets", "foto"])
        #expect(register.entries[0].values["producten"] == .list(["Administratie", "Rapporten"]))
        // Another name of a choice is read as the value.
        #expect(register.entries[1].values["overeenkomst"] == .choice("mvo-4.0"))
        #expect(register.entries[1].values["naam"] == .text("Toets;Net\nBV"))
        // Row 3 (the header is row 1), column D; row 5 (the empty row 4 is skipped), column C.
        let date = diagnostics(result, "invalid-date")
        #expect(
            date.map(\.formatted) == [
                "Content/registers/verwerkers.csv:3:4: error: 'overeenkomst_tot' is not a valid date "
                    + "'2027-02-30'; write YYYY-MM-DD [invalid-date]"
            ])
        let model = diagnostics(result, "invalid-value")
        #expect(model.map(\.location) == [SourceLocation(path: "Content/registers/verwerkers.csv", line: 5, column: 3)])
        #expect(model.first?.message.contains("expected one of: mvo-4.0, algemeen, eigen, geen") == true)
        // A CSV alone is a register of its own, vertrouwelijk until a YAML file beside it says otherwise.
        #expect(register.classification == .vertrouwelijk)
    }

    @Test func aYAMLFileGivesACSVItsNormsAndClassification() throws {
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": "title: Verwerkers\nnorms: [SC.02]\nclassification: intern\nbron: verwerkers.csv\n",
            "Content/registers/verwerkers.csv": "id,naam,overeenkomst\nleerlingdata,LeerlingData BV,mvo-4.0\n",
        ])
        let result = p.check()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let register = try #require(result.portfolio?.register(.verwerkers))
        #expect(register.entriesSource == "Content/registers/verwerkers.csv" && register.classification == .intern)
        #expect(register.entries.map(\.id) == ["leerlingdata"] && register.norms == ["SC.02"])
    }

    @Test func anUnknownReferenceIsAnErrorAtItsLineWithTheClosestID() {
        let file = "Content/registers/verwerkingen.yml"
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": Self.suppliers,
            file: Self.activities.replacingOccurrences(
                of: "verwerkers: [leerlingdata]",
                with: "verwerkers: 1️⃣[leerlingdta]"),
        ])
        let unknown = diagnostics(p.check(), "unknown-reference")
        #expect(unknown.map(\.location) == [p.location("1️⃣", in: file)])
        #expect(unknown.first?.message == "no entry 'leerlingdta' in the register verwerkers (did you mean 'leerlingdata'?)")
    }

    @Test func filesThatAreNoRegisterAndSecondRegistersAndRepeatedIDsAreErrors() {
        let p = MemoryPortfolio([
            "Content/registers/verwerker.yml": "entries: []\n",
            "Content/registers/verwerkers.yml": Self.suppliers,
            "Content/registers/verwerkers.csv": "id,naam,overeenkomst\nx,X,geen\n",
            "Content/registers/dpia.yml": "entries:\n  - {id: a, titel: A, verwerking: v, datum: 2026-01-01, uitkomst: uitvoeren}\n"
                + "  - {id: a, titel: B, verwerking: v, datum: 2026-01-01, uitkomst: uitvoeren}\n",
            "Content/registers/bevindingen.csv": "id,titel\n\"a,b\n",
            "Content/registers/datalekken.csv": "id,titel\n\"a\"b,c\n",
        ])
        let result = p.check()
        #expect(diagnostics(result, "unknown-register").first?.message.contains("did you mean 'registers/verwerkers'") == true)
        #expect(diagnostics(result, "duplicate-register").map(\.location.path) == ["Content/registers/verwerkers.csv"])
        #expect(diagnostics(result, "duplicate-entry").map(\.location.line) == [3])
        #expect(
            diagnostics(result, "csv-syntax").map(\.formatted) == [
                "Content/registers/bevindingen.csv:2:1: error: the CSV file cannot be read: a quoted cell is not closed [csv-syntax]",
                "Content/registers/datalekken.csv:2:1: error: the CSV file cannot be read: text after the closing quote of a quoted cell [csv-syntax]",
            ])
        #expect(diagnostics(result, "unknown-reference").count == 2)
    }

    @Test func claimsTheReferenceDateContradictsAreLocatedWarnings() {
        let activities = "Content/registers/verwerkingen.yml", suppliers = "Content/registers/verwerkers.yml"
        let dpia = "Content/registers/dpia.yml", breaches = "Content/registers/datalekken.yml"
        let findings = "Content/registers/bevindingen.yml"
        let p = MemoryPortfolio([
            suppliers: """
            review_by: 1️⃣2026-06-01
            entries:
              - {id: a, naam: A BV, overeenkomst: mvo-4.0, overeenkomst_tot: 2️⃣2026-11-30, certificering_tot: 3️⃣2026-01-01}
              - {id: b, naam: B BV, overeenkomst: geen}

            """,
            activities: """
            entries:
              - id: camera
                naam: Camerabeelden
                doelen: [Beveiliging]
                betrokkenen: [bezoekers]
                gegevens: [beeld]
                grondslag: f
                bewaartermijn: 4 weken
                verwerkers: 4️⃣[a, b]
                hoog_risico: 5️⃣ja

            """,
            dpia: """
            entries:
              - id: lvs
                titel: DPIA leerlingvolgsysteem
                verwerking: camera
                datum: 2024-01-01
                uitkomst: uitvoeren-met-maatregelen
                herbeoordeling_op: 6️⃣2026-09-01
                maatregelen:
                  - {title: Logging aanzetten, due: 7️⃣2026-10-01, status: bezig}
                  - {title: Rollen beperken, due: 2026-10-01, status: gereed}

            """,
            breaches: """
            entries:
              - {id: mail, titel: Mail aan verkeerde ouder, ontdekt_op: 2026-03-02, gemeld_ap_op: 8️⃣2026-03-09}
              - {id: usb, titel: USB-stick kwijt, ontdekt_op: 2026-04-01, gemeld_ap_op: 2026-04-10, te_laat_reden: Pas na onderzoek bekend}
              - {id: app, titel: Groepsapp, ontdekt_op: 2026-05-01, niet_gemeld_reden: Geen risico}
              - {id: tel, titel: Telefoon, ontdekt_op: 2026-05-01, gemeld_ap_op: 2026-05-04}

            """,
            findings: """
            entries:
              - {id: mfa, titel: Geen MFA, bron: audit, datum: 2026-02-01, ernst: hoog, actie_uiterlijk: 9️⃣2026-06-01, actie_status: bezig}
              - {id: log, titel: Logging, bron: pentest, datum: 2026-02-01, ernst: laag, actie_uiterlijk: 2026-06-01, actie_status: gereed}

            """,
        ])
        let result = p.check(asOf: fixedToday)
        func at(_ code: String) -> [SourceLocation] { diagnostics(result, code).map(\.location) }
        #expect(at("evidence-expired") == [p.location("1️⃣", in: suppliers)])
        #expect(at("agreement-expired") == [p.location("2️⃣", in: suppliers)])
        #expect(at("certificate-expired") == [p.location("3️⃣", in: suppliers)])
        #expect(at("no-agreement") == [p.location("4️⃣", in: activities)])
        #expect(diagnostics(result, "no-agreement").first?.message.contains("'B BV'") == true)
        #expect(at("dpia-missing") == [p.location("5️⃣", in: activities)])
        #expect(at("dpia-overdue") == [p.location("6️⃣", in: dpia)])
        #expect(at("action-overdue") == [p.location("7️⃣", in: dpia)])
        #expect(at("breach-reported-late") == [p.location("8️⃣", in: breaches)])
        #expect(diagnostics(result, "breach-reported-late").first?.message.contains("7 days") == true)
        #expect(at("finding-overdue") == [p.location("9️⃣", in: findings)])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning }, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func aBreachNeedsAReportDateOrAReasonNotToReport() {
        let file = "Content/registers/datalekken.yml"
        let p = MemoryPortfolio([file: "entries:\n  - 1️⃣{id: x, titel: X, ontdekt_op: 2026-01-01}\n"])
        let missing = diagnostics(p.check(), "missing-field")
        #expect(missing.map(\.location) == [p.location("1️⃣", in: file)])
        #expect(missing.first?.message.contains("gemeld_ap_op") == true)
    }

    /// Registers hold categories, not people: the privacy guard reads them, YAML and CSV alike.
    @Test func thePrivacyGuardReadsRegisters() {
        let yaml = "Content/registers/datalekken.yml", csv = "Content/registers/verwerkers.csv"
        let p = MemoryPortfolio([
            yaml: "entries:\n  - {id: a, titel: Mail van 1️⃣jan.jansen@example.nl, ontdekt_op: 2026-01-01, niet_gemeld_reden: Geen risico}\n",
            csv: "id;naam;overeenkomst\nx;Contact 2️⃣piet@leverancier.example;geen\n",
        ])
        let found = p.check().diagnostics.filter { $0.code == "personal-data-email" }.map(\.location)
        #expect(found == [p.location("1️⃣", in: yaml), p.location("2️⃣", in: csv)])
    }

    /// A register's export is a register file: read back, it gives the same entries.
    @Test func theExportedCSVReadsBackAsTheSameRegister() throws {
        let result = Normfolio.render(BuildOptions(portfolio: siteFixture, audience: .auditor), today: fixedToday)
        let site = try #require(result.site)
        let original = try #require(result.portfolio?.register(.verwerkers))
        let exported = page(site, "export/verwerkers.csv")
        // Headed in the site's language, choices by their labels: as Excel shows it, and still a register.
        #expect(exported.hasPrefix("\u{FEFF}ID;Naam;Producten;Verwerkersovereenkomst;Overeenkomst getekend op;Overeenkomst loopt tot;"))
        #expect(exported.contains(";Model Verwerkersovereenkomst 4.0;") && exported.contains(";eigen overeenkomst van de leverancier;"))
        // With a YAML file beside it that gives the register its classification (alone, a CSV
        // register is vertrouwelijk, and so is every entry in it).
        let back = MemoryPortfolio([
            "Content/registers/verwerkers.csv": exported,
            "Content/registers/verwerkers.yml": "classification: intern\nbron: verwerkers.csv\n",
        ]).check()
        // Read back, it says what the original says: one certificate ran out before the reference date.
        #expect(back.diagnostics.map(\.code) == ["certificate-expired"], "\(back.diagnostics.map(\.formatted))")
        let read = try #require(back.portfolio?.register(.verwerkers))
        #expect(read.entries.map(\.id) == original.entries.map(\.id))
        #expect(read.entries.map(\.values) == original.entries.map(\.values))
        #expect(read.entries.map(\.classification) == original.entries.map(\.classification))
        // The intranet's export holds only what the intranet may read.
        let intranet = try renderSiteFixture(.intranet, intranet: "[registers]")
        #expect(page(intranet, "export/verwerkers.csv").split(separator: "\r\n").count == 2)
        #expect(!intranet.files.contains { $0.path == "export/dpia.csv" })
    }

    /// References lead both ways: a processor's page lists the activities that use it and their
    /// DPIAs; an activity's page links its processors, its DPIA and the documents that link to it.
    @Test func entryPagesAreCrossLinked() throws {
        let site = try #require(Normfolio.render(BuildOptions(portfolio: siteFixture, audience: .auditor), today: fixedToday).site)
        let supplier = page(site, "registers/verwerkers/camerabouw.html")
        #expect(supplier.contains("<a href=\"../verwerkingen/camerabeelden.html\">Camerabeelden bij de entree</a>"))
        #expect(supplier.contains("<a href=\"../dpia/dpia-camera.html\">DPIA camerabewaking</a>"))
        let activity = page(site, "registers/verwerkingen/leerlingadministratie.html")
        #expect(activity.contains("<a href=\"../verwerkers/leerlingdata.html\">LeerlingData BV</a>"))
        #expect(activity.contains("<a href=\"../../documenten/beleid-ib-beleid.html\">"))
        // The document's link to the register file leads to the register's page, never to the file.
        let document = page(site, "documenten/beleid-ib-beleid.html")
        #expect(
            document.contains("href=\"../registers/verwerkingen.html\"")
                && document.contains("href=\"../registers/verwerkingen/leerlingadministratie.html\""))
        #expect(!site.files.contains { $0.path.hasSuffix(".yml") || $0.path.hasSuffix(".csv") && !$0.path.hasPrefix("export/") })
        // A finding shows on its norm's page; the register covers its norm.
        #expect(page(site, "normen/SM.02.html").contains("<a href=\"../registers/bevindingen/audit-mfa.html\">MFA ontbreekt voor beheerders</a>"))
        #expect(page(site, "normen/PR.03.html").contains("<a href=\"../registers/verwerkingen.html\">Register van verwerkingen</a>"))
    }

    /// A page name a file system cannot hold is an error at the file, not a failed write later.
    @Test func aFileWhosePageNameIsTooLongIsAnError() {
        let long = String(repeating: "beleid", count: 30)
        let p = MemoryPortfolio([
            "Content/\(long)/\(long).md": evidence(), "Content/pages/\(long)/\(long).md": "---\ntitle: P\n---\n",
            "Content/ok.md": evidence(),
        ])
        let result = p.check()
        #expect(
            result.diagnostics.map(\.formatted).sorted() == [
                "Content/\(long)/\(long).md:1:1: error: this file's page would be named with 361 bytes, more than 250; shorten the file or folder names [name-too-long]",
                "Content/pages/\(long)/\(long).md:1:1: error: this file's page would be named with 361 bytes, more than 250; shorten the file or folder names [name-too-long]",
            ])
        #expect(result.portfolio?.documents.count == 1)
    }

    @Test func daysBetweenDatesCountCalendarDays() {
        #expect(Day("2026-03-02")!.days(until: Day("2026-03-09")!) == 7)
        #expect(Day("2024-02-28")!.days(until: Day("2024-03-01")!) == 2)
        #expect(Day("2026-12-31")!.days(until: Day("2027-01-01")!) == 1)
        #expect(Day("2027-01-01")!.days(until: Day("2026-01-01")!) == -365)
    }
}
