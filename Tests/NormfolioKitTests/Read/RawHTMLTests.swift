import Foundation
import Testing

@testable import NormfolioKit

/// Raw HTML in Markdown: each problem at the tag or attribute it is about (not the block's first
/// line), HTML links with the hints of Markdown links, boxes and figures kept, remote images as
/// links that read as images.
@Suite struct RawHTMLTests {
    static let body = """
        Tekst.

        7️⃣<div>
          <a 1️⃣href="../beleid/b/">naar b</a> en
          <img 2️⃣src="ontbreekt.png" alt="x"> en 3️⃣<blink>k</blink>
        </div>

        - lijst
          <aside>
          <p>Let op: <a 4️⃣href="geen.md">weg</a></p>
          </aside>

        Zie 5️⃣![](https://example.com/badge.svg) en 6️⃣[de pagina](../beleid/b/).

        """

    @Test func everyProblemInAnHTMLBlockIsAtItsOwnTagOrAttribute() {
        let p = MemoryPortfolio(["Content/beleid/a.md": evidence(body: Self.body), "Content/beleid/b.md": evidence("B")])
        let found = p.check().diagnostics.filter { $0.location.path == "Content/beleid/a.md" && $0.code != "placeholder" }
        let at = { (marker: String) in p.location(marker, in: "Content/beleid/a.md") }
        #expect(found.map(\.location) == ["7️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣"].map(at))
        #expect(found.map(\.code) == ["html-removed", "broken-link", "broken-link", "html-removed", "broken-link", "remote-image", "broken-link"])
        #expect(found[1].message.hasSuffix("(did you mean 'b.md'?)") && found[6].message.hasSuffix("(did you mean 'b.md'?)"))
    }

    @Test func boxesFiguresAndDetailsKeepTheirStructure() {
        let html = Markdown.html(
            MarkdownSource(
                text: """
                    <aside>
                    <p>Let op</p>
                    </aside>

                    <figure><img src="https://example.com/g.png" alt="Grafiek"><figcaption>Onderschrift</figcaption></figure>

                    <details><summary>Meer</summary>

                    Inhoud.

                    </details>

                    Zie ![](https://example.com/badge.svg) hier en ![Logo](https://example.com/logo.png).

                    """, firstLine: 1), normURL: { _ in nil }, resolve: { _, _ in .keep })
        #expect(html.contains("<aside>\n<p>Let op</p>\n</aside>"))
        #expect(
            html.contains(
                "<figure><a rel=\"noopener noreferrer\" href=\"https://example.com/g.png\">afbeelding: Grafiek</a>"
                    + "<figcaption>Onderschrift</figcaption></figure>"))
        #expect(html.contains("<details><summary>Meer</summary>\n<p>Inhoud.</p>\n</details>"))
        #expect(html.contains("Zie <a rel=\"noopener noreferrer\" href=\"https://example.com/badge.svg\">afbeelding (example.com)</a> hier"))
        #expect(html.contains("<a rel=\"noopener noreferrer\" href=\"https://example.com/logo.png\">afbeelding: Logo</a>."))
    }

    @Test func anAnchorInHTMLIsWhereLinksMayLead() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(body: "Zie [hier](#my_bookmark) en [daar](#1️⃣weg).\n\nEen <a id=\"my_bookmark\"></a>plek.\n")
        ])
        let found = p.check().diagnostics.filter { $0.code == "broken-anchor" }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'#weg'") == true)
    }
}
