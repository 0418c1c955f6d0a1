import Foundation
import Testing

@testable import NormfolioKit

/// Soft hyphens in the long words of headings, by Liang's algorithm over the built-in patterns.
@Suite struct HyphenationTests {
    let dutch = Language.nl.hyphenator
    let english = Language.en.hyphenator

    /// A word with a hyphen at each of its break points.
    func shown(_ word: String, _ hyphenator: Hyphenator) -> String {
        let letters = Array(word)
        var result = "", previous = 0
        for cut in hyphenator.breaks(in: word) {
            result += String(letters[previous..<cut]) + "-"
            previous = cut
        }
        return result + String(letters[previous...])
    }

    // The expected breaks are those of libhyphen (LibreOffice) with the same pattern files.

    @Test func dutchWordsBreakBetweenSyllables() {
        #expect(shown("Authenticatiemechanismes", dutch) == "Au-then-ti-ca-tie-me-cha-nis-mes")
        #expect(shown("informatiebeveiliging", dutch) == "in-for-ma-tie-be-vei-li-ging")
        #expect(shown("leerlingadministratiesysteem", dutch) == "leer-ling-ad-mi-ni-stra-tie-sys-teem")
        #expect(shown("Continuïteitsplan", dutch) == "Con-ti-nu-ï-teits-plan")
        #expect(shown("Verwerkingsregister", dutch) == "Ver-wer-kings-re-gis-ter")
    }

    @Test func englishWordsBreakAsTeXBreaksThem() {
        #expect(shown("hyphenation", english) == "hy-phen-ation")
        #expect(shown("authentication", english) == "au-then-ti-ca-tion")
        #expect(shown("responsibilities", english) == "re-spon-si-bil-i-ties")
        #expect(shown("representation", english) == "rep-re-sen-ta-tion")
    }

    @Test func theMinimumsOfThePatternFilesHold() {
        // hyph_nl_NL.dic names none (LibreOffice's 2 and 2 apply); hyph_en_US.dic names 2 and 3.
        #expect((dutch.leftMinimum, dutch.rightMinimum) == (2, 2))
        #expect((english.leftMinimum, english.rightMinimum) == (2, 3))
        for (word, hyphenator) in [
            ("Authenticatiemechanismes", dutch), ("informatiebeveiliging", dutch),
            ("acceptatieomgeving", dutch), ("hyphenation", english), ("responsibilities", english),
        ] {
            let breaks = hyphenator.breaks(in: word)
            #expect(!breaks.isEmpty)
            #expect(breaks.allSatisfy { $0 >= hyphenator.leftMinimum && word.count - $0 >= hyphenator.rightMinimum }, "\(word): \(breaks)")
        }
    }

    @Test func longWordsGetSoftHyphensAndTheRestIsUntouched() {
        #expect(dutch.hyphenate("Authenticatiemechanismes") == "Au\u{AD}then\u{AD}ti\u{AD}ca\u{AD}tie\u{AD}me\u{AD}cha\u{AD}nis\u{AD}mes")
        // Words under 12 letters, spaces, punctuation and case stay as they are.
        #expect(dutch.hyphenate("Doel en reikwijdte van het beleid") == "Doel en reikwijdte van het beleid")
        #expect(dutch.hyphenate("Risicoanalyse") == "Ri\u{AD}si\u{AD}co\u{AD}ana\u{AD}ly\u{AD}se")
        #expect(
            dutch.hyphenate("Beleid (informatiebeveiliging), 2026")
                == "Beleid (in\u{AD}for\u{AD}ma\u{AD}tie\u{AD}be\u{AD}vei\u{AD}li\u{AD}ging), 2026")
        #expect(dutch.hyphenate("INFORMATIEBEVEILIGING") == "IN\u{AD}FOR\u{AD}MA\u{AD}TIE\u{AD}BE\u{AD}VEI\u{AD}LI\u{AD}GING")
        #expect(dutch.hyphenate("e-mailbeveiligingsbeleid").hasPrefix("e-mail\u{AD}be"))
        #expect(dutch.hyphenate("informatie\u{00A0}beveiliging") == "informatie\u{00A0}beveiliging")
        #expect(dutch.hyphenate("") == "")
        // An accent written as a combining mark breaks as the composed letter does.
        #expect(
            dutch.hyphenate("Continue\u{308}iteitsplan").filter { $0 == "\u{AD}" }.count
                == dutch.hyphenate("Continuïteitsplan").filter { $0 == "\u{AD}" }.count)
    }

    @Test func addressesAndTheAuthorsOwnBreaksAreLeftAlone() {
        for text in [
            "www.informatiebeveiliging.nl", "https://informatiebeveiliging.example/beleid",
            "functionaris@gegevensbescherming.nl", "informatiebeveiligingsbeleid.docx", "leerling_administratie",
            "Informatie\u{AD}beveiligingsbeleid",
        ] {
            #expect(dutch.hyphenate(text) == text)
        }
    }

    @Test func patternFilesAreReadAsLibhyphenReadsThem() {
        let text = """
            UTF-8
            LEFTHYPHENMIN 1
            RIGHTHYPHENMIN 1
            COMPOUNDLEFTHYPHENMIN 2
            % a comment
            1b
            c1d/c=d,1,1
            NEXTLEVEL
            1a
            """
        let hyphenator = Hyphenator(patterns: text)
        #expect((hyphenator.leftMinimum, hyphenator.rightMinimum) == (1, 1))
        // Only the first level counts; the non-standard pattern is skipped.
        #expect(hyphenator.breaks(in: "abab") == [1, 3])
        #expect(hyphenator.breaks(in: "acda").isEmpty)
        // A higher digit wins; an even one forbids a break.
        #expect(Hyphenator(patterns: "LEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1b\na2b").breaks(in: "bbab") == [1])
        // ISO8859-1 files are decoded by their first line.
        let latin1 = Data("ISO8859-1\n1".utf8) + Data([0xEB]) + Data("\n".utf8)
        #expect(Hyphenator(patternFile: latin1).breaks(in: "naëf") == [2])
        // Without minimums in the file, two letters stay on either side.
        #expect(Hyphenator(patterns: "UTF-8\n1b\n").breaks(in: "bbbbbb") == [2, 3, 4])
    }

    // MARK: Where soft hyphens go

    @Test func markdownHeadingsAreHyphenatedButNotTheirIdsOrLabels() {
        let source = MarkdownSource(
            text: """
                # Authenticatiemechanismes en `configuratiebestanden`

                Authenticatiemechanismes in een alinea blijven heel.

                ## [Informatiebeveiligingsbeleid](https://example.org/)
                """, firstLine: 1)
        let html = Markdown.html(source, hyphenator: dutch, normURL: { _ in nil }, resolve: { _, _ in .keep })
        #expect(html.contains("<h2 id=\"authenticatiemechanismes-en-configuratiebestanden\">Au\u{AD}then\u{AD}ti\u{AD}ca\u{AD}tie"))
        #expect(html.contains("<code>configuratiebestanden</code>"))
        #expect(html.contains("aria-label=\"Link naar dit kopje: Authenticatiemechanismes en configuratiebestanden\""))
        #expect(html.contains("<p>Authenticatiemechanismes in een alinea blijven heel.</p>"))
        #expect(html.contains("href=\"https://example.org/\">In\u{AD}for\u{AD}ma\u{AD}tie\u{AD}be\u{AD}vei\u{AD}li\u{AD}gings\u{AD}be\u{AD}leid</a>"))
        // Without a hyphenator (the default) nothing changes.
        #expect(!Markdown.html(source, normURL: { _ in nil }, resolve: { _, _ in .keep }).contains("\u{AD}"))
        // Through the sanitizer of raw HTML too.
        let raw = MarkdownSource(text: "# Authenticatiemechanismes\n\n<details><summary>Meer</summary>x</details>\n", firstLine: 1)
        #expect(
            Markdown.html(raw, hyphenator: dutch, normURL: { _ in nil }, resolve: { _, _ in .keep })
                .contains(">Au\u{AD}then\u{AD}ti\u{AD}ca\u{AD}tie\u{AD}me\u{AD}cha\u{AD}nis\u{AD}mes <a class=\"heading-anchor\""))
    }

    @Test func onlyHeadingsCarrySoftHyphens() throws {
        let body = "# Informatiebeveiligingsbeleid\n\nDit informatiebeveiligingsbeleid geldt voor alle scholen.\n"
        let p = MemoryPortfolio([
            "Content/beleid.md": evidence("Informatiebeveiligingsbeleid 2026", norms: "[SM.02]", body: body),
            "Content/pages/over.md": "---\ntitle: Toegankelijkheidsverklaring\n---\nTekst.\n",
        ])
        let site = try #require(p.render(audience: .accountant).site)
        #expect(
            page(site, "documenten/beleid.html").contains(
                "<h1>In\u{AD}for\u{AD}ma\u{AD}tie\u{AD}be\u{AD}vei\u{AD}li\u{AD}gings\u{AD}be\u{AD}leid 2026</h1>"))
        #expect(
            page(site, "normen/SM.02.html").contains("<span>Au\u{AD}then\u{AD}ti\u{AD}ca\u{AD}tie\u{AD}me\u{AD}cha\u{AD}nis\u{AD}mes</span></h1>"))
        #expect(page(site, "paginas/over.html").contains("<h1>Toe\u{AD}gan\u{AD}ke\u{AD}lijk\u{AD}heids\u{AD}ver\u{AD}kla\u{AD}ring</h1>"))
        assertSoftHyphensOnlyInHeadings(site)
    }

    @Test func aDutchNormTitleOnTheEnglishSiteIsHyphenatedAsDutch() throws {
        let p = MemoryPortfolio(["normfolio.yml": "language: en\n", "Content/a.md": evidence()])
        let site = try #require(p.render(audience: .accountant).site)
        // PR.03 has no English title: its Dutch one, marked lang="nl", breaks by the Dutch patterns.
        #expect(
            page(site, "normen/PR.03.html")
                .contains(
                    "<span lang=\"nl\">Ver\u{AD}wer\u{AD}kings\u{AD}re\u{AD}gis\u{AD}ter ac\u{AD}tu\u{AD}a\u{AD}li\u{AD}sa\u{AD}tie</span></h1>"))
        #expect(page(site, "normen/SM.02.html").contains("<span>Au\u{AD}then\u{AD}ti\u{AD}ca\u{AD}tion mechanisms</span></h1>"))
        assertSoftHyphensOnlyInHeadings(site)
    }

    @Test func theFixtureSitesHaveSoftHyphensOnlyInHeadings() throws {
        let result = Normfolio.render(BuildOptions(portfolio: siteFixture, audience: .auditor), today: fixedToday)
        assertSoftHyphensOnlyInHeadings(try #require(result.site))
    }

    /// The page's `<title>`, links, attributes, the search index, the exports and every other file
    /// have no soft hyphen: they would break search and copying. Headings' text may.
    func assertSoftHyphensOnlyInHeadings(_ site: Site, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var hyphenatedPages = 0
        for file in site.files {
            guard let data = file.bytes(io: .live) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            guard file.path.hasSuffix(".html") else {
                #expect(!text.contains("\u{AD}"), "a soft hyphen in \(file.path)", sourceLocation: sourceLocation)
                continue
            }
            // What is left without the text of headings (their tags and attributes stay).
            let outside =
                text.replacingOccurrences(
                    of: "(<h[1-6][^>]*>)(.*?)(</h[1-6]>)", with: "$1$3",
                    options: .regularExpression)
                + text.matches(of: /<h[1-6][^>]*>|<a [^>]*>/).map { String($0.output) }.joined()
            #expect(!outside.contains("\u{AD}"), "a soft hyphen outside a heading's text in \(file.path)", sourceLocation: sourceLocation)
            if text.contains("\u{AD}") { hyphenatedPages += 1 }
        }
        #expect(hyphenatedPages > 0, "no heading was hyphenated", sourceLocation: sourceLocation)
    }
}
