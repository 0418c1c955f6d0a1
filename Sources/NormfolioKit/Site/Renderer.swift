import Foundation
import Mustache

/// A value a template sees as absent, so a missing field never picks up a same-named field of an
/// enclosing section (Mustache looks names up the context stack).
struct Absent: MustacheCustomRepresentation {
    var representation: Any? { nil }
}

/// A template context: plain dictionaries are what templates see.
typealias View = [String: Any]

func opt(_ value: Any?) -> Any { value ?? Absent() }

/// The render stage: turns the linked portfolio into site files for one audience.
struct Renderer {
    let portfolio: Portfolio
    private(set) var theme: Theme
    let audience: Audience
    let version: String
    /// The interface texts, and the plain ones as templates see them (`{{t.key}}`).
    let strings: Strings
    let table: [String: String]
    let language: Language
    /// Which documents this edition publishes, by index.
    let published: [Bool]
    /// The free pages this edition publishes, as indices into the portfolio's pages.
    let publishedPages: [Int]
    /// The assessments as this edition shows them: one its audience may not read keeps its level
    /// and dates (they count in the figures, as withheld documents do) but loses its text, owner
    /// and actions.
    let assessments: [String: Assessment]
    /// The attachments this edition publishes: path under Content/ → path in the site.
    let attachmentPaths: [String: String]
    let io: FileIO
    /// Each published document's row in document tables, rendered once from `document-row` and
    /// reused by the document index and every norm page (all one folder deep); nil when pages are
    /// rendered one at a time, and rows with them.
    private var rows: [String]?
    /// Each published document's row in the report's evidence list, rendered the same way.
    private var evidenceRows: [String]?
    /// The pages the navigation links to.
    private var navigationHrefs: Set<String> = []

    /// The commit of the portfolio's git repository, if it is one.
    private(set) var gitCommit: String?


    /// A renderer for one audience. `onDemand` leaves the work every page shares (document rows,
    /// attachment hashes) to the pages that need it, for rendering a few pages of a large site;
    /// otherwise it is done once, here, for rendering the whole site.
    init(portfolio: Portfolio, theme: Theme, audience: Audience, version: String, io: FileIO = .live, onDemand: Bool = false) {
        self.portfolio = portfolio
        self.audience = audience
        self.version = version
        self.io = io
        self.language = portfolio.settings.language
        self.strings = theme.strings
        self.table = theme.strings.texts
        var constants: [String: String] = [:]
        for (key, value) in table { constants["t." + key] = value }
        for (key, value) in Renderer.siteView(portfolio: portfolio, audience: audience, version: version, strings: theme.strings) {
            if let text = value as? String { constants["site." + key] = text }
        }
        self.theme = theme.specialized(constants: constants)
        self.published = portfolio.documents.map { audience.mayRead($0.classification) }
        self.publishedPages = portfolio.pages.indices.filter { audience.mayRead(portfolio.pages[$0].classification) }
        self.assessments = portfolio.assessments.mapValues { assessment in
            guard !audience.mayRead(assessment.classification) else { return assessment }
            var shown = assessment
            (shown.owner, shown.notApplicable, shown.actions) = (nil, nil, [])
            (shown.body, shown.links, shown.mentions, shown.visibleText) = (MarkdownDocument(), [], [], "")
            return shown
        }
        self.attachmentPaths = portfolio.attachmentSitePaths(for: audience)
        self.navigationHrefs = Set(navigationItems.map(\.href))
        self.gitCommit = portfolio.gitCommit
        if !onDemand {
            let ready = prepared()
            (rows, evidenceRows) = (ready.rows, ready.evidenceRows)
        }
    }

    /// This renderer with every document's rows rendered, in parallel: what rendering the whole
    /// site needs.
    func prepared() -> Renderer {
        var copy = self
        let renderer = self
        let rendered = portfolio.documents.indices.map { $0 }.parallelMap(state: { (renderer.withOwnTheme(), ShapeCache(theme: renderer.theme)) }) { worker, index -> [String] in
            guard worker.0.published[index] else { return ["", ""] }
            return [worker.0.renderRow(.document, index, shapes: &worker.1), worker.0.renderRow(.evidence, index, shapes: &worker.1)]
        }
        copy.rows = rendered.map { $0[0] }
        copy.evidenceRows = rendered.map { $0[1] }
        return copy
    }

    /// The two ways a document is listed: in document tables, and in the report's evidence list.
    enum RowKind {
        case document, evidence
    }

    /// The rows of these published documents: the ones rendered beforehand, or rendered now, in
    /// parallel when there are many.
    func rows(_ kind: RowKind, of indices: [Int]) -> [String] {
        if let rendered = kind == .document ? rows : evidenceRows { return indices.map { rendered[$0] } }
        guard indices.count >= 64 else {
            var shapes = ShapeCache(theme: theme)
            return indices.map { renderRow(kind, $0, shapes: &shapes) }
        }
        return indices.parallelMap(state: { ShapeCache(theme: self.theme) }) { shapes, index in
            self.renderRow(kind, index, shapes: &shapes)
        }
    }

    /// A published document's row, from `document-row` or `evidence-row`.
    func renderRow(_ kind: RowKind, _ index: Int, shapes: inout ShapeCache) -> String {
        var view = kind == .document ? documentSummary(index, root: "../") : evidenceEntry(index)
        view["t"] = table
        // Rows are fragments: the table template puts the line breaks between them.
        return shapes.render(kind == .document ? "document-row" : "evidence-row", view, theme: theme).trimmingTrailingNewlines
    }

    /// Size and SHA-256 of an attachment (a path under Content/), as the read stage hashed it.
    func digest(ofAttachment source: String) -> Digest {
        portfolio.attachmentDigests[source] ?? Digest(size: 0, sha256: "")
    }

    /// Every page the site has.
    enum Page: Sendable {
        case home, catalog, documents, norm(Int), document(Int), freePage(Int)
        case coverage, maturity, plan, report, integrity, search
    }

    /// Every page of the site, in a fixed order.
    func pages() -> [Page] {
        var pages = Self.fixedPages
        pages += portfolio.catalog.norms.indices.map(Page.norm)
        pages += portfolio.documents.indices.filter { published[$0] }.map(Page.document)
        pages += publishedPages.map(Page.freePage)
        return pages
    }

    /// The files copied into the site as they are: the theme's static files, then the published
    /// attachments.
    func copiedFiles() -> [Site.File] {
        var files: [Site.File] = []
        for (name, file) in theme.staticFiles.sorted(by: { $0.key < $1.key }) where !name.hasSuffix(".mustache") {
            files.append(Site.File(path: name, contents: file))
        }
        for source in publishedAttachments() {
            guard let sitePath = attachmentPaths[source] else { continue }
            files.append(Site.File(path: sitePath, contents: .file(portfolio.root + "/Content/" + source)))
        }
        return files
    }

    /// The whole site, its pages rendered in parallel.
    func render() -> Site {
        let pages = self.pages()
        // The exports are made on a thread of their own while the pages render.
        let (parts, exports) = concurrently({
            pages.parallelMap(state: { (self.withOwnTheme(), ShapeCache(theme: self.theme)) }) { worker, page in
                worker.0.render(page, shapes: &worker.1)
            }
        }, side: { self.exportFiles() + [self.searchIndexFile()] })
        // The layout around a page depends only on its folder depth, navigation state and
        // breadcrumbs, so each distinct frame is rendered once and the pages are spliced into it.
        var shells: [String: Shell] = [:]
        for part in parts where shells[part.shellKey] == nil {
            shells[part.shellKey] = Shell(renderer: self, part: part)
        }
        let frozen = shells
        var files = parts.parallelMap { part in
            let html = frozen[part.shellKey]?.wrap(part, renderer: self) ?? part.content
            return Site.File(path: part.path, contents: .data(Data(html.utf8)))
        }
        files += exports
        files += copiedFiles()
        // A page wins over a static file of the same name; the order is fixed for determinism.
        var seen = Set<String>()
        files = files.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
        var digests: [String: Digest] = [:]
        for (source, sitePath) in attachmentPaths {
            if let digest = portfolio.attachmentDigests[source] { digests[sitePath] = digest }
        }
        return Site(files: files, pageCount: pages.count, publishedDocuments: published.count { $0 },
                    withheldDocuments: published.count { !$0 }, digests: digests)
    }

    /// One page, layout included, rendered on its own.
    func renderAlone(_ page: Page) -> Data {
        var shapes = ShapeCache(theme: theme)
        let part = render(page, shapes: &shapes)
        return Data(Shell(renderer: self, part: part).wrap(part, renderer: self).utf8)
    }

    /// This renderer with its own parsed copy of the theme, for one worker thread.
    func withOwnTheme() -> Renderer {
        var copy = self
        copy.theme = theme.reparsed()
        return copy
    }

    /// The attachments this edition publishes, by path under Content/.
    func publishedAttachments() -> [String] { attachmentPaths.keys.sorted() }

    // MARK: Pages

    /// A page's own content, before the layout is put around it.
    struct PageParts: Sendable {
        var path: String
        var title: String
        var content: String
        var crumbs: [Crumb]
        var shellKey: String
    }

    struct Crumb: Sendable, Hashable {
        var label: String
        var href: String
    }

    /// Where a page goes in the site.
    func path(of page: Page) -> String { Self.path(of: page, in: portfolio) }

    static func path(of page: Page, in portfolio: Portfolio) -> String {
        switch page {
        case .home: "index.html"
        case .catalog: "normen/index.html"
        case .documents: "documenten/index.html"
        case .norm(let index): "normen/\(portfolio.catalog.norms[index].id).html"
        case .document(let index): "documenten/\(portfolio.documents[index].slug).html"
        case .freePage(let index): "paginas/\(portfolio.pages[index].slug).html"
        case .coverage: "dekking.html"
        case .maturity: "volwassenheid.html"
        case .plan: "verbeterplan.html"
        case .report: "rapport.html"
        case .integrity: "integriteit.html"
        case .search: "zoeken.html"
        }
    }

    /// The pages every site has, whatever its content.
    static let fixedPages: [Page] = [.home, .catalog, .documents, .coverage, .maturity, .plan, .report, .integrity, .search]

    /// Every file normfolio makes for a portfolio in any edition, with what makes it: the pages,
    /// the exports, the search index, the integrity files and the attachments.
    static func generatedFiles(of portfolio: Portfolio) -> [String: String] {
        var files: [String: String] = [:]
        for page in fixedPages { files[path(of: page, in: portfolio)] = "a page of the site" }
        for index in portfolio.catalog.norms.indices { files[path(of: .norm(index), in: portfolio)] = "the page of a norm" }
        for (index, document) in portfolio.documents.enumerated() {
            files[path(of: .document(index), in: portfolio)] = "the page of " + document.source
        }
        for (index, page) in portfolio.pages.enumerated() { files[path(of: .freePage(index), in: portfolio)] = "the page of " + page.source }
        for path in [csvPath, jsonPath, searchIndexPath, Integrity.manifestPath, Integrity.sumsPath, Integrity.signaturePath] {
            files[path] = "a file normfolio writes"
        }
        for audience in Audience.allCases {
            for (source, path) in portfolio.attachmentSitePaths(for: audience) { files[path] = "the attachment Content/" + source }
        }
        return files
    }

    func render(_ page: Page, shapes: inout ShapeCache) -> PageParts {
        let path = path(of: page)
        switch page {
        case .home:
            return parts(homeView(), template: "home", title: text("home"), path: path, shapes: &shapes)
        case .catalog:
            return parts(catalogView(), template: "catalog", title: text("catalog"), path: path, shapes: &shapes)
        case .documents:
            return parts(documentsView(), template: "documents", title: text("documents"), path: path, shapes: &shapes)
        case .norm(let index):
            let norm = portfolio.catalog.norms[index]
            return parts(normView(index), template: "norm", title: "\(norm.id) \(norm.title)", path: path,
                         crumbs: normCrumbs(norm), shapes: &shapes)
        case .document(let index):
            return parts(documentView(index), template: "document", title: portfolio.documents[index].title,
                         path: path, crumbs: [Crumb(label: text("documents"), href: "documenten/index.html")],
                         shapes: &shapes, cached: true)
        case .freePage(let index):
            let page = portfolio.pages[index]
            let view: View = ["title": page.title, "body": bodyHTML(page.body, source: page.source, targets: page.linkTargets)]
            return parts(view, template: "page", title: page.title, path: path, shapes: &shapes)
        case .coverage:
            return parts(coverageView(), template: "coverage", title: text("coverage"), path: path, shapes: &shapes)
        case .maturity:
            return parts(maturityView(), template: "maturity", title: text("maturity"), path: path, shapes: &shapes)
        case .plan:
            return parts(planView(), template: "plan", title: text("plan"), path: path, shapes: &shapes)
        case .report:
            return parts(reportView(), template: "report", title: text("report"), path: path, shapes: &shapes)
        case .integrity:
            return parts(integrityView(), template: "integrity", title: text("integrity"), path: path, shapes: &shapes)
        case .search:
            return parts(["searchTexts": searchTexts()], template: "search", title: text("search"), path: path, shapes: &shapes)
        }
    }

    /// Renders a page's content; `cached` for the kind of page there are thousands of (documents).
    func parts(_ view: View, template: String, title: String, path: String, crumbs: [Crumb] = [],
                       shapes: inout ShapeCache, cached: Bool = false) -> PageParts {
        var context = view
        context["t"] = table
        context["root"] = root(of: path)
        context["site"] = siteView
        let content = cached ? shapes.render(template, context, theme: theme) : theme.render(template, context) ?? ""
        // The frame differs by folder depth, by what the navigation marks as current (this page
        // itself, or its section) and by the breadcrumbs.
        let section = path.split(separator: "/").first.map(String.init) ?? path
        let current = navigationHrefs.contains(path) ? path : section
        let key = "\(root(of: path))|\(current)|" + crumbs.map { "\($0.href)\u{1}\($0.label)" }.joined(separator: "\u{2}")
        return PageParts(path: path, title: title, content: content, crumbs: crumbs, shellKey: key)
    }

    func root(of path: String) -> String {
        String(repeating: "../", count: path.count { $0 == "/" })
    }

    /// The layout's context for a page: everything `layout.mustache` may use.
    func layoutContext(path: String, title: String, content: String, crumbs: [Crumb]) -> View {
        [
            "t": table,
            "root": root(of: path),
            "site": siteView,
            "lang": language.rawValue,
            "nav": navigation(current: path),
            "footerNav": footerNavigation,
            "breadcrumbs": crumbs.map { ["label": $0.label, "href": $0.href] as View },
            "hasBreadcrumbs": !crumbs.isEmpty,
            "pageTitle": title,
            "content": content,
        ]
    }

    /// The layout rendered once with placeholders where the page title and content go.
    struct Shell: Sendable {
        private static let titleMark = "\u{E000}normfolio-page-title\u{E000}"
        private static let contentMark = "\u{E000}normfolio-page-content\u{E000}"
        /// The layout cut at the placeholders; nil when the layout uses them in a way splicing cannot
        /// reproduce, and each page is rendered whole instead.
        private let segments: [(text: String, after: Mark?)]?

        enum Mark { case title, content }

        init(renderer: Renderer, part: PageParts) {
            let context = renderer.layoutContext(path: part.path, title: Self.titleMark, content: Self.contentMark, crumbs: part.crumbs)
            let html = renderer.theme.render("layout", context) ?? Self.contentMark
            var segments: [(String, Mark?)] = []
            var rest = Substring(html)
            while let next = [(Self.titleMark, Mark.title), (Self.contentMark, Mark.content)]
                .compactMap({ mark, kind in rest.range(of: mark).map { ($0, kind) } })
                .min(by: { $0.0.lowerBound < $1.0.lowerBound })
            {
                segments.append((String(rest[..<next.0.lowerBound]), next.1))
                rest = rest[next.0.upperBound...]
            }
            segments.append((String(rest), nil))
            self.segments = segments.count { $0.1 == .content } == 1 ? segments : nil
        }

        func wrap(_ part: PageParts, renderer: Renderer) -> String {
            guard let segments else {
                let context = renderer.layoutContext(path: part.path, title: part.title, content: part.content, crumbs: part.crumbs)
                return renderer.theme.render("layout", context) ?? part.content
            }
            let title = part.title.htmlEscaped
            var html = ""
            html.reserveCapacity(segments.reduce(part.content.utf8.count) { $0 + $1.text.utf8.count } + 256)
            for (text, mark) in segments {
                html += text
                switch mark {
                case .title: html += title
                case .content: html += part.content
                case nil: break
                }
            }
            return html
        }
    }

    var siteView: View {
        Renderer.siteView(portfolio: portfolio, audience: audience, version: version, strings: strings)
    }

    static func siteView(portfolio: Portfolio, audience: Audience, version: String, strings: Strings) -> View {
        [
            "organisation": portfolio.settings.organisation,
            "title": portfolio.settings.title,
            "asOf": strings.format(portfolio.asOf),
            "asOfISO": portfolio.asOf.description,
            "audience": audience.rawValue,
            "version": version,
            "catalogVersion": portfolio.catalog.version,
        ]
    }

    /// The navigation's entries: label and link.
    var navigationItems: [(label: String, href: String)] {
        [(text("home"), "index.html"), (text("catalog"), "normen/index.html"),
         (text("documents"), "documenten/index.html"), (text("coverage"), "dekking.html"),
         (text("maturity"), "volwassenheid.html"), (text("plan"), "verbeterplan.html"),
         (text("report"), "rapport.html")]
    }

    /// The free pages and the integrity page, linked from every page's footer.
    var footerNavigation: [View] {
        publishedPages.map { portfolio.pages[$0] }.map { ["label": $0.title, "href": "paginas/\($0.slug).html"] as View }
            + [["label": text("integrity"), "href": "integriteit.html"]]
    }


    func navigation(current: String) -> [View] {
        navigationItems.map { label, href in
            let section = href.split(separator: "/").first.map(String.init) ?? href
            let inSection = href.hasSuffix("/index.html") && current.hasPrefix(section + "/")
            let state: Any = href == current ? "page" : inSection ? "true" as Any : Absent()
            return ["label": label, "href": href, "current": state] as View
        }
    }

    func normCrumbs(_ norm: Catalog.Norm) -> [Crumb] {
        let domain = portfolio.catalog.domain(norm.domain)
        return [
            Crumb(label: text("catalog"), href: "normen/index.html"),
            Crumb(label: domain.map { "\($0.number) \(title($0.title, $0.titleEN))" } ?? norm.domain,
                  href: "normen/index.html#domein-\(norm.domain.lowercased())"),
        ]
    }

    // MARK: Views

    func homeView() -> View {
        let catalog = portfolio.catalog
        let withEvidence = catalog.norms.count { !(portfolio.evidenceByNorm[$0.id] ?? []).isEmpty }
        var figures = summaryFigures()
        figures.append(["value": "\(withEvidence) \(text("of")) \(catalog.norms.count)", "label": text("norms_with_evidence")])
        figures.append(["value": "\(portfolio.documents.count)", "label": text("documents_total")])
        return [
            "figures": figures,
            "pages": publishedPages.map { portfolio.pages[$0] }.map { ["title": $0.title, "href": "paginas/\($0.slug).html"] as View },
        ]
    }

    func catalogView() -> View {
        let catalog = portfolio.catalog
        let parts: [View] = catalog.parts.map { part in
            let domains = catalog.domains(in: part)
            let known = domains.reduce(0) { $0 + catalog.norms(in: $1).count }
            return [
                "title": title(part.title, part.titleEN),
                "id": part.id,
                "incomplete": part.officialNormCount.map { known < $0 } ?? false,
                "completeness": part.officialNormCount.map { official in
                    strings.format("catalog_completeness", ["known": String(known), "official": String(official),
                                                            "part": title(part.title, part.titleEN).lowercased()])
                } ?? "",
                "domains": domains.map { domain -> View in
                    [
                        "code": domain.code,
                        "anchor": "domein-\(domain.code.lowercased())",
                        "number": domain.number,
                        "title": title(domain.title, domain.titleEN),
                        "norms": catalog.norms(in: domain).map(normSummary),
                    ]
                },
            ]
        }
        let levels: [View] = catalog.levels.map {
            ["level": $0.level, "title": title($0.title, $0.titleEN), "description": $0.description]
        }
        return ["parts": parts, "levels": levels]
    }

    func normSummary(_ norm: Catalog.Norm) -> View {
        let level = assessments[norm.id]?.level
        let coverage = portfolio.standings[norm.id]?.coverage ?? .missing
        return [
            "status": coverage.rawValue,
            "statusLabel": coverageLabel(coverage),
            "id": norm.id,
            "href": "normen/\(norm.id).html",
            "title": normTitle(norm),
            "titleLang": normTitleLanguage(norm),
            "evidenceCount": (portfolio.evidenceByNorm[norm.id] ?? []).count,
            "level": opt(level.map { levelLabel($0) }),
            "levelNumber": opt(level),
            "notAssessed": level == nil,
        ]
    }

    func documentsView() -> View {
        let rows = rowViews(portfolio.documents.indices.filter { published[$0] }
            .sorted { (portfolio.documents[$0].title, $0) < (portfolio.documents[$1].title, $1) })
        return ["documents": rows, "hasDocuments": !rows.isEmpty]
    }

    func normView(_ index: Int) -> View {
        let catalog = portfolio.catalog
        let norm = catalog.norms[index]
        let domain = catalog.domain(norm.domain)
        let evidence = portfolio.evidenceByNorm[norm.id] ?? []
        let shown = evidence.filter { published[$0] }
        var withheld: [Classification: Int] = [:]
        for i in evidence where !published[i] { withheld[portfolio.documents[i].classification, default: 0] += 1 }
        let standing = portfolio.standings[norm.id]
        let coverage = standing?.coverage ?? .missing
        var view: View = [
            "id": norm.id,
            "title": normTitle(norm),
            "titleLang": normTitleLanguage(norm),
            "status": coverage.rawValue,
            "statusLabel": coverageLabel(coverage),
            "gap": opt(standing?.gap.map { "\($0)" }),
            "workingTitle": !norm.titleVerified,
            "titleEN": opt(language == .en ? nil : norm.titleEN),
            "description": norm.description,
            "officialURL": catalog.officialURL(of: norm),
            "domain": domain.map { "\($0.number) \(title($0.title, $0.titleEN))" } ?? norm.domain,
            "part": catalog.part(domain?.part ?? "").map { title($0.title, $0.titleEN) } ?? "",
            "evidence": rowViews(shown),
            "hasPublishedEvidence": !shown.isEmpty,
            "hasEvidence": !evidence.isEmpty,
            "noEvidence": evidence.isEmpty,
            "withheld": Classification.allCases.compactMap { c -> View? in
                withheld[c].map { ["count": $0, "classification": c.name] }
            },
            "hasWithheld": !withheld.isEmpty,
            "withheldCount": evidence.count - shown.count,
            "withheldNoun": strings.plural("documents_counted", evidence.count - shown.count),
            "domainNorms": catalog.norms(in: domain ?? Catalog.Domain(code: norm.domain, part: "", number: 0, title: ""))
                .map { other -> View in
                    var link = normLink(other)
                    link["current"] = other.id == norm.id ? "page" : Absent()
                    return link
                },
            "previous": index > 0 ? normLink(catalog.norms[index - 1]) : Absent(),
            "next": index + 1 < catalog.norms.count ? normLink(catalog.norms[index + 1]) : Absent(),
        ]
        if let assessment = assessments[norm.id] {
            let target = assessment.target ?? portfolio.settings.target
            view["assessment"] = [
                "level": opt(assessment.level.map { levelLabel($0) }),
                "target": levelLabel(target),
                "owner": opt(assessment.owner),
                "notApplicable": opt(assessment.notApplicable),
                "reviewedOn": opt(assessment.reviewedOn.map(format)),
                "nextReview": opt(assessment.nextReview.map(format)),
                "narrative": opt(assessment.body.blocks.isEmpty ? nil : bodyHTML(assessment.body, source: assessment.source, targets: assessment.linkTargets)),
                "textWithheld": !audience.mayRead(assessment.classification),
                "hasActions": !assessment.actions.isEmpty,
                "actions": assessment.actions.map { action -> View in
                    [
                        "title": action.title, "owner": opt(action.owner), "due": opt(action.due.map(format)),
                        "status": strings["status_" + action.status.rawValue],
                    ]
                },
            ] as View
        } else {
            view["assessment"] = Absent()
        }
        return view
    }

    func normLink(_ norm: Catalog.Norm) -> View {
        ["id": norm.id, "title": normTitle(norm), "titleLang": normTitleLanguage(norm), "href": "\(norm.id).html"]
    }

    func documentView(_ index: Int) -> View {
        let document = portfolio.documents[index]
        let attachments: [View] = portfolio.attachmentsOfDocument[index].compactMap { source in
            guard let sitePath = attachmentPaths[source] else { return nil }
            let digest = digest(ofAttachment: source)
            return ["name": source.split(separator: "/").last.map(String.init) ?? source, "href": "../" + sitePath,
                    "size": byteCount(digest.size), "sha256": digest.sha256]
        }
        let linkers = portfolio.linkedFrom[index].filter { published[$0] }.map { documentSummary($0, root: "../") }
        var view = documentSummary(index, root: "../")
        view["owner"] = opt(document.owner)
        view["approvedBy"] = opt(document.approvedBy)
        view["approvedOn"] = opt(document.approvedOn.map(format))
        view["redacted"] = document.redacted
        view["norms"] = document.norms.compactMap { portfolio.catalog.norm($0) }.map { norm -> View in
            ["id": norm.id, "title": normTitle(norm), "titleLang": normTitleLanguage(norm), "href": "../normen/\(norm.id).html"]
        }
        view["body"] = bodyHTML(document.body, source: document.source, targets: document.linkTargets)
        view["attachments"] = attachments
        view["hasAttachments"] = !attachments.isEmpty
        view["linkedFrom"] = linkers
        view["hasLinkedFrom"] = !linkers.isEmpty
        return view
    }

    /// The fields a document shows wherever it is listed.
    func documentSummary(_ index: Int, root: String) -> View {
        let document = portfolio.documents[index]
        return [
            "title": document.title,
            "href": root + documentPath(index),
            "type": opt(document.type),
            "classification": document.classification.name,
            "date": opt(document.date.map(format)),
            "reviewBy": opt(document.reviewBy.map(format)),
            "stale": document.isStale,
            "normIDs": document.norms.joined(separator: ", "),
        ]
    }

    /// Documents in a table: their pre-rendered rows, with title and link for custom templates.
    func rowViews(_ indices: [Int]) -> [View] {
        zip(indices, rows(.document, of: indices)).map { index, row in
            ["row": row, "title": portfolio.documents[index].title, "href": "../" + documentPath(index)]
        }
    }

    func documentPath(_ index: Int) -> String { path(of: .document(index)) }

    // MARK: Text helpers

    /// "850 bytes", "12,3 kB", "4,1 MB" (decimal units, the site's decimal separator).
    func byteCount(_ size: Int) -> String {
        if size < 1000 { return "\(size) bytes" }
        let (value, unit) = size < 1_000_000 ? (Double(size) / 1000, "kB") : (Double(size) / 1_000_000, "MB")
        return "\(decimal(value)) \(unit)"
    }

    func integrityView() -> View {
        [
            "gitCommit": opt(gitCommit),
            "manifest": Integrity.manifestPath, "sums": Integrity.sumsPath,
        ]
    }

    /// The words rendered Markdown adds, in the site's language.
    var markdownLabels: Markdown.Labels {
        Markdown.Labels(table: text("markdown_table"), headingLink: text("markdown_heading_link"),
                        footnotes: text("markdown_footnotes"), footnoteBack: text("markdown_footnote_back"))
    }

    /// An interface text in the site's language (the key itself if a table lacks it).
    func text(_ key: String) -> String { strings[key] }

    func format(_ day: Day) -> String { strings.format(day) }

    func title(_ dutch: String, _ english: String?) -> String {
        language.choose(dutch, english)
    }

    func normTitle(_ norm: Catalog.Norm) -> String { title(norm.title, norm.titleEN) }

    /// "nl" when an English site shows a norm's Dutch title because it has no English one, so the
    /// page can mark it (`lang="nl"`) for screen readers.
    func normTitleLanguage(_ norm: Catalog.Norm) -> Any {
        language == .en && norm.titleEN == nil ? "nl" : Absent()
    }

    func levelLabel(_ level: Int) -> String {
        let name = portfolio.catalog.level(level).map { title($0.title, $0.titleEN) } ?? ""
        return "\(level) \(name)"
    }

    /// A Markdown body as HTML for a page one folder deep (documenten/, normen/, paginas/), its
    /// links leading where the link stage resolved them (`targets`).
    func bodyHTML(_ body: MarkdownDocument, source: String, targets: [String: LinkDestination]) -> String {
        Markdown.html(
            body, labels: markdownLabels,
            normURL: { portfolio.catalog.contains($0) ? "../normen/\($0).html" : nil },
            resolve: { destination, _ in
                // The link stage resolved every link the author wrote; the ones the Markdown
                // extensions add (footnote references, bare web addresses) lead within the page
                // or off the site, and are classified here.
                linkTarget(targets[destination] ?? portfolio.resolve(destination, from: source))
            })
    }

    func linkTarget(_ destination: LinkDestination) -> Markdown.LinkTarget {
                switch destination {
                case .external, .anchor: return .keep
                case .unsafe, .missing, .outside: return .unlink
                case .document(let index, let fragment):
                    return published[index] ? .rewrite("../" + documentPath(index) + fragment) : .unlink
                case .page(let index, let fragment):
                    return audience.mayRead(portfolio.pages[index].classification)
                        ? .rewrite("../paginas/\(portfolio.pages[index].slug).html" + fragment) : .unlink
                case .norm(let id, let fragment): return .rewrite("../normen/\(id).html" + fragment)
                case .attachment(let file):
                    return attachmentPaths[file].map { .rewrite("../" + $0) } ?? .unlink
                }
    }
}
