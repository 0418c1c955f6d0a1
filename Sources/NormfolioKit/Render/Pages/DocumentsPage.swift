/// The document index (`documenten/index.html`): every published document, by title.
struct DocumentsPage: PageKind {
    struct View: TemplateView {
        var documents: [DocumentRowView]
        var hasDocuments: Bool
    }

    let template = "documents"
    let menuPosition: Int? = 30

    func pages(in edition: Edition) -> [PageRoute] { [PageRoute(path: Routes.documents)] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("documents") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let rows = context.documentRows(context.edition.documentsByTitle)
        return View(documents: rows, hasDocuments: !rows.isEmpty)
    }
}
