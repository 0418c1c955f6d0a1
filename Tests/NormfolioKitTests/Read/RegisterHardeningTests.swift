import Foundation
import Testing

@testable import NormfolioKit

/// Registers under hostile and careless input: every problem is a located error or warning, and
/// nothing hangs, leaks into a wider edition or is dropped without a word.
@Suite struct RegisterHardeningTests {
    func diagnostics(_ result: BuildResult, _ code: String) -> [Diagnostic] { result.diagnostics.filter { $0.code == code } }

    func cell(_ path: String, _ row: Int, _ column: Int) -> SourceLocation { SourceLocation(path: path, line: row, column: column) }

    // MARK: YAML

    /// Aliases that repeat an anchor's values ten million times ("billion laughs") are refused
    /// before the values are made, in a register and in front matter alike.
    @Test(.timeLimit(.minutes(1))) func aliasesThatMultiplyValuesAreRefused() {
        var laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefg", "abcdef") {
            laughs += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": laughs + "entries: []\n",
            "Content/a.md": "---\ntitle: A\nnorms: [GO.02]\n" + laughs + "---\nTekst.\n",
        ])
        let message = "malformed YAML: its aliases (*name) repeat more than 1000000 values; write the values out instead [yaml-syntax]"
        #expect(
            diagnostics(p.check(), "yaml-syntax").map(\.formatted) == [
                "Content/a.md:2:1: error: " + message, "Content/registers/verwerkers.yml:1:1: error: " + message,
            ])
    }

    /// Aliases used as YAML means them still work.
    @Test func aFewAliasesAreRead() throws {
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": """
            entries:
              - {id: a, naam: A, overeenkomst: mvo-4.0, certificering: &iso [ISO 27001, NEN 7510]}
              - {id: b, naam: B, overeenkomst: mvo-4.0, certificering: *iso}

            """
        ])
        let register = try #require(p.check().portfolio?.register(.verwerkers))
        #expect(register.entries.map { $0.values["certificering"] } == Array(repeating: .list(["ISO 27001", "NEN 7510"]), count: 2))
    }

    /// An id listed twice in a list of references is one reference: one link, one warning.
    @Test func aReferenceListedTwiceCountsOnce() throws {
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": "entries:\n  - {id: v, naam: V, overeenkomst: geen}\n",
            "Content/registers/verwerkingen.yml": "entries:\n  - {id: a, naam: A, doelen: [x], betrokkenen: [x], gegevens: [x], "
                + "grondslag: c, bewaartermijn: 1 jaar, verwerkers: [v, v, w, w]}\n",
        ])
        let result = p.check()
        #expect(result.portfolio?.register(.verwerkingen)?.entries.first?.values["verwerkers"] == .references(["v", "w"]))
        #expect(diagnostics(result, "no-agreement").count == 1)
        #expect(diagnostics(result, "unknown-reference").count == 1)
    }

    /// An id names the entry's page file (`registers/<register>/<id>.html`): it is short enough for
    /// any file system, and holds only what the format allows.
    @Test func anEntryIDFitsInAFileNameAndHoldsOnlyLettersDigitsAndHyphens() throws {
        let file = "Content/registers/verwerkers.yml"
        let longest = String(repeating: "a", count: 100)
        let p = MemoryPortfolio([
            file: """
            classification: intern
            entries:
              - {id: 1️⃣\(longest)b, naam: A, overeenkomst: geen}
              - {id: 2️⃣a.b, naam: B, overeenkomst: geen}
              - {id: 3️⃣a_b, naam: C, overeenkomst: geen}
              - {id: \(longest), naam: D, overeenkomst: geen}

            """
        ])
        let result = p.check()
        let long = diagnostics(result, "value-too-long")
        #expect(long.map(\.location) == [p.location("1️⃣", in: file)])
        #expect(long.first?.message == "'id' is 101 characters long; at most 100 are allowed")
        #expect(diagnostics(result, "invalid-id").map(\.location) == [p.location("2️⃣", in: file), p.location("3️⃣", in: file)])
        #expect(diagnostics(result, "invalid-id").first?.message.contains("(such as 'a-b')") == true)
        let fine = MemoryPortfolio([file: "classification: intern\nentries:\n  - {id: \(longest), naam: D, overeenkomst: geen}\n"])
        let site = try #require(fine.render(audience: .accountant).site)
        #expect(site.files.contains { $0.path == "registers/verwerkers/\(longest).html" })
    }

    /// Text that cannot be an id or a field name gets no did-you-mean worked out against every id:
    /// no names of very different lengths are compared.
    @Test(.timeLimit(.minutes(1))) func longUnknownNamesAreReportedWithoutDelay() {
        var suppliers = "entries:\n"
        for index in 0..<300 { suppliers += "  - {id: \(String(repeating: "a", count: 90))\(index), naam: N, overeenkomst: geen}\n" }
        let references = (0..<20).map { String(repeating: "b", count: 9_990) + "\($0)" }.joined(separator: ", ")
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": suppliers,
            "Content/registers/verwerkingen.yml": "entries:\n  - {id: x, naam: X, doelen: [a], betrokkenen: [a], gegevens: [a], "
                + "grondslag: c, bewaartermijn: 1 jaar, verwerkers: [\(references)]}\n",
            "Content/registers/dpia.csv": "id;titel;\(String(repeating: "x", count: 1_000_000))\n",
        ])
        let result = p.check()
        #expect(diagnostics(result, "unknown-reference").count == 20)
        #expect(diagnostics(result, "unknown-key").map(\.location) == [cell("Content/registers/dpia.csv", 1, 3)])
    }

    /// A register whose references all miss (the ids of another register, say) is reported without
    /// delay: only the first hundred unknown references get a did-you-mean.
    @Test(.timeLimit(.minutes(1))) func thousandsOfUnknownReferencesAreReportedWithoutDelay() {
        let count = 5_000
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.csv": "id;naam;overeenkomst\n" + (0..<count).map { "v\($0);V;mvo-4.0\n" }.joined(),
            "Content/registers/verwerkingen.csv": "id;naam;doelen;betrokkenen;gegevens;grondslag;bewaartermijn;verwerkers\n"
                + (0..<count).map { "a\($0);A;x;x;x;c;1 jaar;v\($0)x\n" }.joined(),
        ])
        let unknown = diagnostics(p.check(), "unknown-reference")
        #expect(unknown.count == count)
        #expect(unknown.filter { $0.message.contains("did you mean") }.count == 100)
        #expect(unknown.first?.message == "no entry 'v0x' in the register verwerkers (did you mean 'v0'?)")
    }

    // MARK: bron

    @Test func bronNamesACSVFileBesideTheRegister() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(),
            "Content/registers/verwerkers.yml": "bron: 1️⃣verwerkers.yml\n",
            "Content/registers/dpia.yml": "bron: 2️⃣../dpia.csv\n",
            "Content/dpia.csv": "id;titel\n",
            "Content/registers/bevindingen.yml": "bron: 3️⃣weg.csv\n",
        ])
        let result = p.check()
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Content/registers/bevindingen.yml:1:7: error: 'registers/weg.csv' does not exist [missing-file]",
                "Content/registers/dpia.yml:1:7: error: 'bron' must name a CSV file beside the register in registers/, such as 'dpia.csv' [invalid-value]",
                "Content/registers/verwerkers.yml:1:7: error: 'bron' must name a CSV file beside the register in registers/, such as 'verwerkers.csv' [invalid-value]",
            ])
    }

    /// A YAML or CSV file in a folder that is nearly `registers/` would be no register, and a link
    /// would publish it as it is, withheld entries and all: it is an error.
    @Test func aRegisterFileOutsideTheFolderRegistersIsAnError() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(body: "[Lijst](Registers/verwerkers.yml)\n"),
            "Content/Registers/verwerkers.yml": "entries:\n  - {id: geheim, naam: Geheim, overeenkomst: geen}\n",
            "Content/registers/archief/dpia.csv": "id;titel\n",
            "Content/registers/archief/notitie.txt": "Geen register.\n",
        ])
        let message = "is no register: a register is a file directly in the folder registers/ (in lower case); move it there, or out of it"
        #expect(
            diagnostics(p.check(), "unknown-register").map(\.formatted) == [
                "Content/Registers/verwerkers.yml:1:1: error: 'Registers/verwerkers.yml' \(message) [unknown-register]",
                "Content/registers/archief/dpia.csv:1:1: error: 'registers/archief/dpia.csv' \(message) [unknown-register]",
            ])
    }

    /// A register file, or the CSV a register names, that is a symbolic link out of the portfolio
    /// is an error: it is never read, and never silently missing.
    @Test func aRegisterFileThatLeadsOutOfThePortfolioIsAnError() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let outside = work.appendingPathComponent("buiten.csv")
        try Data("id;naam;overeenkomst\ngeheim;GEHEIM-BUITEN-61;geen\n".utf8).write(to: outside)
        let root = work.appendingPathComponent("p")
        let registers = root.appendingPathComponent("Content/registers")
        try FileManager.default.createDirectory(at: registers, withIntermediateDirectories: true)
        try Data(evidence().utf8).write(to: root.appendingPathComponent("Content/a.md"))
        try FileManager.default.createSymbolicLink(at: registers.appendingPathComponent("verwerkers.csv"), withDestinationURL: outside)
        let result = Normfolio.check(BuildOptions(portfolio: root.path), today: fixedToday)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Content/registers/verwerkers.csv:1:1: error: 'Content/registers/verwerkers.csv' is a symbolic link to a place outside the portfolio; nothing is read or published through it [outside-portfolio]"
            ])
    }

    // MARK: CSV

    /// Quotes that Excel would not have written: the problem is reported at its cell, in words.
    @Test func quotesExcelWouldNotWriteAreLocatedAtTheirCell() {
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.csv": "id;naam;overeenkomst\na;Ac\"me;geen\n",
            "Content/registers/bevindingen.csv": "id;titel\na;Twee \"quotes\" midden\n",
            "Content/registers/dpia.csv": "id;titel\na;A\nb;\"Nooit gesloten\nc;C\n",
            "Content/registers/datalekken.csv": "id;titel;x\na;\"Gesloten\" en verder;x\n",
        ])
        let prefix = "error: the CSV file cannot be read: "
        #expect(
            diagnostics(p.check(), "csv-syntax").map(\.formatted) == [
                "Content/registers/bevindingen.csv:2:2: " + prefix + "a quote inside a cell that does not start with one "
                    + "(Excel writes such a cell in quotes, each quote in it doubled) [csv-syntax]",
                "Content/registers/datalekken.csv:2:2: " + prefix + "text after the closing quote of a quoted cell [csv-syntax]",
                "Content/registers/dpia.csv:3:2: " + prefix + "a quoted cell is not closed [csv-syntax]",
                "Content/registers/verwerkers.csv:2:2: " + prefix + "a quote inside a cell that does not start with one "
                    + "(Excel writes such a cell in quotes, each quote in it doubled) [csv-syntax]",
            ])
    }

    /// The header names the fields once for all rows: a problem with a name is reported once, at
    /// its cell in row 1. A byte-order mark inside it (two files pasted together) is no part of it.
    @Test func theHeaderRowIsCheckedOnceNotOnEveryRow() {
        let file = "Content/registers/verwerkers.csv"
        let p = MemoryPortfolio([file: "id;\u{FEFF}naam;overeenkomst;product;Overeenkomst\na;A;geen;x;geen\nb;B;geen;y;geen\nc;C;geen;z;geen\n"])
        #expect(
            p.check().diagnostics.map(\.formatted) == [
                "\(file):1:4: warning: unknown field 'product' (did you mean 'producten'?); it is ignored [unknown-key]",
                "\(file):1:5: error: field 'overeenkomst' is given more than once [duplicate-key]",
            ])
    }

    /// A value in a column without a name in row 1 (or past the last named column) would be lost:
    /// it is reported at the first cell of that column that holds one.
    @Test func aValueInAColumnWithoutANameIsReportedNotDropped() {
        let file = "Content/registers/verwerkers.csv"
        let p = MemoryPortfolio([file: "id;naam;;overeenkomst\na;A;;geen\nb;B;vergeten;geen;extra\nc;C;ook;geen;meer\n"])
        let message = "a value in a column without a name in row 1; it is ignored"
        #expect(
            p.check().diagnostics.map(\.formatted) == [
                "\(file):3:3: warning: \(message) [unknown-key]", "\(file):3:5: warning: \(message) [unknown-key]",
            ])
    }

    /// A CSV file's first row names the fields; a file without one is no register.
    @Test func aCSVFileWithoutAHeaderRowIsAnError() {
        for text in ["", "\u{FEFF}", "\n", ";;\nid;naam;overeenkomst\na;A;geen\n"] {
            let result = MemoryPortfolio(["Content/registers/verwerkers.csv": text]).check()
            #expect(
                result.diagnostics.map(\.formatted) == [
                    "Content/registers/verwerkers.csv:1:1: error: the CSV file cannot be read: its first row names no fields "
                        + "(it holds the field names, such as id;naam) [csv-syntax]"
                ], "\(text.debugDescription)")
        }
    }

    /// Bytes that are no UTF-8 text are reported once (the register and the privacy guard both
    /// read the file), and a file Excel saved as "Unicode text" (UTF-16) says how to save it.
    @Test func aCSVThatIsNotUTF8TextIsReportedOnceWithHowToSaveIt() {
        let path = "Content/registers/verwerkers.csv"
        let utf16 = Data([0xFF, 0xFE]) + "id\tnaam\r\n".data(using: .utf16LittleEndian)!
        let cases: [(Data, String)] = [
            (
                utf16,
                "\(path):1:1: error: file is UTF-16 text (Excel's \"Unicode text\"), not UTF-8; save it as UTF-8 "
                    + "(in Excel: CSV UTF-8) [invalid-utf8]"
            ),
            (Data("id;naam\na;A\0\n".utf8), "\(path):1:1: error: file looks binary, not text; rename it or convert it to text [binary-file]"),
            (Data("id;naam\na;".utf8) + Data([0xFF, 0x0A]), "\(path):2:3: error: file is not valid UTF-8 text; save it as UTF-8 [invalid-utf8]"),
        ]
        for (bytes, expected) in cases {
            let io = FileIO.memory(["/p/Content/a.md": Data(evidence().utf8), "/p/" + path: bytes])
            let result = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fixedToday)
            #expect(result.diagnostics.map(\.formatted) == [expected])
        }
    }

    @Test(.timeLimit(.minutes(1))) func aHundredThousandColumnsAreReadOnce() {
        let names = (0..<100_000).map { "kolom\($0)" }
        let file = "Content/registers/verwerkers.csv"
        let row = ["a", "A", "geen"] + Array(repeating: "x", count: names.count)
        let text =
            (["id;naam;overeenkomst;" + names.joined(separator: ";")] + [
                row.joined(separator: ";"),
                row.joined(separator: ";")
                    .replacingOccurrences(of: "a;A", with: "b;B"),
            ]).joined(separator: "\n")
        let result = MemoryPortfolio([file: text]).check()
        #expect(diagnostics(result, "unknown-key").count == names.count)
        #expect(result.portfolio?.register(.verwerkers)?.entries.map(\.id) == ["a", "b"])
    }

    // MARK: Links and what is published

    @Test func aLinkToAnEntryThatDoesNotExistIsAnErrorAtTheLink() {
        let file = "Content/a.md"
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": "entries:\n  - {id: leerlingdata, naam: L, overeenkomst: mvo-4.0}\n",
            file: evidence(
                body: "Zie 1️⃣[L](registers/verwerkers.yml#leerlingdta), [L](registers/verwerkers.yml#leerlingdata) "
                    + "en [R](registers/verwerkers.yml).\n"),
        ])
        let unknown = diagnostics(p.check(), "unknown-reference")
        #expect(unknown.map(\.location) == [p.location("1️⃣", in: file)])
        #expect(unknown.first?.message == "no entry 'leerlingdta' in the register verwerkers (did you mean 'leerlingdata'?)")
    }

    /// A link to the CSV file that a register names as `bron` leads to that register's pages, as a
    /// link to its YAML file does.
    @Test func aLinkToTheCSVThatARegisterNamesLeadsToItsPages() throws {
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": "classification: intern\nbron: lijst.csv\n",
            "Content/registers/lijst.csv": "id;naam;overeenkomst\na;A;mvo-4.0\n",
            "Content/l.md": evidence(body: "[Lijst](registers/lijst.csv) en [A](registers/lijst.csv#a).\n"),
        ])
        let result = p.render(audience: .accountant)
        let site = try #require(result.site, "\(result.diagnostics.map(\.formatted))")
        let text = page(site, "documenten/l.html", io: p.io)
        #expect(text.contains("href=\"../registers/verwerkers.html\"") && text.contains("href=\"../registers/verwerkers/a.html\""))
    }

    /// A register's file is never an attachment: naming it under `attachments`, or showing it as
    /// an image, says so.
    @Test func aRegisterFileIsNoAttachment() {
        let file = "Content/a.md"
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": "entries: []\n",
            file: evidence(extra: "attachments: [1️⃣registers/verwerkers.yml]\n", body: "Zie 2️⃣![lijst](registers/verwerkers.yml).\n"),
        ])
        let message = "'registers/verwerkers.yml' is a register, whose file is never published; link to it in the text to link to its page"
        let found = diagnostics(p.check(), "missing-attachment")
        #expect(found.map(\.location) == [p.location("1️⃣", in: file), p.location("2️⃣", in: file)])
        #expect(found.map(\.message) == [message, message])
    }

    /// The entries an edition withholds leave no trace in any file of it, their ids included:
    /// not in the pages, the register exports or portfolio.json, where the entries it publishes
    /// refer to them.
    @Test func aWithheldEntryLeavesNoIDInAnyFileOfTheSite() throws {
        let p = MemoryPortfolio([
            // The intranet shows the registers and exports only when asked to.
            "normfolio.yml": "intranet: [registers, export]\n",
            "Content/registers/verwerkers.yml": """
            classification: intern
            entries:
              - {id: open-bv, naam: Open BV, overeenkomst: mvo-4.0}
              - {id: geheim-bv, naam: Leverancier Geheim, overeenkomst: mvo-4.0, classification: strikt-vertrouwelijk}

            """,
            "Content/registers/verwerkingen.yml": """
            classification: intern
            entries:
              - {id: lln, naam: Leerlingen, doelen: [a], betrokkenen: [b], gegevens: [c], grondslag: c, bewaartermijn: 1 jaar,
                 verwerkers: [open-bv, geheim-bv], dpia: dpia-verborgen}

            """,
            "Content/registers/dpia.yml": "entries:\n  - {id: dpia-verborgen, titel: DPIA Verborgen, verwerking: lln, datum: 2026-01-01, "
                + "uitkomst: uitvoeren}\n",
            "Content/a.md": evidence(body: "Zie [de leverancier](registers/verwerkers.yml#geheim-bv).\n"),
        ])
        let result = p.render(audience: .intranet)
        let site = try #require(result.site, "\(result.diagnostics.map(\.formatted))")
        for file in site.files {
            let text = String(decoding: file.bytes(io: p.io) ?? Data(), as: UTF8.self).lowercased()
            for secret in ["geheim-bv", "leverancier geheim", "dpia-verborgen", "dpia verborgen"] {
                #expect(!text.contains(secret), "\(file.path) holds '\(secret)'")
            }
        }
        // The entry's page shows no field for a DPIA it cannot show.
        #expect(!page(site, "registers/verwerkingen/lln.html", io: p.io).contains("<dt>DPIA</dt>"))
        #expect(
            page(site, "export/verwerkingen.csv", io: p.io).contains(
                "\r\nlln;Leerlingen;a;b;c;;c. wettelijke verplichting;1 jaar;;open-bv;;;;;;;intern;;\r\n"))
        let json = try JSONSerialization.jsonObject(with: Data(page(site, "export/portfolio.json", io: p.io).utf8)) as? [String: Any]
        let registers = try #require(json?["registers"] as? [[String: Any]])
        let entries = registers.first { $0["register"] as? String == "verwerkingen" }?["entries"] as? [[String: Any]]
        let entry = try #require(entries?.first)
        #expect(entry["verwerkers"] as? [String] == ["open-bv"])
        #expect(entry["dpia"] is NSNull)
    }
}
