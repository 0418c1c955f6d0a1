/// One kind of page of the site: where its pages go, what their template sees, and which
/// template that is. Each kind is one small file in `Render/Pages/`; the build finds them there
/// (see `PageKinds.all`, generated from that folder), so adding a kind means adding its file, its
/// template and its texts. See docs/architecture.md.
protocol PageKind: Sendable {
    /// What the template sees.
    associatedtype View: TemplateView

    /// The template that renders the pages (`Templates/<template>.mustache`).
    var template: String { get }

    /// Whether the kind has many pages of one shape (one per document): they are rendered by
    /// shape (see `RenderEngine`).
    var isNumerous: Bool { get }

    /// Where the kind's page sits in the site's main navigation (lower first), labelled with its
    /// title; nil for a kind the navigation does not link to.
    var menuPosition: Int? { get }

    /// The kind's pages in an edition, in a fixed order. `item` tells the kind which of its
    /// pages it is asked for (a norm's or document's index; 0 for a kind with one page).
    func pages(in edition: Edition) -> [PageRoute]

    /// A page's title, for `<title>` and its heading.
    func title(of page: PageRoute, in edition: Edition) -> String

    /// The breadcrumbs above a page's heading.
    func crumbs(of page: PageRoute, in edition: Edition) -> [Crumb]

    /// What the page's template sees.
    func view(of page: PageRoute, in context: RenderContext) -> View

    /// What the page is, for messages ("the page of Content/a.md").
    func describe(_ page: PageRoute, in edition: Edition) -> String
}

extension PageKind {
    var isNumerous: Bool { false }

    var menuPosition: Int? { nil }

    func crumbs(of page: PageRoute, in edition: Edition) -> [Crumb] { [] }

    func describe(_ page: PageRoute, in edition: Edition) -> String { "a page of the site" }

    /// The kind's view of a page, as templates see it.
    func templateValue(of page: PageRoute, in context: RenderContext) -> TemplateValue {
        view(of: page, in: context).templateValue
    }
}

/// One page of the site: its path, and which of its kind's pages it is.
struct PageRoute: Sendable, Hashable {
    var path: String
    var item: Int = 0
}

/// A breadcrumb: a page above this one.
struct Crumb: Sendable, Hashable, TemplateView {
    var label: String
    var href: String
}

/// What page kinds render with: the edition, and the document rows many pages share (rendered
/// once per document and reused).
struct RenderContext: Sendable {
    let edition: Edition
    let rows: DocumentRows
    /// The edition's exports, made once: the pages that list them, and the site, share them.
    let exports: ExportFiles
    /// The site's search index, made when a page first needs its key (the search page).
    let searchIndex: SearchIndexOnce
}

// MARK: Views shared by page kinds

/// A norm as many pages list it: ID, title and a link from the site's root.
struct NormReference: TemplateView {
    var id: String
    var title: String
    var titleLang: String?
    /// Nil where the edition has no norm pages.
    var href: String?

    /// A norm as a page at `page` (the site's root by default) links it.
    init(_ norm: Catalog.Norm, in edition: Edition, from page: String = Routes.home) {
        id = norm.id
        title = edition.normTitle(norm)
        titleLang = edition.normTitleLanguage(norm)
        href = edition.normHref(norm.id, from: page)
    }
}

/// A headline figure: a value and what it counts (and over what), with a stable key
/// (`data-figure`, the same wherever the figure is shown) and the page that explains it.
struct Figure: TemplateView {
    var value: String
    var label: String
    var key: String
    var href: String?
}

/// A document in a table: its row (rendered once by `document-row`), with its title and link for
/// templates that want to write their own.
struct DocumentRowView: TemplateView {
    var row: String
    var title: String
    var href: String
}

extension RenderContext {
    /// The rows of these published documents in a document table one folder deep.
    func documentRows(_ indices: [Int]) -> [DocumentRowView] {
        zip(indices, rows.rows(.document, of: indices)).map { index, row in
            DocumentRowView(
                row: row, title: edition.portfolio.documents[index].title,
                href: Routes.fromFolder + Routes.document(edition.portfolio.documents[index].slug))
        }
    }
}
