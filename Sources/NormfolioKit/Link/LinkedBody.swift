/// The Markdown body of a source and what it refers to: held the same way by every kind of
/// source that has one (evidence documents, assessments, free pages). The read stage fills it
/// from the one parse of the body; the link stage checks it, by `Linker.Links.check(_:from:)`,
/// and records where each of its links leads.
public struct LinkedBody: Sendable {
    /// The parsed body, to render.
    public var tree: MarkdownDocument
    /// Its links and images, with their places in the file.
    public var links: [MarkdownLink]
    /// The norm-ID-shaped words in its text.
    public var mentions: [NormMention]
    /// Its words as a reader sees them (for search).
    public var visibleText: String
    /// The ids of its headings, where `#anchor` links may lead.
    public var anchors: [String]
    /// Where each link and image leads (set by the link stage), by destination as written.
    public internal(set) var targets: [String: LinkDestination] = [:]

    /// A body from the read stage's parse of it.
    init(_ parsed: Markdown.Parsed) {
        tree = parsed.document
        links = parsed.analysis.links
        mentions = parsed.analysis.mentions
        visibleText = parsed.analysis.visibleText
        anchors = parsed.analysis.anchors
    }

    /// No body: nothing to show, link or search.
    public static let empty = LinkedBody((MarkdownDocument(), Markdown.Analysis()))

    /// Whether the body has no content to show.
    public var isEmpty: Bool { tree.blocks.isEmpty }

    /// Removes a first heading that repeats `title` (the page shows the title already), with its anchor.
    mutating func removeTitleHeading(_ title: String) {
        if let id = tree.removeTitleHeading(title) { anchors.removeAll { $0 == id } }
    }
}

/// A source with a Markdown body, which the link stage checks the same way for every kind.
protocol BodySource: Sendable {
    /// Its path in the portfolio ("Content/...").
    var source: String { get }
    /// Who may read it: an attachment it uses is as confidential as the strictest of its users.
    var classification: Classification { get }
    var body: LinkedBody { get set }
    /// The files it names as its attachments, besides those its body links to.
    var namedAttachments: [PathReference] { get }
}

extension BodySource {
    var namedAttachments: [PathReference] { [] }
}

extension EvidenceDocument: BodySource {
    var namedAttachments: [PathReference] { attachments }
}
extension Assessment: BodySource {}
extension FreePage: BodySource {}
