/// A free page (`paginas/<name>.html`): an introduction, contact details, an accessibility
/// statement, written in `Content/pages/`.
struct TextPage: PageKind {
    struct View: TemplateView {
        var title: String
        /// The title with soft hyphens in its long words, for the `<h1>` only.
        var titleHyphenated: String
        var body: String
    }

    let template = "page"

    func pages(in edition: Edition) -> [PageRoute] {
        edition.publishedPages.map { PageRoute(path: Routes.page(edition.portfolio.pages[$0].slug), item: $0) }
    }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.portfolio.pages[page.item].title }

    func describe(_ page: PageRoute, in edition: Edition) -> String { "the page of " + edition.portfolio.pages[page.item].source }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let text = context.edition.portfolio.pages[page.item]
        return View(
            title: text.title, titleHyphenated: context.edition.hyphenated(text.title),
            body: context.edition.bodyHTML(of: text, on: page.path))
    }
}
