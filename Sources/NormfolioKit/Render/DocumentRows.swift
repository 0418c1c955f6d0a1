import Synchronization

/// Each published document's rows: in document tables (`document-row`, on the document index and
/// every norm page) and in the report's evidence list (`evidence-row`). Each is rendered once and
/// reused by every page that lists the document; a whole build renders them all up front, in
/// parallel, and the preview as pages ask for them.
final class DocumentRows: Sendable {
    /// The two ways a document is listed.
    enum Kind: Sendable {
        case document, evidence

        var template: String { self == .document ? "document-row" : "evidence-row" }
    }

    private let edition: Edition
    private let engine: RenderEngine
    private let made = Mutex<[Kind: [Int: String]]>([:])

    init(edition: Edition, engine: RenderEngine) {
        (self.edition, self.engine) = (edition, engine)
    }

    /// Renders every published document's rows now, in parallel.
    func renderAll() {
        let documents = edition.publishedDocuments
        let rendered = documents.parallelMap(state: { self.engine.worker() }) { worker, index in
            [self.render(.document, index, worker: &worker), self.render(.evidence, index, worker: &worker)]
        }
        made.withLock { made in
            for (index, rows) in zip(documents, rendered) {
                made[.document, default: [:]][index] = rows[0]
                made[.evidence, default: [:]][index] = rows[1]
            }
        }
    }

    /// The rows of these published documents, rendered now where they were not yet, in
    /// parallel when there are many.
    func rows(_ kind: Kind, of indices: [Int]) -> [String] {
        let known = made.withLock { $0[kind] ?? [:] }
        let missing = indices.filter { known[$0] == nil }
        guard !missing.isEmpty else { return indices.map { known[$0] ?? "" } }
        let rendered =
            missing.count >= 64
            ? missing.parallelMap(state: { self.engine.worker() }) { worker, index in self.render(kind, index, worker: &worker) }
            : {
                var worker = engine.worker(ownTheme: false); return missing.map { render(kind, $0, worker: &worker) }
            }()
        let all = made.withLock { made in
            for (index, row) in zip(missing, rendered) { made[kind, default: [:]][index] = row }
            return made[kind] ?? [:]
        }
        return indices.map { all[$0] ?? "" }
    }

    private func render(_ kind: Kind, _ index: Int, worker: inout RenderEngine.Worker) -> String {
        let view =
            kind == .document
            ? DocumentSummary(index, in: edition, root: Routes.fromFolder).templateValue
            : EvidenceEntry(index, in: edition).templateValue
        // Rows are fragments: the table template puts the line breaks between them.
        return worker.fragment(kind.template, view).trimmingTrailingNewlines
    }
}

/// The fields a document shows wherever it is listed (`document-row`, "linked from"): enough for
/// an auditor to judge it without opening it (dates, adoption, the start of its SHA-256), and its
/// points of attention.
struct DocumentSummary: TemplateView {
    var title: String
    var href: String
    var type: String?
    var classification: String
    /// The classification's CSS class name (`badge-<name>`).
    var classificationClass: String
    var date: String?
    var reviewBy: String?
    var stale: Bool
    var normIDs: String
    /// Who adopted it, and when; nil when it was not adopted or the adoption no longer holds.
    var adoptedBy: String?
    var adoptedOn: String?
    /// The first characters of the SHA-256 of its source, and the whole of it.
    var sha256Start: String
    var sha256: String
    var attention: [AttentionView]

    init(_ index: Int, in edition: Edition, root: String) {
        let document = edition.portfolio.documents[index]
        title = document.title
        href = root + Routes.document(document.slug)
        type = document.type
        classification = document.classification.name
        classificationClass = document.classification.styleName
        date = document.date.map(edition.format)
        reviewBy = document.reviewBy.map(edition.format)
        stale = document.isStale
        normIDs = document.norms.joined(separator: ", ")
        adoptedBy = document.isAdopted ? document.approvedBy : nil
        adoptedOn = document.isAdopted ? document.approvedOn.map(edition.format) : nil
        sha256 = document.sourceSHA256
        sha256Start = String(document.sourceSHA256.prefix(12))
        attention = edition.attention(about: .document(index))
    }
}

/// A published document in the report's evidence list (`evidence-row`).
struct EvidenceEntry: TemplateView {
    var title: String
    var href: String
    var date: String?
    var owner: String?
    var approvedBy: String?
    var approvedOn: String?
    var reviewBy: String?
    var stale: Bool
    var normIDs: String

    init(_ index: Int, in edition: Edition) {
        let document = edition.portfolio.documents[index]
        title = document.title
        href = Routes.document(document.slug)
        date = document.date.map(edition.format)
        owner = document.owner
        approvedBy = document.approvedBy
        approvedOn = document.approvedOn.map(edition.format)
        reviewBy = document.reviewBy.map(edition.format)
        stale = document.isStale
        normIDs = document.norms.joined(separator: ", ")
    }
}
