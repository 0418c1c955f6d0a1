import Foundation
import Synchronization

/// How templates are rendered, and every trick that makes a site of ten thousand pages fast, in
/// one place with one switch:
///
/// - values every page shares (`{{t.key}}`, `{{site.key}}`) are written into the templates once
///   (`Theme.specialized`), and escaping is done byte by byte;
/// - pages of one template with the same shape are rendered once per shape and spliced
///   (`ShapeCache`);
/// - the layout is rendered once per distinct frame and pages are spliced into it (`Frame`);
/// - each rendering thread has its own parsed copy of the theme.
///
/// With `fast` off, every page and every layout is rendered by Mustache as it is. Both ways give
/// the same bytes; a test renders whole sites both ways and compares them.
struct RenderEngine: Sendable {
    let theme: Theme
    let fast: Bool
    /// What every template sees besides its view: `t` (the interface texts) and `site`.
    let constants: [String: [String: String]]

    /// Whether a build renders fast; `NORMFOLIO_PLAIN_RENDERING=1` turns the tricks off, to
    /// compare or to rule them out.
    static let fastByDefault = ProcessInfo.processInfo.environment["NORMFOLIO_PLAIN_RENDERING"] != "1"

    init(theme: Theme, edition: Edition, fast: Bool = RenderEngine.fastByDefault) {
        let site = SiteView(edition).templateValue
        let table = edition.strings.texts
        var siteTable: [String: String] = [:]
        if case .object(let members) = site {
            for (key, value) in members { if case .text(let text) = value { siteTable[key] = text } }
        }
        self.fast = fast
        self.constants = ["t": table, "site": siteTable]
        guard fast else {
            self.theme = theme
            return
        }
        var written: [String: String] = [:]
        for (key, value) in table { written["t." + key] = value }
        for (key, value) in siteTable { written["site." + key] = value }
        self.theme = theme.specialized(constants: written)
    }

    /// A renderer for one thread. With `ownTheme`, it parses its own copy of the theme, so that
    /// threads rendering thousands of pages do not contend on the parsed templates' reference
    /// counts; for a few pages that costs more than it saves.
    func worker(ownTheme: Bool = true) -> Worker {
        Worker(engine: self, theme: fast && ownTheme ? copies.theme(reparsing: theme) : theme, shapes: ShapeCache(theme: theme, enabled: fast))
    }

    /// The parsed copies of the theme, one per thread that rendered with this engine. Parsing the
    /// templates takes long (about 0.1 G instructions), and a build's parallel passes (the rows,
    /// the pages) run on the same few threads, so each thread parses them once.
    final class ThemeCopies: Sendable {
        private let copies = Mutex<[UInt: Theme]>([:])

        func theme(reparsing theme: Theme) -> Theme {
            #if canImport(Glibc)
                let thread = UInt(pthread_self())
            #else
                let thread = UInt(bitPattern: pthread_self())
            #endif
            if let copy = copies.withLock({ $0[thread] }) { return copy }
            let copy = theme.reparsed()
            copies.withLock { $0[thread] = copy }
            return copy
        }
    }

    private let copies = ThemeCopies()

    /// The layout around a page's content, rendered by Mustache.
    func layout(_ view: LayoutView) -> String {
        var context = view.templateValue.mustache as? [String: Any] ?? [:]
        context["t"] = constants["t"]
        context["site"] = constants["site"]
        return theme.render("layout", context) ?? view.content
    }

    /// Renders pages and fragments on one thread.
    struct Worker {
        let engine: RenderEngine
        let theme: Theme
        var shapes: ShapeCache

        /// A page's content: its template over its view, with `root` (the way back to the site's
        /// root), `t` and `site`. `byShape` for kinds with many pages of one shape.
        mutating func page(_ template: String, _ view: TemplateValue, root: String, byShape: Bool) -> String {
            render(template, view.adding(["root": .text(root)]), constants: ["t", "site"], byShape: byShape)
        }

        /// A fragment (a document's row): its template over its view, with `t`.
        mutating func fragment(_ template: String, _ view: TemplateValue) -> String {
            render(template, view, constants: ["t"], byShape: true)
        }

        private mutating func render(_ template: String, _ view: TemplateValue, constants names: [String], byShape: Bool) -> String {
            var constants: [String: Any] = [:]
            for name in names { constants[name] = engine.constants[name] }
            if byShape && engine.fast { return shapes.render(template, view, constants: constants, theme: theme) }
            return ShapeCache.plain(template, view, constants: constants, theme: theme)
        }

    }

    /// The layout around pages, rendered once per distinct frame (folder depth, navigation state
    /// and breadcrumbs) with placeholders, and pages spliced in; or, with `fast` off, around each
    /// page on its own.
    struct Frame: Sendable {
        private static let titleMark = "\u{E000}normfolio-page-title\u{E000}"
        private static let contentMark = "\u{E000}normfolio-page-content\u{E000}"
        /// The layout cut at the placeholders; nil when the layout uses them in a way splicing
        /// cannot reproduce (then each page is rendered whole).
        private let segments: [(text: String, after: Mark?)]?

        private enum Mark { case title, content }

        init(_ view: LayoutView, engine: RenderEngine) {
            guard engine.fast else {
                segments = nil
                return
            }
            var marked = view
            (marked.pageTitle, marked.content) = (Self.titleMark, Self.contentMark)
            let html = engine.layout(marked)
            var segments: [(String, Mark?)] = []
            var rest = Substring(html)
            while let next = [(Self.titleMark, Mark.title), (Self.contentMark, Mark.content)]
                .compactMap({ mark, kind in rest.range(of: mark).map { ($0, kind) } })
                .min(by: { $0.0.lowerBound < $1.0.lowerBound })
            {
                segments.append((String(rest[..<next.0.lowerBound]), next.1))
                rest = rest[next.0.upperBound...]
            }
            segments.append((String(rest), nil))
            self.segments = segments.count { $0.1 == .content } == 1 ? segments : nil
        }

        /// The whole page: the layout with this page's title and content (`layout` makes what
        /// the layout sees, when the page is rendered whole).
        func wrap(title: String, content: String, engine: RenderEngine, layout: () -> LayoutView) -> String {
            guard let segments else { return engine.layout(layout()) }
            let title = title.htmlEscaped
            var html = ""
            html.reserveCapacity(segments.reduce(content.utf8.count) { $0 + $1.text.utf8.count } + 256)
            for (text, mark) in segments {
                html += text
                switch mark {
                case .title: html += title
                case .content: html += content
                case nil: break
                }
            }
            return html
        }
    }
}

/// The site's settings as every template sees them (`{{site.key}}`).
struct SiteView: TemplateView {
    var organisation: String
    var title: String
    var asOf: String
    var asOfISO: String
    var audience: String
    var version: String
    var catalogVersion: String

    init(_ edition: Edition) {
        let portfolio = edition.portfolio
        organisation = portfolio.settings.organisation
        title = portfolio.settings.title
        asOf = edition.format(portfolio.asOf)
        asOfISO = portfolio.asOf.description
        audience = edition.audience.rawValue
        version = edition.version
        catalogVersion = portfolio.catalog.version
    }
}

/// What `layout.mustache` sees: the frame around every page.
struct LayoutView: TemplateView {
    struct NavigationItem: TemplateView {
        var label: String
        var href: String
        /// "page" on the page itself, "true" in its section, absent elsewhere.
        var current: String?
    }

    var root: String
    var lang: String
    var nav: [NavigationItem]
    var footerNav: [Crumb]
    var breadcrumbs: [Crumb]
    var hasBreadcrumbs: Bool
    var pageTitle: String
    var content: String
    /// The school whose edition this is (`build --school`), named in the header.
    var school: String?

    /// The links every page's frame has: the main navigation and the footer's.
    struct Chrome: Sendable {
        var navigation: [Crumb]
        var footer: [Crumb]
        var language: String
        var school: String?

        init(_ edition: Edition) {
            // The kinds that ask for a place in the navigation, by their position.
            navigation = PageKinds.all.compactMap { kind -> (position: Int, link: Crumb)? in
                guard let position = kind.menuPosition, let page = kind.pages(in: edition).first else { return nil }
                return (position, Crumb(label: kind.title(of: page, in: edition), href: page.path))
            }.sorted { $0.position < $1.position }.map(\.link)
            footer =
                edition.publishedPages.map { edition.portfolio.pages[$0] }.map { Crumb(label: $0.title, href: Routes.page($0.slug)) }
                + [Crumb(label: edition.text("integrity"), href: Routes.integrity)]
            language = edition.language.rawValue
            school = edition.school?.label
        }
    }

    init(page path: String, title: String, content: String, crumbs: [Crumb], chrome: Chrome) {
        root = Routes.root(of: path)
        lang = chrome.language
        nav = chrome.navigation.map { item in
            let section = item.href.split(separator: "/").first.map(String.init) ?? item.href
            let inSection = Routes.isSectionIndex(item.href) && path.hasPrefix(section + "/")
            return NavigationItem(label: item.label, href: item.href, current: item.href == path ? "page" : inSection ? "true" : nil)
        }
        footerNav = chrome.footer
        breadcrumbs = crumbs
        hasBreadcrumbs = !crumbs.isEmpty
        pageTitle = title
        self.content = content
        school = chrome.school
    }

    /// What makes one page's frame differ from another's: its folder depth, what the navigation
    /// marks as current (the page itself, or its section) and its breadcrumbs.
    static func frameKey(page path: String, crumbs: [Crumb], chrome: Chrome) -> String {
        let section = path.split(separator: "/").first.map(String.init) ?? path
        let current = chrome.navigation.contains { $0.href == path } ? path : section
        return "\(Routes.root(of: path))|\(current)|" + crumbs.map { "\($0.href)\u{1}\($0.label)" }.joined(separator: "\u{2}")
    }
}
