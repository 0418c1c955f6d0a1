/// The points of attention (`aandachtspunten.html`): every finding this edition shows, grouped
/// by kind, each linked to the page of what it concerns. In the live preview, also the authoring
/// warnings (unknown keys, removed HTML, personal data…), which a built site never holds.
struct AttentionPage: PageKind {
    struct View: TemplateView {
        var count: Int
        var countText: String
        var groups: [Group]
        var hasGroups: Bool
        var authoring: [Warning]
        var hasAuthoring: Bool
        var authoringCount: Int
    }

    struct Group: TemplateView {
        var label: String
        var id: String
        var count: Int
        var items: [AttentionItem]
    }

    /// An authoring warning as `check` prints it.
    struct Warning: TemplateView {
        var place: String
        var message: String
        var code: String
    }

    let template = "attention"
    let menuPosition: Int? = 62

    func pages(in edition: Edition) -> [PageRoute] { edition.has(.attention) ? [PageRoute(path: Routes.attention)] : [] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("attention") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let groups = Self.groups(in: edition, on: page.path)
        let authoring = edition.authoringWarnings.map { diagnostic in
            let place = diagnostic.location
            return Warning(place: "\(place.path):\(place.line):\(place.column)", message: diagnostic.message, code: diagnostic.code)
        }
        return View(
            count: edition.findings.count, countText: edition.strings.plural("attention_count", edition.findings.count),
            groups: groups, hasGroups: !groups.isEmpty, authoring: authoring, hasAuthoring: !authoring.isEmpty,
            authoringCount: authoring.count)
    }
}

extension AttentionPage {
    /// The findings an edition shows, grouped by kind in the kinds' order, linked from `page`.
    static func groups(in edition: Edition, on page: String) -> [Group] {
        Finding.Kind.allCases.compactMap { kind -> Group? in
            let items = edition.findings.filter { $0.kind == kind }.map { edition.attentionItem($0, on: page) }
            guard !items.isEmpty else { return nil }
            return Group(
                label: edition.text("attention_\(kind.key)").uppercasedFirst, id: "aandachtspunt-\(kind.rawValue)",
                count: items.count, items: items)
        }
    }
}
