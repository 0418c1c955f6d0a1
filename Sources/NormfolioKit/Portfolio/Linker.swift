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
        func resolve(_ destination: String, from path: String) -> LinkDestination {
            Portfolio.resolve(destination, from: path, files: source.contentFiles, outside: source.outsideFiles,
                              documents: documentIndex, pages: pageIndex, catalog: catalog)
        }

        var evidenceByNorm: [String: [Int]] = [:]
        var linkedFrom = [[Int]](repeating: [], count: documents.count)
        var attachmentsOfDocument = [[String]](repeating: [], count: documents.count)
        var attachments = Set<String>()
        var attachmentsOfPages = Set<String>()

        func checkLinks(_ links: [MarkdownLink], from path: String, onDocument: (Int) -> Void, onAttachment: (String) -> Void) {
            for link in links {
                switch resolve(link.destination, from: path) {
                case .document(let target, _): onDocument(target)
                case .attachment(let file): onAttachment(file)
                case .missing(let target): diagnostics.append(.brokenLink(target, at: link.location))
                case .outside(let target): diagnostics.append(.outsidePortfolio(target, at: link.location))
                case .unsafe: diagnostics.append(.unsafeLink(link.destination, at: link.location))
                case .external, .anchor, .page, .norm: break
                }
            }
        }
        func checkMentions(_ mentions: [NormMention]) {
            for mention in mentions where !catalog.contains(mention.id) {
                let suggestion = catalog.suggestion(for: mention.id)
                // Lower-case words that match no norm ("nr.12") are ordinary text, not a typo.
                if mention.id == mention.id.uppercased() || suggestion?.lowercased() == mention.id.lowercased() {
                    diagnostics.append(.unknownNormMention(mention.id, suggestion: suggestion, at: mention.location))
                }
            }
        }

        for (index, document) in documents.enumerated() {
            for norm in document.norms { evidenceByNorm[norm, default: []].append(index) }
            var used: [String] = []
            checkLinks(document.links, from: document.source,
                       onDocument: { target in
                           if target != index, !linkedFrom[target].contains(index) { linkedFrom[target].append(index) }
                       },
                       onAttachment: { used.append($0) })
            for reference in document.attachments {
                switch resolve(reference.path, from: document.source) {
                case .attachment(let file): used.append(file)
                case .outside: diagnostics.append(.outsidePortfolio(reference.path, at: reference.location))
                default: diagnostics.append(.missingAttachment(reference.path, at: reference.location))
                }
            }
            checkMentions(document.mentions)
            var seen = Set<String>()
            attachmentsOfDocument[index] = used.filter { seen.insert($0).inserted }
            attachments.formUnion(used)
        }
        for assessment in source.assessments {
            checkLinks(assessment.links, from: assessment.source, onDocument: { _ in }, onAttachment: { attachmentsOfPages.insert($0) })
            checkMentions(assessment.mentions)
        }
        for page in pages {
            checkLinks(page.links, from: page.source, onDocument: { _ in }, onAttachment: { attachmentsOfPages.insert($0) })
            checkMentions(page.mentions)
        }

        let assessments = Dictionary(source.assessments.map { ($0.normID, $0) }, uniquingKeysWith: { a, _ in a })
        let standings = Portfolio.standings(catalog: catalog, documents: documents, evidenceByNorm: evidenceByNorm,
                                            assessments: assessments, defaultTarget: source.settings.target, asOf: asOf)
        let portfolio = Portfolio(
            root: source.root, settings: source.settings, catalog: catalog, asOf: asOf, documents: documents,
            assessments: assessments,
            pages: pages, evidenceByNorm: evidenceByNorm, linkedFrom: linkedFrom.map { $0.sorted() },
            attachmentSitePaths: sitePaths(for: attachments.union(attachmentsOfPages)),
            attachmentsOfDocument: attachmentsOfDocument, attachmentsOfPages: attachmentsOfPages, standings: standings,
            documentIndex: documentIndex, pageIndex: pageIndex, contentFiles: source.contentFiles,
            outsideFiles: source.outsideFiles)
        return (portfolio, diagnostics + portfolio.claimDiagnostics())
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
            let ext = dot.map { "." + String(name[name.index(after: $0)...]).slugified() } ?? ""
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
