/// The registers as the report shows them to the board and the accountant: the processing
/// register's summary, the breaches of the reference date's year, the findings with their
/// follow-up, and the processors whose agreements end within 90 days. Only what the edition
/// publishes; each entry linked to its page, with its points of attention.
struct ReportRegisters: TemplateView {
    /// One row of a register table in the report: its cells, the first linked to the entry.
    struct Row: TemplateView {
        var name: String
        var href: String
        var cells: [String]
        var attention: [AttentionView]
    }

    struct Table: TemplateView {
        var title: String
        var id: String
        var columns: [String]
        var rows: [Row]
        var hasRows: Bool
        /// A sentence on what the table holds ("4 verwerkingen, 2 met een hoog risico").
        var summary: String
        /// The page of the whole register.
        var href: String
    }

    var tables: [Table]
    var hasTables: Bool
    var controller: String?
    var dpo: String?

    init(_ edition: Edition, on page: String) {
        let portfolio = edition.portfolio
        let reference = portfolio.reference
        func entries(_ kind: RegisterKind) -> (Int, [(Int, RegisterEntry)])? {
            guard let r = portfolio.registers.firstIndex(where: { $0.kind == kind }), edition.publishedRegisters.contains(r) else { return nil }
            return (r, edition.publishedEntries[r].map { ($0, portfolio.registers[r].entries[$0]) })
        }
        func row(_ kind: RegisterKind, _ r: Int, _ e: Int, _ entry: RegisterEntry, _ cells: [String]) -> Row {
            Row(
                name: entry.name(in: kind), href: Routes.link(to: Routes.registerEntry(kind, entry.id), from: page), cells: cells,
                attention: edition.attention(about: .entry(register: r, entry: e)))
        }
        func value(_ entry: RegisterEntry, _ kind: RegisterKind, _ field: String) -> String {
            guard let definition = kind.field(field), let value = edition.publishedValue(entry, definition) else { return "" }
            switch value {
            case .choice(let text): return definition.label(of: text, in: edition.language)
            case .date(let day): return edition.format(day)
            case .flag(let flag): return edition.text(flag ? "yes" : "no")
            case .references, .reference:
                guard let target = definition.target else { return "" }
                return entry.ids(field).compactMap { edition.publishedEntry(target, id: $0) }
                    .map { portfolio.registers[$0.register].entries[$0.entry].name(in: target) }.joined(separator: ", ")
            default: return Exports.cellText(value)
            }
        }
        func table(
            _ kind: RegisterKind, id: String, titleKey: String, fields: [String], summary: String,
            rows: [Row]
        ) -> Table {
            Table(
                title: edition.text(titleKey), id: id,
                columns: [edition.text("field_" + kind.nameField)] + fields.map { edition.text("field_" + $0) },
                rows: rows, hasRows: !rows.isEmpty, summary: summary, href: Routes.link(to: Routes.register(kind), from: page))
        }
        var tables: [Table] = []
        if let (r, all) = entries(.verwerkingen) {
            let fields = ["grondslag", "verwerkers", "hoog_risico", "dpia"]
            let highRisk = all.count { $0.1.flag("hoog_risico") }
            tables.append(
                table(
                    .verwerkingen, id: "r-verwerkingen", titleKey: "report_processing", fields: fields,
                    summary: edition.strings.format("report_processing_summary", ["count": String(all.count), "high": String(highRisk)]),
                    rows: all.map { e, entry in row(.verwerkingen, r, e, entry, fields.map { value(entry, .verwerkingen, $0) }) }))
        }
        if let (r, all) = entries(.datalekken) {
            let fields = ["ontdekt_op", "gemeld_ap_op", "niet_gemeld_reden", "aantal_betrokkenen"]
            let year = all.filter { $0.1.date("ontdekt_op").map(reference.isInYear) ?? false }
            tables.append(
                table(
                    .datalekken, id: "r-datalekken", titleKey: "report_breaches", fields: fields,
                    summary: edition.strings.plural("report_breaches_summary", year.count, ["year": String(reference.day.year)]),
                    rows: year.map { e, entry in row(.datalekken, r, e, entry, fields.map { value(entry, .datalekken, $0) }) }))
        }
        if let (r, all) = entries(.bevindingen) {
            let fields = ["ernst", "actie", "actie_eigenaar", "actie_uiterlijk", "actie_status"]
            let open = all.count { $0.1.values["actie_status"] != .choice("gereed") }
            tables.append(
                table(
                    .bevindingen, id: "r-bevindingen", titleKey: "report_findings", fields: fields,
                    summary: edition.strings.format("report_findings_summary", ["count": String(all.count), "open": String(open)]),
                    rows: all.map { e, entry in row(.bevindingen, r, e, entry, fields.map { value(entry, .bevindingen, $0) }) }))
        }
        if let (r, all) = entries(.verwerkers) {
            let fields = ["producten", "overeenkomst", "overeenkomst_tot"]
            let ending = all.filter { $0.1.date("overeenkomst_tot").map(reference.isSoon) ?? false }
            tables.append(
                table(
                    .verwerkers, id: "r-overeenkomsten", titleKey: "report_agreements_ending", fields: fields,
                    summary: edition.strings.plural("report_agreements_ending_summary", ending.count, ["total": String(all.count)]),
                    rows: ending.map { e, entry in row(.verwerkers, r, e, entry, fields.map { value(entry, .verwerkers, $0) }) }))
        }
        self.tables = tables
        hasTables = !tables.isEmpty
        let settings = portfolio.settings
        controller = entries(.verwerkingen) == nil ? nil : settings.controller?.line
        dpo = entries(.verwerkingen) == nil ? nil : settings.dpo?.line
    }
}
