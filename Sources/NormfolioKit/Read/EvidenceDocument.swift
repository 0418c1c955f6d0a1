import Foundation

// An evidence document: the model and how it is read from front matter, in one place. Adding a
// front-matter field means a property and a line in `read` here, a line in the document page's
// view (Site/Pages/DocumentPage.swift) and a line in Templates/document.mustache
// (docs/architecture.md, "Add a front-matter field").

/// An evidence document: any Markdown file under Content/ outside norms/ and pages/.
public struct EvidenceDocument: Sendable {
    /// Path relative to the portfolio, e.g. "Content/beleid/ib-beleid.md".
    public var source: String
    /// The page's name (without .html), unique within the site.
    public var slug: String
    public var title: String
    public var norms: [String]
    public var type: String?
    public var classification: Classification
    /// Whether the document was adopted: both `approved_by` and `approved_on` are set, and the
    /// text is still the one adopted (when the adoption recorded its hash).
    public var isAdopted: Bool { approvedBy != nil && approvedOn != nil && approval(.approved)?.isCurrent != false }
    /// Whether it is a policy that no one has adopted yet: the board's agenda lists it.
    public var awaitsAdoption: Bool { type == DocumentTypes.policy && approvedBy == nil }
    /// The approvals recorded: adoption, (G)MR consent, FG advice; compared with `contentDigest`
    /// by the link stage.
    public var approvals: [Approval] = []
    /// The digest of the text alone, every field and the body (`Approval.textDigest`).
    var textDigest = ""
    /// The digest an approval records (`Approval.digest`): the text and every attachment and image
    /// the document uses (set by the link stage); nil when one of them could not be read.
    public internal(set) var contentDigest: String?

    public func approval(_ kind: Approval.Kind) -> Approval? { approvals.first { $0.kind == kind } }
    public var owner: String?
    public var date: Day?
    public var approvedBy: String?
    public var approvedOn: Day?
    public var reviewBy: Day?
    /// Where `review_by` is written, for the "expired" warning.
    public var reviewByLocation: SourceLocation
    public var attachments: [PathReference]
    public var redacted: Bool
    /// The Markdown body and what it refers to.
    public var body: LinkedBody
    /// Example text or empty fields left from a template (judged by the link stage).
    public var placeholders: [Placeholder] = []
    /// The SHA-256 of the file as read, for the manifest.
    public var sourceSHA256 = ""
    /// Whether its review date lies before the reference date (set by the link stage).
    public internal(set) var isStale = false
    /// The schools it is evidence for (`scope:`); nil for the whole board, every school.
    public var scope: Scope? = nil
}

extension EvidenceDocument {
    /// The front-matter keys an evidence document may have.
    static let keys =
        [
            "title", "norms", "type", "classification", "owner", "date", "review_by", "attachments", "redacted",
            "pii_reviewed", "scope",
        ] + Approval.keys

    /// Reads an evidence document from its front matter and parsed body; problems go to `fields`.
    static func read(
        _ file: String, path: String, body: Markdown.Parsed, source: MarkdownSource, fields: inout YAMLFields,
        catalog: Catalog
    ) -> EvidenceDocument? {
        fields.collectUnknownKeys(keys)
        let title = fields.requiredString("title", limit: Limits.nameCharacters)
        let written = fields.norms("norms", catalog: catalog)
        let norms = written?.ids ?? []
        // Absent, or an empty list, is missing: evidence must say what it is evidence for.
        if written?.written == 0 || (written == nil && !fields.has("norms")) {
            fields.report(.missingField("norms", at: fields.location(ofKey: "norms")))
        }
        var type = fields.string("type")
        if let value = type, !DocumentTypes.all.contains(value.lowercased()) {
            fields.report(
                .unknownValue(
                    "type", value, allowed: DocumentTypes.all,
                    suggestion: Suggestion.closest(to: value, in: DocumentTypes.all),
                    severity: .warning, code: "unknown-type", at: fields.location(ofValue: "type")))
        } else {
            type = type?.lowercased()
        }
        let classification = fields.classification(default: .vertrouwelijk)
        let owner = fields.string("owner")
        let date = fields.day("date")
        let textDigest = Approval.textDigest(fields: fields, body: source.text)
        let approvals = Approval.read(from: &fields)
        let approvedBy = approvals.first { $0.kind == .approved }?.by
        let approvedOn = approvals.first { $0.kind == .approved }?.on
        let reviewBy = fields.day("review_by")
        let attachments = (fields.stringList("attachments") ?? []).map { PathReference(path: $0.text, location: $0.location) }
        let redacted = fields.bool("redacted") ?? false
        let scope = fields.scope()
        var linked = LinkedBody(body)
        if let title { linked.removeTitleHeading(title) }
        var document = EvidenceDocument(
            source: path, slug: ContentReader.slug(forMarkdownFile: file), title: title ?? file, norms: norms, type: type,
            classification: classification, owner: owner, date: date,
            approvedBy: approvedBy, approvedOn: approvedOn, reviewBy: reviewBy,
            reviewByLocation: fields.location(ofValue: "review_by"), attachments: attachments,
            redacted: redacted, body: linked)
        document.approvals = approvals
        document.scope = scope
        document.placeholders = Placeholder.find(fields: fields, keys: ["owner"], body: source, path: path)
        document.textDigest = textDigest
        return document
    }
}
