import Foundation
import NormfolioKit
import Testing

/// `normfolio import` on real third-party files from pandoc's test suite (Fixtures/import/pandoc,
/// GPL-2.0-or-later, see its SOURCES.md): a draft is never published by accident, comments are
/// counted and never carry their author, bookmarks stay reachable, titles are real text, the
/// document keeps its own date, and OpenDocument tables keep their merged cells and header rows.
extension CommandTests {
    static let pandocFixtures = importFixtures.appendingPathComponent("pandoc")

    static func pandocFile(_ name: String) -> String { pandocFixtures.appendingPathComponent(name).path }

    func imported(_ name: String, in portfolio: URL) throws -> String {
        try text(portfolio.appendingPathComponent("Content/geimporteerd/\(name).md"))
    }

    @Test func aFileWithPendingTrackedChangesIsRefusedWithItsCounts() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let move = Self.pandocFile("track_changes_move.docx"), odt = Self.pandocFile("trackedChanges.odt")
        let result = try run(["import", move, odt, "--norms", "SM.02"], in: portfolio)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                \(move):1:1: error: the file has pending tracked changes (1 insertion, 1 deletion), so it is a draft: accept or reject \
                them in Word: Controleren > Accepteren > Alle wijzigingen accepteren (Review > Accept > Accept All Changes) and save it, \
                or import it with --accept-changes or --reject-changes [tracked-changes]
                \(odt):1:1: error: the file has pending tracked changes (1 insertion, 1 deletion), so it is a draft: accept or reject \
                them in LibreOffice: Bewerken > Wijzigingen bijhouden > Beheren > Alles accepteren (Edit > Track Changes > Manage > \
                Accept All) and save it, or import it with --accept-changes or --reject-changes [tracked-changes]

                """)
        #expect(!FileManager.default.fileExists(atPath: portfolio.appendingPathComponent("Content/geimporteerd").path))
        // OpenDocument's changes can only be accepted: pandoc reads its text with them accepted.
        let rejected = try run(["import", odt, "--norms", "SM.02", "--reject-changes"], in: portfolio)
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("normfolio can only accept the tracked changes of an OpenDocument file"))
        #expect(try run(["import", odt, "--norms", "SM.02", "--accept-changes", "--reject-changes"], in: portfolio).status == 64)
    }

    @Test func acceptingOrRejectingChangesIsTheImportersChoiceAndIsRecorded() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deletion = Self.pandocFile("track_changes_deletion.docx"), insertion = Self.pandocFile("track_changes_insertion.docx")
        #expect(try run(["import", deletion, insertion, "--norms", "SM.02", "--accept-changes"], in: portfolio).status == 0)
        var deleted = try imported("track_changes_deletion", in: portfolio)
        var inserted = try imported("track_changes_insertion", in: portfolio)
        #expect(deleted.hasSuffix("---\nThis is a text with a deletion.\n"))
        #expect(inserted.hasSuffix("---\nThis is a text with two exciting insertions.\n"))
        #expect(deleted.contains("\n# tracked changes: 1 pending in the file, accepted (--accept-changes)\n"))
        let result = try run(["import", deletion, insertion, "--norms", "SM.02", "--reject-changes", "--force"], in: portfolio)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  tracked changes: 1 rejected, as you chose\n"))
        deleted = try imported("track_changes_deletion", in: portfolio)
        inserted = try imported("track_changes_insertion", in: portfolio)
        #expect(deleted.hasSuffix("---\nThis is a text with an excessively modified deletion.\n"))
        #expect(inserted.hasSuffix("---\nThis is a text with insertions.\n"))
        #expect(inserted.contains("\n# tracked changes: 1 pending in the file, rejected (--reject-changes)\n"))
        // The file's own date, a review a year later; and where the documents will appear.
        #expect(deleted.contains("\ndate: 2014-06-25\n") && deleted.contains("\nreview_by: 2015-06-25\n"))
        #expect(deleted.contains("\n# date: from the file's properties (dcterms:modified)\n"))
        #expect(
            result.stdout.contains(
                """
                The 2 documents are vertrouwelijk: published in the accountant and auditor editions, not in the intranet edition. \
                To publish them on the intranet, set 'classification: intern' in the front matter (or import with --classification intern).
                """))
    }

    @Test func commentsAreCountedAtTheirLinesAndKeptOnlyWithoutTheirAuthors() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let comments = Self.pandocFile("comments.docx")
        let left = try run(["import", comments, "--norms", "SM.02"], in: portfolio)
        #expect(left.status == 0)
        let warning = left.stderr.split(separator: "\n").first { $0.hasSuffix("[import-comments]") }.map(String.init)
        #expect(
            warning == "Content/geimporteerd/comments.md:15:1: warning: the file holds 5 comments: left out (at lines 15, 19, "
                + "21, 21, 21); read them in the original, or import with --keep-comments to keep them as notes [import-comments]")
        let without = try imported("comments", in: portfolio)
        #expect(!without.contains("I left a comment") && !without.contains("Rosenthal"))
        #expect(without.contains("\nI want some text to have a comment on it.\n"))

        let kept = try run(["import", comments, "--norms", "SM.02", "--keep-comments", "--force"], in: portfolio)
        #expect(kept.stderr.contains("the file holds 5 comments: kept as notes (at lines 15, 19, 21, 21, 21)"))
        let with = try imported("comments", in: portfolio)
        #expect(with.contains("\nI want some text to have a comment[^opmerking-1] on it.\n"))
        #expect(with.contains("\n[^opmerking-1]: Opmerking: I left a comment.\n"))
        #expect(!with.contains("Rosenthal"))
        // The notes are part of the document: the auditor's edition shows them, the intranet nothing of it.
        let site = folder.appendingPathComponent("site")
        #expect(try run(["build", "--audience", "auditor", "-o", site.path], in: portfolio).status == 0)
        let page = try text(site.appendingPathComponent("documenten/geimporteerd-comments.html"))
        #expect(page.contains("Opmerking: I left a comment.") && !page.contains("Rosenthal"))
        let intranet = folder.appendingPathComponent("intranet")
        #expect(try run(["build", "-o", intranet.path], in: portfolio).status == 0)
        #expect(!FileManager.default.fileExists(atPath: intranet.appendingPathComponent("documenten/geimporteerd-comments.html").path))
    }

    @Test func bookmarksBecomeAnchorsThatLinksReach() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["import", Self.pandocFile("links.docx"), "--norms", "SM.02"], in: portfolio).status == 0)
        let document = try imported("links", in: portfolio)
        #expect(document.contains("An [internal link](#my_bookmark) to a bookmark."))
        #expect(document.contains("A bookmark right <a id=\"my_bookmark\"></a>here"))
        let check = try run(["check"], in: portfolio)
        #expect(!check.stderr.contains("[broken-anchor]"), "\(check.stderr)")
        let site = folder.appendingPathComponent("site")
        #expect(try run(["build", "--audience", "auditor", "-o", site.path], in: portfolio).status == 0)
        #expect(try text(site.appendingPathComponent("documenten/geimporteerd-links.html")).contains("<a id=\"my_bookmark\"></a>here"))
    }

    @Test func titlesComeFromTheTitleParagraphOrTheFileNameWithAWarning() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(
            [
                "import", Self.pandocFile("metadata.docx"), Self.pandocFile("track_changes_move.docx"),
                "--norms", "SM.02", "--accept-changes",
            ], in: portfolio)
        #expect(result.status == 0)
        // pandoc's own test of Word's title style: the paragraph styled as title is the title.
        #expect(result.stdout.contains("→ Content/geimporteerd/metadata.md (\"This Is the Title\")"), "\(result.stdout)")
        #expect(
            result.stderr == "Content/geimporteerd/track_changes_move.md:2:8: warning: the file has no heading, so the title is "
                + "the file name: 'track_changes_move'; change 'title' if it is not the document's title [import-title]\n")
    }

    @Test func openDocumentTablesKeepTheirHeaderRowsAndMergedCells() throws {
        let (folder, portfolio) = try newPortfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["import", Self.pandocFile("tableWithSpans.odt"), "--norms", "SM.02", "--keep-original"], in: portfolio)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("could not be kept"))
        let document = try imported("tablewithspans", in: portfolio)
        for expected in [
            "<th rowspan=\"2\">H1 Rowspan 2</th>", "<th colspan=\"2\">H2-2/3</th>", "<td rowspan=\"3\">Rowspan 3</td>",
            "<td colspan=\"2\" rowspan=\"2\">Columnspan &amp; Rowspan 2</td>",
        ] {
            #expect(document.contains(expected), "\(expected)")
        }
        // The original, kept beside it as an attachment, with its SHA-256.
        let sha = "e1982455f175289f7f625eee60a1c53990034bc4916fc41f592a0d6a2024f727"
        #expect(document.contains("\nattachments: [tablewithspans-bestanden/tablewithspans.odt]\n"))
        #expect(document.contains("\n# original: tablewithspans-bestanden/tablewithspans.odt, SHA-256 \(sha)\n"))
        #expect(result.stdout.contains("  original: Content/geimporteerd/tablewithspans-bestanden/tablewithspans.odt (SHA-256 \(sha))\n"))
        #expect(document.contains("\ndate: 2025-12-26\n"))
        #expect(try run(["check"], in: portfolio).status == 0)
    }
}
