/// An evidence document's page (`documenten/<name>.html`): its facts, text, attachments, and the
/// documents that link to it.
struct DocumentPage: PageKind {
    /// What every list of documents shows of it (`DocumentSummary`), and what only its page shows.
    typealias View = Merged<DocumentSummary, Details>

    struct Details: TemplateView {
        /// The title with soft hyphens in its long words, for the `<h1>` only.
        var titleHyphenated: String
        var owner: String?
        var approvedBy: String?
        var approvedOn: String?
        var redacted: Bool
        /// The (G)MR's consent and the FG's advice, with whether the text changed after them.
        var consent: ApprovalView?
        var advice: ApprovalView?
        /// Whether the text is the one adopted, in words, when the adoption recorded its hash.
        var approvalNote: String?
        var norms: [NormReference]
        var body: String
        var attachments: [Attachment]
        var hasAttachments: Bool
        var linkedFrom: [DocumentSummary]
        var hasLinkedFrom: Bool
        /// Whether normfolio finds something about the document (the summary's `attention`).
        var hasAttention: Bool
        /// The schools it is evidence for, or the whole board (only in a portfolio with schools).
        var scope: String?
    }

    struct ApprovalView: TemplateView {
        var by: String
        var on: String?
        var changed: Bool
    }

    struct Attachment: TemplateView {
        var name: String
        var href: String
        /// The name to save it under, for an attachment a browser would run (published as a download only).
        var download: String?
        var size: String
        var sha256: String
    }

    let template = "document"
    var isNumerous: Bool { true }

    func pages(in edition: Edition) -> [PageRoute] {
        edition.publishedDocuments.map { PageRoute(path: Routes.document(edition.portfolio.documents[$0].slug), item: $0) }
    }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.portfolio.documents[page.item].title }

    func describe(_ page: PageRoute, in edition: Edition) -> String { "the page of " + edition.portfolio.documents[page.item].source }

    func crumbs(of page: PageRoute, in edition: Edition) -> [Crumb] {
        [Crumb(label: edition.text("documents"), href: Routes.documents)]
    }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let portfolio = edition.portfolio
        let document = portfolio.documents[page.item]
        let root = Routes.root(of: page.path)
        let summary = DocumentSummary(page.item, in: edition, root: root)
        let attachments = portfolio.attachmentsOfDocument[page.item].compactMap { source -> Attachment? in
            guard let sitePath = edition.attachmentPaths[source] else { return nil }
            let digest = edition.digest(ofAttachment: source)
            let name = Edition.fileName(source)
            return Attachment(
                name: name, href: root + sitePath, download: ActiveContent.isActive(source) ? name : nil,
                size: edition.byteCount(digest.size), sha256: digest.sha256)
        }
        let linkers = portfolio.linkedFrom[page.item].filter { edition.published[$0] }.map { DocumentSummary($0, in: edition, root: root) }
        return View(
            summary,
            Details(
                titleHyphenated: edition.hyphenated(summary.title),
                owner: document.owner, approvedBy: document.approvedBy, approvedOn: document.approvedOn.map(edition.format),
                redacted: document.redacted,
                consent: document.approval(.consent).map { ApprovalView(by: $0.by, on: $0.on.map(edition.format), changed: !$0.isCurrent) },
                advice: document.approval(.advice).map { ApprovalView(by: $0.by, on: $0.on.map(edition.format), changed: !$0.isCurrent) },
                // A changed text is a point of attention; an unchanged one is said here.
                approvalNote: document.approval(.approved).flatMap { approval in
                    approval.sha256 != nil && approval.isCurrent
                        ? edition.strings.format("approval_unchanged", ["date": approval.on.map(edition.format) ?? ""]) : nil
                },
                norms: document.norms.compactMap { portfolio.catalog.norm($0) }.map {
                    NormReference($0, in: edition, from: page.path)
                },
                body: edition.bodyHTML(of: document, on: page.path),
                attachments: attachments, hasAttachments: !attachments.isEmpty,
                linkedFrom: linkers, hasLinkedFrom: !linkers.isEmpty, hasAttention: !summary.attention.isEmpty,
                scope: edition.scopeLabel(document.scope)))
    }
}
