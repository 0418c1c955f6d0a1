import Foundation
import Testing
@testable import NormfolioKit

/// Approvals bound to the text: an edit of the body or of any evidence field makes a recorded
/// approval stale; recording approvals, or restyling the fields, does not.
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

    func approved(_ text: String = document) throws -> String {
        let once = try #require(Approval.recording(.approved, by: "College van Bestuur", on: Day("2026-03-14")!, in: text, path: "a.md"))
        return try #require(Approval.recording(.consent, by: "GMR", on: Day("2026-03-01")!, in: once, path: "a.md"))
    }

    func changed(_ text: String) -> [Diagnostic] {
        MemoryPortfolio(["Content/a.md": text]).check().diagnostics.filter { $0.code == "approval-changed" }
    }

    @Test func recordingAnApprovalKeepsTheContentAndItsHash() throws {
        let text = try approved()
        #expect(text.contains("approved_by: \"College van Bestuur\"\napproved_on: 2026-03-14\napproved_sha256: "))
        #expect(text.contains("consent_by: \"GMR\"\nconsent_on: 2026-03-01\nconsent_sha256: "))
        #expect(text.hasSuffix("---\nHet beleid.\n"))
        #expect(Approval.digest(ofMarkdown: text, path: "a.md") == Approval.digest(ofMarkdown: Self.document, path: "a.md"))
        let result = MemoryPortfolio(["Content/a.md": text]).check()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(result.portfolio?.documents.first?.isAdopted == true)
        // Recording it again (another date) replaces the lines instead of adding them.
        let again = try #require(Approval.recording(.approved, by: "CvB", on: Day("2026-04-01")!, in: text, path: "a.md"))
        #expect(again.components(separatedBy: "approved_by:").count == 2 && again.contains("approved_on: 2026-04-01"))
    }

    @Test func anEditOfTheBodyOrOfAnEvidenceFieldMakesTheApprovalsStale() throws {
        let text = try approved()
        for edited in [text.replacingOccurrences(of: "Het beleid.", with: "Het nieuwe beleid."),
                       text.replacingOccurrences(of: "norms: [GO.02]", with: "norms: [GO.02, SM.02]"),
                       text.replacingOccurrences(of: "review_by: 2028-03-14", with: "review_by: 2029-03-14"),
                       text.replacingOccurrences(of: "classification: openbaar\n", with: "classification: openbaar\nowner: ICT\n")] {
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
        for edited in [text.replacingOccurrences(of: "approved_on: 2026-03-14", with: "approved_on: 2026-03-15"),
                       text.replacingOccurrences(of: "consent_by: \"GMR\"", with: "consent_by: GMR-Noord"),
                       // The same fields in another order and style.
                       text.replacingOccurrences(of: "title: Informatiebeveiligingsbeleid\nnorms: [GO.02]",
                                                 with: "norms:\n  - GO.02\ntitle: 'Informatiebeveiligingsbeleid'")] {
            #expect(changed(edited).isEmpty, "\(edited)")
        }
    }

    @Test func aLevelOfThreeNeedsAdoptedEvidenceWhoseTextIsUnchanged() throws {
        let assessment = "---\n1️⃣level: 3\n---\n"
        let fresh = MemoryPortfolio(["Content/a.md": try approved(), "Content/norms/GO.02.md": assessment]).check()
        #expect(!fresh.diagnostics.contains { $0.code == "level-without-adopted-evidence" })
        let edited = try approved().replacingOccurrences(of: "Het beleid.", with: "Ander beleid.")
        let p = MemoryPortfolio(["Content/a.md": edited, "Content/norms/GO.02.md": assessment])
        #expect(p.check().diagnostics.filter { $0.code == "level-without-adopted-evidence" }.map(\.location)
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
        #expect(stalePage.contains("<li><span class=\"badge badge-attention\">gewijzigd na vaststelling</span> de tekst is gewijzigd na "
                                   + "de vaststelling op 14 maart 2026; de vaststelling geldt niet voor deze tekst</li>"))
        #expect(!stalePage.contains("ongewijzigd"))
        #expect(stalePage.contains("GMR, 1 maart 2026 <span class=\"badge badge-stale\">tekst gewijzigd</span>"))
    }

    @Test func aHashThatIsNoHashIsAnError() {
        let p = MemoryPortfolio(["Content/a.md": Self.document.replacingOccurrences(of: "review_by", with: "approved_by: CvB\napproved_sha256: 1️⃣abc\nreview_by")])
        let errors = p.check().diagnostics.filter { $0.code == "invalid-value" }
        #expect(errors.map(\.location) == [p.location("1️⃣", in: "Content/a.md")])
    }
}
