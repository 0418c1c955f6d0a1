import Foundation
import TestSupport
import Testing

@testable import NormfolioKit

/// The accountant's and the board's papers, end to end through the binary: the PDFs of
/// `build --pdf` read back with poppler's `pdftotext` and `pdfinfo`, the workbook with openpyxl,
/// and the zip checked with `verify`.
@Suite(.serialized) struct PaperTests {
    /// WeasyPrint typesets the PDFs; poppler's pdftotext and pdfinfo read them back.
    static let typesetting = ConditionTrait.needs(
        "WeasyPrint and poppler-utils (sudo apt-get install weasyprint poppler-utils)",
        probe: ["sh", "-c", "command -v weasyprint && command -v pdftotext && command -v pdfinfo"])

    let commands = CommandTests()
    static let portfolio = CommandTests.fixtures.appendingPathComponent("portfolio")

    /// The output of a program run with `arguments`.
    func tool(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A site of the portfolio fixture (or another) built with --pdf, in a fresh folder.
    func build(_ audience: String, in work: URL, name: String = "site", portfolio: URL = PaperTests.portfolio) throws -> URL {
        let site = work.appendingPathComponent(name)
        let result = try commands.run(["build", portfolio.path, "--audience", audience, "--pdf", "-o", site.path])
        #expect(result.status == 0, "\(result.stderr)")
        return site
    }

    @Test(Self.typesetting)
    func theReportHasACoverContentsRunningHeadersAndEveryReviewDate() throws {
        let work = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let site = try build("auditor", in: work)
        let pdf = site.appendingPathComponent("export/rapport.pdf").path
        let pages = try tool(["pdftotext", "-layout", pdf, "-"]).components(separatedBy: "\u{0C}").filter { !$0.isEmpty }
        #expect(pages.count > 10)
        // The cover: organisation, title, edition, reference date, and the sources' fingerprint verify prints.
        let verified = try commands.run(["verify", site.path]).stdout
        let fingerprint = try #require(verified.split(separator: "\n").first { $0.hasPrefix("Sources fingerprint") }?.split(separator: " ").last)
        for expected in ["Stichting Voorbeeldscholen", "Rapport informatiebeveiliging en privacy", "auditor", "1 december 2026", String(fingerprint)]
        {
            #expect(pages[0].contains(expected), "the cover lacks \(expected)")
        }
        // The contents list every section with the page it starts on (this portfolio keeps no snapshots or registers).
        let sections = [
            "Te besluiten", "Samenvatting", "Tekst voor het jaarverslag", "Volwassenheid", "Dekking",
            "Normen onder het doel", "Verbeterplan", "Aandachtspunten", "Overzicht van het bewijs",
        ]
        for section in sections {
            let line = try #require(
                pages[1].split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(section + " ") },
                "no \(section) in the contents")
            let page = try #require(Int(line.split(separator: " ").last ?? ""), "\(line)")
            #expect(pages[page - 1].contains(section), "\(section) is not on page \(page)")
        }
        // Every page after the cover has the running header and "pagina X van Y".
        for (index, page) in pages.enumerated().dropFirst() {
            #expect(
                page.contains("Stichting Voorbeeldscholen · Rapport informatiebeveiliging en privacy · uitgave voor auditor"), "page \(index + 1)")
            #expect(page.contains("pagina \(index + 1) van \(pages.count)"), "page \(index + 1)")
        }
        // The evidence overview runs over pages, its header row repeated on each; every review date is in it.
        let header = pages.filter {
            $0.range(of: #"Titel\s+Normen\s+Datum\s+Eigenaar\s+Vastgesteld\s+Herzien vóór"#, options: .regularExpression) != nil
        }
        #expect(header.count >= 2, "the evidence table's header is on \(header.count) pages")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("export/portfolio.json")))
                as? [String: Any])
        let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        let text = pages.joined().replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        for document in try #require(json["documents"] as? [[String: Any]]) {
            guard let review = document["review_by"] as? String else { continue }
            let parts = review.split(separator: "-").compactMap { Int($0) }
            #expect(text.contains("\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"), "review date \(review) of \(document["title"] ?? "")")
        }
        // Archivable, with its language, title and author.
        let meta = try tool(["pdfinfo", "-meta", pdf])
        #expect(meta.contains("pdfaid:part=\"3\"") && meta.contains("pdfaid:conformance=\"B\""))
        let info = try tool(["pdfinfo", pdf])
        #expect(
            info.contains("Title:           Rapport informatiebeveiliging en privacy") && info.contains("Author:          Stichting Voorbeeldscholen")
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).range(of: Data("/Lang (nl)".utf8)) != nil)
        // Listed in the manifest and the checksums, and linked from the home page and the report.
        #expect(try String(contentsOf: site.appendingPathComponent("export/SHA256SUMS"), encoding: .utf8).contains("  export/rapport.pdf\n"))
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8).contains("href=\"export/handboek.pdf\""))
        #expect(try String(contentsOf: site.appendingPathComponent("rapport.html"), encoding: .utf8).contains("href=\"export/rapport.pdf\""))
    }

    @Test(Self.typesetting)
    func theIntranetHandbookHoldsNothingWithheld() throws {
        let work = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let auditor = try build("auditor", in: work, name: "auditor")
        let intranet = try build("intranet", in: work, name: "intranet")
        let handbook = try tool(["pdftotext", intranet.appendingPathComponent("export/handboek.pdf").path, "-"])
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        let raw = try Data(contentsOf: intranet.appendingPathComponent("export/handboek.pdf"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: auditor.appendingPathComponent("export/portfolio.json")))
                as? [String: Any])
        var withheld = 0
        for document in try #require(json["documents"] as? [[String: Any]]) {
            let title = try #require(document["title"] as? String), slug = try #require(document["id"] as? String)
            let published = ["openbaar", "intern"].contains(document["classification"] as? String ?? "")
            #expect(handbook.contains(title) == published, "\(title)")
            if !published {
                withheld += 1
                // Not in a bookmark, the metadata or a name either.
                #expect(raw.range(of: Data(slug.utf8)) == nil, "\(slug)")
            }
        }
        #expect(withheld == 11)
        #expect(raw.range(of: Data("/Outlines".utf8)) != nil)
    }

    @Test(Self.typesetting)
    func twoBuildsGiveTheSamePapersAndWorkbook() throws {
        let work = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        // The small fixture: its papers have a chart, a table over pages, an image and a withheld document.
        let first = try build("accountant", in: work, name: "a", portfolio: CommandTests.siteFixture)
        let second = try build("accountant", in: work, name: "b", portfolio: CommandTests.siteFixture)
        for file in ["export/rapport.pdf", "export/handboek.pdf", "export/portfolio.xlsx"] {
            let a = try Data(contentsOf: first.appendingPathComponent(file)), b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b && a.count > 1000, "\(file)")
        }
    }

    @Test func withoutWeasyPrintPDFFailsAndWritesNothing() throws {
        let work = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let site = work.appendingPathComponent("site")
        let result = try commands.run(["build", Self.portfolio.path, "--pdf", "-o", site.path], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("build --pdf needs WeasyPrint, which is not installed: install it with 'sudo apt-get install weasyprint'"))
        #expect(!FileManager.default.fileExists(atPath: site.path))
        // Without --pdf the same build works.
        #expect(try commands.run(["build", Self.portfolio.path, "-o", site.path], environment: ["PATH": "/nonexistent"]).status == 0)
    }

    /// The live preview lists the papers without making them, and makes one when it is opened.
    @Test(Self.typesetting)
    func thePreviewMakesAPaperWhenItIsOpened() throws {
        var cache = PreviewCache()
        var options = BuildOptions(portfolio: CommandTests.siteFixture.path, audience: .auditor)
        options.pdf = .archival
        let site = try #require(Normfolio.preview(options, cache: &cache).site)
        let home = String(decoding: try #require(site.file(at: "index.html")), as: UTF8.self)
        #expect(
            home.contains(
                "<a href=\"export/rapport.pdf\">Het rapport (PDF)</a></td><td class=\"num\">wordt gemaakt als u hem opent; dat duurt enkele seconden</td>"
            ))
        let pdf = try #require(site.file(at: "export/rapport.pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
    }

    /// When WeasyPrint fails, the build says so where normfolio.yml is (the papers have no file of
    /// their own), with WeasyPrint's words, and writes nothing.
    @Test func aPDFWeasyPrintCannotMakeStopsTheBuild() throws {
        let work = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let tools = work.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        let fake = tools.appendingPathComponent("weasyprint")
        try Data("#!/bin/sh\necho 'kapot lettertype' >&2\nexit 1\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let site = work.appendingPathComponent("site")
        let result = try commands.run(["build", Self.portfolio.path, "--pdf", "-o", site.path], environment: ["PATH": tools.path + ":/usr/bin:/bin"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "normfolio.yml:1:1: error: the PDF could not be made, so nothing was written: WeasyPrint could not make "
                    + "export/handboek.pdf: kapot lettertype [pdf-failed]"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    /// The workbook, read back by openpyxl: a sheet per table, headers, as many rows as the
    /// registers have entries, dates as dates, the header row frozen.
    @Test(.needs("python3 with openpyxl (pip install openpyxl)", probe: ["python3", "-c", "import openpyxl"]))
    func theWorkbookReadsLikeTheRegisters() throws {
        let work = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let site = work.appendingPathComponent("site")
        // The site fixture keeps all five registers.
        #expect(try commands.run(["build", CommandTests.siteFixture.path, "--audience", "auditor", "-o", site.path]).status == 0)
        let script = """
            import json, sys, datetime, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            out = {}
            for sheet in book.worksheets:
                rows = list(sheet.iter_rows(values_only=True))
                out[sheet.title] = {"header": list(rows[0]), "rows": len(rows) - 1, "frozen": sheet.freeze_panes,
                                    "dates": sum(isinstance(c, datetime.datetime) for r in rows[1:] for c in r)}
            print(json.dumps(out))
            """
        let output = try tool(["python3", "-c", script, site.appendingPathComponent("export/portfolio.xlsx").path])
        let sheets = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]], "\(output)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("export/portfolio.json")))
                as? [String: Any])
        let registers = try #require(json["registers"] as? [[String: Any]])
        let names = [
            "verwerkingen": "Verwerkingen", "verwerkers": "Verwerkers", "dpia": "DPIA's", "datalekken": "Datalekken",
            "bevindingen": "Bevindingen",
        ]
        #expect(
            Set(sheets.keys) == Set(["Normen", "Documenten", "Aandachtspunten"] + registers.compactMap { names[$0["register"] as? String ?? ""] }))
        for register in registers {
            let sheet = try #require(sheets[names[register["register"] as? String ?? ""] ?? ""])
            #expect(sheet["rows"] as? Int == (register["entries"] as? [Any])?.count)
            #expect(sheet["frozen"] as? String == "A2")
            #expect((sheet["header"] as? [String])?.first == "ID")
        }
        let norms = sheets["Normen"]?["rows"] as? Int, documents = sheets["Documenten"]?["rows"] as? Int
        #expect(norms == 79 && documents == 3)
        let documentDates = sheets["Documenten"]?["dates"] as? Int ?? 0, processorDates = sheets["Verwerkers"]?["dates"] as? Int ?? 0
        #expect(documentDates >= 6 && processorDates == 3, "\(documentDates) \(processorDates)")
    }

    /// verify takes the zip an auditor receives, and names the file a changed byte is in.
    @Test func verifyChecksAZipAndNamesAChangedFile() throws {
        let work = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let zip = work.appendingPathComponent("site.zip")
        let built = try commands.run(["build", Self.portfolio.path, "-o", work.appendingPathComponent("site").path, "--zip", zip.path])
        let hash = try tool(["sha256sum", zip.path]).prefix(64)
        #expect(built.stdout.contains("Zip: \(zip.path) (SHA-256 \(hash))"))
        let verified = try commands.run(["verify", zip.path])
        #expect(verified.status == 0 && verified.stdout.contains("Intact: "), "\(verified.stderr)")
        // One byte changed in one file of the zip.
        let changed = work.appendingPathComponent("changed.zip")
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], "w") as target:
                for item in source.infolist():
                    data = source.read(item.filename)
                    if item.filename.endswith("/documenten/index.html"):
                        data = data.replace(b"<h1>", b"<h1>X", 1)
                    target.writestr(item, data)
            """
        _ = try tool(["python3", "-c", script, zip.path, changed.path])
        let tampered = try commands.run(["verify", changed.path])
        #expect(tampered.status == 1 && tampered.stderr == "changed: documenten/index.html\n", "\(tampered.stderr)")
        // A zip whose entry would leave its folder is no site, and nothing is unpacked outside.
        let hostile = work.appendingPathComponent("hostile.zip")
        _ = try tool([
            "python3", "-c", "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w') as z: z.writestr('../../evil.txt', 'x')",
            hostile.path,
        ])
        let refused = try commands.run(["verify", hostile.path])
        #expect(refused.status == 2 && refused.stderr.contains("would leave its folder"))
        // An entry marked as a symbolic link is unpacked as a plain file holding the link's text,
        // never made a link: it is an extra file of the site.
        let linked = work.appendingPathComponent("linked.zip")
        let addLink = """
            import shutil, sys, zipfile
            shutil.copy(sys.argv[1], sys.argv[2])
            with zipfile.ZipFile(sys.argv[2], "a") as z:
                top = z.namelist()[0].split("/")[0]
                info = zipfile.ZipInfo(top + "/wachtwoorden")
                info.external_attr = 0o120777 << 16
                z.writestr(info, "/etc/passwd")
            """
        _ = try tool(["python3", "-c", addLink, zip.path, linked.path])
        let withLink = try commands.run(["verify", linked.path])
        #expect(withLink.status == 1 && withLink.stderr.contains("wachtwoorden"), "\(withLink.stderr)")
        // A deflated stream that runs past its entry's bytes (it made ZIPFoundation spin for ever) is refused.
        let outrunning = CommandTests.packageRoot.appendingPathComponent("Fuzz/Regressions/archive/deflate-stream-that-outruns-its-entry.docx")
        let spinning = try commands.run(["verify", outrunning.path])
        #expect(spinning.status == 2, "\(spinning.stderr)")
    }
}
