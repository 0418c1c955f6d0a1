import CCmark
import Foundation

/// The one place that talks to libcmark. Everything it hands back is a Swift value; every C
/// object it creates is freed before it returns.
public enum Markdown {
    /// What a Markdown body refers to: its links and images, and the norm-ID-shaped words in its text.
    public struct Analysis: Sendable {
        public var links: [MarkdownLink] = []
        public var mentions: [NormMention] = []
        /// The words a reader sees on the page, for search: text, code and image descriptions,
        /// without markup, link targets, raw HTML, comments or link reference definitions.
        public var visibleText = ""
        /// The ids of the body's headings, for `#anchor` links.
        public var anchors: [String] = []
        /// Problems the body has on its own (footnotes without a definition, and the like).
        public var diagnostics: [Diagnostic] = []
        /// Elements of raw HTML that are not published: how often, and where first.
        var removedHTML: [String: (count: Int, location: SourceLocation)] = [:]
        /// The ids of raw HTML's anchors, `<a id="…"></a>` (Word's bookmarks, brought by import).
        var htmlAnchors: [String] = []
    }

    /// The words rendered Markdown needs besides the author's, in the site's language.
    public struct Labels: Sendable {
        /// Names a table's scrolling region ("Tabel: kolom, kolom").
        public var table: String
        /// Names the link beside each heading ("Link naar dit kopje: Doel").
        public var headingLink: String
        /// Names the list of footnotes.
        public var footnotes: String
        /// Names the link from a footnote back to where it is referred to.
        public var footnoteBack: String
        /// Names the link a remote image becomes ("afbeelding: grafiek").
        public var remoteImage: String

        public init(table: String, headingLink: String, footnotes: String, footnoteBack: String, remoteImage: String = "afbeelding") {
            (self.table, self.headingLink, self.footnotes, self.footnoteBack) = (table, headingLink, footnotes, footnoteBack)
            self.remoteImage = remoteImage
        }

        public static let dutch = Labels(
            table: "Tabel", headingLink: "Link naar dit kopje", footnotes: "Voetnoten",
            footnoteBack: "Terug naar de tekst")
    }

    /// How the renderer should treat one link or image.
    public enum LinkTarget: Sendable, Equatable {
        /// Keep the destination as written (external links, in-page anchors).
        case keep
        /// Point the link at this URL instead.
        case rewrite(String)
        /// Point the link at this URL, to be saved as `filename` rather than opened (an attachment
        /// a browser would run); an image is shown as such a link, never as an image.
        case download(String, filename: String)
        /// Drop the link but keep its text (a withheld or unsafe target).
        case unlink
    }

    /// A parsed body: the document to render, and what it refers to.
    public typealias Parsed = (document: MarkdownDocument, analysis: Analysis)

    /// Parses a body: the document to render, and what it refers to, with places in the original
    /// file. The only time a body is parsed.
    public static func parse(_ source: MarkdownSource, path: String) -> Parsed {
        let prepared = Footnotes.prepare(source.text)
        let lines = SourceLines(prepared.text, insertions: prepared.insertions)
        var analysis = Analysis()
        // Cells of tables are parsed on their own; link reference definitions are document-wide.
        let definitions = prepared.text.containsByte(UInt8(ascii: "|")) ? referenceDefinitions(in: prepared.text) : ""
        let features = MarkdownExtensions.Features(prepared.text)
        var converter = TreeConverter(lines: lines, path: path, firstLine: source.firstLine, definitions: definitions)
        // Without web addresses and footnotes, nothing can overlap a norm ID in a text: norm IDs
        // become tokens as the tree is built, and most bodies need no further pass.
        converter.splitsNorms = !features.addresses && !features.footnotes
        var document = withDocument(prepared.text) { root in converter.convert(root, analysis: &analysis) }
        let (blocks, footnotes) = Footnotes.extractDefinitions(from: document.blocks)
        document.blocks = blocks
        MarkdownExtensions.apply(to: &document, definitions: footnotes, reservedIDs: reservedIDs, features: features)
        analysis.visibleText = document.visibleText
        analysis.anchors = document.anchors + analysis.htmlAnchors.filter { !reservedIDs.contains($0) }
        analysis.diagnostics += footnoteDiagnostics(
            prepared, defined: footnotes, used: Set(document.footnotes.map(\.label)),
            path: path, firstLine: source.firstLine)
        for (name, removal) in analysis.removedHTML.sorted(by: { $0.value.location < $1.value.location }) {
            analysis.diagnostics.append(.htmlRemoved(name, count: removal.count, at: removal.location))
        }
        return (document, analysis)
    }

    /// Ids the pages a body is shown on (documents, free pages, and norm pages with their
    /// assessment) use for their own sections, and those of footnotes: a heading never gets one
    /// of them. Other pages' ids are free: a heading may be called "Niveaus" without a suffix.
    static let reservedIDs: Set<String> = {
        var ids: Set<String> = []
        let shown = ["layout.mustache", "head-extra.mustache", "document.mustache", "page.mustache", "norm.mustache"]
        for (name, data) in Theme.builtInFiles(under: "Templates") where shown.contains(name) {
            let text = String(decoding: data, as: UTF8.self)
            for part in text.components(separatedBy: "id=\"").dropFirst() {
                let id = part.prefix { $0 != "\"" }
                if !id.contains("{") { ids.insert(String(id)) }
            }
        }
        return ids.union(["main", "inhoud", "content", "footnotes"])
    }()

    /// Warnings for references to footnotes that are not defined, and definitions nothing refers to.
    private static func footnoteDiagnostics(
        _ prepared: Footnotes.Prepared, defined: [String: [MarkdownDocument.Block]],
        used: Set<String>, path: String, firstLine: Int
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in prepared.references where defined[reference.label] == nil {
            diagnostics.append(
                .unknownFootnote(
                    reference.label,
                    at: SourceLocation(
                        path: path, line: reference.line + firstLine - 1,
                        column: reference.column)))
        }
        var reported = Set<String>()
        for definition in prepared.definitions where !used.contains(definition.label) && reported.insert(definition.label).inserted {
            diagnostics.append(
                .unusedFootnote(
                    definition.label,
                    at: SourceLocation(
                        path: path, line: definition.line + firstLine - 1,
                        column: definition.column)))
        }
        return diagnostics
    }

    /// What a body refers to (see `parse`).
    public static func analyze(_ source: MarkdownSource, path: String) -> Analysis {
        parse(source, path: path).analysis
    }

    /// Renders a parsed body to HTML (see `HTMLWriter`): norm IDs become links (`normURL` gives
    /// the URL of a catalogue ID, nil for others), links and images are resolved by `resolve`,
    /// headings are shifted so the body starts at `<h2>` below the page's `<h1>` and never skips a
    /// level, and with a `hyphenator` their long words get soft hyphens. Raw HTML is not passed through.
    public static func html(
        _ document: MarkdownDocument,
        labels: Labels = .dutch,
        hyphenator: Hyphenator? = nil,
        normURL: (String) -> String?,
        resolve: (_ destination: String, _ isImage: Bool) -> LinkTarget
    ) -> String {
        withoutActuallyEscaping(normURL) { normURL in
            withoutActuallyEscaping(resolve) { resolve in
                var writer = HTMLWriter(normURL: normURL, resolve: resolve, labels: labels, hyphenator: hyphenator)
                return writer.render(document)
            }
        }
    }

    /// Parses and renders a body in one go (for tests and the fuzzer).
    public static func html(
        _ source: MarkdownSource,
        labels: Labels = .dutch,
        hyphenator: Hyphenator? = nil,
        normURL: (String) -> String?,
        resolve: (_ destination: String, _ isImage: Bool) -> LinkTarget
    ) -> String {
        html(parse(source, path: "").document, labels: labels, hyphenator: hyphenator, normURL: normURL, resolve: resolve)
    }

    // MARK: Tree helpers

    static func withDocument<T>(_ text: String, _ body: (OpaquePointer) -> T) -> T {
        var text = text
        return text.withUTF8 { bytes in
            let parsed = bytes.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_SOURCEPOS)
            }
            // cmark only fails to return a document when memory allocation fails.
            guard let document = parsed else { preconditionFailure("cmark could not allocate a document") }
            defer { cmark_node_free(document) }
            return body(document)
        }
    }

    /// The lines that may define link references (`[label]: destination`), to parse a table's
    /// cells with: only these lines, so a cell can use a reference defined anywhere in the body.
    private static func referenceDefinitions(in text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).filter { line in
            let content = line.drop { $0 == " " }
            return line.count - content.count <= 3 && content.hasPrefix("[") && content.contains("]:")
        }.joined(separator: "\n")
    }

    /// The literal of a text-like node, as a string.
    static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    // MARK: Norm IDs in text

    /// Tokens shaped like a norm ID (two letters, a dot, two digits, standing alone) in a text;
    /// lower-case ones are returned too, so "sm.02" can get a did-you-mean. Offsets are in bytes.
    static func normTokens(in text: String) -> [(id: String, offset: Int)] {
        var text = text
        return text.withUTF8 { normTokens(in: $0) }
    }

    private static func normTokens(in bytes: UnsafeBufferPointer<UInt8>) -> [(id: String, offset: Int)] {
        guard bytes.count >= 5, let base = bytes.baseAddress else { return [] }
        var tokens: [(String, Int)] = []
        var searchFrom = 2
        // Every norm ID has a dot at its third byte: jump from dot to dot.
        while searchFrom <= bytes.count - 3,
            let found = memchr(base + searchFrom, Int32(UInt8(ascii: ".")), bytes.count - 2 - searchFrom)
        {
            let dot = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let i = dot - 2
            if Catalog.isLetter(bytes[i]), Catalog.isLetter(bytes[i + 1]), Catalog.isDigit(bytes[dot + 1]),
                Catalog.isDigit(bytes[dot + 2]), i == 0 || !isWordByte(bytes[i - 1]),
                i + 5 == bytes.count || !isWordByte(bytes[i + 5])
            {
                tokens.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<i + 5]), as: UTF8.self), i))
                searchFrom = dot + 5
            } else {
                searchFrom = dot + 1
            }
        }
        return tokens
    }

    static func isWordByte(_ c: UInt8) -> Bool {
        Catalog.isLetter(c) || Catalog.isDigit(c) || c == UInt8(ascii: "_") || c >= 0x80
    }
}
