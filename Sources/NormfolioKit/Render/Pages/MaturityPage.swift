/// Maturity (`volwassenheid.html`): the assessed levels against their targets, per domain.
struct MaturityPage: PageKind {
    struct View: TemplateView {
        var parts: [Figures.MaturityPart]
        var distribution: Figures.Distribution
        var belowTarget: [Figures.BelowTarget]
        var hasBelowTarget: Bool
    }

    let template = "maturity"
    let menuPosition: Int? = 50

    func pages(in edition: Edition) -> [PageRoute] { edition.has(.maturity) ? [PageRoute(path: Routes.maturity)] : [] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("maturity") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let figures = Figures(context.edition)
        let below = figures.belowTarget()
        return View(
            parts: figures.maturityParts(), distribution: figures.distribution(), belowTarget: below,
            hasBelowTarget: !below.isEmpty)
    }
}
