/// The improvement plan (`verbeterplan.html`): every action of every assessment, by status.
struct PlanPage: PageKind {
    struct View: TemplateView {
        var groups: [Figures.ActionGroup]
    }

    let template = "plan"
    let menuPosition: Int? = 60

    func pages(in edition: Edition) -> [PageRoute] { edition.has(.plan) ? [PageRoute(path: Routes.plan)] : [] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("plan") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        View(groups: Figures(context.edition).actionGroups())
    }
}
