import Foundation
import Testing

@testable import NormfolioKit

/// Parses CSV as Excel does: `;` between cells, double quotes around cells that need them.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
    var characters = text.makeIterator()
    while let c = characters.next() {
        if quoted {
            if c == "\"" {
                if let next = characters.next() {
                    if next == "\"" {
                        cell.append("\"")
                    } else {
                        quoted = false
                        if next == ";" {
                            row.append(cell); cell = ""
                        } else if next == "\r\n" || next == "\n" {
                            row.append(cell); rows.append(row); row = []; cell = ""
                        } else {
                            cell.append(next)
                        }
                    }
                } else {
                    quoted = false
                }
            } else {
                cell.append(c)
            }
        } else if c == "\"" && cell.isEmpty {
            quoted = true
        } else if c == ";" {
            row.append(cell); cell = ""
        } else if c == "\r\n" || c == "\n" {
            row.append(cell); rows.append(row); row = []; cell = ""
        } else {
            cell.append(c)
        }
    }
    if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
    return rows
}

/// The coverage, maturity, improvement-plan and report pages and the exports, on the portfolio
/// fixture (a copy of the sample), whose figures were counted independently from its front matter.
@Suite struct ReportTests {
    static let whole: BuildResult = Normfolio.render(BuildOptions(portfolio: portfolioFixture.path), today: fixedToday)

    var site: Site { Self.whole.site! }

    func json() throws -> [String: Any] {
        let data = try #require(site.files.first { $0.path == "export/portfolio.json" }?.bytes())
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func figuresMatchTheHandCount() throws {
        let summary = try #require(try json()["summary"] as? [String: Any])
        let expected: [String: Int] = [
            "norms": 79, "covered": 46, "stale": 6, "missing": 24, "not_applicable": 3, "applicable": 76, "assessed": 27,
            // Stale: 4 of the 20 published documents (the fifth expired one is vertrouwelijk).
            "not_assessed": 49, "at_target": 17, "lowest_level": 1, "stale_documents": 4, "overdue_actions": 6,
            "documents": 31, "published_documents": 20,
        ]
        for (key, value) in expected { #expect(summary[key] as? Int == value, "\(key)") }
        #expect(summary["average_level"] as? Double == 2.7)  // 72 / 27
        #expect(summary["covered_percentage"] as? Double == 60.5)  // 46 / 76
        #expect(summary["level_distribution"] as? [Int] == [1, 8, 17, 1, 0])
    }

    @Test func pagesReportAndExportsAgree() throws {
        let coverage = page(site, "dekking.html"), maturity = page(site, "volwassenheid.html"), report = page(site, "rapport.html")
        // Information security: 69 norms, 36 covered, 6 expired, 24 missing, 3 n/a, 55% (36 / 66).
        let coverageTotal =
            "<td class=\"num\">69</td><td class=\"num\">36</td><td class=\"num\">6</td><td class=\"num\">24</td><td class=\"num\">3</td><td class=\"num\" data-figure=\"coverage-informatiebeveiliging\">55%</td>"
        #expect(coverage.contains(coverageTotal))
        #expect(report.contains(coverageTotal))
        // 24 of 66 assessed, average 2,6, lowest 1, 14 at target, 42 not assessed.
        let maturityTotal =
            "<td class=\"num\">24 van 66</td><td class=\"num\" data-figure=\"average-informatiebeveiliging\">2,6</td>"
            + "<td class=\"num\">1</td><td class=\"num\" data-figure=\"at-target-informatiebeveiliging\">14</td><td class=\"num\">42</td>"
        #expect(maturity.contains(maturityTotal))
        #expect(report.contains(maturityTotal))
        #expect(report.contains("Van de 27 beoordeelde normen staan er 18 op niveau 3 of hoger."))
        #expect(report.contains("Voor 46 van de 76 van toepassing zijnde normen is actueel bewijs aanwezig; 4 documenten zijn aan herziening toe."))
        #expect(report.contains("6 verbeteracties zijn over de geplande datum."))
        // Each part's figures say what they are over, and privacy that the catalogue holds 10 of its 25 norms.
        let home = page(site, "index.html")
        #expect(
            home.contains(
                "<span class=\"figure-value\" data-figure=\"coverage-informatiebeveiliging\">55%</span> "
                    + "<span class=\"figure-label\">gedekt door actueel bewijs: 36 van de 66 normen die van toepassing zijn</span>"))
        #expect(
            home.contains(
                "<span class=\"figure-value\" data-figure=\"average-informatiebeveiliging\">2,6</span> "
                    + "<span class=\"figure-label\">gemiddeld niveau, over de 24 van 66 normen die zijn beoordeeld</span>"))
        #expect(home.contains("De catalogus bevat 10 van de 25 privacynormen van het normenkader; deze cijfers gaan alleen over die 10."))
        #expect(report.contains("De catalogus bevat 10 van de 25 privacynormen van het normenkader; deze cijfers gaan alleen over die 10."))

        let rows = parseCSV(String(decoding: try #require(site.files.first { $0.path == "export/normen.csv" }?.bytes()), as: UTF8.self))
        let norms = try #require(try json()["norms"] as? [[String: Any]])
        #expect(rows.count == 80)
        #expect(rows.dropFirst().map { $0[0] } == norms.map { $0["id"] as? String })
        let labels = ["covered": "gedekt", "stale": "verlopen", "missing": "ontbreekt", "not_applicable": "n.v.t."]
        for (row, norm) in zip(rows.dropFirst(), norms) {
            #expect(row[4] == labels[norm["status"] as? String ?? ""], "\(row[0])")
            #expect(row[5] == ((norm["level"] as? Int).map(String.init) ?? ""), "\(row[0])")
        }
    }

    @Test func csvOpensInDutchExcel() throws {
        let data = try #require(site.files.first { $0.path == "export/normen.csv" }?.bytes())
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(
            text.hasPrefix(
                "ID;Titel;Domein;Deel;Dekking;Niveau;Doel;Achterstand;Eigenaar;Volgende beoordeling;Documenten;Gepubliceerde documenten;"
                    + "Datum van het bewijs;Bewijs herzien vóór;Open acties\r\n"))
        // The published evidence with its date and review date, in the same order as its title.
        #expect(
            text.contains(
                "\r\nSM.02;Authenticatiemechanismes;11 Securitymanagement;Informatiebeveiliging;gedekt;3;3;0;ICT-coördinator;2026-12-15;2;"
                    + "Invoering meerfactorauthenticatie;2026-05-20;2027-05-20;MFA uitrollen op de laatste vier scholen\r\n"))
        // Withheld titles are not in the intranet export; the count of documents is.
        #expect(!text.contains("Penetratietest"))
        #expect(text.contains("\r\nSM.05;\"Testen, inspectie en toezicht beveiliging\";"))
    }

    @Test func csvCellsAreQuotedAndGuardedAgainstFormulas() {
        #expect(Exports.csvCell("gewoon") == "gewoon")
        #expect(Exports.csvCell("a;b") == "\"a;b\"")
        #expect(Exports.csvCell("zeg \"ja\"") == "\"zeg \"\"ja\"\"\"")
        #expect(Exports.csvCell("regel\nregel") == "\"regel\nregel\"")
        #expect(Exports.csvCell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        for start in ["+", "-", "@"] { #expect(Exports.csvCell(start + "1") == "'" + start + "1") }
        #expect(parseCSV("a;\"b;c\";\"d \"\"e\"\"\"\r\n") == [["a", "b;c", "d \"e\""]])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let model = try json()
        #expect(model["schema_version"] as? Int == 2)
        #expect(model["as_of"] as? String == "2026-12-01")
        #expect(model["audience"] as? String == "intranet")
        let norms = try #require(model["norms"] as? [[String: Any]])
        let notAssessed = try #require(norms.first { $0["id"] as? String == "CH.02" })
        #expect(notAssessed["level"] is NSNull)
        #expect(notAssessed["status"] as? String == "missing")
        let sm05 = try #require(norms.first { $0["id"] as? String == "SM.05" })
        #expect(sm05["documents"] as? [String] == [])
        #expect(sm05["withheld_count"] as? Int == 1)
        let documents = try #require(model["documents"] as? [[String: Any]])
        #expect(documents.count == 20)
        #expect(Set(documents.compactMap { $0["classification"] as? String }) == ["openbaar", "intern"])
        for key in ["id", "title", "norms", "classification", "date", "review_by"] { #expect(documents[0][key] != nil, "\(key)") }
    }

    @Test func planGroupsActionsAndMarksOverdueInWords() {
        let plan = page(site, "verbeterplan.html")
        let open = plan.range(of: "<h2 id=\"acties-open\">")!.lowerBound
        let doing = plan.range(of: "<h2 id=\"acties-bezig\">")!.lowerBound
        let done = plan.range(of: "<h2 id=\"acties-gereed\">")!.lowerBound
        #expect(open < doing && doing < done)
        #expect(plan.components(separatedBy: "badge-overdue\">te laat</span>").count - 1 == 6)
        // Sorted by due date within a group.
        let first = plan.range(of: "Risicoacceptaties opnieuw beoordelen")!.lowerBound
        let later = plan.range(of: "Hersteltest cloudomgeving")!.lowerBound
        #expect(first < later)
    }

    @Test func chartsHaveTextAlternatives() {
        for path in ["dekking.html", "volwassenheid.html", "rapport.html"] {
            let html = page(site, path)
            let charts = html.components(separatedBy: "<svg class=\"chart\"").count - 1
            #expect(charts >= 2, "\(path)")
            #expect(html.components(separatedBy: "role=\"img\" aria-labelledby=").count - 1 == charts, "\(path)")
            #expect(html.components(separatedBy: "<desc id=").count - 1 == charts, "\(path)")
        }
    }
}

/// Both interface languages are complete, and the portfolio fixture renders in English too.
@Suite struct LanguageTests {
    @Test func everyTextATemplateUsesExists() throws {
        for (name, data) in Theme.builtInFiles(under: "Templates") {
            let source = String(decoding: data, as: UTF8.self)
            for tag in source.components(separatedBy: "{{t.").dropFirst() {
                let key = String(tag.prefix { $0 != "}" })
                for language in Language.allCases {
                    #expect(language.strings.texts[key] != nil, "\(name) uses t.\(key), which the \(language) table lacks")
                }
            }
        }
    }

    /// Every key the code asks for by name is in both tables, as the kind of text it asks for.
    @Test func everyTextTheCodeUsesExists() throws {
        let sources = packageRoot.appendingPathComponent("Sources/NormfolioKit")
        var asked: [(key: String, plural: Bool, file: String)] = []
        for file in FileIO.live.listFiles(sources.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (marker, plural) in [
                ("text(\"", false), ("strings[\"", false), ("strings.format(\"", false),
                ("strings.plural(\"", true), ("strings.forms(\"", true),
            ] {
                for piece in text.components(separatedBy: marker).dropFirst() {
                    let key = String(piece.prefix { $0 != "\"" })
                    // A prefix the code completes (status_, coverage_, csv_) is checked below;
                    // `.text("…")` of a template value is no key.
                    let isKey = !key.isEmpty && key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }
                    if isKey && !key.hasSuffix("_") { asked.append((key, plural, file)) }
                }
            }
        }
        #expect(asked.count > 40)
        for language in Language.allCases {
            let strings = language.strings
            for (key, plural, file) in asked {
                #expect(
                    plural ? strings.plurals[key] != nil : strings.texts[key] != nil,
                    "\(file) asks for '\(key)', which the \(language) table lacks")
            }
            for status in Action.Status.allCases { #expect(strings.texts["status_" + status.rawValue] != nil) }
            for coverage in Coverage.allCases {
                #expect(strings.texts["coverage_" + coverage.rawValue] != nil)
            }
        }
    }

    @Test func theBuiltInTablesReadWithoutProblems() {
        for language in Language.allCases {
            var diagnostics: [Diagnostic] = []
            let text = Theme.builtInText("Strings/\(language.rawValue).yml") ?? ""
            _ = Strings().merging(text, path: language.rawValue, known: nil, diagnostics: &diagnostics)
            #expect(!text.isEmpty)
            #expect(diagnostics.map(\.formatted) == [])
        }
    }

    @Test func dutchAndEnglishHaveTheSameTexts() {
        let (dutch, english) = (Language.nl.strings, Language.en.strings)
        #expect(dutch.texts.count > 150)
        #expect(Set(dutch.texts.keys) == Set(english.texts.keys))
        #expect(Set(dutch.plurals.keys) == Set(english.plurals.keys))
        #expect(dutch.texts.values.allSatisfy { !$0.isEmpty } && english.texts.values.allSatisfy { !$0.isEmpty })
        #expect(dutch.plural("annual_stale", 1) == "1 document is aan herziening toe.")
        #expect(dutch.plural("annual_stale", 3) == "3 documenten zijn aan herziening toe.")
        #expect(english.plural("annual_stale", 0) == "0 documents are due for review.")
        #expect(dutch.format(Day("2026-03-14")!) == "14 maart 2026")
        #expect(english.format(Day("2026-03-14")!) == "14 March 2026")
        #expect(dutch.decimal(2.66) == "2,7" && english.decimal(2.66) == "2.7" && dutch.decimal(nil) == "–")
    }

    /// A portfolio changes the interface texts with its own Strings/<language>.yml.
    @Test func aPortfolioCanChangeInterfaceTexts() throws {
        let portfolio = MemoryPortfolio([
            "Content/a.md": evidence(),
            "Strings/nl.yml": "coverage: Afdekking\nsearch_results: {one: \"één treffer\", other: \"{n} treffers\"}\n1️⃣covrage: x\n2️⃣none: [a, b]\n",
        ])
        let result = portfolio.render(audience: .intranet)
        let at = { (marker: String) -> String in
            let location = portfolio.location(marker, in: "Strings/nl.yml")
            return "\(location.path):\(location.line):\(location.column)"
        }
        #expect(
            result.diagnostics.map(\.formatted) == [
                "\(at("1️⃣")): warning: unknown interface text 'covrage' (did you mean 'coverage'?); it is ignored [unknown-key]",
                "\(at("2️⃣")): error: interface text 'none' must be a text, or a text per number as {one: …, other: …} [invalid-value]",
            ])
        let fixed = MemoryPortfolio([
            "Content/a.md": evidence(),
            "Strings/nl.yml": "coverage: Afdekking\nsearch_results: {one: \"één treffer\", other: \"{n} treffers\"}\n",
        ])
        let site = try #require(fixed.render(audience: .accountant).site)
        #expect(page(site, "index.html").contains(">Afdekking</a>"))
        #expect(page(site, "zoeken.html").contains("{n} treffers"))
        #expect(!page(site, "index.html").contains(">Dekking</a>"))
    }

    @Test func aWholePortfolioRendersInEnglish() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let portfolio = root.appendingPathComponent("p")
        try FileManager.default.copyItem(at: portfolioFixture.appendingPathComponent("Content"), to: portfolio.appendingPathComponent("Content"))
        try Data("organisation: Example Schools\nlanguage: en\nas_of: 2026-12-01\n".utf8)
            .write(to: portfolio.appendingPathComponent("normfolio.yml"))
        let site = try #require(Normfolio.render(BuildOptions(portfolio: portfolio.path, audience: .accountant), today: fixedToday).site)
        let report = page(site, "rapport.html")
        #expect(report.contains("<html lang=\"en\">"))
        #expect(report.contains("Example Schools manages information security and privacy according to the Normenkader IBP."))
        #expect(report.contains("18 of the 27 assessed norms are at level 3 or higher."))
        #expect(page(site, "dekking.html").contains("<th scope=\"col\" class=\"num\">% covered</th>"))
        let csv = String(decoding: try #require(site.files.first { $0.path == "export/normen.csv" }?.bytes()), as: UTF8.self)
        #expect(
            csv.contains(
                "ID;Title;Domain;Part;Coverage;Level;Target;Gap;Owner;Next review;Documents;Published documents;Evidence dates;Evidence review by;Open actions"
            ))
    }
}
