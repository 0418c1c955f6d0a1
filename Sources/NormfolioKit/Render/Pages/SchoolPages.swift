/// A school's page (`scholen/<id>.html`), for a portfolio with `schools:`: the school's coverage,
/// the documents and register entries scoped to it, its gaps (norms covered for other schools but
/// not for it) and its points of attention. The coverage page links each from its school matrix.
/// A school's edition has only its own page.
struct SchoolPage: PageKind {
    struct View: TemplateView {
        var name: String
        var nameHyphenated: String
        var brin: String?
        var town: String?
        var coverage: String
        var documents: [DocumentRowView]
        var hasDocuments: Bool
        var entries: [Entry]
        var hasEntries: Bool
        var gaps: [NormReference]
        var hasGaps: Bool
        var attention: [AttentionItem]
        var hasAttention: Bool
    }

    /// A register entry scoped to the school.
    struct Entry: TemplateView {
        var name: String
        var href: String
        var register: String
    }

    let template = "school"

    func pages(in edition: Edition) -> [PageRoute] {
        guard edition.has(.coverage) else { return [] }
        return edition.schools.indices.map { PageRoute(path: Routes.school(edition.schools[$0].id), item: $0) }
    }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.schools[page.item].name }

    func crumbs(of page: PageRoute, in edition: Edition) -> [Crumb] { [Crumb(label: edition.text("coverage"), href: Routes.coverage)] }

    func describe(_ page: PageRoute, in edition: Edition) -> String { "the page of a school" }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let school = edition.schools[page.item]
        let tally = edition.schoolTally(school.id, over: edition.catalog.norms)
        let coverage = edition.strings.format(
            "school_coverage",
            [
                "covered": String(tally.count(.covered)), "applicable": String(tally.applicable),
                "percentage": edition.percentage(tally.coveredPercentage),
            ])
        let documents = context.documentRows(edition.documentsByTitle.filter { edition.portfolio.documents[$0].scope?.includes(school.id) == true })
        var entries: [Entry] = []
        for r in edition.publishedRegisters {
            let register = edition.portfolio.registers[r]
            for e in edition.publishedEntries[r] where register.entries[e].scope?.includes(school.id) == true {
                entries.append(
                    Entry(
                        name: register.entries[e].name(in: register.kind),
                        href: Routes.link(to: Routes.registerEntry(register.kind, register.entries[e].id), from: page.path),
                        register: edition.registerTitle(register)))
            }
        }
        let gaps = edition.schoolGaps(school.id).map { NormReference($0, in: edition, from: page.path) }
        let attention = edition.findings.filter { edition.concerns($0, school: school.id) }.map { edition.attentionItem($0, on: page.path) }
        return View(
            name: school.name, nameHyphenated: edition.hyphenated(school.name), brin: school.brin, town: school.town,
            coverage: coverage, documents: documents, hasDocuments: !documents.isEmpty, entries: entries,
            hasEntries: !entries.isEmpty, gaps: gaps, hasGaps: !gaps.isEmpty, attention: attention,
            hasAttention: !attention.isEmpty)
    }
}

/// The school × domain matrix of the coverage page: per school and domain, how many of the
/// domain's applicable norms are covered for the school. A table, so it reads as data.
struct SchoolMatrix: TemplateView {
    struct Column: TemplateView {
        var code: String
        var label: String
    }

    struct Cell: TemplateView {
        /// "3/5", and the same in words for screen readers.
        var text: String
        var spoken: String
        /// covered (every applicable norm), stale (some), missing (none), not_applicable (none apply).
        var status: String
    }

    struct Row: TemplateView {
        var school: String
        var href: String?
        var cells: [Cell]
        var percentage: String
    }

    var columns: [Column]
    var rows: [Row]
}

extension Edition {
    /// The figures of a group of norms for one school.
    func schoolTally(_ school: String, over norms: [Catalog.Norm]) -> Tally {
        let standings = portfolio.schoolStandings[school] ?? [:]
        return Tally(norms.compactMap { standings[$0.id] })
    }

    /// The norms a school lacks that another school has: covered for some other school (or, in a
    /// school's edition, for another school of the board), not covered for this one, and applicable.
    func schoolGaps(_ school: String) -> [Catalog.Norm] {
        let own = portfolio.schoolStandings[school] ?? [:]
        let others = portfolio.schoolStandings.filter { $0.key != school }.values
        return catalog.norms.filter { norm in
            guard let standing = own[norm.id], standing.isApplicable, standing.coverage != .covered else { return false }
            return others.contains { $0[norm.id]?.coverage == .covered }
        }
    }

    /// Whether a finding concerns a school: it is about something scoped to the school, or it
    /// names the school as one without evidence.
    func concerns(_ finding: Finding, school: String) -> Bool {
        if finding.schools.contains(school) { return true }
        switch finding.subject {
        case .document(let i): return portfolio.documents[i].scope?.includes(school) == true
        case .assessment(let id): return portfolio.assessments[id]?.scope?.includes(school) == true
        case .register: return false
        case .entry(let r, let e): return portfolio.registers[r].entries[e].scope?.includes(school) == true
        }
    }

    /// The matrix of the coverage page, from a page at `page`; nil without schools.
    func schoolMatrix(from page: String) -> SchoolMatrix? {
        guard !schools.isEmpty else { return nil }
        let domains = domainsByPart().flatMap(\.domains)
        let columns = domains.map { SchoolMatrix.Column(code: $0.domain.code, label: domainLabel($0.domain)) }
        let rows = schools.map { school in
            let cells = domains.map { entry -> SchoolMatrix.Cell in
                let tally = schoolTally(school.id, over: entry.norms)
                let covered = tally.count(.covered)
                let status =
                    tally.applicable == 0 ? Coverage.notApplicable : covered == tally.applicable ? .covered : covered == 0 ? .missing : .stale
                return SchoolMatrix.Cell(
                    text: "\(covered)/\(tally.applicable)",
                    spoken: strings.format(
                        "school_matrix_cell",
                        [
                            "domain": domainLabel(entry.domain), "covered": String(covered),
                            "applicable": String(tally.applicable),
                        ]),
                    status: status.styleName)
            }
            let total = schoolTally(school.id, over: catalog.norms)
            return SchoolMatrix.Row(
                school: school.label, href: has(.coverage) ? Routes.link(to: Routes.school(school.id), from: page) : nil,
                cells: cells, percentage: percentage(total.coveredPercentage))
        }
        return SchoolMatrix(columns: columns, rows: rows)
    }
}
