import Foundation

/// What one audience sees of a portfolio, worked out once after linking: which parts of the site
/// it has, which documents, pages, assessments, registers, entries and attachments it publishes,
/// which findings it shows, and the language and texts it is written in. It is the one place
/// that decides what an audience sees: every page kind, export and index is made from an edition,
/// and asks it; none of them decides again what is published, and none reads a file. A class, so
/// that handing it to thousands of pages and rows shares it instead of copying its many members.
final class Edition: Sendable {
    let portfolio: Portfolio
    let audience: Audience
    /// The school whose edition this is (`build --school`): it publishes what is board-wide and
    /// what is scoped to this school, never what is scoped to others, and its figures are the
    /// school's; nil for the board's edition.
    let school: School?
    /// The schools whose coverage this edition shows: every school, or its own.
    let schools: [School]
    let version: String
    let language: Language
    let strings: Strings
    /// The parts of the site this edition has: all of them, except on the intranet, which has
    /// only the parts `intranet:` names (and the norm pages, when a part it names lists norms).
    let parts: Set<EditionPart>
    /// Whether each document (by index) is published.
    let published: [Bool]
    /// The published documents, by index, in the portfolio's order.
    let publishedDocuments: [Int]
    /// The published free pages, by index, in navigation order.
    let publishedPages: [Int]
    /// The assessments this edition shows, by norm ID. One its audience may not read keeps its
    /// level and dates (they count in the figures, as withheld documents do) but loses its text,
    /// owner and actions; an edition without the assessments part shows none.
    let assessments: [String: Assessment]
    /// The norm IDs of the assessments whose text, owner and actions this edition shows.
    let readableAssessments: Set<String>
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
    /// The findings about what this edition shows, in reading order: a finding about something it
    /// withholds leaves no trace, not even in a count.
    let findings: [Finding]
    /// The published entries, for asking whether one is.
    private let shownEntries: Set<EntryPlace>
    /// In the live preview, the warnings about how the portfolio is written (not findings about
    /// what it claims), for the Aandachtspunten page; a built site never holds them.
    let authoringWarnings: [Diagnostic]

    init(
        portfolio board: Portfolio, audience: Audience, version: String, strings: Strings, authoringWarnings: [Diagnostic] = [],
        school: School? = nil
    ) {
        self.authoringWarnings = authoringWarnings
        // A school's edition sees the portfolio as that school: its figures, its evidence per norm.
        let portfolio = school.map { board.seen(by: $0) } ?? board
        let inScope: @Sendable (Scope?) -> Bool = { scope in school.map { scope.includes($0.id) } ?? true }
        self.portfolio = portfolio
        self.school = school
        schools = school.map { [$0] } ?? portfolio.settings.schools
        self.audience = audience
        self.version = version
        self.language = portfolio.settings.language
        self.strings = strings
        let parts = Self.parts(of: audience, settings: portfolio.settings)
        self.parts = parts
        published = portfolio.documents.map { audience.mayRead($0.classification) && inScope($0.scope) }
        publishedDocuments = portfolio.documents.indices.filter {
            audience.mayRead(portfolio.documents[$0].classification)
                && inScope(portfolio.documents[$0].scope)
        }
        publishedPages = portfolio.pages.indices.filter { audience.mayRead(portfolio.pages[$0].classification) }
        let showsAssessments = parts.contains(.assessments)
        readableAssessments =
            showsAssessments
            ? Set(portfolio.assessments.filter { audience.mayRead($0.value.classification) && inScope($0.value.scope) }.keys) : []
        assessments =
            !showsAssessments
            ? [:]
            : portfolio.assessments.filter { inScope($0.value.scope) }.mapValues { assessment in
                var assessment = assessment
                assessment.actions.removeAll { !inScope($0.scope) }
                guard !audience.mayRead(assessment.classification) else { return assessment }
                var shown = assessment
                (shown.owner, shown.notApplicable, shown.actions) = (nil, nil, [])
                shown.body = .empty
                return shown
            }
        publishedRegisters = portfolio.registers.indices.filter {
            parts.contains(.register(portfolio.registers[$0].kind)) && audience.mayRead(portfolio.registers[$0].classification)
        }
        let registerShown = Set(publishedRegisters)
        let published = portfolio.registers.indices.map { r in
            registerShown.contains(r)
                ? portfolio.registers[r].entries.indices.filter {
                    audience.mayRead(portfolio.registers[r].entries[$0].classification) && inScope(portfolio.registers[r].entries[$0].scope)
                } : []
        }
        publishedEntries = published
        // An attachment is published where its audience may read every source that uses it, and
        // this edition shows at least one of them.
        var shownSources = Set(publishedDocuments.map { portfolio.documents[$0].source })
        shownSources.formUnion(publishedPages.map { portfolio.pages[$0].source })
        shownSources.formUnion(readableAssessments.compactMap { portfolio.assessments[$0]?.source })
        attachmentPaths = Linker.sitePaths(
            for: Set(
                portfolio.attachmentClassification.filter { file, classification in
                    audience.mayRead(classification) && !(portfolio.attachmentUsers[file] ?? []).isDisjoint(with: shownSources)
                }.keys))
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
        let shownEntries = Set(published.enumerated().flatMap { r, entries in entries.map { EntryPlace(register: r, entry: $0) } })
        self.shownEntries = shownEntries
        let (documentShown, assessmentShown) = (self.published, readableAssessments)
        findings = portfolio.findings.filter { finding in
            switch finding.subject {
            case .document(let i): documentShown[i]
            case .assessment(let id): assessmentShown.contains(id)
            case .register(let r): registerShown.contains(r)
            case .entry(let r, let e): shownEntries.contains(EntryPlace(register: r, entry: e))
            }
        }
    }

    /// A register entry's place: its register's index and its own.
    private struct EntryPlace: Hashable {
        var register: Int
        var entry: Int
    }

    /// The editions that publish a document of this classification (what `import` tells the
    /// importer about the documents it wrote).
    public static func audiences(publishing classification: Classification) -> [Audience] {
        Audience.allCases.filter { $0.mayRead(classification) }
    }

    /// The parts of the site an audience gets: everything, except on the intranet.
    static func parts(of audience: Audience, settings: Settings) -> Set<EditionPart> {
        guard audience == .intranet else {
            return Set(EditionPart.names.flatMap(\.parts))
        }
        var parts = settings.intranet
        if parts.contains(where: \.bringsCatalog) { parts.insert(.catalog) }
        return parts
    }

    /// Whether this edition has a part of the site.
    func has(_ part: EditionPart) -> Bool { parts.contains(part) }

    /// The findings this edition shows about one thing (none about what it withholds).
    func findings(about subject: Finding.Subject) -> [Finding] {
        let all = portfolio.findings(about: subject)
        return all.isEmpty || !shows(subject) ? [] : all
    }

    /// Whether this edition shows a thing findings can be about.
    func shows(_ subject: Finding.Subject) -> Bool {
        switch subject {
        case .document(let i): published[i]
        case .assessment(let id): readableAssessments.contains(id)
        case .register(let r): publishedRegisters.contains(r)
        case .entry(let r, let e): shownEntries.contains(EntryPlace(register: r, entry: e))
        }
    }

    /// The link from `page` to a norm's page, or nil when this edition has no norm pages.
    func normHref(_ id: String, from page: String) -> String? {
        has(.catalog) ? Routes.link(to: Routes.norm(id), from: page) : nil
    }

    /// The published entry of a register with this id, as (register, entry) indices.
    func publishedEntry(_ kind: RegisterKind, id: String) -> (register: Int, entry: Int)? { entryIndex[kind]?[id] }

    var catalog: Catalog { portfolio.catalog }
    /// The documents this edition withholds; a school's edition does not count those of other schools.
    var withheldDocuments: Int { documentsInScope - publishedDocuments.count }

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
                    guard let action = entry.followUp else { continue }
                    var norm: String?
                    if case .norms(let ids)? = entry.values["normen"] { norm = ids.first }
                    actions.append(RegisterAction(action: action, norm: norm, kind: .bevindingen, entry: entry))
                case .dpia:
                    if case .actions(let list)? = entry.values["maatregelen"] {
                        actions += list.filter { covers($0.scope) }.map { RegisterAction(action: $0, norm: nil, kind: .dpia, entry: entry) }
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
        Markdown.Labels(
            table: text("table"), headingLink: text("markdown_heading_link"),
            footnotes: text("markdown_footnotes"), footnoteBack: text("markdown_footnote_back"),
            remoteImage: text("markdown_remote_image"))
    }

    /// A Markdown body as HTML for the page at `page`, its links leading where the link stage
    /// resolved them (`targets`), or to nothing where this edition does not publish the target.
    func bodyHTML(of item: some BodySource, on page: String) -> String {
        let root = Routes.root(of: page)
        let (body, source, targets) = (item.body.tree, item.source, item.body.targets)
        return Markdown.html(
            body, labels: markdownLabels, hyphenator: language.hyphenator,
            normURL: { self.has(.catalog) && catalog.contains($0) ? root + Routes.norm($0) : nil },
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
        case .norm(let id, let fragment): return has(.catalog) ? .rewrite(root + Routes.norm(id) + fragment) : .unlink
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
