// The exports of a portfolio with schools: `export/scholen.csv` (coverage per school and
// domain, also a sheet of the workbook) and the scope in `portfolio.json`. Without `schools:`,
// the exports are as they were.

extension Exports {
    /// One row per school and domain: the domain's applicable norms, those covered for the
    /// school, and the share; the schools this edition shows (every school, or its own).
    func schoolsTable() -> ExportTable {
        let header = ["id", "name", "brin", "town", "domain", "applicable", "covered", "percentage"].map { edition.text("csv_school_" + $0) }
        var rows: [[ExportTable.Cell]] = []
        for school in edition.schools {
            for (_, domains) in edition.domainsByPart() {
                for entry in domains {
                    let tally = edition.schoolTally(school.id, over: entry.norms)
                    rows.append([.text(school.id), .text(school.name), .init(school.brin), .init(school.town),
                                 .text(edition.domainLabel(entry.domain)), .number(tally.applicable), .number(tally.count(.covered)),
                                 .init(tally.coveredPercentage.map { Int($0.rounded()) })])
                }
            }
        }
        return ExportTable(name: edition.text("csv_school_sheet"), header: header, rows: rows)
    }

    /// The schools of `portfolio.json`, each with its figures over the catalogue; nil without schools.
    func schoolsJSON(summary: (Tally) -> JSONValue) -> JSONValue? {
        guard edition.hasSchools else { return nil }
        return .array(edition.schools.map { school in
            .object(["id": .string(school.id), "name": .string(school.name), "brin": .string(school.brin), "town": .string(school.town),
                     "url": .string(edition.has(.coverage) ? Routes.school(school.id) : nil),
                     "summary": summary(edition.schoolTally(school.id, over: edition.catalog.norms))])
        })
    }

    /// A scope in `portfolio.json`: the school ids, or null for board-wide (nil without schools,
    /// so that the model of a board without schools is as it was).
    func scopeJSON(_ scope: Scope?) -> JSONValue? {
        guard edition.hasSchools else { return nil }
        return scope.map { .strings($0.ids) } ?? .null
    }
}

extension Edition {
    /// The schools this edition shows for which a norm is not covered (applicable, and without
    /// current evidence for them), by name.
    func schoolsNotCovering(_ norm: String) -> String {
        schools.filter { school in
            guard let standing = portfolio.schoolStandings[school.id]?[norm] else { return false }
            return standing.isApplicable && standing.coverage != .covered
        }.map(\.name).joined(separator: ", ")
    }
}
