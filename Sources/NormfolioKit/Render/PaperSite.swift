import Foundation

/// The papers of a site: the paged HTML of the report and the handbook, made from the same
/// edition and views as the pages, and typeset by WeasyPrint.
struct PaperMaker: Sendable {
    let edition: Edition
    let engine: RenderEngine
    let theme: Theme
    let io: FileIO
    let rows: DocumentRows
    let variant: PDFVariant

    /// The PDF of a paper; throws when WeasyPrint is missing or fails.
    func pdf(_ paper: Paper, exports: ExportFiles) throws -> Data {
        let (html, images) = paperHTML(paper, exports: exports)
        // Images go in as data: WeasyPrint names an image after where it was read, and a
        // temporary folder's name would make every PDF different.
        var inline = html
        for (path, data) in images.sorted(by: { $0.key < $1.key }) {
            inline = inline.replacingOccurrences(
                of: "src=\"\(Routes.fromFolder)\(path)\"", with: "src=\"data:\(Self.mediaType(of: path));base64,\(data.base64EncodedString())\"")
        }
        var files: [String: Data] = [:]
        // The site's stylesheet, for the look of its tables, charts and badges.
        if let css = theme.staticFiles[Routes.stylesheet].flatMap({ Site.File(path: Routes.stylesheet, contents: $0).bytes(io: io) }) {
            files[Routes.stylesheet] = css
        }
        return try WeasyPrint.pdf(html: inline, at: paper.htmlPath, files: files, variant: variant)
    }

    /// The media type of an image, by its name.
    static func mediaType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "svg": "image/svg+xml"
        case "webp": "image/webp"
        default: "application/octet-stream"
        }
    }

    /// A paper's paged HTML, and the images it shows (by path in the site).
    func paperHTML(_ paper: Paper, exports: ExportFiles) -> (html: String, images: [String: Data]) {
        let (view, _) = views(paper, exports: exports)
        var worker = engine.worker(ownTheme: false)
        let html = worker.page("paper", view.templateValue, root: Routes.fromFolder, byShape: false)
        return (html, images(in: view.content))
    }

    /// What a paper's templates see: `paper` its view, with the content rendered; for the
    /// handbook also what `paper-handbook` saw.
    func views(_ paper: Paper, exports: ExportFiles) -> (paper: PaperView, handbook: PaperHandbook?) {
        var worker = engine.worker(ownTheme: false)
        var handbook: PaperHandbook?
        let context = RenderContext(
            edition: edition, rows: rows, exports: exports,
            searchIndex: SearchIndexOnce(SearchIndex(edition: edition, memo: nil)))
        let content: String
        var contents: [PaperView.Entry]
        switch paper {
        case .report:
            let report = ReportPage()
            let page = PageRoute(path: Routes.report)
            content = Paper.paintedCharts(
                Paper.unlinked(
                    worker.page(
                        report.template, report.templateValue(of: page, in: context), root: "",
                        byShape: false)))
            contents = Paper.headings(in: content).filter { $0.id != "r-inhoud" }
        case .handbook:
            let domains = handbookDomains()
            let slugs = Set(edition.publishedDocuments.map { edition.portfolio.documents[$0].slug })
            handbook = PaperHandbook(domains: domains)
            let html = worker.page("paper-handbook", PaperHandbook(domains: domains).templateValue, root: Routes.fromFolder, byShape: false)
            // A link to a document of the handbook leads to its place in it.
            content = Paper.unlinked(html) { href in
                let folder = Routes.fromFolder + Routes.documentFolder
                guard href.hasPrefix(folder) else { return nil }
                let slug = String(href.dropFirst(folder.count).prefix { $0 != "." && $0 != "#" })
                return slugs.contains(slug) ? "document-" + slug : nil
            }
            contents = domains.flatMap { domain in
                [PaperView.Entry(id: domain.id, title: domain.title, level: 1)]
                    + domain.documents.map { PaperView.Entry(id: $0.id, title: $0.title, level: 2) }
            }
        }
        let portfolio = edition.portfolio
        let strings = edition.strings
        let title = strings["paper_\(paper.rawValue)_title"]
        let editionName = strings.format("paper_edition", ["audience": edition.audience.rawValue])
        let view = PaperView(
            lang: edition.language.rawValue, title: title,
            subject: strings.format(
                "paper_subject",
                [
                    "title": title, "organisation": portfolio.settings.organisation,
                    "edition": editionName, "date": edition.format(portfolio.asOf),
                ]),
            organisation: portfolio.settings.organisation, edition: editionName, asOf: edition.format(portfolio.asOf),
            created: portfolio.asOf.description, fingerprint: Integrity.sourcesFingerprint(of: edition),
            header: WeasyPrint.cssString("\(portfolio.settings.organisation) · \(title) · \(editionName) · \(edition.format(portfolio.asOf))"),
            pageLabel: WeasyPrint.cssString(strings["paper_page"]), ofLabel: WeasyPrint.cssString(strings["of"]),
            contents: contents, content: content)
        return (view, handbook)
    }

    /// The published documents by the domain of their first norm, in the normenkader's order; within
    /// a domain by title.
    private func handbookDomains() -> [PaperDomain] {
        let portfolio = edition.portfolio
        var byDomain: [String: [Int]] = [:]
        for index in edition.documentsByTitle {
            let first = portfolio.documents[index].norms.first.flatMap { edition.catalog.norm($0) }
            byDomain[first?.domain ?? "", default: []].append(index)
        }
        return edition.catalog.domains.compactMap { domain in
            guard let documents = byDomain[domain.code] else { return nil }
            let part = edition.catalog.part(domain.part).map { edition.title($0.title, $0.titleEN) } ?? ""
            return PaperDomain(
                id: "domein-" + domain.code.lowercased(), title: "\(part): \(edition.domainLabel(domain))",
                documents: documents.map(handbookDocument))
        }
    }

    private func handbookDocument(_ index: Int) -> PaperDocument {
        let portfolio = edition.portfolio
        let document = portfolio.documents[index]
        let summary = DocumentSummary(index, in: edition, root: Routes.fromFolder)
        func fact(_ key: String, _ value: String?) -> Crumb? { value.map { Crumb(label: edition.text(key), href: $0) } }
        func approval(_ approval: Approval?) -> String? {
            approval.map {
                [$0.by, $0.on.map(edition.format)].compactMap { $0 }.joined(separator: ", ")
                    + ($0.isCurrent ? "" : " (" + edition.text("text_changed") + ")")
            }
        }
        // The facts as a list of label and value (`href` holds the value).
        let facts = [
            fact("type", document.type), fact("classification", document.classification.name), fact("owner", document.owner),
            fact("date", summary.date), fact("review_by", summary.reviewBy), fact("approved_by", approval(document.approval(.approved))),
            fact("consent", approval(document.approval(.consent))), fact("advice", approval(document.approval(.advice))),
            fact("norms", document.norms.joined(separator: ", ")), fact("sha256_source", document.sourceSHA256),
        ].compactMap { $0 }
        let attachments = portfolio.attachmentsOfDocument[index].compactMap { source -> PaperDocument.Attachment? in
            guard edition.attachmentPaths[source] != nil else { return nil }
            let digest = edition.digest(ofAttachment: source)
            return PaperDocument.Attachment(
                name: source.split(separator: "/").last.map(String.init) ?? source,
                size: edition.byteCount(digest.size), sha256: digest.sha256)
        }
        return PaperDocument(
            id: "document-" + document.slug, title: document.title, facts: facts,
            body: edition.bodyHTML(of: document, on: Paper.handbook.htmlPath),
            attachments: attachments, hasAttachments: !attachments.isEmpty, attention: summary.attention)
    }

    /// The published images a paper's HTML shows (`src` from one folder deep, into `bijlagen/`), by path in the site.
    private func images(in html: String) -> [String: Data] {
        let bySitePath = Dictionary(edition.attachmentPaths.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var images: [String: Data] = [:]
        for part in html.components(separatedBy: "src=\"" + Routes.fromFolder).dropFirst() {
            let path = String(part.prefix { $0 != "\"" })
            guard images[path] == nil, let source = bySitePath[path] else { continue }
            images[path] = io.read(edition.portfolio.root + "/Content/" + source)
        }
        return images
    }
}
