import Foundation

/// One table of the exports: the same rows make a CSV file and a sheet of the workbook, so the
/// two never disagree. Cells keep their kind (a date, a number), which the workbook keeps too.
struct ExportTable: Sendable {
    enum Cell: Sendable, Equatable {
        case text(String)
        case number(Int)
        case date(Day)

        var text: String {
            switch self {
            case .text(let text): text
            case .number(let number): String(number)
            case .date(let day): day.description
            }
        }
    }

    /// The sheet's name in the workbook.
    var name: String
    var header: [String]
    var rows: [[Cell]]

    /// As Excel set to Dutch opens it: UTF-8 with a byte-order mark, `;` between cells, CRLF line
    /// ends, every cell made safe (`Exports.csvCell`).
    var csv: Data {
        var lines = [header.map(Exports.csvCell).joined(separator: ";")]
        for row in rows { lines.append(row.map { Exports.csvCell($0.text) }.joined(separator: ";")) }
        return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}

extension ExportTable.Cell {
    /// A text, or nothing.
    init(_ text: String?) { self = .text(text ?? "") }

    /// A date, or an empty text.
    init(_ day: Day?) { self = day.map(ExportTable.Cell.date) ?? .text("") }

    /// A number, or an empty text.
    init(_ number: Int?) { self = number.map(ExportTable.Cell.number) ?? .text("") }
}

extension Exports {
    /// Every table of the workbook: the norms, the documents, each published register, and the
    /// points of attention.
    func workbookTables() -> [ExportTable] {
        [normsTable(), documentsTable()] + edition.publishedRegisters.map(registerTable) + [findingsTable()]
            + (edition.hasSchools ? [schoolsTable()] : [])
    }

    /// One row per norm of the catalogue.
    func normsTable() -> ExportTable {
        let portfolio = edition.portfolio
        let header =
            [
                "id", "title", "domain", "part", "coverage", "level", "target", "gap", "owner", "next_review", "documents",
                "published_documents", "evidence_dates", "evidence_review_by", "open_actions",
            ].map { edition.strings["csv_" + $0] }
            + (edition.hasSchools ? [edition.text("csv_scope"), edition.text("csv_schools_not_covered")] : [])
        let rows = portfolio.catalog.norms.compactMap { norm -> [ExportTable.Cell]? in
            guard let standing = portfolio.standings[norm.id] else { return nil }
            let domain = portfolio.catalog.domain(norm.domain)
            let assessment = edition.assessments[norm.id]
            let evidence = portfolio.evidenceByNorm[norm.id] ?? []
            let published = evidence.filter { edition.published[$0] }.map { portfolio.documents[$0] }
            let part = domain.flatMap { portfolio.catalog.part($0.part) }.map { edition.title($0.title, $0.titleEN) }
            // The dates of the published evidence, in the order of its titles ("–" where a document has none).
            let dates = published.map { $0.date?.description ?? "–" }.joined(separator: " | ")
            let reviews = published.map { $0.reviewBy?.description ?? "–" }.joined(separator: " | ")
            let open = (assessment?.actions ?? []).filter { $0.status != .gereed }.map(\.title).joined(separator: " | ")
            return [
                .text(norm.id), .text(edition.normTitle(norm)), .text(domain.map(edition.domainLabel) ?? norm.domain), .init(part),
                .text(edition.coverageLabel(standing.coverage)), .init(standing.level), .number(standing.target), .init(standing.gap),
                .init(assessment?.owner), .init(assessment?.nextReview), .number(evidence.count),
                .text(published.map(\.title).joined(separator: " | ")), .text(dates), .text(reviews), .text(open),
            ]
                + (edition.hasSchools
                    ? [.init(edition.scopeLabel(portfolio.assessments[norm.id]?.scope)), .text(edition.schoolsNotCovering(norm.id))] : [])
        }
        return ExportTable(name: edition.text("norms"), header: header, rows: rows)
    }

    /// One row per published document, by title, with what an accountant checks: its kind, owner
    /// and dates, who adopted it and when, the (G)MR's consent and the FG's advice, whether the
    /// adoption still holds for the text, and the SHA-256 of its source.
    func documentsTable() -> ExportTable {
        let header =
            [
                "title", "page", "type", "classification", "owner", "date", "review_by", "approved_by", "approved_on",
                "adoption_holds", "consent", "advice", "sha256", "norms",
            ].map { edition.strings["csv_document_" + $0] }
            + (edition.hasSchools ? [edition.text("csv_scope")] : [])
        func approval(_ approval: Approval?) -> ExportTable.Cell {
            guard let approval else { return .text("") }
            let given = [approval.by, approval.on?.description].compactMap { $0 }.joined(separator: ", ")
            return .text(approval.isCurrent ? given : given + " (" + edition.text("text_changed") + ")")
        }
        let rows = edition.documentsByTitle.map { index -> [ExportTable.Cell] in
            let document = edition.portfolio.documents[index]
            let adopted = document.approvedBy != nil && document.approvedOn != nil
            return [
                .text(document.title), .text(Routes.document(document.slug)), .init(document.type), .text(document.classification.name),
                .init(document.owner), .init(document.date), .init(document.reviewBy), .init(document.approvedBy), .init(document.approvedOn),
                .text(adopted ? edition.text(document.isAdopted ? "yes" : "no") : ""), approval(document.approval(.consent)),
                approval(document.approval(.advice)), .text(document.sourceSHA256), .text(document.norms.joined(separator: ", ")),
            ]
                + (edition.hasSchools ? [.init(edition.scopeLabel(document.scope))] : [])
        }
        return ExportTable(name: edition.text("documents"), header: header, rows: rows)
    }

    /// A register's published entries: its columns headed by their names in the site's language,
    /// choices by their labels ("c. wettelijke verplichting"), yes and no in words; the processing
    /// register adds its controller and data protection officer (AVG article 30(1)(a)). The reader
    /// takes these headers and labels too, so the CSV can be kept and read back as the register.
    func registerTable(_ index: Int) -> ExportTable {
        let register = edition.portfolio.registers[index]
        let fields = register.kind.fields
        let strings = edition.strings
        let settings = edition.portfolio.settings
        let parties = register.kind == .verwerkingen ? [settings.controller, settings.dpo] : []
        let header =
            [strings["column_id"]] + fields.map { strings["field_" + $0.name] } + [strings["column_classification"]]
            + (parties.isEmpty ? [] : [strings["register_controller"], strings["register_dpo"]])
            + (edition.hasSchools ? [strings["column_scope"]] : [])
        let rows = edition.publishedEntries[index].map { e -> [ExportTable.Cell] in
            let entry = register.entries[e]
            return [.text(entry.id)] + fields.map { cell(edition.publishedValue(entry, $0), of: $0) } + [.text(entry.classification.name)]
                + parties.map { .init($0?.line) } + (edition.hasSchools ? [.text(edition.scopeIDs(entry.scope))] : [])
        }
        return ExportTable(name: edition.text("sheet_" + register.kind.rawValue), header: header, rows: rows)
    }

    /// The points of attention of what the edition shows.
    func findingsTable() -> ExportTable {
        let header = ["kind", "concerns", "text", "page", "place"].map { edition.strings["csv_finding_" + $0] }
        let rows = edition.findings.map { finding -> [ExportTable.Cell] in
            let place = finding.diagnostic.location
            return [
                .text(edition.attentionLabel(finding)), .text(edition.subjectName(finding.subject)), .text(edition.attentionText(finding)),
                .text(edition.subjectPath(finding.subject)), .text("\(place.path):\(place.line)"),
            ]
        }
        return ExportTable(name: edition.text("attention"), header: header, rows: rows)
    }

    /// A register value as a cell shows it in the site's language: lists with commas, dates as
    /// dates, numbers as numbers, choices by their labels, yes and no in words, actions by title.
    private func cell(_ value: RegisterValue?, of field: RegisterField) -> ExportTable.Cell {
        switch value {
        case .choice(let text)?: .text(field.label(of: text, in: edition.language))
        case .flag(let flag)?: .text(edition.text(flag ? "yes" : "no"))
        case .date(let day)?: .date(day)
        case .number(let number)?: .number(number)
        default: .text(Self.cellText(value))
        }
    }
}
