import Foundation
import Testing

@testable import NormfolioKit

/// The examples of the GitHub Flavored Markdown spec for the extensions normfolio supports
/// (tables, strikethrough, bare-URL autolinks), from Fixtures/gfm-spec (CC-BY-SA 4.0, see its
/// README). normfolio writes some things its own way for accessibility and its content policy;
/// `normalized` undoes exactly those differences, nothing else, before comparing.
@Suite struct GFMSpecTests {
    struct Example: CustomTestStringConvertible {
        var number: Int
        var kind: String
        var markdown: String
        var html: String
        var testDescription: String { "example \(number) (\(kind))" }
    }

    static let examples: [Example] = {
        let url = fixtures.appendingPathComponent("gfm-spec/extensions.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var examples: [Example] = []
        var current: Example?
        var inHTML = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("=== example ") {
                let parts = line.split(separator: " ")
                current = Example(number: Int(parts[2]) ?? 0, kind: String(parts[3]), markdown: "", html: "")
                inHTML = false
            } else if line == "--- html" {
                inHTML = true
            } else if line == "=== end", let example = current {
                examples.append(example)
                current = nil
            } else if current != nil {
                if inHTML { current?.html += line + "\n" } else { current?.markdown += line + "\n" }
            }
        }
        return examples
    }()

    /// Examples normfolio deliberately does not follow: why, and the spec's expected HTML with
    /// that one rule applied.
    static let deviations: [Int: (reason: String, html: String)] = [
        629: (
            "ftp: addresses stay text: browsers no longer open them",
            """
            <p><a href="http://commonmark.org">http://commonmark.org</a></p>
            <p>(Visit <a href="https://encrypted.google.com/search?q=Markup+(business)">https://encrypted.google.com/search?q=Markup+(business)</a>)</p>
            <p>Anonymous FTP is available at ftp://foo.bar.baz.</p>

            """
        ),
        630: (
            "bare e-mail addresses stay text: a portfolio should not link every address by accident",
            "<p>foo@bar.baz</p>\n"
        ),
        631: (
            "bare e-mail addresses stay text",
            "<p>hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.</p>\n"
        ),
        632: (
            "bare e-mail addresses stay text",
            "<p>a.b-c_d@a.b</p>\n<p>a.b-c_d@a.b.</p>\n<p>a.b-c_d@a.b-</p>\n<p>a.b-c_d@a.b_</p>\n"
        ),
    ]

    /// normfolio's HTML with its deliberate differences from the spec's undone: the scrolling
    /// region around a table, `scope` on header cells, alignment as a class instead of the
    /// `align` attribute, and `rel` on links that leave the site.
    static func normalized(_ html: String) -> String {
        var text = html
        while let start = text.range(of: "<div class=\"table-wrap\""), let end = text.range(of: ">\n", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
            if let close = text.range(of: "</table>\n</div>\n", range: start.lowerBound..<text.endIndex) {
                text.replaceSubrange(close, with: "</table>\n")
            }
        }
        for alignment in ["left", "center", "right"] {
            text = text.replacingOccurrences(of: " class=\"align-\(alignment)\"", with: " align=\"\(alignment)\"")
        }
        return text.replacingOccurrences(of: " scope=\"col\"", with: "").replacingOccurrences(of: " rel=\"noopener noreferrer\"", with: "")
    }

    static func render(_ markdown: String) -> String {
        Markdown.html(MarkdownSource(text: markdown, firstLine: 1), normURL: { _ in nil }, resolve: { _, _ in .keep })
    }

    @Test func theExtractIsComplete() {
        #expect(Self.examples.count == 22)
        #expect(Set(Self.examples.map(\.kind)) == ["table", "strikethrough", "autolink"])
    }

    @Test(arguments: examples.filter { deviations[$0.number] == nil })
    func followsTheSpec(_ example: Example) {
        #expect(Self.normalized(Self.render(example.markdown)) == example.html)
    }

    /// The deviations are exactly what they say: the spec's output with that one rule applied.
    @Test(arguments: examples.filter { deviations[$0.number] != nil })
    func deviatesOnPurpose(_ example: Example) throws {
        let deviation = try #require(Self.deviations[example.number])
        #expect(deviation.html != example.html, "\(deviation.reason)")
        #expect(Self.normalized(Self.render(example.markdown)) == deviation.html, "\(deviation.reason)")
    }

    /// The spec's two task-list examples (280 and 281) are tagged `disabled` in the spec file, so
    /// they are not in the extract; their expected output, with normfolio's label for screen
    /// readers and class names removed, is the spec's.
    @Test func taskListsFollowTheSpec() {
        let tasks = { (html: String) -> String in
            var text = html.replacingOccurrences(of: " class=\"task-list\"", with: "")
                .replacingOccurrences(of: " class=\"task\"", with: "")
            while let start = text.range(of: " aria-label=\""), let end = text.range(of: "\"", range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
            return text
        }
        #expect(
            tasks(Self.render("- [ ] foo\n- [x] bar\n"))
                == "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> foo</li>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> bar</li>\n</ul>\n"
        )
        #expect(
            tasks(Self.render("- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim\n"))
                == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> foo\n<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> bar</li>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> baz</li>\n</ul>\n</li>\n<li><input type=\"checkbox\" disabled=\"\" /> bim</li>\n</ul>\n"
        )
    }

    /// cmark reads a table's lines followed by `---` as a setext heading; in GFM the table ends
    /// there and the line is a thematic break (with `===` it is the table's last row: example 203).
    @Test func aDashUnderlineAfterATableIsARule() {
        let html = Self.normalized(Self.render("| a | b |\n| - | - |\n| c | d |\n---\n"))
        #expect(
            html
                == "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<hr />\n"
        )
        // Without a table, the underline still makes a heading.
        #expect(Self.render("a | b\n---\n").hasPrefix("<h2 id=\"a--b\">a | b "))
    }
}
