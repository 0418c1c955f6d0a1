import Testing

@testable import NormfolioKit

/// What import reads from a file besides its body: a title that is plain text and never template
/// text, and a sentence of adoption to offer as a `normfolio approve` command.
@Suite struct ImportMetadataTests {
    @Test func aTitleIsPlainTextAndNeverATemplatesPlaceholder() {
        // The real template of the issue: its first heading, as pandoc wrote it in Markdown.
        let aiia = ImportedTitle.choose(
            properties: "<%AcceptAction::Approve%>",
            heading: "<u>AIIA 2.0 voor \\[NAAM SYSTEEM\\] ingevuld op \\[DATUM\\]</u>",
            fileName: "aiia-2-0")
        #expect(aiia.text == "aiia-2-0" && aiia.field == .fileName)
        #expect(aiia.skipped.map(\.field) == [.properties, .heading])
        #expect(aiia.skipped.map(\.text) == ["<%AcceptAction::Approve%>", "AIIA 2.0 voor [NAAM SYSTEEM] ingevuld op [DATUM]"])
        let heading = ImportedTitle.choose(
            properties: "{{title}}", heading: "**Beleid** _informatiebeveiliging_ \\#2",
            fileName: "x")
        #expect(heading.text == "Beleid _informatiebeveiliging_ #2" && heading.field == .heading)
        #expect(
            ImportedTitle.choose(properties: "Privacybeleid XXX", heading: nil, fileName: "f").skipped.map(\.text)
                == ["Privacybeleid XXX", ""])
        #expect(
            ImportedTitle.choose(properties: "Privacybeleid 2026", heading: "Doel", fileName: "f")
                == ImportedTitle(text: "Privacybeleid 2026", field: .properties))
        #expect(ImportedTitle.placeholder(in: "XXL-beleid") == nil)
    }

    @Test func anAdoptionSentenceIsFoundWithItsBodyAndDay() {
        let dutch = AdoptionSentence.find(in: ["Inleiding.", "Vastgesteld door het College van Bestuur op 3 november 2026."])
        #expect(
            dutch
                == AdoptionSentence(
                    by: "College van Bestuur", on: Day("2026-11-03")!,
                    sentence: "Vastgesteld door het College van Bestuur op 3 november 2026"))
        let english = AdoptionSentence.find(in: ["Adopted by the Executive Board on November 3, 2026."])
        #expect(english?.by == "Executive Board" && english?.on == Day("2026-11-03"))
        #expect(AdoptionSentence.find(in: ["Goedgekeurd door de GMR op 12-05-2025"])?.on == Day("2025-05-12"))
        #expect(AdoptionSentence.find(in: ["Vastgesteld door het bestuur op 31 februari 2026."]) == nil)
        #expect(AdoptionSentence.find(in: ["Dit beleid wordt jaarlijks vastgesteld."]) == nil)
    }
}
