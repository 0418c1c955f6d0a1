import Foundation

/// What one audience sees of a portfolio, worked out once after linking: which documents,
/// pages and attachments it publishes, the assessments as it may read them, and the language
/// and texts it is written in. Every page kind, export and index is made from an edition; none
/// of them decides again what is published, and none reads a file. A class, so that handing it to
/// thousands of pages and rows shares it instead of copying its many members.
final class Edition: Sendable {
    let portfolio: Portfolio
    let audience: Audience
    let version: String
    let language: Language
    let strings: Strings
    /// Whether each document (by index) is published.
    let published: [Bool]
    /// The published documents, by index, in the portfolio's order.
    let publishedDocuments: [Int]
    /// The published free pages, by index, in navigation order.
    let publishedPages: [Int]
    /// The assessments as this edition shows them: one its audience may not read keeps its level
    /// and dates (they count in the figures, as withheld documents do) but loses its text, owner
    /// and actions.
    let assessments: [String: Assessment]
    /// The published attachments: path under Content/ → path in the site.
    let attachmentPaths: [String: String]
    /// The published registers, by index, in the kinds' order.
    let publishedRegisters: [Int]
    /// Per register (by index), its published entries by index; none for a withheld register.
    let publishedEntries: [[Int]]
    /// The published entries by register and id: (register, entry) indices.
    private let entryIndex: [RegisterKind: [String: (register: Int, entry: Int)]]
    /// Per published entry ("<register>/<id>"), the published entries whose references lead to it,
    /// as (register, entry) indices in register and entry order.
    let referrers: [String: [(register: Int, entry: Int)]]

    init(portfolio: Portfolio, audience: Audience, version: String, strings: Strings) {
        self.portfolio = portfolio
        self.audience = audience
        self.version = version
        self.language = portfolio.settings.language
        self.strings = strings
        published = portfolio.documents.map { audience.mayRead($0.classification) }
        publishedDocuments = portfolio.documents.indices.filter { audience.mayRead(portfolio.documents[$0].classification) }
        publishedPages = portfolio.pages.indices.filter { audience.mayRead(portfolio.pages[$0].classification) }
        assessments = portfolio.assessments.mapValues { assessment in
            guard !audience.mayRead(assessment.classification) else { return assessment }
            var shown = assessment
            (shown.owner, shown.notApplicable, shown.actions) = (nil, nil, [])
            (shown.body, shown.links, shown.mentions, shown.visibleText) = (MarkdownDocument(), [], [], "")
            return shown
        }
        attachmentPaths = portfolio.attachmentSitePaths(for: audience)
        publishedRegisters = portfolio.registers.indices.filter { audience.mayRead(portfolio.registers[$0].classification) }
        let published = portfolio.registers.map { register in
            audience.mayRead(register.classification)
                ? register.entries.indices.filter { audience.mayRead(register.entries[$0].classification) } : []
        }
        publishedEntries = published
        var index: [RegisterKind: [String: (register: Int, entry: Int)]] = [:]
        var referrers: [String: [(register: Int, entry: Int)]] = [:]
        for (r, register) in portfolio.registers.enumerated() {
            for e in published[r] { index[register.kind, default: [:]][register.entries[e].id] = (r, e) }
        }
        for (r, register) in portfolio.registers.enumerated() {
            let references = register.kind.fields.filter { $0.target != nil }
            for e in published[r] {
                var seen = Set<String>()
                for field in references {
                    for id in register.entries[e].ids(field.name) {
                        let key = "\(field.target!.rawValue)/\(id)"
                        if seen.insert(key).inserted { referrers[key, default: []].append((r, e)) }
                    }
                }
            }
        }
        entryIndex = index
        self.referrers = referrers
    }

    /// The published entry of a register with this id, as (register, entry) indices.
    func publishedEntry(_ kind: RegisterKind, id: String) -> (register: Int, entry: Int)? { entryIndex[kind]?[id] }

    var catalog: Catalog { portfolio.catalog }
    var withheldDocuments: Int { portfolio.documents.count - publishedDocuments.count }

    /// The published documents sorted by title, as the document index and the report list them.
    var documentsByTitle: [Int] {
        publishedDocuments.sorted { (portfolio.documents[$0].title, $0) < (portfolio.documents[$1].title, $1) }
    }

    /// The actions this edition shows that are past due and not done.
    var overdueActions: [Action] {
        assessments.values.flatMap(\.actions).filter(\.isOverdue) + registerActions.map(\.action).filter(\.isOverdue)
    }

    /// An improvement action kept in a register: a finding's follow-up or a DPIA's measure.
    struct RegisterAction {
        var action: Action
        /// The norm it concerns (a finding's first norm).
        var norm: String?
        var kind: RegisterKind
        var entry: RegisterEntry
    }

    /// The improvement actions of the published register entries, in register order.
    var registerActions: [RegisterAction] {
        var actions: [RegisterAction] = []
        for r in publishedRegisters {
            let register = portfolio.registers[r]
            for e in publishedEntries[r] {
                let entry = register.entries[e]
                switch register.kind {
                case .bevindingen:
                    guard let action = entry.followUp(asOf: portfolio.asOf) else { continue }
                    var norm: String?
                    if case .norms(let ids)? = entry.values["normen"] { norm = ids.first }
                    actions.append(RegisterAction(action: action, norm: norm, kind: .bevindingen, entry: entry))
                case .dpia:
                    if case .actions(let list)? = entry.values["maatregelen"] {
                        actions += list.map { RegisterAction(action: $0, norm: nil, kind: .dpia, entry: entry) }
                    }
                default: break
                }
            }
        }
        return actions
    }

    /// Size and SHA-256 of an attachment (a path under Content/), as the read stage hashed it.
    func digest(ofAttachment source: String) -> Digest {
        portfolio.attachmentDigests[source] ?? Digest(size: 0, sha256: "")
    }

    // MARK: Words

    /// An interface text in the edition's language.
    func text(_ key: String) -> String { strings[key] }

    func format(_ day: Day) -> String { strings.format(day) }

    func decimal(_ value: Double?) -> String { strings.decimal(value) }

    func percentage(_ value: Double?) -> String { value.map { "\(Int($0.rounded()))%" } ?? "–" }

    /// "850 bytes", "12,3 kB", "4,1 MB" (decimal units, the language's decimal separator).
    func byteCount(_ size: Int) -> String {
        if size < 1000 { return "\(size) bytes" }
        let (value, unit) = size < 1_000_000 ? (Double(size) / 1000, "kB") : (Double(size) / 1_000_000, "MB")
        return "\(decimal(value)) \(unit)"
    }

    /// A catalogue text in the edition's language.
    func title(_ dutch: String, _ english: String?) -> String { language.choose(dutch, english) }

    func normTitle(_ norm: Catalog.Norm) -> String { title(norm.title, norm.titleEN) }

    /// "nl" when an English site shows a norm's Dutch title because it has no English one, so the
    /// page can mark it (`lang="nl"`) for screen readers.
    func normTitleLanguage(_ norm: Catalog.Norm) -> String? {
        language == .en && norm.titleEN == nil ? "nl" : nil
    }

    /// A title as a page's `<h1>` shows it: soft hyphens at the break points of its long words, by
    /// the rules of `language` (the edition's by default). Only for the heading itself: the page's
    /// `<title>`, links, the search index and the exports keep the plain text.
    func hyphenated(_ title: String, in language: Language? = nil) -> String {
        (language ?? self.language).hyphenator.hyphenate(title)
    }

    /// A norm's title as its page's `<h1>` shows it, hyphenated in the language it is written in.
    func hyphenatedTitle(of norm: Catalog.Norm) -> String {
        hyphenated(normTitle(norm), in: normTitleLanguage(norm).flatMap(Language.init(rawValue:)))
    }

    func levelLabel(_ level: Int) -> String {
        let name = catalog.level(level).map { title($0.title, $0.titleEN) } ?? ""
        return "\(level) \(name)"
    }

    func coverageLabel(_ coverage: Coverage) -> String { text("coverage_" + coverage.rawValue) }

    func domainLabel(_ domain: Catalog.Domain) -> String { "\(domain.number) \(title(domain.title, domain.titleEN))" }

    /// The domains of each part with their norms, for per-domain tables.
    func domainsByPart() -> [(part: Catalog.Part, domains: [(domain: Catalog.Domain, norms: [Catalog.Norm])])] {
        catalog.parts.map { part in (part, catalog.domains(in: part).map { ($0, catalog.norms(in: $0)) }) }
    }

    /// The norms of a part.
    func norms(in part: Catalog.Part) -> [Catalog.Norm] { catalog.domains(in: part).flatMap { catalog.norms(in: $0) } }

    // MARK: Bodies

    /// The words rendered Markdown adds, in the edition's language.
    var markdownLabels: Markdown.Labels {
        Markdown.Labels(table: text("table"), headingLink: text("markdown_heading_link"),
                        footnotes: text("markdown_footnotes"), footnoteBack: text("markdown_footnote_back"))
    }

    /// A Markdown body as HTML for the page at `page`, its links leading where the link stage
    /// resolved them (`targets`), or to nothing where this edition does not publish the target.
    func bodyHTML(_ body: MarkdownDocument, source: String, targets: [String: LinkDestination], on page: String) -> String {
        let root = Routes.root(of: page)
        return Markdown.html(
            body, labels: markdownLabels, hyphenator: language.hyphenator,
            normURL: { catalog.contains($0) ? root + Routes.norm($0) : nil },
            resolve: { destination, _ in
                // The link stage resolved every link the author wrote; the ones the Markdown
                // extensions add (footnote references, bare web addresses) lead within the page
                // or off the site, and are classified here.
                linkTarget(targets[destination] ?? portfolio.resolve(destination, from: source), root: root)
            })
    }

    /// The name of a file in Content/, as it is saved when downloaded.
    static func fileName(_ file: String) -> String { file.split(separator: "/").last.map(String.init) ?? file }

    /// Where a link leads in this edition, from a page `root` away from the site's root.
    func linkTarget(_ destination: LinkDestination, root: String) -> Markdown.LinkTarget {
        switch destination {
        case .external, .anchor: return .keep
        case .unsafe, .missing, .outside: return .unlink
        case .document(let index, let fragment):
            return published[index] ? .rewrite(root + Routes.document(portfolio.documents[index].slug) + fragment) : .unlink
        case .page(let index, let fragment):
            return audience.mayRead(portfolio.pages[index].classification)
                ? .rewrite(root + Routes.page(portfolio.pages[index].slug) + fragment) : .unlink
        case .norm(let id, let fragment): return .rewrite(root + Routes.norm(id) + fragment)
        case .register(let kind, let entry):
            guard let r = portfolio.registers.firstIndex(where: { $0.kind == kind }), publishedRegisters.contains(r) else { return .unlink }
            if entry.isEmpty { return .rewrite(root + Routes.register(kind)) }
            return publishedEntry(kind, id: entry) != nil ? .rewrite(root + Routes.registerEntry(kind, entry)) : .unlink
        case .attachment(let file):
            guard let path = attachmentPaths[file] else { return .unlink }
            return ActiveContent.isActive(file) ? .download(root + path, filename: Edition.fileName(file)) : .rewrite(root + path)
        }
    }
}
