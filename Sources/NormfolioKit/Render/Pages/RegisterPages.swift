/// The registers' pages: an overview (`registers/index.html`), a table per register
/// (`registers/<register>.html`) and a page per entry (`registers/<register>/<id>.html`). Entries
/// this edition does not publish leave no trace: no row, no page, no link, no count.
struct RegistersPage: PageKind {
    struct View: TemplateView {
        var registers: [RegisterLink]
    }

    struct RegisterLink: TemplateView {
        var title: String
        var href: String
        var description: String
        var count: Int
        var entriesNoun: String
        var norms: [NormReference]
        var hasNorms: Bool
        var reviewBy: String?
        var stale: Bool
        var attention: [AttentionView]
    }

    let template = "registers"
    let menuPosition: Int? = 35

    func pages(in edition: Edition) -> [PageRoute] {
        edition.publishedRegisters.isEmpty ? [] : [PageRoute(path: Routes.registers)]
    }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("registers") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        return View(
            registers: edition.publishedRegisters.map { index in
                let register = edition.portfolio.registers[index]
                let count = edition.publishedEntries[index].count
                let norms = register.norms.compactMap { edition.catalog.norm($0) }.map {
                    NormReference($0, in: edition, from: page.path)
                }
                return RegisterLink(
                    title: edition.registerTitle(register), href: Routes.link(to: Routes.register(register.kind), from: page.path),
                    description: edition.text("register_about_" + register.kind.rawValue), count: count,
                    entriesNoun: edition.strings.plural("entries_counted", count), norms: norms, hasNorms: !norms.isEmpty,
                    reviewBy: register.reviewBy.map(edition.format), stale: register.isStale,
                    attention: edition.attention(about: .register(index)))
            })
    }
}

struct RegisterPage: PageKind {
    struct View: TemplateView {
        var title: String
        var about: String
        var owner: String?
        var reviewBy: String?
        var stale: Bool
        var norms: [NormReference]
        var hasNorms: Bool
        var columns: [Column]
        var rows: [Row]
        var hasRows: Bool
        var attention: [AttentionView]
        var hasAttention: Bool
        /// The register as a spreadsheet (`export/<register>.csv`), from this page.
        var csv: String
        /// The processing register's controller and data protection officer, with their contact details.
        var controller: String?
        var dpo: String?
        /// In the board's edition of a portfolio with schools: the schools the table can be
        /// narrowed to (by `assets/scholenfilter.js`), each row marked with its scope.
        var schoolFilter: [SchoolOption]
        var hasSchoolFilter: Bool
        var filterScript: String
        /// What the filter says it shows, with `%n` and `%total` for the script to fill in.
        var filterShown: String
    }

    struct Column: TemplateView {
        var label: String
    }

    struct Row: TemplateView {
        var cells: [RegisterValueView]
        /// With the school filter: the ids of the schools the entry is about, space-separated;
        /// absent for a board-wide entry, which every school sees.
        var scope: String?
    }

    struct SchoolOption: TemplateView {
        var id: String
        var name: String
    }

    let template = "register"

    func pages(in edition: Edition) -> [PageRoute] {
        edition.publishedRegisters.map { PageRoute(path: Routes.register(edition.portfolio.registers[$0].kind), item: $0) }
    }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.registerTitle(edition.portfolio.registers[page.item]) }

    func describe(_ page: PageRoute, in edition: Edition) -> String { "the page of " + edition.portfolio.registers[page.item].source }

    func crumbs(of page: PageRoute, in edition: Edition) -> [Crumb] {
        [Crumb(label: edition.text("registers"), href: Routes.registers)]
    }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let register = edition.portfolio.registers[page.item]
        let columns = register.kind.fields.filter(\.column)
        let filtered = SchoolFilter.isUsed(in: edition)
        let rows = edition.publishedEntries[page.item].map { index in
            let entry = register.entries[index]
            return Row(
                cells: columns.map { field in
                    var value = edition.registerValue(entry, field, of: register.kind, on: page.path)
                    // The name leads to the entry's page, with the entry's points of attention beside it.
                    if field.name == register.kind.nameField {
                        value.items = [
                            RegisterValueView.Item(
                                text: entry.name(in: register.kind),
                                href: Routes.link(to: Routes.registerEntry(register.kind, entry.id), from: page.path))
                        ]
                        value.attention = edition.attention(about: .entry(register: page.item, entry: index))
                    }
                    return value
                } + (edition.hasSchools ? [edition.scopeValue(entry.scope, from: page.path)] : []),
                scope: filtered ? entry.scope?.ids.joined(separator: " ") : nil)
        }
        let filter =
            filtered && !rows.isEmpty
            ? edition.portfolio.settings.schools.map { SchoolOption(id: $0.id, name: $0.name) } : []
        let norms = register.norms.compactMap { edition.catalog.norm($0) }.map {
            NormReference($0, in: edition, from: page.path)
        }
        let attention = edition.attention(about: .register(page.item))
        return View(
            title: edition.registerTitle(register), about: edition.text("register_about_" + register.kind.rawValue),
            owner: register.owner, reviewBy: register.reviewBy.map(edition.format), stale: register.isStale,
            norms: norms, hasNorms: !norms.isEmpty,
            columns: columns.map { Column(label: edition.text("field_" + $0.name)) }
                + (edition.hasSchools ? [Column(label: edition.text("scope"))] : []), rows: rows, hasRows: !rows.isEmpty,
            attention: attention, hasAttention: !attention.isEmpty,
            csv: Routes.link(to: Routes.registerCSV(register.kind), from: page.path),
            controller: register.kind == .verwerkingen ? edition.portfolio.settings.controller?.line : nil,
            dpo: register.kind == .verwerkingen ? edition.portfolio.settings.dpo?.line : nil,
            schoolFilter: filter, hasSchoolFilter: !filter.isEmpty,
            filterScript: Routes.link(to: Routes.schoolFilterScript, from: page.path),
            filterShown: edition.strings.format("school_filter_shown", ["n": "%n", "total": "%total"]))
    }
}

struct RegisterEntryPage: PageKind {
    struct View: TemplateView {
        var title: String
        var titleHyphenated: String
        var register: String
        var registerHref: String
        var classification: String
        var classificationClass: String
        var fields: [Field]
        var referencedBy: [Group]
        var hasReferencedBy: Bool
        /// The published documents whose text links to the entry.
        var documents: [RegisterValueView.Item]
        var hasDocuments: Bool
        var attention: [AttentionView]
        var hasAttention: Bool
    }

    struct Field: TemplateView {
        var label: String
        var value: RegisterValueView
    }

    /// The published entries of one register that refer to this one.
    struct Group: TemplateView {
        var label: String
        var entries: [RegisterValueView.Item]
    }

    let template = "register-entry"
    var isNumerous: Bool { true }

    func pages(in edition: Edition) -> [PageRoute] {
        var routes: [PageRoute] = []
        for r in edition.publishedRegisters {
            let register = edition.portfolio.registers[r]
            // One number per entry: the register's index in the high bits, the entry's in the low.
            routes += edition.publishedEntries[r].map {
                PageRoute(path: Routes.registerEntry(register.kind, register.entries[$0].id), item: r << 32 | $0)
            }
        }
        return routes
    }

    private func entry(_ page: PageRoute, in edition: Edition) -> (Register, RegisterEntry) {
        let register = edition.portfolio.registers[page.item >> 32]
        return (register, register.entries[page.item & 0xFFFF_FFFF])
    }

    func title(of page: PageRoute, in edition: Edition) -> String {
        let (register, entry) = entry(page, in: edition)
        return entry.name(in: register.kind)
    }

    func describe(_ page: PageRoute, in edition: Edition) -> String {
        let (register, entry) = entry(page, in: edition)
        return "the page of entry '\(entry.id)' of " + register.entriesSource
    }

    func crumbs(of page: PageRoute, in edition: Edition) -> [Crumb] {
        let (register, _) = entry(page, in: edition)
        return [
            Crumb(label: edition.text("registers"), href: Routes.registers),
            Crumb(label: edition.registerTitle(register), href: Routes.register(register.kind)),
        ]
    }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let (register, entry) = entry(page, in: edition)
        // A field that refers only to withheld entries is left out as if it were empty.
        let fields =
            register.kind.fields.filter { $0.name != register.kind.nameField && edition.publishedValue(entry, $0) != nil }.map { field in
                Field(label: edition.text("field_" + field.name), value: edition.registerValue(entry, field, of: register.kind, on: page.path))
            } + (edition.hasSchools ? [Field(label: edition.text("scope"), value: edition.scopeValue(entry.scope, from: page.path))] : [])
        let groups = edition.referencesTo(entry, of: register.kind).map { kind, entries in
            Group(
                label: edition.registerTitle(edition.portfolio.register(kind)!),
                entries: entries.map { other in
                    RegisterValueView.Item(text: other.name(in: kind), href: Routes.link(to: Routes.registerEntry(kind, other.id), from: page.path))
                })
        }
        let documents = (edition.portfolio.documentsLinkingToEntry["\(register.kind.rawValue)/\(entry.id)"] ?? [])
            .filter { edition.published[$0] }.map { index in
                RegisterValueView.Item(
                    text: edition.portfolio.documents[index].title,
                    href: Routes.link(to: Routes.document(edition.portfolio.documents[index].slug), from: page.path))
            }
        let name = entry.name(in: register.kind)
        let attention = edition.attention(about: .entry(register: page.item >> 32, entry: page.item & 0xFFFF_FFFF))
        return View(
            title: name, titleHyphenated: edition.hyphenated(name), register: edition.registerTitle(register),
            registerHref: Routes.link(to: Routes.register(register.kind), from: page.path),
            classification: entry.classification.name, classificationClass: entry.classification.styleName,
            fields: fields, referencedBy: groups, hasReferencedBy: !groups.isEmpty,
            documents: documents, hasDocuments: !documents.isEmpty, attention: attention, hasAttention: !attention.isEmpty)
    }
}

/// A value of a register entry as a template shows it: one or more items, each a text with an
/// optional link (a reference, a norm), or actions.
struct RegisterValueView: TemplateView {
    struct Item: TemplateView {
        var text: String
        var href: String?
        /// Whether the link leads off the site (a privacybijsluiter's address).
        var external = false
    }

    struct ActionItem: TemplateView {
        var title: String
        var owner: String?
        var due: String?
        var status: String
        var overdue: Bool
    }

    var items: [Item]
    var actions: [ActionItem]
    var hasActions: Bool
    /// The entry's points of attention, beside its name in a register's table.
    var attention: [AttentionView] = []
}

extension Edition {
    /// A register's title: its own, or the register's usual name.
    func registerTitle(_ register: Register) -> String { register.title ?? text("register_" + register.kind.rawValue) }

    /// A value of an entry, for a page at `page`: references and norms lead to their pages where
    /// this edition publishes them; a reference to a withheld entry is left out.
    func registerValue(_ entry: RegisterEntry, _ field: RegisterField, of kind: RegisterKind, on page: String) -> RegisterValueView {
        var items: [RegisterValueView.Item] = []
        var actions: [RegisterValueView.ActionItem] = []
        switch entry.values[field.name] {
        case .text(let text)?:
            // A web address (a privacybijsluiter) is a link.
            let isLink = (text.hasPrefix("https://") || text.hasPrefix("http://")) && !text.contains(" ")
            items = [.init(text: text, href: isLink ? text : nil, external: isLink)]
        case .choice(let text)?: items = [.init(text: field.label(of: text, in: language))]
        case .list(let texts)?: items = texts.map { .init(text: $0) }
        case .date(let day)?: items = [.init(text: format(day))]
        case .flag(let flag)?: items = [.init(text: text(flag ? "yes" : "no"))]
        case .number(let number)?: items = [.init(text: String(number))]
        case .reference?, .references?:
            items = field.target.map { referenceItems(entry.ids(field.name), $0, on: page) } ?? []
        case .norms(let ids)?:
            items = ids.compactMap { catalog.norm($0) }.map { .init(text: "\($0.id) \(normTitle($0))", href: normHref($0.id, from: page)) }
        case .actions(let list)?:
            actions = list.map {
                .init(
                    title: $0.title, owner: $0.owner, due: $0.due.map(format), status: text("status_" + $0.status.rawValue),
                    overdue: $0.isOverdue)
            }
        case nil: break
        }
        return RegisterValueView(items: items, actions: actions, hasActions: !actions.isEmpty)
    }

    /// A value of an entry as this edition may show it anywhere (pages, exports): a reference to
    /// an entry it withholds is left out, since the id alone tells of that entry. Nil when nothing
    /// is left.
    func publishedValue(_ entry: RegisterEntry, _ field: RegisterField) -> RegisterValue? {
        let value = entry.values[field.name]
        if school != nil, case .actions(let actions)? = value { return .actions(actions.filter { covers($0.scope) }) }
        guard let target = field.target else { return value }
        let ids = entry.ids(field.name).filter { publishedEntry(target, id: $0) != nil }
        if ids.isEmpty { return nil }
        if case .reference? = value { return .reference(ids[0]) }
        return .references(ids)
    }

    private func referenceItems(_ ids: [String], _ target: RegisterKind, on page: String) -> [RegisterValueView.Item] {
        ids.compactMap { id in
            guard let (r, e) = publishedEntry(target, id: id) else { return nil }
            return .init(
                text: portfolio.registers[r].entries[e].name(in: target),
                href: Routes.link(to: Routes.registerEntry(target, id), from: page))
        }
    }

    /// The published findings that name a norm, by date.
    func findings(about norm: String) -> [RegisterEntry] {
        guard let r = portfolio.registers.firstIndex(where: { $0.kind == .bevindingen }) else { return [] }
        return publishedEntries[r].map { portfolio.registers[r].entries[$0] }.filter {
            if case .norms(let ids)? = $0.values["normen"] { return ids.contains(norm) }
            return false
        }
    }

    /// The published entries of other registers that refer to `entry`, by register; for a
    /// processor also the DPIAs of the processing activities that use it.
    func referencesTo(_ entry: RegisterEntry, of kind: RegisterKind) -> [(RegisterKind, [RegisterEntry])] {
        func grouped(_ places: [(register: Int, entry: Int)]) -> [(RegisterKind, [RegisterEntry])] {
            var groups: [(RegisterKind, [RegisterEntry])] = []
            for place in places {
                let register = portfolio.registers[place.register]
                if groups.last?.0 != register.kind { groups.append((register.kind, [])) }
                groups[groups.count - 1].1.append(register.entries[place.entry])
            }
            return groups
        }
        var groups = grouped(referrers["\(kind.rawValue)/\(entry.id)"] ?? [])
        // A processor's DPIAs are those of the processing activities that use it.
        if kind == .verwerkers, let activities = groups.first(where: { $0.0 == .verwerkingen })?.1 {
            var seen = Set<Int>()
            let dpias = activities.flatMap { referrers["\(RegisterKind.verwerkingen.rawValue)/\($0.id)"] ?? [] }
                .filter { portfolio.registers[$0.register].kind == .dpia && seen.insert($0.entry).inserted }
                .sorted { $0.entry < $1.entry }
            groups += grouped(dpias)
        }
        return groups
    }
}
