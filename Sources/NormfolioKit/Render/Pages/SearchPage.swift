/// The search page (`zoeken.html`); its script searches the index `SearchIndex` writes.
struct SearchPage: PageKind {
    struct View: TemplateView {
        /// The texts the script shows, as JSON that is safe inside a `<script>` data block.
        var searchTexts: String
        /// The key the index asks for before it hands over its entries (`SearchIndex`): only a
        /// page of this site can read it.
        var searchKey: String
    }

    let template = "search"

    func pages(in edition: Edition) -> [PageRoute] { [PageRoute(path: Routes.search)] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("search") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let strings = context.edition.strings
        let results = strings.forms("search_results")
        return View(
            searchTexts: JSONValue.object([
                "empty": .string(strings["search_empty"]), "one": .string(results.one), "many": .string(results.other),
            ]).text(escapingLessThan: true), searchKey: context.searchIndex.value.key)
    }
}
