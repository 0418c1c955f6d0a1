import Foundation

/// The link stage: turns what was read into one cross-linked `Portfolio`, reporting broken links,
/// missing attachments, page collisions and unknown norm references.
enum Linker {
    static func link(_ source: PortfolioSource, asOf: Day) -> (Portfolio, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let catalog = source.catalog

        // Documents and pages get unique page names; on a clash the first source path wins.
        var documents: [EvidenceDocument] = []
        var bySlug: [String: String] = [:]
        for document in source.documents.sorted(by: { $0.source < $1.source }) {
            if let other = bySlug[document.slug] {
                diagnostics.append(.pageCollision("documenten/\(document.slug).html", with: other,
                                                  at: SourceLocation(path: document.source)))
                continue
            }
            bySlug[document.slug] = document.source
            documents.append(document)
        }
        documents.sort { $0.slug < $1.slug }
        var pages: [FreePage] = []
        var pageSlugs: [String: String] = [:]
        for page in source.pages.sorted(by: { $0.source < $1.source }) {
            if let other = pageSlugs[page.slug] {
                diagnostics.append(.pageCollision("paginas/\(page.slug).html", with: other, at: SourceLocation(path: page.source)))
                continue
            }
            pageSlugs[page.slug] = page.source
            pages.append(page)
        }
        pages.sort { ($0.order ?? Int.max, $0.title, $0.slug) < ($1.order ?? Int.max, $1.title, $1.slug) }

        let contentPrefix = "Content/".count
        let documentIndex = Dictionary(uniqueKeysWithValues: documents.enumerated().map { (String($1.source.dropFirst(contentPrefix)), $0) })
        let pageIndex = Dictionary(uniqueKeysWithValues: pages.enumerated().map { (String($1.source.dropFirst(contentPrefix)), $0) })
        let links = Links(files: source.contentFiles, exits: source.exits, documents: documentIndex, pages: pageIndex,
                          catalog: catalog)

        // Each document's links, attachments and norm mentions are checked on its own, in parallel.
        let checked = documents.parallelMap { document -> Links.Checked in
            var result = links.check(document.links, from: document.source)
            for reference in document.attachments {
                switch links.resolve(reference.path, from: document.source) {
                case .attachment(let file): result.attachments.append((file, reference.location))
                case .outside: result.diagnostics.append(.outsidePortfolio(reference.path, at: reference.location))
                default: result.diagnostics.append(.missingAttachment(reference.path, at: reference.location))
                }
            }
            result.diagnostics += links.check(document.mentions)
            return result
        }
        var evidenceByNorm: [String: [Int]] = [:]
        var linkedFrom = [[Int]](repeating: [], count: documents.count)
        var attachmentsOfDocument = [[String]](repeating: [], count: documents.count)
        // Every use of an attachment: who uses it, how confidential that source is, and where.
        var uses: [(file: String, source: String, classification: Classification, location: SourceLocation)] = []
        for index in documents.indices {
            for norm in documents[index].norms { evidenceByNorm[norm, default: []].append(index) }
            for target in checked[index].documents where target != index && !linkedFrom[target].contains(index) {
                linkedFrom[target].append(index)
            }
            var seen = Set<String>()
            attachmentsOfDocument[index] = checked[index].attachments.map(\.file).filter { seen.insert($0).inserted }
            uses += checked[index].attachments.map { ($0.file, documents[index].source, documents[index].classification, $0.location) }
            diagnostics += checked[index].diagnostics
        }
        for (sourcePath, classification, linkList, mentions) in
            source.assessments.map({ ($0.source, $0.classification, $0.links, $0.mentions) })
            + pages.map({ ($0.source, $0.classification, $0.links, $0.mentions) })
        {
            let result = links.check(linkList, from: sourcePath)
            uses += result.attachments.map { ($0.file, sourcePath, classification, $0.location) }
            diagnostics += result.diagnostics + links.check(mentions)
        }
        // An attachment is as confidential as the most confidential source that uses it: it is
        // published only where all of them may be read. A use from a less confidential source is
        // shown as text in the editions that withhold the attachment.
        var attachmentClassification: [String: Classification] = [:]
        var strictestUser: [String: String] = [:]
        for use in uses.sorted(by: { $0.source < $1.source }) {
            if let known = attachmentClassification[use.file], known >= use.classification { continue }
            attachmentClassification[use.file] = use.classification
            strictestUser[use.file] = use.source
        }
        for use in uses {
            guard let strictest = attachmentClassification[use.file] else { continue }
            // The editions that show this use but not the attachment.
            let editions = Audience.allCases.filter { $0.mayRead(use.classification) && !$0.mayRead(strictest) }
            guard !editions.isEmpty else { continue }
            diagnostics.append(.attachmentWithheld(use.file, usedBy: strictestUser[use.file] ?? "", strictest,
                                                   editions: editions, at: use.location))
        }

        let assessments = Dictionary(source.assessments.map { ($0.normID, $0) }, uniquingKeysWith: { a, _ in a })
        let standings = Portfolio.standings(catalog: catalog, documents: documents, evidenceByNorm: evidenceByNorm,
                                            assessments: assessments, defaultTarget: source.settings.target, asOf: asOf)
        let portfolio = Portfolio(
            root: source.root, settings: source.settings, catalog: catalog, asOf: asOf, documents: documents,
            assessments: assessments,
            pages: pages, evidenceByNorm: evidenceByNorm, linkedFrom: linkedFrom.map { $0.sorted() },
            attachmentClassification: attachmentClassification, attachmentsOfDocument: attachmentsOfDocument,
            standings: standings, links: links)
        return (portfolio, diagnostics + portfolio.claimDiagnostics())
    }

    /// What links in one portfolio can lead to, for checking them.
    struct Links: Sendable {
        var files: Set<String>
        var exits: Set<String>
        var documents: [String: Int]
        var pages: [String: Int]
        var catalog: Catalog

        /// What checking one file's links found.
        struct Checked: Sendable {
            /// Documents linked to, by index.
            var documents: [Int] = []
            /// Attachments linked to, by path under Content/, with the place of the link.
            var attachments: [(file: String, location: SourceLocation)] = []
            var diagnostics: [Diagnostic] = []
        }

        func resolve(_ destination: String, from path: String) -> LinkDestination {
            Portfolio.resolve(destination, from: path, files: files, exits: exits, documents: documents, pages: pages,
                              catalog: catalog)
        }

        func check(_ links: [MarkdownLink], from path: String) -> Checked {
            var result = Checked()
            for link in links {
                switch resolve(link.destination, from: path) {
                case .document(let target, _): result.documents.append(target)
                case .attachment(let file): result.attachments.append((file, link.location))
                case .missing(let target): result.diagnostics.append(.brokenLink(target, at: link.location))
                case .outside(let target): result.diagnostics.append(.outsidePortfolio(target, at: link.location))
                case .unsafe: result.diagnostics.append(.unsafeLink(link.destination, at: link.location))
                case .external, .anchor, .page, .norm: break
                }
            }
            return result
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

    /// Site paths for attachments under `bijlagen/`: each folder and name made URL-safe, keeping
    /// the extension; names that would clash get "-2", "-3", … in path order.
    static func sitePaths(for files: Set<String>) -> [String: String] {
        var result: [String: String] = [:]
        var taken = Set<String>()
        for file in files.sorted() {
            var components = file.split(separator: "/").map(String.init)
            let name = components.removeLast()
            let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
            let stem = dot.map { String(name[..<$0]) } ?? name
            let ext = dot.flatMap { dot in
                name.index(after: dot) == name.endIndex ? nil : "." + String(name[name.index(after: dot)...]).slugified()
            } ?? ""
            let folder = components.map { $0.slugified() + "/" }.joined()
            var candidate = "bijlagen/" + folder + stem.slugified() + ext
            var counter = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "bijlagen/" + folder + stem.slugified() + "-\(counter)" + ext
                counter += 1
            }
            taken.insert(candidate.lowercased())
            result[file] = candidate
        }
        return result
    }
}
