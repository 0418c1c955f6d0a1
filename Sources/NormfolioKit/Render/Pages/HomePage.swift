/// The home page (`index.html`). For the board and its accountant and auditor: what awaits a
/// decision ("Te besluiten"), a verdict per part and the headline figures, each linked to its
/// page. For staff (an edition without the report): the documents by domain, whom to contact and
/// what to do on a data breach. Both list the site's pages.
struct HomePage: PageKind {
    struct View: TemplateView {
        /// Whether this is the board's home page (the edition has the report).
        var forBoard: Bool
        var agenda: [AgendaItem]
        var hasAgenda: Bool
        var verdicts: [String]
        var parts: [FigureGroup]
        var figures: [Figure]
        var domains: [DomainDocuments]
        var hasDomains: Bool
        var contacts: [ContactView]
        var hasContacts: Bool
        var breachInstructions: String?
        var pages: [PageLink]
        /// Every export of the edition with its size and SHA-256.
        var exports: [ExportFiles.Listed]
        var hasExports: Bool
    }

    /// A page or file as the home page links it.
    struct PageLink: TemplateView {
        var title: String
        var href: String
    }

    /// The published documents whose first norm lies in a domain.
    struct DomainDocuments: TemplateView {
        var title: String
        var documents: [PageLink]
    }

    struct ContactView: TemplateView {
        var role: String
        var name: String?
        var email: String?
        var phone: String?
        /// The phone number as a `tel:` link takes it: digits and a leading +.
        var phoneLink: String?
    }

    let template = "home"
    let menuPosition: Int? = 10

    func pages(in edition: Edition) -> [PageRoute] { [PageRoute(path: Routes.home)] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("home") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let forBoard = edition.has(.report)
        let figures = Figures(edition)
        let agenda = forBoard ? edition.agenda(on: page.path) : []
        let domains = forBoard ? [] : documentsByDomain(in: edition)
        let contacts = edition.portfolio.settings.contacts.map { contact in
            ContactView(
                role: contact.role, name: contact.name, email: contact.email, phone: contact.phone,
                phoneLink: contact.phone.map { phone in String(phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }) })
        }
        // The site's pages as the navigation has them, then the free pages.
        let pages =
            LayoutView.Chrome(edition).navigation.filter { $0.href != Routes.home }.map { PageLink(title: $0.label, href: $0.href) }
            + edition.publishedPages.map { edition.portfolio.pages[$0] }.map { PageLink(title: $0.title, href: Routes.page($0.slug)) }
        let exports = context.exports.listing(on: page.path)
        return View(
            forBoard: forBoard, agenda: agenda, hasAgenda: !agenda.isEmpty, verdicts: forBoard ? figures.verdicts() : [],
            parts: forBoard ? figures.partFigures() : [], figures: forBoard ? figures.summary() : [],
            domains: domains, hasDomains: !domains.isEmpty, contacts: contacts, hasContacts: !contacts.isEmpty,
            breachInstructions: edition.portfolio.settings.breachInstructions, pages: pages, exports: exports,
            hasExports: !exports.isEmpty)
    }

    /// The published documents by the domain of their first norm, in the normenkader's order.
    private func documentsByDomain(in edition: Edition) -> [DomainDocuments] {
        let portfolio = edition.portfolio
        var byDomain: [String: [Int]] = [:]
        for index in edition.documentsByTitle {
            guard let first = portfolio.documents[index].norms.first else { continue }
            byDomain[edition.catalog.norm(first)?.domain ?? first, default: []].append(index)
        }
        return edition.catalog.domains.compactMap { domain in
            guard let documents = byDomain[domain.code] else { return nil }
            let part = edition.catalog.part(domain.part).map { edition.title($0.title, $0.titleEN) } ?? ""
            return DomainDocuments(
                title: "\(part): \(edition.domainLabel(domain))",
                documents: documents.map {
                    PageLink(title: portfolio.documents[$0].title, href: Routes.document(portfolio.documents[$0].slug))
                })
        }
    }
}
