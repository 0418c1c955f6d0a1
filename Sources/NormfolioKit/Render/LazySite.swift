import Foundation
import Synchronization

/// The site of one edition, each file made when it is first asked for and then kept. A build
/// walks all of it at once (`whole()`); the live preview asks for the files the browser wants
/// (`file(at:)`). Both make every file the same way, so every file the preview serves is byte
/// for byte the file a build writes.
public final class LazySite: Sendable {
    /// Where a file of the site comes from.
    enum Source: Sendable {
        case page(kind: Int, PageRoute)
        case exports
        /// A paper (`build --pdf`), typeset when it is asked for.
        case paper(Paper)
        case searchIndex
        /// The register pages' school filter (`SchoolFilter`).
        case schoolFilter
        case copy(Theme.StaticFile)
        /// The manifest and checksum list, which hash every other file.
        case integrity
    }

    let edition: Edition
    let engine: RenderEngine
    let theme: Theme
    /// Reads the files copied as they are (the portfolio's `Public/` and attachments), to
    /// serve and to hash them; pages are made from the edition alone.
    let io: FileIO
    let rows: DocumentRows
    let exports: ExportFiles
    private let chrome: LayoutView.Chrome
    private let searchIndex: SearchIndexOnce
    private let kinds: [any PageKind]
    /// Every page, in a fixed order.
    private let pages: [(kind: Int, route: PageRoute)]
    private let sources: [String: Source]
    private let made = Mutex<[String: Data]>([:])
    /// How many pages the site has.
    public let pageCount: Int

    /// The site of `edition` in `theme`; `searchEntries` keeps search-index entries between
    /// sites of the same portfolio; with `pdf`, the papers too (in the live preview, `lazyPapers`:
    /// made only when asked for).
    init(
        edition: Edition, theme: Theme, io: FileIO, searchEntries: SearchEntryMemo? = nil, fast: Bool = RenderEngine.fastByDefault,
        pdf: PDFVariant? = nil, lazyPapers: Bool = false
    ) {
        self.edition = edition
        self.theme = theme
        self.io = io
        self.engine = RenderEngine(theme: theme, edition: edition, fast: fast)
        self.rows = DocumentRows(edition: edition, engine: engine)
        let (engine, rows) = (self.engine, self.rows)
        self.exports = ExportFiles(
            edition: edition,
            papers: pdf.map { variant in
                PaperMaker(edition: edition, engine: engine, theme: theme, io: io, rows: rows, variant: variant)
            }, lazyPapers: lazyPapers)
        self.chrome = LayoutView.Chrome(edition)
        self.searchIndex = SearchIndexOnce(SearchIndex(edition: edition, memo: searchEntries))
        self.kinds = PageKinds.all
        var pages: [(kind: Int, route: PageRoute)] = []
        for (index, kind) in kinds.enumerated() {
            pages += kind.pages(in: edition).map { (index, $0) }
        }
        self.pages = pages
        sources = Self.sources(
            pages: pages.map { ($0.route.path, Source.page(kind: $0.kind, $0.route)) }, edition: edition, theme: theme,
            papers: pdf != nil)
        self.pageCount = pages.count
    }

    /// What the live preview says at the top of every page: which edition it shows.
    public var previewNote: String { edition.strings.format("preview_edition", ["audience": edition.audience.rawValue]) }

    /// Every path the site has, sorted.
    public var paths: [String] { sources.keys.sorted() }

    /// The bytes of the file at `path`, or nil when the site has no such file.
    public func file(at path: String) -> Data? {
        if let known = made.withLock({ $0[path] }) { return known }
        guard let source = sources[path] else { return nil }
        var files: [(String, Data)] = []
        switch source {
        case .page(let kind, let route):
            var worker = engine.worker(ownTheme: false)
            let page = content(kind, route, worker: &worker)
            let html = RenderEngine.Frame(layout(page), engine: engine).wrap(
                title: page.title, content: page.html, engine: engine,
                layout: { self.layout(page) })
            files = [(path, Data(html.utf8))]
        case .exports:
            files = exports.files().compactMap { file in file.bytes().map { (file.path, $0) } }
        case .paper(let paper):
            files = [(path, exports.pdf(paper))]
        case .searchIndex:
            let file = searchIndex.value.file
            files = file.bytes().map { [(file.path, $0)] } ?? []
        case .schoolFilter:
            files = [(path, Data(SchoolFilter.script.utf8))]
        case .copy(let contents):
            // Copied files are read again each time: they may be large, and change on disk.
            return Site.File(path: path, contents: contents).bytes(io: io)
        case .integrity:
            files = sealed().files.compactMap { file in
                if case .data = file.contents { return file.bytes(io: io).map { (file.path, $0) } }
                return nil
            }
        }
        made.withLock { made in
            for (name, data) in files where sources[name] != nil { made[name] = data }
        }
        return files.first { $0.0 == path }?.1
    }

    /// The whole site with its manifest and checksum list.
    func sealed() -> Site {
        Integrity.seal(whole(), edition: edition, io: io)
    }

    /// The whole site, unsealed: every page rendered in parallel (the exports on a thread of
    /// their own meanwhile), the search index, and the copied files.
    func whole() -> Site {
        rows.renderAll()
        // The layout around a page depends only on its frame, so each distinct frame is rendered
        // once and each page is spliced into it as soon as it is rendered: no page's content is
        // kept beside the whole page.
        let heads = pages.parallelMap { page in
            let crumbs = self.kinds[page.kind].crumbs(of: page.route, in: self.edition)
            return (crumbs: crumbs, frameKey: LayoutView.frameKey(page: page.route.path, crumbs: crumbs, chrome: self.chrome))
        }
        var frames: [String: RenderEngine.Frame] = [:]
        for (page, head) in zip(pages, heads) where frames[head.frameKey] == nil {
            frames[head.frameKey] = RenderEngine.Frame(
                LayoutView(
                    page: page.route.path, title: "", content: "", crumbs: head.crumbs,
                    chrome: chrome), engine: engine)
        }
        let frozen = frames
        let engine = self.engine
        var (files, generated) = concurrently(
            {
                self.pages.parallelMap(state: { self.engine.worker() }) { worker, page in
                    let page = self.content(page.kind, page.route, worker: &worker)
                    let html =
                        frozen[page.frameKey].map {
                            $0.wrap(
                                title: page.title, content: page.html, engine: engine,
                                layout: { self.layout(page) })
                        }
                        ?? engine.layout(self.layout(page))
                    return Site.File(path: page.path, contents: .data(Data(html.utf8)))
                }
            }, side: { self.exports.files() + [self.searchIndex.value.file] + SchoolFilter.files(in: self.edition) })
        // Which file is at a path is the table's to say (`sources`), as it is for the preview.
        let made = generated.filter { file in
            switch sources[file.path] {
            case .exports?, .paper?, .searchIndex?, .schoolFilter?: true
            default: false
            }
        }
        files += made
        for (path, source) in sources {
            if case .copy(let contents) = source { files.append(Site.File(path: path, contents: contents)) }
        }
        files.sort { $0.path < $1.path }
        // The exports the home and integrity pages listed are hashed already.
        let madePaths = Set(made.map(\.path))
        var digests = exports.knownDigests.filter { madePaths.contains($0.key) }
        for (source, sitePath) in edition.attachmentPaths {
            if let digest = edition.portfolio.attachmentDigests[source] { digests[sitePath] = digest }
        }
        return Site(
            files: files, pageCount: pages.count, publishedDocuments: edition.publishedDocuments.count,
            withheldDocuments: edition.withheldDocuments, digests: digests)
    }

    /// A page rendered, without the layout around it yet.
    private struct Content {
        var path: String
        var title: String
        var html: String
        var crumbs: [Crumb]
        var frameKey: String
    }

    /// What the layout sees for a page.
    private func layout(_ page: Content) -> LayoutView {
        LayoutView(page: page.path, title: page.title, content: page.html, crumbs: page.crumbs, chrome: chrome)
    }

    private func content(_ kindIndex: Int, _ route: PageRoute, worker: inout RenderEngine.Worker) -> Content {
        let kind = kinds[kindIndex]
        let context = RenderContext(edition: edition, rows: rows, exports: exports, searchIndex: searchIndex)
        let html = worker.page(
            kind.template, kind.templateValue(of: route, in: context), root: Routes.root(of: route.path),
            byShape: kind.isNumerous)
        let crumbs = kind.crumbs(of: route, in: edition)
        return Content(
            path: route.path, title: kind.title(of: route, in: edition), html: html, crumbs: crumbs,
            frameKey: LayoutView.frameKey(page: route.path, crumbs: crumbs, chrome: chrome))
    }

    /// The one rule for which file is at a path, used by a build and the live preview alike: a
    /// page first; where no page is, an export, a paper, the search index; then a file copied as it
    /// is (the theme's static files before the attachments). The manifest and checksum list are
    /// always normfolio's own.
    static func sources(pages: [(String, Source)], edition: Edition, theme: Theme, papers: Bool) -> [String: Source] {
        var sources: [String: Source] = [:]
        func add(_ path: String, _ source: Source) {
            if sources[path] == nil { sources[path] = source }
        }
        for (path, source) in pages { add(path, source) }
        for (path, source) in madeFiles(of: edition, papers: papers) { add(path, source) }
        for file in copiedFiles(edition: edition, theme: theme) { add(file.path, .copy(file.contents)) }
        for path in integrityFiles { sources[path] = .integrity }
        return sources
    }

    /// The files an edition makes besides its pages and the integrity files: its exports, papers
    /// (with `build --pdf`), search index and the register pages' school filter.
    static func madeFiles(of edition: Edition, papers: Bool) -> [(String, Source)] {
        Exports(edition: edition).paths.map { ($0, Source.exports) } + (papers ? Paper.allCases.map { ($0.path, Source.paper($0)) } : [])
            + [(Routes.searchIndex, .searchIndex)] + (SchoolFilter.isUsed(in: edition) ? [(Routes.schoolFilterScript, .schoolFilter)] : [])
    }

    /// The manifest and checksum list, which hash every other file.
    static let integrityFiles = [Routes.manifest, Routes.sums]

    /// The files copied into the site as they are: the theme's static files, then the published
    /// attachments.
    static func copiedFiles(edition: Edition, theme: Theme) -> [Site.File] {
        var files: [Site.File] = []
        for (name, file) in theme.staticFiles.sorted(by: { $0.key < $1.key }) where !name.hasSuffix(".mustache") {
            files.append(Site.File(path: name, contents: file))
        }
        let root = edition.portfolio.root
        for (source, sitePath) in edition.attachmentPaths.sorted(by: { $0.key < $1.key }) {
            // An attachment is published only with the bytes that were checked: a link to it swapped
            // while the preview runs, or a file changed during a build, is never copied.
            guard let digest = edition.portfolio.attachmentDigests[source] else { continue }
            files.append(Site.File(path: sitePath, contents: .checked(root + "/Content/" + source, sha256: digest.sha256)))
        }
        return files
    }

    /// Every file normfolio makes for a portfolio in any edition, with what makes it: the pages,
    /// the exports, the search index, the integrity files and the attachments.
    static func generatedFiles(of portfolio: Portfolio) -> [String: String] {
        var files: [String: String] = [:]
        // The auditor's edition has every page.
        let everything = Edition(portfolio: portfolio, audience: .auditor, version: "", strings: Strings())
        for kind in PageKinds.all {
            for page in kind.pages(in: everything) { files[page.path] = kind.describe(page, in: everything) }
        }
        // Derived from what the auditor's edition makes, so a new export is never missing here.
        for path in madeFiles(of: everything, papers: true).map(\.0) + integrityFiles + [Routes.signature] {
            files[path] = "a file normfolio writes"
        }
        for audience in Audience.allCases {
            let edition = audience == .auditor ? everything : Edition(portfolio: portfolio, audience: audience, version: "", strings: Strings())
            for (source, path) in edition.attachmentPaths { files[path] = "the attachment Content/" + source }
        }
        return files
    }
}
