import Foundation
import Testing

/// The commands that write (`keygen`, `new`, `import`, `approve`) write only where a build reads
/// them from, never through a symbolic link out of the portfolio and never a key into a folder a
/// build publishes; `approve` reads what `check` reads; what commands print has no raw control
/// characters.
extension CommandTests {
    @Test func keygenRefusesTheFoldersABuildPublishesOrReads() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: portfolio.appendingPathComponent("Public"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: portfolio.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        #expect(try run(["build", portfolio.path]).status == 0)
        // A link from elsewhere into Content/ is followed: the key would still land in Content/.
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("inhoud"), withDestinationURL: portfolio.appendingPathComponent("Content"))
        for place in [
            "p/Content/sleutel", "p/Content/beleid/sleutel", "p/Public/sleutel", "p/Templates/sleutel", "p/_site/sleutel",
            "p/_site/assets/sleutel", "inhoud/sleutel",
        ] {
            let result = try run(["keygen", place], in: folder)
            #expect(result.status == 1, "\(place)")
            #expect(result.stderr.contains("keep the private key outside the portfolio and its sites"), "\(place): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(place + ".key").path))
        }
        #expect(try run(["keygen", "sleutels"], in: folder).status == 0)
    }

    @Test func newAndImportWriteNothingThroughALinkOutOfThePortfolio() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = folder.appendingPathComponent("elders")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: portfolio.appendingPathComponent("Content/uit"), withDestinationURL: outside)
        let new = try run(["new", "Beleid", "--norms", "GO.02", "--folder", "uit", "--portfolio", portfolio.path])
        #expect(new.status == 1 && new.stderr.contains("leads out of the portfolio's Content/ folder through a symbolic link"), "\(new.stderr)")
        let imported = try run(["import", Self.word, "--norms", "GO.02", "--folder", "uit"], in: portfolio)
        #expect(imported.status == 1 && imported.stderr.contains("leads out of the portfolio's Content/ folder"), "\(imported.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        // A broken link where the new file would go is not written through either.
        try FileManager.default.createDirectory(at: portfolio.appendingPathComponent("Content/documenten"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: portfolio.appendingPathComponent("Content/documenten/beleid.md"),
            withDestinationURL: outside.appendingPathComponent("beleid.md"))
        #expect(try run(["new", "Beleid", "--norms", "GO.02", "--portfolio", portfolio.path]).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        // A link inside the portfolio is fine, as it is for a build.
        try FileManager.default.createDirectory(at: portfolio.appendingPathComponent("Content/echt"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: portfolio.appendingPathComponent("Content/binnen"),
            withDestinationURL: portfolio.appendingPathComponent("Content/echt"))
        #expect(try run(["new", "Procedure", "--norms", "GO.02", "--folder", "binnen", "--portfolio", portfolio.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: portfolio.appendingPathComponent("Content/echt/procedure.md").path))
    }

    @Test func approveKeepsALinkedDocumentALinkAndReadsWhatCheckReads() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A document saved on Windows: a byte-order mark and CRLF line ends, as check reads it.
        let crlf = portfolio.appendingPathComponent("Content/procedures/windows.md")
        let text = "---\ntitle: Beleid\nnorms: [GO.02]\nclassification: intern\n---\nHet beleid.\n"
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: crlf)
        let approved = try run(["approve", crlf.path, "--by", "College van Bestuur", "--on", "2026-03-14"])
        #expect(approved.status == 0, "\(approved.stderr)")
        let written = try Data(contentsOf: crlf)
        #expect(written.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: written, as: UTF8.self).contains("approved_on: 2026-03-14\r\napproved_sha256: "))
        #expect(!String(decoding: written, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // A document that is a link (to a file elsewhere in the portfolio) stays a link.
        let real = portfolio.appendingPathComponent("Content/procedures/echt.md")
        try Data(text.utf8).write(to: real)
        let link = portfolio.appendingPathComponent("Content/procedures/link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(try run(["approve", link.path, "--by", "CvB"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try String(contentsOf: real, encoding: .utf8).contains("approved_by: \"CvB\""))
        // A link out of the portfolio is refused, and its target left alone.
        let outside = folder.appendingPathComponent("buiten.md")
        try Data(text.utf8).write(to: outside)
        let away = portfolio.appendingPathComponent("Content/procedures/weg.md")
        try FileManager.default.createSymbolicLink(at: away, withDestinationURL: outside)
        let refused = try run(["approve", away.path, "--by", "CvB"])
        #expect(refused.status == 1 && refused.stderr.contains("leads out of the portfolio"), "\(refused.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == text)
        try FileManager.default.removeItem(at: away)
        #expect(try run(["check", portfolio.path]).stderr.contains("approval-changed") == false)
    }

    @Test func approveRefusesADocumentWithErrorsSinceItsDigestWouldNotCoverThem() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = portfolio.appendingPathComponent("Content/procedures/beleid.md")
        let text = "---\ntitle: Beleid\nnorms: [GO.02]\nclassification: intern\nattachments: [ontbreekt.pdf]\n---\nHet beleid.\n"
        try Data(text.utf8).write(to: document)
        let result = try run(["approve", document.path, "--by", "CvB"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/procedures/beleid.md:5:15: error: ") && result.stderr.contains("[missing-attachment]"))
        #expect(result.stderr.contains("has 1 error; fix it before recording an approval; nothing was written"))
        #expect(try String(contentsOf: document, encoding: .utf8) == text)
    }

    @Test func namesWithLineBreaksAndTerminalCodesArePrintedAsEscapes() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "beleid\nerror: vervalst\u{1B}[2J.md"
        let document = portfolio.appendingPathComponent("Content/procedures").appendingPathComponent(name)
        try Data("---\ntitle: Beleid\nnorms: [GO.02]\nclassification: intern\n---\nTekst.\n".utf8).write(to: document)
        let approved = try run(["approve", document.path, "--by", "CvB"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("beleid\\nerror: vervalst\\u{1B}[2J.md") && !approved.stdout.contains("\u{1B}"))
        #expect(approved.stdout.split(separator: "\n").count == 1)
        let by = try run(["approve", document.path, "--by", "CvB\nerror: vervalst"])
        #expect(by.status == 64 && by.stderr.contains("CvB\\nerror: vervalst"))
        let word = folder.appendingPathComponent("beleid\nerror: x.docx")
        try FileManager.default.copyItem(atPath: Self.word, toPath: word.path)
        let imported = try run(["import", word.path, "--norms", "GO.02"], in: portfolio)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("beleid\\nerror: x.docx") && !imported.stdout.contains("beleid\nerror"))
    }

    @Test func snapshotIsSignedWithTheBoardsKeyAndNeverWrittenThroughALink() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["keygen", "bestuur"], in: folder).status == 0)
        #expect(try run(["keygen", "ander"], in: folder).status == 0)
        try FileManager.default.createDirectory(at: portfolio.appendingPathComponent("sleutels"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("bestuur.pub"), to: portfolio.appendingPathComponent("sleutels/bestuur.pub"))
        let settings = portfolio.appendingPathComponent("normfolio.yml")
        try Data((try String(contentsOf: settings, encoding: .utf8) + "snapshot_key: sleutels/bestuur.pub\n").utf8).write(to: settings)
        let unsigned = try run(["snapshot", portfolio.path, "--as-of", "2026-06-01"])
        #expect(unsigned.status == 1 && unsigned.stderr.contains("sign this one with --sign KEY"), "\(unsigned.stderr)")
        let other = try run(["snapshot", portfolio.path, "--as-of", "2026-06-01", "--sign", folder.appendingPathComponent("ander.key").path])
        #expect(other.status == 1 && other.stderr.contains("not the board's key"))
        let signed = try run(["snapshot", portfolio.path, "--as-of", "2026-06-01", "--sign", folder.appendingPathComponent("bestuur.key").path])
        #expect(
            signed.status == 0 && signed.stdout.contains("Recorded the state at 2026-06-01 in Snapshots/2026-06-01.json, signed with key "),
            "\(signed.stderr)")
        let checked = try run(["check", portfolio.path, "--as-of", "2026-12-01"])
        #expect(!checked.stderr.contains("snapshot"), "\(checked.stderr)")
        // A Snapshots/ folder that is a link out of the portfolio is not written through.
        try FileManager.default.removeItem(at: portfolio.appendingPathComponent("Snapshots"))
        let outside = folder.appendingPathComponent("elders")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: portfolio.appendingPathComponent("Snapshots"), withDestinationURL: outside)
        let away = try run(["snapshot", portfolio.path, "--as-of", "2026-07-01", "--sign", folder.appendingPathComponent("bestuur.key").path])
        #expect(
            away.status == 1 && away.stderr.contains("Snapshots:1:1: error: 'Snapshots' is a symbolic link to a place outside the portfolio"),
            "\(away.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}
