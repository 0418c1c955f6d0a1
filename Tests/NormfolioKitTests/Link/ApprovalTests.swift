import Foundation
import Testing

@testable import NormfolioKit

/// Approvals bound to everything adopted: an edit of the body or of any evidence field, a swapped
/// attachment or image, or text moved between fields and body makes a recorded approval stale;
/// recording approvals, or restyling the fields, does not.
@Suite struct ApprovalTests {
    static let document = """
        ---
        title: Informatiebeveiligingsbeleid
        norms: [GO.02]
        classification: openbaar
        review_by: 2028-03-14
        ---
        Het beleid.

        """

    /// The document at `path` in `files` with an approval recorded as `normfolio approve` records it.
    static func approving(
        _ kind: Approval.Kind = .approved, by: String, on day: String, _ files: [String: String],
        path: String = "Content/a.md"
    ) throws -> String {
        let checked = MemoryPortfolio(files).check()
        let recorded = try Approval.recording(
            kind, by: by, on: Day(day)!, in: Data(try #require(files[path]).utf8), source: path,
            checked: checked)
        return String(decoding: recorded.data, as: UTF8.self)
    }

    func approved(_ text: String = document) throws -> String {
        let once = try Self.approving(by: "College van Bestuur", on: "2026-03-14", ["Content/a.md": text])
        return try Self.approving(.consent, by: "GMR", on: "2026-03-01", ["Content/a.md": once])
    }

    func changed(_ text: String) -> [Diagnostic] {
        MemoryPortfolio(["Content/a.md": text]).check().diagnostics.filter { $0.code == "approval-changed" }
    }

    @Test func recordingAnApprovalKeepsTheContentAndItsHash() throws {
        let text = try approved()
        #expect(text.contains("approved_by: \"College van Bestuur\"\napproved_on: 2026-03-14\napproved_sha256: "))
        #expect(text.contains("consent_by: \"GMR\"\nconsent_on: 2026-03-01\nconsent_sha256: "))
        #expect(text.hasSuffix("---\nHet beleid.\n"))
        #expect(Approval.textDigest(ofMarkdown: text, path: "a.md") == Approval.textDigest(ofMarkdown: Self.document, path: "a.md"))
        let result = MemoryPortfolio(["Content/a.md": text]).check()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(result.portfolio?.documents.first?.isAdopted == true)
        // Recording it again (another date) replaces the lines instead of adding them.
        let again = try Self.approving(by: "CvB", on: "2026-04-01", ["Content/a.md": text])
        #expect(again.components(separatedBy: "approved_by:").count == 2 && again.contains("approved_on: 2026-04-01"))
    }

    @Test func anEditOfTheBodyOrOfAnEvidenceFieldMakesTheApprovalsStale() throws {
        let text = try approved()
        for edited in [
            text.replacingOccurrences(of: "Het beleid.", with: "Het nieuwe beleid."),
            text.replacingOccurrences(of: "norms: [GO.02]", with: "norms: [GO.02, SM.02]"),
            text.replacingOccurrences(of: "review_by: 2028-03-14", with: "review_by: 2029-03-14"),
            text.replacingOccurrences(of: "classification: openbaar\n", with: "classification: openbaar\nowner: ICT\n"),
        ] {
            let diagnostics = changed(edited)
            #expect(diagnostics.count == 2, "\(edited)")
            // At the hash of each approval: lines 8 and 11 of the file (9 and 12 with the added owner).
            let shift = edited.contains("owner: ICT") ? 1 : 0
            #expect(diagnostics.map(\.location.line).sorted() == [8 + shift, 11 + shift])
            #expect(diagnostics.first?.message.hasPrefix("the text changed after it was adopted by College van Bestuur on 2026-03-14") == true)
            let document = MemoryPortfolio(["Content/a.md": edited]).check().portfolio?.documents.first
            #expect(document?.isAdopted == false)
        }
    }

    @Test func editingOnlyTheApprovalFieldsOrTheirStyleLeavesTheApprovalsStanding() throws {
        let text = try approved()
        for edited in [
            text.replacingOccurrences(of: "approved_on: 2026-03-14", with: "approved_on: 2026-03-15"),
            text.replacingOccurrences(of: "consent_by: \"GMR\"", with: "consent_by: GMR-Noord"),
            // The same fields in another order and style.
            text.replacingOccurrences(
                of: "title: Informatiebeveiligingsbeleid\nnorms: [GO.02]",
                with: "norms:\n  - GO.02\ntitle: 'Informatiebeveiligingsbeleid'"),
        ] {
            #expect(changed(edited).isEmpty, "\(edited)")
        }
    }

    @Test func aLevelOfThreeNeedsAdoptedEvidenceWhoseTextIsUnchanged() throws {
        let assessment = "---\n1️⃣level: 3\n---\n"
        let fresh = MemoryPortfolio(["Content/a.md": try approved(), "Content/norms/GO.02.md": assessment]).check()
        #expect(!fresh.diagnostics.contains { $0.code == "level-without-adopted-evidence" })
        let edited = try approved().replacingOccurrences(of: "Het beleid.", with: "Ander beleid.")
        let p = MemoryPortfolio(["Content/a.md": edited, "Content/norms/GO.02.md": assessment])
        #expect(
            p.check().diagnostics.filter { $0.code == "level-without-adopted-evidence" }.map(\.location)
                == [p.location("1️⃣", in: "Content/norms/GO.02.md")])
    }

    @Test func theDocumentPageSaysWhetherTheTextIsTheAdoptedOne() throws {
        let fresh = try #require(MemoryPortfolio(["Content/a.md": try approved()]).render(audience: .auditor).site)
        let page = NormfolioKitTests.page(fresh, "documenten/a.html")
        #expect(page.contains("<p class=\"note\">De tekst is ongewijzigd sinds de vaststelling op 14 maart 2026.</p>"))
        #expect(page.contains("<dt>Instemming (G)MR</dt><dd>GMR, 1 maart 2026</dd>"))
        let edited = try approved().replacingOccurrences(of: "Het beleid.", with: "Ander beleid.")
        let stale = try #require(MemoryPortfolio(["Content/a.md": edited]).render(audience: .auditor).site)
        let stalePage = NormfolioKitTests.page(stale, "documenten/a.html")
        // The broken adoption is a point of attention on the page, and no longer shown as the adoption.
        #expect(
            stalePage.contains(
                "<li><span class=\"badge badge-attention\">gewijzigd na vaststelling</span> de tekst is gewijzigd na "
                    + "de vaststelling op 14 maart 2026; de vaststelling geldt niet voor deze tekst</li>"))
        #expect(!stalePage.contains("ongewijzigd"))
        #expect(stalePage.contains("GMR, 1 maart 2026 <span class=\"badge badge-stale\">tekst gewijzigd</span>"))
    }

    @Test func aHashThatIsNoHashIsAnError() {
        let p = MemoryPortfolio([
            "Content/a.md": Self.document.replacingOccurrences(of: "review_by", with: "approved_by: CvB\napproved_sha256: 1️⃣abc\nreview_by")
        ])
        let errors = p.check().diagnostics.filter { $0.code == "invalid-value" }
        #expect(errors.map(\.location) == [p.location("1️⃣", in: "Content/a.md")])
    }

    /// Found by fuzzing (Tests/Fuzz/Regressions/approval): a field whose key only starts like an
    /// approval key (`advice_by:x`) was replaced by the record, so recording changed the text it
    /// recorded the hash of. A key is the whole key; and an edit that would change anything but the
    /// records is refused.
    @Test func recordingAnApprovalNeverChangesAnotherField() throws {
        let text = "---\ntitle: Beleid\nnorms: [GO.02]\nclassification: openbaar\nadvice_by:x: y\n---\nTekst.\n"
        let recorded = try #require(
            Approval.recording(.advice, by: "FG", on: Day("2026-02-20")!, digest: String(repeating: "0", count: 64), in: text))
        #expect(recorded.contains("\nadvice_by:x: y\n") && recorded.contains("\nadvice_by: \"FG\"\n"))
        #expect(Approval.textDigest(ofMarkdown: recorded, path: "a.md") == Approval.textDigest(ofMarkdown: text, path: "a.md"))
        // A placeholder line that is really part of another field's value (a quoted text over two
        // lines): replacing it would change that field, so nothing is recorded.
        let quoted = "---\ntitle: \"Beleid\n# approved_by: x\"\nnorms: [GO.02]\n---\nTekst.\n"
        #expect(Approval.textDigest(ofMarkdown: quoted, path: "a.md") != nil)
        #expect(Approval.recording(.approved, by: "CvB", on: Day("2026-02-20")!, digest: String(repeating: "0", count: 64), in: quoted) == nil)
    }

    // MARK: Binding everything adopted

    /// A document that uses an attachment (`attachments:`), a linked file and an image.
    static let withFiles: [String: String] = [
        "Content/a.md": """
        ---
        title: Informatiebeveiligingsbeleid
        norms: [GO.02]
        classification: openbaar
        attachments: [bijlagen/besluit.pdf]
        ---
        Het beleid, met [de risicoanalyse](bijlagen/analyse.xlsx) en ![het schema](bijlagen/schema.png).

        """,
        "Content/bijlagen/besluit.pdf": "%PDF-1.7 het besluit",
        "Content/bijlagen/analyse.xlsx": "de analyse",
        "Content/bijlagen/schema.png": "het schema",
        "Content/bijlagen/ander.pdf": "een ander besluit",
    ]

    @Test func aSwappedAttachmentOrImageBreaksTheApproval() throws {
        var files = Self.withFiles
        files["Content/a.md"] = try Self.approving(by: "College van Bestuur", on: "2026-03-14", files)
        #expect(changed(files).isEmpty)
        for (file, swapped) in [
            ("Content/bijlagen/besluit.pdf", "%PDF-1.7 een ander besluit"), ("Content/bijlagen/analyse.xlsx", "x"),
            ("Content/bijlagen/schema.png", "een ander schema"),
        ] {
            var edited = files
            edited[file] = swapped
            #expect(changed(edited).count == 1, "\(file)")
            #expect(MemoryPortfolio(edited).check().portfolio?.documents.first?.isAdopted == false)
        }
        // Another file in its place, under the same name in the text, or a link to another file.
        var relinked = files
        relinked["Content/a.md"] = files["Content/a.md"]?.replacingOccurrences(of: "[bijlagen/besluit.pdf]", with: "[bijlagen/ander.pdf]")
        #expect(changed(relinked).count == 1)
        // A file the document does not use may change without a word.
        var unrelated = files
        unrelated["Content/bijlagen/ander.pdf"] = "nog een ander besluit"
        #expect(changed(unrelated).isEmpty)
    }

    /// Field values and the body are each written with their length in front, so text moved from
    /// the body into a field (or between fields, list items and mapping keys) is a change, whatever
    /// separators the values hold. Each pair below was one text to the digest before.
    @Test func textMovedBetweenFieldsAndTheBodyBreaksTheApproval() throws {
        func file(_ fields: String, _ body: String) -> String {
            "---\ntitle: Beleid\nnorms: [GO.02]\nclassification: openbaar\n\(fields)---\n\(body)"
        }
        let pairs = [
            (file("zz: \"x\"\n", "y\u{1E}\u{1D}z\n"), file("zz: \"x\\x1E\\x1Dy\"\n", "z\n")),
            (file("zz: [a, b]\n", "B\n"), file("zz: [\"a\\x1Fb\"]\n", "B\n")),
            (file("zz: {a: \"b:c\"}\n", "B\n"), file("zz: {\"a:b\": c}\n", "B\n")),
        ]
        for (original, moved) in pairs {
            let approvedText = try Self.approving(by: "CvB", on: "2026-03-14", ["Content/a.md": original, "normfolio.yml": "accept_keys: [zz]\n"])
            let recorded = try #require(approvedText.split(separator: "\n").first { $0.hasPrefix("approved_sha256: ") })
            let forged = moved.replacingOccurrences(
                of: "---\n", with: "approved_by: CvB\n\(recorded)\n---\n", options: .backwards,
                range: moved.index(after: moved.startIndex)..<moved.endIndex)
            #expect(changed(["Content/a.md": forged, "normfolio.yml": "accept_keys: [zz]\n"]).count == 1, "\(moved.debugDescription)")
        }
    }

    func changed(_ files: [String: String]) -> [Diagnostic] {
        MemoryPortfolio(files).check().diagnostics.filter { $0.code == "approval-changed" }
    }
}
