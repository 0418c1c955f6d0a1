/// Coverage (`dekking.html`): which norms current evidence covers, per domain and norm.
struct CoveragePage: PageKind {
    struct View: TemplateView {
        var parts: [Figures.CoveragePart]
        var matrix: [MatrixDomain]
        var gaps: [NormInDomain]
        var hasGaps: Bool
        var stale: [NormInDomain]
        var hasStale: Bool
        /// Per school and domain, the norms covered for the school (only with `schools:`).
        var schoolMatrix: SchoolMatrix?
    }

    /// One domain's row of the status matrix.
    struct MatrixDomain: TemplateView {
        struct Cell: TemplateView {
            var id: String
            var href: String
            var status: String
            var statusLabel: String
        }

        var label: String
        var norms: [Cell]
    }

    /// A norm, with the domain it belongs to.
    struct NormInDomain: TemplateView {
        var id: String
        var title: String
        var titleLang: String?
        var href: String?
        var domain: String
    }

    let template = "coverage"
    let menuPosition: Int? = 40

    func pages(in edition: Edition) -> [PageRoute] { edition.has(.coverage) ? [PageRoute(path: Routes.coverage)] : [] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("coverage") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let matrix = edition.domainsByPart().flatMap { _, domains in
            domains.map { entry in
                MatrixDomain(
                    label: edition.domainLabel(entry.domain),
                    norms: entry.norms.map { norm in
                        let coverage = edition.portfolio.standings[norm.id]?.coverage ?? .missing
                        return MatrixDomain.Cell(
                            id: norm.id, href: Routes.norm(norm.id), status: coverage.styleName,
                            statusLabel: edition.coverageLabel(coverage))
                    })
            }
        }
        let gaps = norms(with: .missing, in: edition), stale = norms(with: .stale, in: edition)
        return View(
            parts: Figures(edition).coverageParts(), matrix: matrix, gaps: gaps, hasGaps: !gaps.isEmpty,
            stale: stale, hasStale: !stale.isEmpty, schoolMatrix: edition.schoolMatrix(from: page.path))
    }

    private func norms(with coverage: Coverage, in edition: Edition) -> [NormInDomain] {
        edition.catalog.norms.filter { edition.portfolio.standings[$0.id]?.coverage == coverage }.map { norm in
            let reference = NormReference(norm, in: edition)
            return NormInDomain(
                id: reference.id, title: reference.title, titleLang: reference.titleLang, href: reference.href,
                domain: edition.catalog.domain(norm.domain).map(edition.domainLabel) ?? norm.domain)
        }
    }
}
