import Foundation
import NormfolioKit
import Testing

/// `normfolio import` end to end: Word and OpenDocument files with headings, lists, a table with
/// merged cells and an image become evidence documents that check and build without errors.
/// The fixtures are made by Fixtures/import/make_documents.py (python-docx and odfpy).
extension CommandTests {
    static let importFixtures = packageRoot.appendingPathComponent("Tests/NormfolioCLITests/Fixtures/import")
    static let word = importFixtures.appendingPathComponent("beleid-de-linde.docx").path
    static let openDocument = importFixtures.appendingPathComponent("procedure-datalekken.odt").path

    /// A new portfolio from `init`, in a fresh folder.
    func newPortfolio() throws -> (folder: URL, portfolio: URL) {
        let folder = try temporaryFolder()
        #expect(try run(["init", "p"], in: folder).status == 0)
        return (folder, folder.appendingPathComponent("p"))
    }

    func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    @Test func importsWordAndOpenDocumentFiles() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["import", Self.word, Self.openDocument, "--norms", "SM.02, GO.02"], in: portfolio)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Imported \(Self.word) → Content/geimporteerd/beleid-de-linde.md (\"Informatiebeveiligingsbeleid De Linde\")")
        #expect(lines.contains("  image: Content/geimporteerd/beleid-de-linde-bestanden/afbeelding-1.png"))
        #expect(
            lines.contains {
                $0.hasPrefix("Imported \(Self.openDocument) → Content/geimporteerd/procedure-datalekken.md (\"Procedure datalekken De Linde\")")
            })
        // Neither fixture's image has a description: the importer says so, once per image.
        #expect(lines.filter { $0.contains("has no description for readers who cannot see it") }.count == 2)
        #expect(lines.last == "Check the result with: normfolio check")

        // Word: front matter complete and failing closed, the body's structure kept, merged cells as HTML.
        let word = try text(portfolio.appendingPathComponent("Content/geimporteerd/beleid-de-linde.md"))
        #expect(
            word.hasPrefix(
                "---\ntitle: \"Informatiebeveiligingsbeleid De Linde\"\nnorms: [SM.02, GO.02]\ntype: overig\nclassification: vertrouwelijk\n"))
        // The file's own date (python-docx's template says it was saved on 2013-12-23), a review a year later.
        #expect(word.contains("\ndate: 2013-12-23\n") && word.contains("\nreview_by: 2014-12-23\n"))
        #expect(
            word.contains(
                "\n# imported from beleid-de-linde.docx with normfolio import\n"
                    + "# date: from the file's properties (dcterms:modified)\n---\n"))
        for expected in [
            "## Rollen", "Bestuur: eindverantwoordelijk", "1.  Risico's inventariseren", "**SM.02**", "*vastgesteld*",
            "<th colspan=\"2\">Voorbeelden</th>", "<td colspan=\"2\">Leerlingdossiers</td>",
            "![](beleid-de-linde-bestanden/afbeelding-1.png)",
        ] {
            #expect(word.contains(expected), "\(expected)")
        }
        #expect(!word.contains("style="))
        let png = try Data(contentsOf: portfolio.appendingPathComponent("Content/geimporteerd/beleid-de-linde-bestanden/afbeelding-1.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))

        // OpenDocument: pandoc drops its merged cells; normfolio reads them from the file.
        let odt = try text(portfolio.appendingPathComponent("Content/geimporteerd/procedure-datalekken.md"))
        for expected in [
            "## Wat te doen", "Beperk de schade", "<td colspan=\"2\">Termijn</td>", "<td>72 uur</td>",
            "![](procedure-datalekken-bestanden/afbeelding-1.png)",
        ] {
            #expect(odt.contains(expected), "\(expected)")
        }

        let today = String(ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate]))
        // The result checks and builds without errors; the confidential documents stay off the intranet.
        let check = try run(["check"], in: portfolio)
        #expect(check.status == 0)
        // Of the imported documents, only that each one's owner is still to be filled in (the rest
        // are the example texts of init), and that the Word file's review date, a year after its
        // own date, has passed.
        let warnings = check.stderr.split(separator: "\n")
        #expect(check.stdout == "0 errors, \(warnings.count) warnings (4 documents read).\n", "\(check.stderr)")
        #expect(
            warnings.filter { !$0.hasSuffix("[placeholder]") }.map(String.init) == [
                "Content/geimporteerd/beleid-de-linde.md:10:12: warning: this evidence was due for review on 2014-12-23, before \(today) [evidence-expired]"
            ], "\(check.stderr)")
        let imported = warnings.filter { $0.hasPrefix("Content/geimporteerd/") && $0.hasSuffix("[placeholder]") }
        #expect(imported.count == 2 && imported.allSatisfy { $0.contains("warning: 'owner' is empty; fill it in") }, "\(check.stderr)")
        let site = folder.appendingPathComponent("site")
        #expect(try run(["build", "--audience", "auditor", "-o", site.path], in: portfolio).status == 0)
        let page = try text(site.appendingPathComponent("documenten/geimporteerd-beleid-de-linde.html"))
        #expect(page.contains("<th colspan=\"2\">Voorbeelden</th>"))
        #expect(page.contains("<img src=\"../bijlagen/geimporteerd/beleid-de-linde-bestanden/afbeelding-1.png\" alt=\"\" />"))
        #expect(
            FileManager.default.fileExists(
                atPath: site.appendingPathComponent("bijlagen/geimporteerd/beleid-de-linde-bestanden/afbeelding-1.png").path))
        let intranet = folder.appendingPathComponent("intranet")
        #expect(try run(["build", "--audience", "intranet", "-o", intranet.path], in: portfolio).status == 0)
        #expect(!FileManager.default.fileExists(atPath: intranet.appendingPathComponent("documenten/geimporteerd-beleid-de-linde.html").path))
        #expect(!FileManager.default.fileExists(atPath: intranet.appendingPathComponent("bijlagen/geimporteerd").path))
    }

    /// Images get names of normfolio's own: a name inside the file that climbs out of the media
    /// folder (CVE-2023-38745 in pandoc's own extraction) never becomes a path on disk.
    @Test func importNeverWritesOutsideThePortfolioForNamesInsideTheFile() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let escape = URL(fileURLWithPath: "/tmp/normfolio-import-escape.png")
        try? FileManager.default.removeItem(at: escape)
        let hostile = Self.importFixtures.appendingPathComponent("ontsnapping.docx").path
        let result = try run(["import", hostile, "--norms", "SM.02"], in: portfolio)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: escape.path))
        // The image that could not be found in the file is reported, not silently lost, in one note:
        // as an image that was not converted (pandoc 2.17 drops the link), or as one whose link
        // leads nowhere in the file (for a pandoc that keeps the link).
        let notes = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  note: ") }.map(String.init)
        let dropped = ["  note: 1 image could not be converted"]
        let kept = notes.count == 1 && notes[0].hasPrefix("  note: image ") && notes[0].hasSuffix(" is not in the file; its link will not work")
        #expect(notes == dropped || kept, "\(result.stdout)")
        let written = FileIO.live.listFiles(portfolio.appendingPathComponent("Content/geimporteerd").path)
        // The document, and nothing but images under names of normfolio's own.
        #expect(written.contains("ontsnapping.md"), "\(written)")
        #expect(written.allSatisfy { $0 == "ontsnapping.md" || $0.hasPrefix("ontsnapping-bestanden/afbeelding-") }, "\(written)")
        #expect(try run(["check"], in: portfolio).status == 0)
    }

    @Test func importTakesTypeClassificationAndFolder() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(
            [
                "import", Self.openDocument, "--norms", "GB.01", "--type", "procedure", "--classification", "intern",
                "--folder", "procedures/privacy", "--portfolio", portfolio.path,
            ], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("Check the result with: normfolio check \(portfolio.path)\n"))
        let document = try text(portfolio.appendingPathComponent("Content/procedures/privacy/procedure-datalekken.md"))
        #expect(document.contains("\nnorms: [GB.01]\ntype: procedure\nclassification: intern\n"))
        #expect(try run(["check"], in: portfolio).status == 0)
    }

    @Test func importRefusesToOverwriteUnlessForced() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["import", Self.word, "--norms", "SM.02"], in: portfolio).status == 0)
        let target = portfolio.appendingPathComponent("Content/geimporteerd/beleid-de-linde.md")
        try Data("edited by hand\n".utf8).write(to: target)
        let again = try run(["import", Self.word, "--norms", "SM.02"], in: portfolio)
        #expect(again.status == 1)
        #expect(again.stderr == "error: \(Self.word): Content/geimporteerd/beleid-de-linde.md already exists; use --force to replace it\n")
        #expect(try text(target) == "edited by hand\n")
        let forced = try run(["import", Self.word, "--norms", "SM.02", "--force"], in: portfolio)
        #expect(forced.status == 0)
        #expect(try text(target).hasPrefix("---\ntitle: \"Informatiebeveiligingsbeleid De Linde\"\n"))
    }

    @Test func importSaysHowToInstallPandocAndWritesNothingWithoutIt() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["import", Self.word, "--norms", "SM.02"], in: portfolio, environment: ["PATH": folder.path])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "error: \(Self.word): pandoc is not installed, and normfolio needs it to read Word and OpenDocument files: install it with 'sudo apt-get install pandoc'"
            ))
        #expect(!FileManager.default.fileExists(atPath: portfolio.appendingPathComponent("Content/geimporteerd").path))
    }

    @Test func importRejectsWhatItCannotReadAndWritesNothing() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Not an office file at all, and a zip that is not a Word document.
        let garbage = folder.appendingPathComponent("kapot.docx")
        try Data("this is not a zip".utf8).write(to: garbage)
        let zip = folder.appendingPathComponent("leeg.docx")
        #expect(
            try run([
                "build", portfolio.path, "-o", folder.appendingPathComponent("site").path,
                "--zip", zip.path,
            ]).status == 0)
        let missing = folder.appendingPathComponent("weg.odt")
        let result = try run(["import", garbage.path, zip.path, missing.path, "--norms", "SM.02"], in: portfolio)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 3, "\(result.stderr)")
        #expect(errors.first == "error: \(garbage.path): '\(garbage.path)' is not a .docx or .odt file normfolio can read: it is not a zip archive")
        #expect(errors.dropFirst().first?.hasPrefix("error: \(zip.path): pandoc could not convert the file") == true)
        #expect(errors.last == "error: \(missing.path): '\(missing.path)' does not exist or cannot be read")
        #expect(!FileManager.default.fileExists(atPath: portfolio.appendingPathComponent("Content/geimporteerd").path))

        // Wrong arguments are usage errors, before anything is read.
        let unknownNorm = try run(["import", Self.word, "--norms", "SM.99"], in: portfolio)
        #expect(unknownNorm.status == 64)
        #expect(unknownNorm.stderr.contains("unknown norm ID 'SM.99'"))
        let pdf = try run(["import", "rapport.pdf", "--norms", "SM.02"], in: portfolio)
        #expect(pdf.status == 64)
        #expect(pdf.stderr.contains("'rapport.pdf' is not a .docx or .odt file"))
        let outside = try run(["import", Self.word, "--norms", "SM.02", "--folder", "../buiten"], in: portfolio)
        #expect(outside.status == 64)
    }

    /// Personal data in the converted text is reported by the import, with the line in the new file,
    /// before `check` stops on it. The Word file is written by pandoc itself.
    @Test func importReportsPersonalDataAtOnce() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let word = folder.appendingPathComponent("leerlingzaak.docx")
        let pandoc = Process()
        pandoc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        pandoc.arguments = ["pandoc", "-f", "markdown", "-o", word.path]
        let input = Pipe()
        pandoc.standardInput = input
        try pandoc.run()
        input.fileHandleForWriting.write(Data("# Leerlingzaak\n\nHet BSN 111222333 en j.jansen@school.nl staan hierin.\n".utf8))
        try input.fileHandleForWriting.close()
        pandoc.waitUntilExit()
        #expect(pandoc.terminationStatus == 0)
        let result = try run(["import", word.path, "--norms", "SM.02"], in: portfolio)
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "  note: line 17: a BSN-like number (1112***33): remove it or mark it as 'normfolio docs personal-data' describes before you publish\n"
            ))
        #expect(result.stdout.contains("  note: line 17: an e-mail address (j***@school.nl):"))
        let check = try run(["check"], in: portfolio)
        #expect(check.status == 1)
        #expect(check.stderr.contains("Content/geimporteerd/leerlingzaak.md:17:9: error: BSN-like number 1112***33"))
    }
}

/// Import reads what a file is, not what it declares, and publishes no hidden text unannounced.
extension CommandTests {
    /// A copy of `fixture` with the entry `part` changed by `change`, written with Python's zipfile.
    func officeFile(_ fixture: String, part: String, in folder: URL, named name: String, _ change: String) throws -> URL {
        let target = folder.appendingPathComponent(name)
        let script = """
            import sys, zipfile
            source, target, part = sys.argv[1], sys.argv[2], sys.argv[3]
            with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    if item.filename == part:
                        data = data.decode("utf-8")
                        \(change)
                        data = data.encode("utf-8")
                    zout.writestr(item, data)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, fixture, target.path, part]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return target
    }

    @Test func hiddenTextIsLeftOutWithANoteNeverPublishedUnannounced() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let word = try officeFile(
            Self.word, part: "word/document.xml", in: folder, named: "verborgen.docx",
            """
            data = data.replace("<w:t xml:space=\\"preserve\\"> door het College van Bestuur.</w:t></w:r>", "<w:t xml:space=\\"preserve\\"> door het College van Bestuur.</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>Wachtwoord Welkom123</w:t></w:r>", 1)
            """)
        let odt = try officeFile(
            Self.openDocument, part: "content.xml", in: folder, named: "geheim.odt",
            """
            data = data.replace("<office:automatic-styles/>", "<office:automatic-styles><style:style xmlns:style=\\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\\" style:name=\\"Verborgen\\" style:family=\\"text\\"><style:text-properties text:display=\\"none\\"/></style:style></office:automatic-styles>").replace("bij de privacyfunctionaris.</text:p>", "bij de privacyfunctionaris.<text:span text:style-name=\\"Verborgen\\"> Wachtwoord Welkom123</text:span></text:p><text:p>Zichtbaar<text:hidden-paragraph text:condition=\\"ooow:1\\" text:is-hidden=\\"true\\"/> en toch verborgen: Welkom456</text:p>", 1)
            """)
        let result = try run(["import", word.path, odt.path, "--norms", "GO.02"], in: portfolio)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  note: 1 passage of hidden text (Word's \"verborgen tekst\") left out"), "\(result.stdout)")
        #expect(result.stdout.contains("  note: 2 passages of hidden text"), "\(result.stdout)")
        for (name, visible) in [("verborgen.md", "door het College van Bestuur."), ("geheim.md", "bij de privacyfunctionaris.")] {
            let text = try self.text(portfolio.appendingPathComponent("Content/geimporteerd").appendingPathComponent(name))
            #expect(!text.contains("Welkom123") && !text.contains("Welkom456"), "\(text)")
            #expect(text.contains(visible))
        }
    }

    @Test func anArchiveThatUnpacksBeyondItsLimitsIsRefusedUnwritten() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 100 MB of zeros that pack into about 100 KB, declared as an image of 123 bytes.
        let bomb = try officeFile(Self.word, part: "word/_rels/document.xml.rels", in: folder, named: "bom.docx", "pass")
        let patch = """
            import sys, zipfile, struct
            path = sys.argv[1]
            with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
                z.writestr("word/media/image9.png", b"\\0" * (100 << 20))
            data = bytearray(open(path, "rb").read())
            # The declared sizes of the new entry, in its local header and in the central directory, become 123.
            name = b"word/media/image9.png"
            local = data.rfind(b"PK\\x03\\x04" + b"", 0, data.rfind(name))
            struct.pack_into("<I", data, local + 22, 123)
            central = data.rfind(b"PK\\x01\\x02", 0, data.rfind(name))
            struct.pack_into("<I", data, central + 24, 123)
            open(path, "wb").write(data)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", patch, bomb.path]
        try process.run()
        process.waitUntilExit()
        let result = try run(["import", bomb.path, "--norms", "GO.02"], in: portfolio)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("is not a .docx or .odt file normfolio can read: its part 'word/media/image9.png' unpacks to more than "),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: portfolio.appendingPathComponent("Content/geimporteerd").path))
    }
}
