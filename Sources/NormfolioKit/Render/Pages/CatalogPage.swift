/// The normenkader (`normen/index.html`): every part, domain and norm, and the maturity levels.
struct CatalogPage: PageKind {
    struct View: TemplateView {
        var parts: [Part]
        var levels: [Level]
    }

    struct Part: TemplateView {
        var title: String
        var id: String
        var incomplete: Bool
        var completeness: String
        var domains: [Domain]
    }

    struct Domain: TemplateView {
        var code: String
        var anchor: String
        var number: Int
        var title: String
        var norms: [NormSummary]
    }

    struct Level: TemplateView {
        var level: Int
        var title: String
        var description: String
    }

    /// A norm in the catalogue's lists.
    struct NormSummary: TemplateView {
        var status: String
        var statusLabel: String
        var id: String
        var href: String
        var title: String
        var titleLang: String?
        var evidenceCount: Int
        var level: String?
        var levelNumber: Int?
        var notAssessed: Bool
    }

    let template = "catalog"
    let menuPosition: Int? = 20

    func pages(in edition: Edition) -> [PageRoute] { edition.has(.catalog) ? [PageRoute(path: Routes.catalog)] : [] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("catalog") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let catalog = edition.catalog
        let parts = catalog.parts.map { part in
            let domains = catalog.domains(in: part)
            let known = domains.reduce(0) { $0 + catalog.norms(in: $1).count }
            let title = edition.title(part.title, part.titleEN)
            return Part(
                title: title, id: part.id, incomplete: part.officialNormCount.map { known < $0 } ?? false,
                completeness: part.officialNormCount.map { official in
                    edition.strings.format(
                        "catalog_completeness",
                        [
                            "known": String(known), "official": String(official),
                            "part": title.lowercased(),
                        ])
                } ?? "",
                domains: domains.map { domain in
                    Domain(
                        code: domain.code, anchor: Routes.domainAnchor(domain.code), number: domain.number,
                        title: edition.title(domain.title, domain.titleEN),
                        norms: catalog.norms(in: domain).map { summary($0, in: edition) })
                })
        }
        let levels = catalog.levels.map { Level(level: $0.level, title: edition.title($0.title, $0.titleEN), description: $0.description) }
        return View(parts: parts, levels: levels)
    }

    private func summary(_ norm: Catalog.Norm, in edition: Edition) -> NormSummary {
        let level = edition.assessments[norm.id]?.level
        let coverage = edition.portfolio.standings[norm.id]?.coverage ?? .missing
        return NormSummary(
            status: coverage.styleName, statusLabel: edition.coverageLabel(coverage), id: norm.id,
            href: Routes.norm(norm.id), title: edition.normTitle(norm), titleLang: edition.normTitleLanguage(norm),
            evidenceCount: (edition.portfolio.evidenceByNorm[norm.id] ?? []).count,
            level: level.map(edition.levelLabel), levelNumber: level, notAssessed: level == nil)
    }
}
