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
                    rows.append([
                        .text(school.id), .text(school.name), .init(school.brin), .init(school.town),
                        .text(edition.domainLabel(entry.domain)), .number(tally.applicable), .number(tally.count(.covered)),
                        .init(tally.coveredPercentage.map { Int($0.rounded()) }),
                    ])
                }
            }
        }
        return ExportTable(name: edition.text("csv_school_sheet"), header: header, rows: rows)
    }

    /// The schools of `portfolio.json`, each with its figures over the catalogue; nil without schools.
    func schoolsField() -> ExportModel.Schools? {
        guard edition.hasSchools else { return nil }
        return ExportModel.Schools(
            edition.schools.map { school in
                ExportModel.Schools.School(
                    id: school.id, name: school.name, brin: school.brin, town: school.town,
                    url: edition.has(.coverage) ? Routes.school(school.id) : nil,
                    summary: summary(edition.schoolTally(school.id, over: edition.catalog.norms)))
            })
    }

    /// A scope in `portfolio.json`: the school ids, empty for board-wide (nil without schools, so
    /// that the model of a board without schools is as it was).
    func scopeField(_ scope: Scope?) -> ExportModel.SchoolIDs? {
        edition.hasSchools ? ExportModel.SchoolIDs(scope?.ids ?? []) : nil
    }

    /// A register entry's scope in `portfolio.json`, as `scopeField`.
    func scopeJSON(_ scope: Scope?) -> JSONValue? {
        edition.hasSchools ? .strings(scope?.ids ?? []) : nil
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

/// A field of normfolio's JSON that only some portfolios have: left out when absent, where
/// other absent fields are written as `null` (see `JSONValueCoding`), so that the model of a
/// portfolio without schools is as it was.
protocol OmittedWhenAbsent {}

extension ExportModel {
    /// School ids (`scope`), written as a list; empty for board-wide.
    struct SchoolIDs: Codable, Equatable, OmittedWhenAbsent {
        var ids: [String]
        init(_ ids: [String]) { self.ids = ids }
        init(from decoder: Decoder) throws { ids = try decoder.singleValueContainer().decode([String].self) }
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(ids)
        }
    }

    /// The school whose edition this is (`school`), written as its id.
    struct SchoolID: Codable, Equatable, OmittedWhenAbsent {
        var id: String
        init(_ id: String) { self.id = id }
        init(from decoder: Decoder) throws { id = try decoder.singleValueContainer().decode(String.self) }
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(id)
        }
    }

    /// The schools with their figures (`schools`), written as a list.
    struct Schools: Codable, Equatable, OmittedWhenAbsent {
        struct School: Codable, Equatable {
            var id: String
            var name: String
            var brin: String?
            var town: String?
            var url: String?
            var summary: Summary
        }

        var list: [School]
        init(_ list: [School]) { self.list = list }
        init(from decoder: Decoder) throws { list = try decoder.singleValueContainer().decode([School].self) }
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(list)
        }
    }
}
