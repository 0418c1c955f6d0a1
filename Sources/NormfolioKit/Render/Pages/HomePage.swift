/// The home page (`index.html`): the headline figures and the free pages.
struct HomePage: PageKind {
    struct View: TemplateView {
        var figures: [Figure]
        var pages: [PageLink]
    }

    /// A free page as the home page lists it.
    struct PageLink: TemplateView {
        var title: String
        var href: String
    }

    let template = "home"
    let menuPosition: Int? = 10

    func pages(in edition: Edition) -> [PageRoute] { [PageRoute(path: Routes.home)] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("home") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let catalog = edition.catalog
        let withEvidence = catalog.norms.count { !(edition.portfolio.evidenceByNorm[$0.id] ?? []).isEmpty }
        var figures = Figures(edition).summary()
        figures.append(Figure(value: "\(withEvidence) \(edition.text("of")) \(catalog.norms.count)", label: edition.text("norms_with_evidence")))
        figures.append(Figure(value: "\(edition.portfolio.documents.count)", label: edition.text("documents_total")))
        return View(figures: figures, pages: edition.publishedPages.map { edition.portfolio.pages[$0] }.map {
            PageLink(title: $0.title, href: Routes.page($0.slug))
        })
    }
}

