import Foundation
import Testing

@testable import NormfolioKit

/// Points of attention: every judgement made once in the link stage, shown where what it concerns
/// shows, counted honestly, and never about what an edition withholds.
@Suite struct FindingsTests {
    static let findingCodes = Set(Finding.Kind.allCases.map(\.rawValue))

    // MARK: Placeholders

    @Test func exampleTextEmptyOwnersAndExampleEntriesArePlaceholdersAtTheirPlace() throws {
        let p = MemoryPortfolio([
            "Content/a.md": "---\ntitle: A\nnorms: [GO.02]\nclassification: openbaar\n1️⃣owner:\n---\n# A\n\n2️⃣Beschrijf hier het bewijs. Meer.\n",
            "Content/norms/GO.02.md":
                "---\nlevel: 1\n3️⃣owner: \"\"\n---\n4️⃣Beschrijf hier waarom dit niveau is beoordeeld en wat er nog moet gebeuren.\n",
            "Content/registers/verwerkers.yml":
                "classification: intern\n5️⃣owner: ~\nentries:\n  - 6️⃣id: voorbeeld-verwerker\n    naam: V\n    overeenkomst: mvo-4.0\n",
            // Real text that only mentions the words is no placeholder; nor is an owner with a value.
            "Content/b.md": evidence("B", extra: "owner: Bestuurssecretaris\n", body: "Wij beschrijven hier het bewijs.\n"),
        ])
        let found = p.check().diagnostics.filter { $0.code == "placeholder" }
        #expect(
            found.map(\.location) == [
                p.location("1️⃣", in: "Content/a.md"), p.location("2️⃣", in: "Content/a.md"),
                p.location("3️⃣", in: "Content/norms/GO.02.md"), p.location("4️⃣", in: "Content/norms/GO.02.md"),
                p.location("5️⃣", in: "Content/registers/verwerkers.yml"), p.location("6️⃣", in: "Content/registers/verwerkers.yml"),
            ])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(
            found.map(\.message) == [
                "'owner' is empty; fill it in (for 'owner': who is responsible), or remove the line",
                "this is still the example text normfolio wrote; replace it with the document's own text",
                "'owner' is empty; fill it in (for 'owner': who is responsible), or remove the line",
                "this is still the example text normfolio wrote; replace it with the document's own text",
                "'owner' is empty; fill it in (for 'owner': who is responsible), or remove the line",
                "this is the example entry normfolio wrote, not a real one; replace it with a real entry or remove it",
            ])
        // Under --strict each is an error, and the site says which is which.
        #expect(
            Normfolio.check(BuildOptions(portfolio: "/p", strict: true), io: p.io, today: fixedToday).diagnostics
                .filter { $0.code == "placeholder" }.allSatisfy { $0.severity == .error })
        let site = try #require(p.render(audience: .auditor).site)
        #expect(
            page(site, "documenten/a.html").contains("<li><span class=\"badge badge-attention\">voorbeeldtekst</span> het veld ‘owner’ is leeg</li>"))
        #expect(page(site, "registers/verwerkers/voorbeeld-verwerker.html").contains("is de voorbeeldvermelding van normfolio, geen echte"))
    }

    // MARK: The site shows every finding check reports

    /// In the auditor's edition, the Aandachtspunten page lists every finding `check` reports, and
    /// the home page and the report count the same number.
    @Test(arguments: [packageRoot.path, portfolioFixture.path, siteFixture])
    func theAuditorsEditionShowsEveryFindingCheckReports(_ root: String) throws {
        let options = BuildOptions(portfolio: root, audience: .auditor)
        let claims = Normfolio.check(options, today: fixedToday).diagnostics.filter { Self.findingCodes.contains($0.code) }
        #expect(claims.count > 5)
        let site = try #require(Normfolio.render(options, today: fixedToday).site)
        let attention = page(site, "aandachtspunten.html")
        let listed = attention.components(separatedBy: "<ul class=\"attention-list\">").dropFirst()
            .map { $0.prefix { _ in true }.components(separatedBy: "</ul>")[0].components(separatedBy: "<li>").count - 1 }
            .reduce(0, +)
        #expect(listed == claims.count, "\(root)")
        // Per kind, the groups hold as many as check reports of that code.
        for code in Self.findingCodes {
            let reported = claims.count { $0.code == code }
            let group = attention.components(separatedBy: "id=\"aandachtspunt-\(code)\"").dropFirst().first
            let shown = group.map { $0.components(separatedBy: "</ul>")[0].components(separatedBy: "<li>").count - 1 } ?? 0
            #expect(shown == reported, "\(root): \(code)")
        }
        for path in ["index.html", "rapport.html"] {
            #expect(page(site, path).contains("data-figure=\"attention\">\(claims.count)</span>"), "\(root): \(path)")
        }
    }

    /// Each kind of finding shows on the page of what it concerns: a badge in the tables, a box on
    /// its own page.
    @Test func eachFindingShowsOnThePageOfWhatItConcerns() throws {
        let site = try #require(Normfolio.render(BuildOptions(portfolio: siteFixture, audience: .auditor), today: fixedToday).site)
        let badge = { (label: String) in "<span class=\"badge badge-attention\">\(label)</span>" }
        // Register tables: the badge beside the entry's name.
        #expect(page(site, "registers/datalekken.html").contains("Rapport naar een verkeerde ouder gemaild</a></span> \(badge("te laat gemeld"))"))
        #expect(page(site, "registers/verwerkers.html").contains("LeerlingData BV</a></span> \(badge("certificaat verlopen"))"))
        #expect(page(site, "registers/index.html").contains(badge("herziening verlopen")))
        // The entry's own page, in a sentence.
        #expect(
            page(site, "registers/datalekken/2026-mail.html").contains(
                "\(badge("te laat gemeld")) is 7 dagen na de ontdekking gemeld aan de Autoriteit Persoonsgegevens, zonder reden"))
        // Documents: in every table that lists them, and on their page.
        #expect(page(site, "documenten/index.html").contains("Incidentprocedure</a> \(badge("herziening verlopen"))"))
        #expect(page(site, "normen/IM.01.html").contains("Incidentprocedure</a> \(badge("herziening verlopen"))"))
        #expect(
            page(site, "documenten/beleid-ib-beleid.html").contains(
                "\(badge("gewijzigd na vaststelling")) de tekst is gewijzigd na de vaststelling op 14 maart 2026"))
        // Norm pages: the level the evidence does not carry.
        #expect(
            page(site, "normen/IM.01.html").contains("\(badge("niveau op verlopen bewijs")) niveau 2 is beoordeeld, maar al het bewijs is verlopen"))
    }

    // MARK: Withheld things leave no trace

    /// A finding about what an edition withholds is in none of its files, not as a count either:
    /// the figures, the list and the export count only what the edition shows.
    @Test func aFindingAboutAWithheldThingLeavesNoTraceNotEvenACount() throws {
        let p = MemoryPortfolio([
            "normfolio.yml": "intranet: [normenkader, beoordelingen, aandachtspunten, rapport, export, registers]\n",
            "Content/open.md": evidence("Open beleid", extra: "review_by: 2026-01-01\n"),
            "Content/geheim.md": "---\ntitle: Geheim VERLOPEN-GEHEIM-81\nnorms: [SM.02]\nclassification: strikt-vertrouwelijk\n"
                + "review_by: 2026-01-01\n---\nTekst.\n",
            "Content/norms/SM.05.md": "---\nlevel: 1\nclassification: vertrouwelijk\nactions:\n  - title: Actie ACTIE-GEHEIM-82\n"
                + "    due: 2026-01-01\n---\n",
            "Content/registers/verwerkers.yml": "classification: intern\nentries:\n  - {id: open, naam: Open BV, overeenkomst: mvo-4.0}\n"
                + "  - {id: dicht, naam: Dicht LEVERANCIER-GEHEIM-83, overeenkomst: mvo-4.0, overeenkomst_tot: 2026-01-01, "
                + "classification: vertrouwelijk}\n",
        ])
        let all = p.check().diagnostics.filter { Self.findingCodes.contains($0.code) }
        #expect(all.map(\.code).sorted() == ["action-overdue", "agreement-expired", "evidence-expired", "evidence-expired"])
        let expected: [Audience: Int] = [.intranet: 1, .accountant: 3, .auditor: 4]
        for audience in Audience.allCases {
            let site = try #require(p.render(audience: audience).site)
            let bytes = site.files.compactMap { $0.bytes(io: p.io) }.reduce(into: Data()) { $0.append($1) }
            for (marker, visibleFrom) in [
                ("VERLOPEN-GEHEIM-81", Audience.auditor), ("ACTIE-GEHEIM-82", .accountant),
                ("LEVERANCIER-GEHEIM-83", .accountant),
            ] {
                let shown = Audience.allCases.firstIndex(of: audience)! >= Audience.allCases.firstIndex(of: visibleFrom)!
                #expect((bytes.range(of: Data(marker.utf8)) != nil) == shown, "\(audience): \(marker)")
            }
            let count = try #require(expected[audience])
            #expect(
                page(site, "aandachtspunten.html", io: p.io).contains(count == 1 ? "1 aandachtspunt<" : "\(count) aandachtspunten<"),
                "\(audience)")
            #expect(page(site, "rapport.html", io: p.io).contains("data-figure=\"attention\">\(count)</span>"), "\(audience)")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(page(site, "export/portfolio.json", io: p.io).utf8)) as? [String: Any])
            #expect((json["findings"] as? [Any])?.count == count, "\(audience)")
            #expect((json["summary"] as? [String: Any])?["stale_documents"] as? Int == (audience == .auditor ? 2 : 1), "\(audience)")
        }
    }

    // MARK: Honest figures

    /// Every figure with a key (`data-figure`) has one value on every page that shows it: home,
    /// coverage, maturity, progress and the report agree.
    @Test(arguments: [packageRoot.path, portfolioFixture.path, siteFixture])
    func theFiguresAgreeOnEveryPage(_ root: String) throws {
        let site = try #require(Normfolio.render(BuildOptions(portfolio: root, audience: .auditor), today: fixedToday).site)
        var values: [String: [String: Set<String>]] = [:]
        let pattern = try NSRegularExpression(pattern: #"data-figure="([^"]+)"[^>]*>([^<]*)<"#)
        for path in ["index.html", "dekking.html", "volwassenheid.html", "voortgang.html", "rapport.html"] {
            let html = page(site, path)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let key = String(html[Range(match.range(at: 1), in: html)!]), value = String(html[Range(match.range(at: 2), in: html)!])
                values[key, default: [:]][path, default: []].insert(value)
            }
        }
        for part in ["informatiebeveiliging", "privacy"] {
            // Each part's headline figures are on the home page and in the report, and each on its own page too.
            for (key, page) in [("coverage", "dekking.html"), ("average", "volwassenheid.html"), ("at-target", "volwassenheid.html")] {
                let shown = try #require(values["\(key)-\(part)"], "\(root): no \(key)-\(part)")
                #expect(
                    shown.keys.contains("index.html") && shown.keys.contains("rapport.html") && shown.keys.contains(page),
                    "\(root): \(key)-\(part) on \(shown.keys.sorted())")
            }
        }
        for (key, pages) in values {
            let distinct = pages.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            #expect(distinct.count == 1, "\(root): \(key) is \(pages)")
        }
    }

    /// The annual report never calls an action planned that was due on or before the reference date.
    @Test func theAnnualReportCallsOnlyActionsAheadPlanned() throws {
        let p = MemoryPortfolio([
            "normfolio.yml": "as_of: 2026-12-01\n",
            "Content/a.md": evidence(),
            "Content/norms/GO.02.md": "---\nlevel: 2\nactions:\n  - title: Gisteren\n    due: 2026-11-30\n  - title: Vandaag\n    due: 2026-12-01\n"
                + "  - title: Morgen\n    due: 2026-12-02\n  - title: Ooit\n---\n",
        ])
        let report = page(try #require(p.render(audience: .accountant).site), "rapport.html")
        #expect(report.contains("De belangrijkste geplande verbeteringen zijn: morgen (GO.02, gereed vóór 2 december 2026); ooit (GO.02)."))
        #expect(!report.contains("gisteren (GO.02") && !report.contains("vandaag (GO.02"))
        #expect(report.contains("1 verbeteractie is over de geplande datum."))
    }

    // MARK: The board's agenda

    @Test func theAgendaListsWhatAwaitsTheBoard() throws {
        let p = MemoryPortfolio([
            "normfolio.yml": "as_of: 2026-12-01\nboard: Raad van Bestuur\n",
            "Content/beleid.md": evidence("Nieuw beleid", extra: "type: beleid\n"),
            "Content/risico.md": evidence("Risico X", extra: "type: risicoacceptatie\nreview_by: 2027-01-15\n"),
            "Content/oud.md": evidence("Risico Y", extra: "type: risicoacceptatie\nreview_by: 2027-06-01\n"),
            "Content/norms/GO.02.md": "---\nlevel: 2\nactions:\n  - {title: Besluit nemen, owner: raad van bestuur, due: 2026-11-01}\n"
                + "  - {title: Iets anders, owner: ICT, due: 2026-11-01}\n  - {title: Al gedaan, owner: Raad van Bestuur, status: gereed}\n---\n",
            "Content/registers/verwerkers.yml":
                "entries:\n  - {id: a, naam: A BV, overeenkomst: geen}\n  - {id: b, naam: B BV, overeenkomst: mvo-4.0, overeenkomst_tot: 2026-06-01}\n",
            "Content/registers/verwerkingen.yml": "entries:\n  - {id: v, naam: Volgsysteem, doelen: [x], betrokkenen: [y], gegevens: [z], "
                + "grondslag: e, bewaartermijn: 1 jaar, verwerkers: [a], hoog_risico: ja}\n",
        ])
        let home = page(try #require(p.render(audience: .auditor).site), "index.html")
        let agenda = home.components(separatedBy: "<ul class=\"agenda-list\">")[1].components(separatedBy: "</ul>")[0]
        let items = agenda.components(separatedBy: "<li>").dropFirst().map { item in
            item.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(
            items == [
                "Vaststellen Nieuw beleid",
                "Risicoacceptatie Risico X: loopt af op 15 januari 2027",
                "Actie van het bestuur Besluit nemen (GO.02), gereed vóór 1 november 2026 te laat",
                "Verwerkersovereenkomst B BV: de verwerkersovereenkomst liep tot 1 juni 2026 te laat",
                "Verwerkersovereenkomst Volgsysteem: gebruikt de verwerker A BV, die geen verwerkersovereenkomst heeft",
                "DPIA Volgsysteem: heeft een hoog risico, maar er is geen DPIA",
            ], "\(items)")
    }

    /// Every kind of finding has its label and sentence in both languages (the keys are made from
    /// the kind, so no other test would notice one missing).
    @Test func everyKindHasItsTextsInBothLanguages() {
        for language in Language.allCases {
            let strings = language.strings
            // An approval's sentence is per kind of approval, below.
            var keys = Finding.Kind.allCases.flatMap { kind in
                ["attention_\(kind.key)"] + (kind == .approvalChanged ? [] : ["attention_\(kind.key)_text"])
            }
            keys += ["attention_placeholder_field_text", "attention_placeholder_entry_text"]
            keys += Approval.Kind.allCases.flatMap {
                ["attention_approval_changed_\($0.rawValue)", "attention_approval_changed_\($0.rawValue)_text"]
            }
            for key in keys {
                #expect(strings[key] != key && !strings[key].isEmpty, "\(language): \(key)")
            }
        }
    }

    // MARK: One place decides

    /// The link stage judges dates; the render stage asks. No file under `Render/` compares a
    /// date with the reference date, counts days, picks a year or sets what is stale or overdue.
    @Test func noDateIsJudgedOutsideTheLinkStage() throws {
        let forbidden = try NSRegularExpression(
            pattern: [
                #"asOf\s*(<|>|==|!=)"#, #"(<|>|==|!=)=?\s*[\w.]*\basOf\b"#, #"days\(until:"#, #"\.year\s*(==|!=|<|>)"#,
                #"adding\(years:"#, #"\b(isStale|isOverdue)\s*="#, #"followUp\(asOf"#,
            ].joined(separator: "|"))
        var offences: [String] = []
        for (path, text) in DiagnosticCodeTests.swiftSources(under: "Sources/NormfolioKit/Render") {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                if forbidden.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                    offences.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offences.isEmpty, "\(offences.joined(separator: "\n"))")
    }

    /// `Edition` is the one place that decides what an audience sees: no other file of the render
    /// stage (nor the preview or the commands) asks an audience what it may read.
    @Test func onlyTheEditionDecidesWhatAnAudienceSees() throws {
        let allowed: Set<String> = [
            "Sources/NormfolioKit/Render/Edition.swift", "Sources/NormfolioKit/Read/Models.swift",
            // The link stage warns where a link shows as text in some editions.
            "Sources/NormfolioKit/Link/Linker.swift",
        ]
        let decides = try NSRegularExpression(
            pattern:
                #"mayRead\(|publishesUpTo(?!\.name)|\.classification\s*(<|>|<=|>=)|(<|>|<=|>=)\s*\.(intern|vertrouwelijk|openbaar|striktVertrouwelijk)\b"#
        )
        var offences: [String] = []
        for folder in ["Sources/NormfolioKit", "Sources/NormfolioServe", "Sources/NormfolioCLI"] {
            for (path, text) in DiagnosticCodeTests.swiftSources(under: folder) where !allowed.contains(path) {
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let line = String(line)
                    if decides.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                        offences.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        #expect(offences.isEmpty, "\(offences.joined(separator: "\n"))")
    }
}
