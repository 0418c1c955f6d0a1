import Foundation
import Mustache

/// A value a template sees as absent, so a missing field never picks up a same-named field of an
/// enclosing section (Mustache looks names up the context stack).
struct Absent: MustacheCustomRepresentation {
    var representation: Any? { nil }
}

/// A template context: plain dictionaries are what templates see.
typealias View = [String: Any]

private func opt(_ value: Any?) -> Any { value ?? Absent() }

/// The render stage: turns the linked portfolio into site files for one audience.
struct Renderer {
    let portfolio: Portfolio
    let theme: Theme
    let audience: Audience
    let version: String
    private let strings: [String: String]
    private let language: String
    private let published: [Bool]
    /// Each published document's row in document tables, rendered once from `document-row` and
    /// reused by the document index and every norm page (all one folder deep).
    private var rows: [String] = []

    init(portfolio: Portfolio, theme: Theme, audience: Audience, version: String) {
        self.portfolio = portfolio
        self.theme = theme
        self.audience = audience
        self.version = version
        self.language = portfolio.settings.language
        self.strings = Strings.table(language)
        self.published = portfolio.documents.map { audience.mayRead($0.classification) }
        let renderer = self
        self.rows = portfolio.documents.indices.map { $0 }.parallelMap { index in
            guard renderer.published[index] else { return "" }
            var view = renderer.documentSummary(index, root: "../")
            view["t"] = renderer.strings
            return renderer.theme.render("document-row", view) ?? ""
        }
    }

    /// Every page the site has, rendered in parallel.
    private enum Page: Sendable {
        case home, catalog, documents, norm(Int), document(Int), freePage(Int)
    }

    func render() -> Site {
        var pages: [Page] = [.home, .catalog, .documents]
        pages += portfolio.catalog.norms.indices.map(Page.norm)
        pages += portfolio.documents.indices.filter { published[$0] }.map(Page.document)
        pages += portfolio.pages.indices.map(Page.freePage)
        var files = pages.parallelMap { page in
            let (path, html) = self.render(page)
            return Site.File(path: path, contents: .data(Data(html.utf8)))
        }
        for (name, file) in theme.staticFiles where !name.hasSuffix(".mustache") {
            files.append(Site.File(path: name, contents: file))
        }
        for source in publishedAttachments() {
            guard let sitePath = portfolio.attachmentSitePaths[source] else { continue }
            files.append(Site.File(path: sitePath, contents: .file(portfolio.root + "/Content/" + source)))
        }
        // A page wins over a static file of the same name; the order is fixed for determinism.
        var seen = Set<String>()
        files = files.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
        return Site(files: files, pageCount: pages.count, publishedDocuments: published.count { $0 },
                    withheldDocuments: published.count { !$0 })
    }

    /// Attachments that published documents, free pages or assessments use.
    func publishedAttachments() -> [String] {
        var used = portfolio.attachmentsOfPages
        for (index, files) in portfolio.attachmentsOfDocument.enumerated() where published[index] {
            used.formUnion(files)
        }
        return used.sorted()
    }

    // MARK: Pages

    private func render(_ page: Page) -> (String, String) {
        switch page {
        case .home: return ("index.html", layout(homeView(), template: "home", title: strings["home"]!, path: "index.html"))
        case .catalog:
            return ("normen/index.html", layout(catalogView(), template: "catalog", title: strings["catalog"]!, path: "normen/index.html"))
        case .documents:
            return ("documenten/index.html",
                    layout(documentsView(), template: "documents", title: strings["documents"]!, path: "documenten/index.html"))
        case .norm(let index):
            let norm = portfolio.catalog.norms[index]
            let path = "normen/\(norm.id).html"
            return (path, layout(normView(index), template: "norm", title: "\(norm.id) \(norm.title)", path: path,
                                 crumbs: normCrumbs(norm)))
        case .document(let index):
            let document = portfolio.documents[index]
            let path = documentPath(index)
            return (path, layout(documentView(index), template: "document", title: document.title, path: path,
                                 crumbs: [["label": strings["documents"]!, "href": "documenten/index.html"]]))
        case .freePage(let index):
            let page = portfolio.pages[index]
            let path = "paginas/\(page.slug).html"
            let view: View = ["title": page.title, "body": bodyHTML(page.body, source: page.source)]
            return (path, layout(view, template: "page", title: page.title, path: path))
        }
    }

    /// Wraps a page's content in the shared layout.
    private func layout(_ view: View, template: String, title: String, path: String, crumbs: [View] = []) -> String {
        let depth = path.count { $0 == "/" }
        let root = String(repeating: "../", count: depth)
        var context = view
        context["t"] = strings
        context["root"] = root
        context["site"] = siteView
        let content = theme.render(template, context) ?? ""
        context["content"] = content
        context["pageTitle"] = title
        context["lang"] = language
        context["nav"] = navigation(current: path)
        context["breadcrumbs"] = crumbs.isEmpty ? Absent() : crumbs as Any
        return theme.render("layout", context) ?? content
    }

    private var siteView: View {
        [
            "organisation": portfolio.settings.organisation,
            "title": portfolio.settings.title,
            "asOf": Strings.format(portfolio.asOf, language: language),
            "asOfISO": portfolio.asOf.description,
            "audience": audience.rawValue,
            "version": version,
            "catalogVersion": portfolio.catalog.version,
        ]
    }

    private func navigation(current: String) -> [View] {
        var items: [(String, String)] = [
            (strings["home"]!, "index.html"), (strings["catalog"]!, "normen/index.html"),
            (strings["documents"]!, "documenten/index.html"),
        ]
        items += portfolio.pages.map { ($0.title, "paginas/\($0.slug).html") }
        return items.map { label, href in
            let section = href.split(separator: "/").first.map(String.init) ?? href
            let inSection = href.hasSuffix("/index.html") && current.hasPrefix(section + "/")
            let state: Any = href == current ? "page" : inSection ? "true" as Any : Absent()
            return ["label": label, "href": href, "current": state]
        }
    }

    private func normCrumbs(_ norm: Catalog.Norm) -> [View] {
        let domain = portfolio.catalog.domain(norm.domain)
        return [
            ["label": strings["catalog"]!, "href": "normen/index.html"],
            ["label": domain.map { "\($0.number) \(title($0.title, $0.titleEN))" } ?? norm.domain,
             "href": "normen/index.html#domein-\(norm.domain.lowercased())"],
        ]
    }

    // MARK: Views

    private func homeView() -> View {
        let catalog = portfolio.catalog
        let withEvidence = catalog.norms.count { !(portfolio.evidenceByNorm[$0.id] ?? []).isEmpty }
        let assessed = catalog.norms.count { portfolio.assessments[$0.id]?.level != nil }
        return [
            "figures": [
                ["value": "\(withEvidence) \(strings["of"]!) \(catalog.norms.count)", "label": strings["norms_with_evidence"]!],
                ["value": "\(portfolio.documents.count)", "label": strings["documents_total"]!],
                ["value": "\(portfolio.documents.count { portfolio.isStale($0) })", "label": strings["stale_documents"]!],
                ["value": "\(assessed) \(strings["of"]!) \(catalog.norms.count)", "label": strings["assessed_norms"]!],
            ] as [View],
            "pages": portfolio.pages.map { ["title": $0.title, "href": "paginas/\($0.slug).html"] as View },
            "hasPages": !portfolio.pages.isEmpty,
        ]
    }

    private func catalogView() -> View {
        let catalog = portfolio.catalog
        let parts: [View] = catalog.parts.map { part in
            let domains = catalog.domains(in: part)
            let known = domains.reduce(0) { $0 + catalog.norms(in: $1).count }
            return [
                "title": title(part.title, part.titleEN),
                "id": part.id,
                "known": known,
                "official": opt(part.officialNormCount),
                "incomplete": part.officialNormCount.map { known < $0 } ?? false,
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

    private func normSummary(_ norm: Catalog.Norm) -> View {
        let level = portfolio.assessments[norm.id]?.level
        return [
            "id": norm.id,
            "href": "normen/\(norm.id).html",
            "title": normTitle(norm),
            "evidenceCount": (portfolio.evidenceByNorm[norm.id] ?? []).count,
            "level": opt(level.map { levelLabel($0) }),
            "notAssessed": level == nil,
        ]
    }

    private func documentsView() -> View {
        let rows = portfolio.documents.indices.filter { published[$0] }
            .sorted { (portfolio.documents[$0].title, $0) < (portfolio.documents[$1].title, $1) }
            .map(rowView)
        return ["documents": rows, "hasDocuments": !rows.isEmpty]
    }

    private func normView(_ index: Int) -> View {
        let catalog = portfolio.catalog
        let norm = catalog.norms[index]
        let domain = catalog.domain(norm.domain)
        let evidence = portfolio.evidenceByNorm[norm.id] ?? []
        let shown = evidence.filter { published[$0] }
        var withheld: [Classification: Int] = [:]
        for i in evidence where !published[i] { withheld[portfolio.documents[i].classification, default: 0] += 1 }
        var view: View = [
            "id": norm.id,
            "title": normTitle(norm),
            "workingTitle": !norm.titleVerified,
            "titleEN": opt(language == "en" ? nil : norm.titleEN),
            "description": norm.description,
            "officialURL": catalog.officialURL(of: norm),
            "domain": domain.map { "\($0.number) \(title($0.title, $0.titleEN))" } ?? norm.domain,
            "part": catalog.part(domain?.part ?? "").map { title($0.title, $0.titleEN) } ?? "",
            "evidence": shown.map(rowView),
            "hasEvidence": !evidence.isEmpty,
            "noEvidence": evidence.isEmpty,
            "withheld": withheld.isEmpty ? Absent() : Classification.allCases.compactMap { c -> View? in
                withheld[c].map { ["count": $0, "classification": c.name] }
            } as Any,
            "withheldCount": evidence.count - shown.count,
            "previous": index > 0 ? normLink(catalog.norms[index - 1]) : Absent(),
            "next": index + 1 < catalog.norms.count ? normLink(catalog.norms[index + 1]) : Absent(),
        ]
        if let assessment = portfolio.assessments[norm.id] {
            let target = assessment.target ?? portfolio.settings.target
            view["assessment"] = [
                "level": opt(assessment.level.map { levelLabel($0) }),
                "target": levelLabel(target),
                "owner": opt(assessment.owner),
                "notApplicable": opt(assessment.notApplicable),
                "reviewedOn": opt(assessment.reviewedOn.map(format)),
                "nextReview": opt(assessment.nextReview.map(format)),
                "narrative": opt(assessment.body.text.allSatisfy(\.isWhitespace) ? nil
                                 : bodyHTML(assessment.body, source: assessment.source)),
                "actions": assessment.actions.isEmpty ? Absent() : assessment.actions.map { action -> View in
                    [
                        "title": action.title, "owner": opt(action.owner), "due": opt(action.due.map(format)),
                        "status": strings["status_" + action.status.rawValue] ?? action.status.rawValue,
                    ]
                } as Any,
            ] as View
        } else {
            view["assessment"] = Absent()
        }
        return view
    }

    private func normLink(_ norm: Catalog.Norm) -> View {
        ["id": norm.id, "title": normTitle(norm), "href": "\(norm.id).html"]
    }

    private func documentView(_ index: Int) -> View {
        let document = portfolio.documents[index]
        let attachments: [View] = portfolio.attachmentsOfDocument[index].compactMap { source in
            guard let sitePath = portfolio.attachmentSitePaths[source] else { return nil }
            return ["name": source.split(separator: "/").last.map(String.init) ?? source, "href": "../" + sitePath]
        }
        let linkers = portfolio.linkedFrom[index].filter { published[$0] }.map { documentSummary($0, root: "../") }
        var view = documentSummary(index, root: "../")
        view["owner"] = opt(document.owner)
        view["approvedBy"] = opt(document.approvedBy)
        view["approvedOn"] = opt(document.approvedOn.map(format))
        view["redacted"] = document.redacted
        view["norms"] = document.norms.compactMap { portfolio.catalog.norm($0) }.map { norm -> View in
            ["id": norm.id, "title": normTitle(norm), "href": "../normen/\(norm.id).html"]
        }
        view["body"] = bodyHTML(document.body, source: document.source)
        view["attachments"] = attachments.isEmpty ? Absent() : attachments as Any
        view["linkedFrom"] = linkers.isEmpty ? Absent() : linkers as Any
        return view
    }

    /// The fields a document shows wherever it is listed.
    private func documentSummary(_ index: Int, root: String) -> View {
        let document = portfolio.documents[index]
        return [
            "title": document.title,
            "href": root + documentPath(index),
            "type": opt(document.type),
            "classification": document.classification.name,
            "date": opt(document.date.map(format)),
            "reviewBy": opt(document.reviewBy.map(format)),
            "stale": portfolio.isStale(document),
            "normIDs": document.norms.joined(separator: ", "),
        ]
    }

    /// A document in a table: its pre-rendered row, with title and link for custom templates.
    private func rowView(_ index: Int) -> View {
        ["row": rows[index], "title": portfolio.documents[index].title, "href": "../" + documentPath(index)]
    }

    private func documentPath(_ index: Int) -> String { "documenten/\(portfolio.documents[index].slug).html" }

    // MARK: Text helpers

    private func format(_ day: Day) -> String { Strings.format(day, language: language) }

    private func title(_ dutch: String, _ english: String?) -> String {
        language == "en" ? english ?? dutch : dutch
    }

    private func normTitle(_ norm: Catalog.Norm) -> String { title(norm.title, norm.titleEN) }

    private func levelLabel(_ level: Int) -> String {
        let name = portfolio.catalog.level(level).map { title($0.title, $0.titleEN) } ?? ""
        return "\(level) \(name)"
    }

    /// A Markdown body as HTML for a page one folder deep (documenten/, normen/, paginas/).
    private func bodyHTML(_ body: MarkdownSource, source: String) -> String {
        var resolved: [String: Markdown.LinkTarget] = [:]
        return Markdown.html(
            body,
            normURL: { portfolio.catalog.contains($0) ? "../normen/\($0).html" : nil },
            resolve: { destination, _ in
                if let known = resolved[destination] { return known }
                let target = linkTarget(destination, from: source)
                resolved[destination] = target
                return target
            })
    }

    private func linkTarget(_ destination: String, from source: String) -> Markdown.LinkTarget {
                switch portfolio.resolve(destination, from: source) {
                case .external, .anchor: return .keep
                case .unsafe, .missing, .outside: return .unlink
                case .document(let index, let fragment):
                    return published[index] ? .rewrite("../" + documentPath(index) + fragment) : .unlink
                case .page(let index, let fragment): return .rewrite("../paginas/\(portfolio.pages[index].slug).html" + fragment)
                case .norm(let id, let fragment): return .rewrite("../normen/\(id).html" + fragment)
                case .attachment(let file):
                    return portfolio.attachmentSitePaths[file].map { .rewrite("../" + $0) } ?? .unlink
                }
    }
}
