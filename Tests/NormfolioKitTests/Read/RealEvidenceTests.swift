import Foundation
import Testing

@testable import NormfolioKit

let evidenceFixture = fixtures.appendingPathComponent("evidence").path

/// Real documents, faithfully: the Markdown boards write (tables, task lists, footnotes, anchors,
/// raw HTML, remote images) on a rendered page, and the warnings about what does not come through.
@Suite struct RealEvidenceTests {
    func html(_ text: String) -> String {
        Markdown.html(MarkdownSource(text: text, firstLine: 1), normURL: { "../normen/\($0).html" }, resolve: { _, _ in .keep })
    }

    /// Fixtures/evidence/Content/beleid/classificatie.md holds every construct; its page and
    /// the warnings, each at its place, are golden.
    @Test func aDocumentWithEveryConstructMatchesItsSnapshot() throws {
        let result = Normfolio.render(BuildOptions(portfolio: evidenceFixture, audience: .auditor), today: fixedToday)
        let file = "Content/beleid/classificatie.md"
        #expect(
            result.diagnostics.map(\.formatted) == [
                "\(file):10:1: warning: unknown field 'schooljaar'; it is ignored; list it under accept_keys in normfolio.yml to accept it [unknown-key]",
                "\(file):14:79: warning: link to '#doelen', but Content/beleid/ib-beleid.md has no heading with that anchor (did you mean '#doel'?) [broken-anchor]",
                // The <script> on its own line of the HTML block that starts at line 40.
                "\(file):41:1: warning: raw HTML <script> is removed with its content [html-removed]",
                "\(file):43:14: warning: raw HTML <naam> is not HTML; it is shown as text [html-removed]",
                "\(file):45:1: warning: image 'https://www.kennisnet.nl/logo.png' is on another site, and the portfolio loads nothing from the internet: it is shown as a link; download it into the portfolio and link to the file to show it [remote-image]",
                "\(file):47:86: warning: IPv4 address 192.168.*.*; remove it or acknowledge it with pii_reviewed: [ipv4] [personal-data-ipv4]",
                "\(file):49:19: warning: footnote '[^bijlage]' is not defined; add a line '[^bijlage]: …' with its text [unknown-footnote]",
                "\(file):62:1: warning: footnote '[^ongebruikt]' is defined but nothing refers to it; it is not shown [unused-footnote]",
            ])
        let site = try #require(result.site)
        try assertSnapshot(site, named: "evidence", only: ["documenten/beleid-classificatie.html", "documenten/index-document.html"])

        let page = page(site, "documenten/beleid-classificatie.html")
        // The title heading is not shown twice; the numbering of BIO measures is no address.
        #expect(page.components(separatedBy: "Clas\u{AD}si\u{AD}fi\u{AD}ca\u{AD}tie van informatie</h1>").count == 2)
        #expect(!page.contains("<h2 id=\"classificatie-van-informatie\""))
        // Nothing unsafe survives the raw HTML, and nothing loads from the internet.
        for unsafe in ["onclick", "<script", "alert(", "style=", "<img src=\"https:"] { #expect(!page.contains(unsafe), "\(unsafe)") }
        // Content/index.md is a document of its own; the site's home page stays the home page.
        #expect(site.files.contains { $0.path == "documenten/index-document.html" })
        #expect(
            Normfolio.render(BuildOptions(portfolio: evidenceFixture, audience: .auditor), today: fixedToday).site?.files
                .map(\.path) == site.files.map(\.path))
    }

    @Test func headingIDsAvoidOnlyTheIDsOfThePagesBodiesAreShownOn() {
        let out = html("## Niveaus\n\n## Bijlagen\n\n## Bijlagen\n\n## Inhoud\n")
        // "niveaus" is an id of the catalogue page only; "bijlagen" and "inhoud" are on a document's page.
        #expect(out.contains("<h2 id=\"niveaus\">"))
        #expect(out.contains("<h2 id=\"bijlagen-1\">"))
        #expect(out.contains("<h2 id=\"bijlagen-2\">"))
        #expect(out.contains("<h2 id=\"inhoud-1\">"))
    }

    @Test func linksThatLeadNowhereSayWhatWasProbablyMeant() {
        let body = """
            Mail 1️⃣[de functionaris](privacy@delinde.nl), lees 2️⃣[het beleid](../beleid/ib-beleid/) \
            of 3️⃣[de procedure](/procedures/incident.md) en 4️⃣[de rollen](#rolen).

            ## Rollen
            """
        let portfolio = MemoryPortfolio([
            "Content/beleid/ib-beleid.md": evidence("Beleid"),
            "Content/procedures/incident.md": evidence("Incidenten"),
            "Content/procedures/meldplicht.md": evidence("Meldplicht", body: body),
        ])
        let file = "Content/procedures/meldplicht.md"
        let at = { (marker: String) -> String in
            let l = portfolio.location(marker, in: file); return "\(l.path):\(l.line):\(l.column)"
        }
        #expect(
            portfolio.check().diagnostics.map(\.formatted) == [
                "\(at("1️⃣")): error: link to 'privacy@delinde.nl', which does not exist (did you mean 'mailto:privacy@delinde.nl'?) [broken-link]",
                // The address itself is found where it stands in the link.
                "Content/procedures/meldplicht.md:6:24: warning: e-mail address p***@delinde.nl; remove it, add it to email_allowlist in normfolio.yml, or acknowledge it with pii_reviewed: [email] [personal-data-email]",
                "\(at("2️⃣")): error: link to '../beleid/ib-beleid/', which does not exist (did you mean '../beleid/ib-beleid.md'?) [broken-link]",
                "\(at("3️⃣")): error: '/procedures/incident.md' points outside the portfolio's Content/ folder (paths are relative to this file: did you mean 'incident.md'?) [outside-portfolio]",
                "\(at("4️⃣")): warning: link to '#rolen', but Content/procedures/meldplicht.md has no heading with that anchor (did you mean '#rollen'?) [broken-anchor]",
            ])
    }

    @Test func removedHTMLIsReportedOncePerElementAtItsFirstPlace() {
        let body = "Tekst.\n\n1️⃣<script>a()</script>\n\n2️⃣<font color=\"red\">Welkom</font>\n\n<script>b()</script>\n"
        let portfolio = MemoryPortfolio(["Content/a.md": evidence(body: body)])
        let diagnostics = portfolio.check().diagnostics
        #expect(
            diagnostics.map(\.message) == [
                "raw HTML <script> (2 times in this file) is removed with its content",
                "raw HTML <font> is not published; the text inside it is kept",
            ])
        #expect(diagnostics.map(\.location) == [portfolio.location("1️⃣", in: "Content/a.md"), portfolio.location("2️⃣", in: "Content/a.md")])
        #expect(diagnostics.allSatisfy { $0.code == "html-removed" && $0.severity == .warning })
        let rendered = html(MarkedText(body).text)
        #expect(rendered == "<p>Tekst.</p>\n\n<p>Welkom</p>\n\n")
    }

    @Test func tablesWorkInsideQuotesAndListsWithTheBodysLinkDefinitions() {
        let quoted = html("> | Rol | Wie |\n> | --- | --- |\n> | FG | [Jan][fg] |\n\n[fg]: https://delinde.nl/fg\n")
        #expect(quoted.hasPrefix("<blockquote>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel: Rol, Wie\">\n<table>"))
        #expect(quoted.contains("<td><a rel=\"noopener noreferrer\" href=\"https://delinde.nl/fg\">Jan</a></td>"))
        let listed = html("1. Stap\n\n   | a | b |\n   |---|---|\n   | 1 | 2 |\n")
        #expect(listed.contains("<li>\n<p>Stap</p>\n<div class=\"table-wrap\""))
        #expect(listed.contains("<td>1</td>\n<td>2</td>"))
        // A pipe in code inside a cell is escaped with a backslash, and a row with too many cells loses the extra ones.
        let code = html("| a | b |\n|---|---|\n| `x \\| y` | z | extra |\n")
        #expect(code.contains("<td><code>x | y</code></td>\n<td>z</td>\n</tr>"))
    }

    @Test func footnotesAreNumberedInOrderOfUseAndLinkBothWays() {
        let out = html("Eerst[^b], dan[^a], weer[^b].\n\n[^a]: Alfa.\n[^b]: Bravo.\n")
        #expect(
            out.contains(
                "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>, dan<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\">2</a></sup>"
            ))
        #expect(out.contains("<li id=\"fn-1\">\n<p>Bravo."))
        #expect(out.contains("<li id=\"fn-2\">\n<p>Alfa."))
    }
}
