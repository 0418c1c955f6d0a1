import Foundation

extension Linker {
    /// What links in one portfolio can lead to, for checking them.
    struct Links: Sendable {
        var files: Set<String>
        var exits: Set<String>
        var documents: [String: Int]
        var pages: [String: Int]
        /// The register each register file (path under Content/) holds.
        var registerFiles: [String: RegisterKind]
        var catalog: Catalog
        /// Heading ids by source (path under Content/).
        var anchors: [String: Set<String>]

        /// A link to a register entry (`registers/verwerkers.yml#leerlingdata`).
        struct EntryLink: Sendable {
            var kind: RegisterKind
            var id: String
            var location: SourceLocation

            /// "<register>/<id>", as `Portfolio.documentsLinkingToEntry` keys it.
            var key: String { "\(kind.rawValue)/\(id)" }
        }

        /// What checking one file's links found.
        struct Checked: Sendable {
            /// Documents linked to, by index.
            var documents: [Int] = []
            /// Register entries linked to, with the place of the link.
            var entries: [EntryLink] = []
            /// Attachments linked to, by path under Content/, with the place of the link.
            var attachments: [(file: String, location: SourceLocation)] = []
            var diagnostics: [Diagnostic] = []
            /// Where each destination leads, kept for rendering.
            var targets: [String: LinkDestination] = [:]
        }

        /// What links may lead to in `source`, whose documents and pages got these page names.
        init(source: PortfolioSource, documents: [EvidenceDocument], pages: [FreePage]) {
            let contentPrefix = "Content/".count
            func underContent(_ path: String) -> String { String(path.dropFirst(contentPrefix)) }
            self.files = source.contentFiles
            self.exits = source.exits
            self.catalog = source.catalog
            self.documents = Dictionary(uniqueKeysWithValues: documents.enumerated().map { (underContent($1.source), $0) })
            self.pages = Dictionary(uniqueKeysWithValues: pages.enumerated().map { (underContent($1.source), $0) })
            // Where `#anchor` links may lead in each source: its headings.
            var anchors: [String: Set<String>] = [:]
            for document in documents { anchors[underContent(document.source)] = Set(document.body.anchors) }
            for page in pages { anchors[underContent(page.source)] = Set(page.body.anchors) }
            for assessment in source.assessments { anchors[underContent(assessment.source)] = Set(assessment.body.anchors) }
            self.anchors = anchors
            // The files of each register, also a CSV that a register names as `bron`.
            var registerFiles: [String: RegisterKind] = [:]
            for register in source.registers {
                for file in [register.source, register.entriesSource] { registerFiles[underContent(file)] = register.kind }
            }
            self.registerFiles = registerFiles
        }

        /// Checks a source's body, the attachments it names (`attachments:` of evidence) and the
        /// norm IDs in its text.
        func check(_ item: some BodySource) -> Checked {
            var result = check(item.body.links, from: item.source)
            for reference in item.namedAttachments {
                switch resolve(reference.path, from: item.source) {
                case .attachment(let file): result.attachments.append((file, reference.location))
                case .outside: result.diagnostics.append(.outsidePortfolio(reference.path, at: reference.location))
                case .register: result.diagnostics.append(.registerAttachment(reference.path, at: reference.location))
                default: result.diagnostics.append(.missingAttachment(reference.path, at: reference.location))
                }
            }
            result.diagnostics += check(item.body.mentions)
            return result
        }

        func resolve(_ destination: String, from path: String) -> LinkDestination {
            Portfolio.resolve(
                destination, from: path, files: files, exits: exits, documents: documents, pages: pages,
                registerFiles: registerFiles, catalog: catalog)
        }

        func check(_ links: [MarkdownLink], from path: String) -> Checked {
            var result = Checked()
            for link in links {
                let target = resolve(link.destination, from: path)
                result.targets[link.destination] = target
                switch target {
                case .document(let target, let fragment):
                    result.documents.append(target)
                    if !fragment.isEmpty,
                        let file = Portfolio.contentRelative(
                            link.destination.prefix { $0 != "#" && $0 != "?" }.description,
                            from: path)
                    {
                        result.diagnostics += checkAnchor(link, in: file)
                    }
                case .attachment(let file): result.attachments.append((file, link.location))
                case .missing(let target):
                    result.diagnostics.append(.brokenLink(target, hint: hint(for: link.destination, from: path), at: link.location))
                case .outside(let target):
                    result.diagnostics.append(.outsidePortfolio(target, hint: hint(for: link.destination, from: path), at: link.location))
                case .unsafe: result.diagnostics.append(.unsafeLink(link.destination, at: link.location))
                case .anchor:
                    result.diagnostics += checkAnchor(link, in: String(path.dropFirst("Content/".count)))
                case .register(let kind, let entry):
                    // An image shows a file, and a register's file is never published.
                    if link.isImage { result.diagnostics.append(.registerAttachment(link.destination, at: link.location)) }
                    if !entry.isEmpty { result.entries.append(EntryLink(kind: kind, id: entry, location: link.location)) }
                case .page(_, let fragment), .norm(_, let fragment):
                    if !fragment.isEmpty,
                        let target = Portfolio.contentRelative(
                            link.destination.prefix { $0 != "#" && $0 != "?" }.description,
                            from: path)
                    {
                        result.diagnostics += checkAnchor(link, in: target)
                    }
                case .external:
                    // The site loads nothing from the internet: a remote image becomes a link to it.
                    if link.isImage { result.diagnostics.append(.remoteImage(link.destination, at: link.location)) }
                }
            }
            return result
        }

        /// What the author probably meant by a link that leads nowhere: an e-mail address without
        /// `mailto:`, a web-style `../page/` for `../page.md`, or a path from the site's root for
        /// one relative to the file.
        func hint(for destination: String, from path: String) -> Diagnostic.Hint? {
            let target = destination.trimmed
            if target.contains("@"), !target.contains("/"), !target.contains(":"), target.split(separator: "@").count == 2 {
                return Diagnostic.Hint(en: "did you mean 'mailto:\(target)'?", nl: "bedoelde je 'mailto:\(target)'?")
            }
            var candidate = Substring(target)
            let absolute = candidate.hasPrefix("/")
            while candidate.hasPrefix("/") { candidate = candidate.dropFirst() }
            if candidate.hasSuffix("/") { candidate = candidate.dropLast() }
            guard !candidate.isEmpty else { return nil }
            let withExtension = candidate.lowercased().hasSuffix(".md") ? String(candidate) : candidate + ".md"
            // The file the link was likely meant for, as a path under Content/.
            let intended: String? =
                absolute
                ? [String(candidate), withExtension].first { isSource($0) || files.contains($0) }
                : Portfolio.contentRelative(withExtension, from: path).flatMap { isSource($0) ? $0 : nil }
            guard let intended, intended != Portfolio.contentRelative(target, from: path) else {
                return absolute
                    ? Diagnostic.Hint(
                        en: "paths are relative to this file, not to the site",
                        nl: "paden gaan uit van dit bestand, niet van de site") : nil
            }
            let suggestion = Self.relativePath(to: intended, from: String(path.dropFirst("Content/".count)))
            return absolute
                ? Diagnostic.Hint(
                    en: "paths are relative to this file: did you mean '\(suggestion)'?",
                    nl: "paden gaan uit van dit bestand: bedoelde je '\(suggestion)'?")
                : Diagnostic.Hint(en: "did you mean '\(suggestion)'?", nl: "bedoelde je '\(suggestion)'?")
        }

        private func isSource(_ file: String) -> Bool { documents[file] != nil || pages[file] != nil || anchors[file] != nil }

        /// The relative path from the folder of `source` to `target`, both under Content/.
        static func relativePath(to target: String, from source: String) -> String {
            var from = source.split(separator: "/").dropLast()[...]
            var to = target.split(separator: "/")[...]
            while let a = from.first, let b = to.first, a == b, to.count > 1 {
                from = from.dropFirst()
                to = to.dropFirst()
            }
            return (Array(repeating: "..", count: from.count) + to.map(String.init)).joined(separator: "/")
        }

        /// Whether the fragment of `link` names a heading of the source `file` (a path under
        /// Content/), an id the page's template uses, or a footnote; else a warning with the
        /// closest heading.
        func checkAnchor(_ link: MarkdownLink, in file: String) -> [Diagnostic] {
            guard let hash = link.destination.firstIndex(of: "#") else { return [] }
            let raw = String(link.destination[link.destination.index(after: hash)...])
            let fragment = raw.removingPercentEncoding ?? raw
            if fragment.isEmpty || Markdown.reservedIDs.contains(fragment) || Self.isFootnoteID(fragment) { return [] }
            let headings = anchors[file] ?? []
            guard !headings.contains(fragment) else { return [] }
            return [
                .brokenAnchor(
                    fragment, in: "Content/" + file,
                    suggestion: Suggestion.closest(to: fragment, in: headings.sorted(), maxDistance: 3),
                    at: link.location)
            ]
        }

        /// The ids of footnotes and their references (`fn-2`, `fnref-2-3`).
        private static func isFootnoteID(_ id: String) -> Bool {
            let parts = id.split(separator: "-")
            return (parts.first == "fn" || parts.first == "fnref") && parts.count >= 2 && parts.dropFirst().allSatisfy { Int($0) != nil }
        }

        /// Norm IDs in the text that the catalogue does not know.
        func check(_ mentions: [NormMention]) -> [Diagnostic] {
            mentions.compactMap { mention in
                guard !catalog.contains(mention.id) else { return nil }
                let suggestion = catalog.suggestion(for: mention.id)
                // Lower-case words that match no norm ("nr.12") are ordinary text, not a typo.
                guard mention.id == mention.id.uppercased() || suggestion?.lowercased() == mention.id.lowercased() else { return nil }
                return .unknownNormMention(mention.id, suggestion: suggestion, at: mention.location)
            }
        }
    }
}
