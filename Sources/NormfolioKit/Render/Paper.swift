import Foundation

/// The kind of PDF `build --pdf` writes: archivable (PDF/A-3b, the default) or tagged for
/// screen readers (PDF/UA-1). WeasyPrint makes one or the other, not both at once.
public enum PDFVariant: String, Sendable, CaseIterable {
    case archival = "pdf/a-3b"
    case tagged = "pdf/ua-1"
}

/// The papers an edition is printed as with `build --pdf`: the report for the board and the
/// accountant, and the handbook with every document the edition publishes. Each is a paged HTML
/// document (a cover, contents with page numbers, running headers, "pagina X van Y") that
/// WeasyPrint typesets into `export/<name>.pdf`.
enum Paper: String, CaseIterable, Sendable {
    case report = "rapport"
    case handbook = "handboek"

    var path: String { Routes.paper(rawValue) }
    /// Where the paged HTML stands while WeasyPrint reads it: beside the PDF, so that links to the
    /// site's files (`../bijlagen/…`) resolve as they do from a page one folder deep.
    var htmlPath: String { Routes.paperSource(rawValue) }
}

/// What `paper.mustache` sees: one paged document.
struct PaperView: TemplateView {
    struct Entry: TemplateView {
        var id: String
        var title: String
        var level: Int
    }

    var lang: String
    var title: String
    var subject: String
    var organisation: String
    var edition: String
    var asOf: String
    /// The reference date as `YYYY-MM-DD`, the document's date in its metadata.
    var created: String
    /// The SHA-256 of the list of the published documents' sources (see `Integrity.sourcesFingerprint`).
    var fingerprint: String
    /// The running header and the page numbers' words, written as CSS strings (triple braces).
    var header: String
    var pageLabel: String
    var ofLabel: String
    var contents: [Entry]
    var content: String
}

/// One document of the handbook (`paper-handbook.mustache`).
struct PaperDocument: TemplateView {
    struct Attachment: TemplateView {
        var name: String
        var size: String
        var sha256: String
    }

    var id: String
    var title: String
    var facts: [Crumb]
    var body: String
    var attachments: [Attachment]
    var hasAttachments: Bool
    var attention: [AttentionView]
}

/// What `paper-handbook.mustache` sees: the documents by domain.
struct PaperHandbook: TemplateView {
    var domains: [PaperDomain]
}

/// A part and domain of the handbook with its documents.
struct PaperDomain: TemplateView {
    var id: String
    var title: String
    var documents: [PaperDocument]
}

/// WeasyPrint (https://weasyprint.org), run as a separate process: HTML and CSS for paged media
/// in, PDF out.
public enum WeasyPrint {
    static func locate() -> ExternalProgram? { ExternalProgram.locate("weasyprint") }

    /// Whether WeasyPrint is on the PATH.
    public static var isInstalled: Bool { locate() != nil }

    /// What to say when it is not installed.
    public static let missing =
        "build --pdf needs WeasyPrint, which is not installed: install it with 'sudo apt-get install weasyprint' "
        + "(Debian, Ubuntu) or 'pip install weasyprint' (see https://doc.courtbouillon.org/weasyprint/stable/first_steps.html); "
        + "nothing was written"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The PDF of `html` (standing at `htmlPath` among `files`, by path in a site). The same
    /// input gives the same bytes: the file identifier is the HTML's hash, and Python's hashing
    /// (which orders the embedded fonts' parts) is fixed.
    static func pdf(html: String, at htmlPath: String, files: [String: Data], variant: PDFVariant) throws -> Data {
        guard let program = locate() else { throw Failure(description: missing) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normfolio-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, data) in files.merging([htmlPath: Data(html.utf8)], uniquingKeysWith: { _, new in new }) {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        let identifier = String(Integrity.sha256(Data(html.utf8)).prefix(32))
        let result = try program.run(
            ["--pdf-variant", variant.rawValue, "--pdf-identifier", identifier, "--quiet", htmlPath, "out.pdf"],
            in: folder, environment: ["PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0"])
        guard result.status == 0, let data = try? Data(contentsOf: folder.appendingPathComponent("out.pdf")) else {
            throw Failure(
                description: "WeasyPrint could not make \((htmlPath as NSString).deletingPathExtension).pdf: "
                    + result.messages.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return data
    }

    /// `text` as a CSS string's contents: quotes and backslashes escaped, line breaks left out.
    static func cssString(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": result += "\\" + String(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += " "
            case "<": result += "\\3C "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Paper {
    /// HTML made for a site, as a paper shows it: a link to a page of the site becomes its text
    /// (a paper has no pages to go to), except where `anchor` gives the place in the paper it
    /// leads to; links within the paper (`#…`) and off the site stay.
    static func unlinked(_ html: String, anchor: (String) -> String? = { _ in nil }) -> String {
        // One pass over the bytes: a handbook of thousands of documents is megabytes of HTML.
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        let open = Array("<a ".utf8), close = Array("</a>".utf8), hrefMarker = Array("href=\"".utf8)
        func starts(_ needle: [UInt8], at index: Int) -> Bool {
            index + needle.count <= bytes.count && bytes[index..<index + needle.count].elementsEqual(needle)
        }
        // Links do not nest: each closing tag belongs to the last opening one, kept or not.
        var kept = true
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                if starts(close, at: index) {
                    result += Array((kept ? "</a>" : "</span>").utf8)
                    index += close.count
                    continue
                }
                if starts(open, at: index), let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
                    let tag = Array(bytes[index...end])
                    var href = ""
                    if let at = (0..<max(0, tag.count - hrefMarker.count)).first(where: { tag[$0..<$0 + hrefMarker.count].elementsEqual(hrefMarker) })
                    {
                        let value = tag[(at + hrefMarker.count)...].prefix { $0 != UInt8(ascii: "\"") }
                        href = String(decoding: value, as: UTF8.self)
                    }
                    if href.hasPrefix("#") || href.hasPrefix("https://") || href.hasPrefix("http://") || href.hasPrefix("mailto:") {
                        result += tag
                        kept = true
                    } else if let target = anchor(href) {
                        result += Array("<a href=\"#\(target)\">".utf8)
                        kept = true
                    } else {
                        result += Array("<span class=\"paper-link\">".utf8)
                        kept = false
                    }
                    index = end + 1
                    continue
                }
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The site's charts (SVG) with their colours as attributes: WeasyPrint draws inline SVG
    /// without the page's stylesheet, so the classes the site colours by CSS say their colours
    /// themselves (the theme's light colours), and the text its font and size.
    static func paintedCharts(_ html: String) -> String {
        guard html.contains("<svg class=\"chart") else { return html }
        var result = html
        for (from, to) in chartPaint { result = result.replacingOccurrences(of: from, with: to) }
        return result
    }

    private static let chartPaint: [(String, String)] = [
        ("<svg class=\"chart", "<svg font-family=\"sans-serif\" font-size=\"12\" fill=\"#1b1f24\" class=\"chart"),
        ("class=\"chart-covered\"", "class=\"chart-covered\" fill=\"#2e7d4f\""),
        ("class=\"chart-stale\"", "class=\"chart-stale\" fill=\"#b86e00\""),
        ("class=\"chart-missing\"", "class=\"chart-missing\" fill=\"#b3261e\""),
        ("class=\"chart-na\"", "class=\"chart-na\" fill=\"#8a949e\""),
        ("class=\"chart-level\"", "class=\"chart-level\" fill=\"#1d4e89\""),
        ("class=\"chart-line\"", "class=\"chart-line\" stroke=\"#1d4e89\" stroke-width=\"2.5\""),
        ("class=\"chart-grid\"", "class=\"chart-grid\" stroke=\"#d5dbe1\" stroke-width=\"1\""),
        ("class=\"chart-target\"", "class=\"chart-target\" stroke=\"#1b1f24\" stroke-width=\"3\""),
        ("class=\"chart-tick\"", "class=\"chart-tick\" fill=\"#5b6570\""),
    ]

    /// The `<h2 id="…">` headings of HTML, as the contents list them.
    static func headings(in html: String, level: Int = 2) -> [PaperView.Entry] {
        var entries: [PaperView.Entry] = []
        var rest = Substring(html)
        let marker = "<h\(level) id=\""
        while let start = rest.range(of: marker) {
            let id = rest[start.upperBound...].prefix { $0 != "\"" }
            guard let end = rest[start.upperBound...].range(of: "</h\(level)>") else { break }
            let inner = rest[start.upperBound..<end.lowerBound].drop { $0 != ">" }.dropFirst()
            let title = String(inner).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "\u{AD}", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
            entries.append(PaperView.Entry(id: String(id), title: Self.unescaped(title), level: level - 1))
            rest = rest[end.upperBound...]
        }
        return entries
    }

    /// Text as HTML escapes it (`htmlEscaped`), read back.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#123;", "{"), ("&#125;", "}"),
            ("&amp;", "&"),
        ] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}
