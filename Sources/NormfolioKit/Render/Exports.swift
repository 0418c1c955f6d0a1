import Foundation

/// The site's `export/` folder: the norms as a spreadsheet for Excel, and the whole computed
/// model as JSON. Withheld documents appear in neither, except as counts.
struct Exports {
    let edition: Edition

    private var portfolio: Portfolio { edition.portfolio }
    private var assessments: [String: Assessment] { edition.assessments }

    func files() -> [Site.File] {
        let made: [String: () -> Data] = [
            Routes.csv: { normsTable().csv }, Routes.documentsCSV: { documentsTable().csv }, Routes.json: portfolioJSON,
            Routes.calendarICS: { IBPCalendar(edition: edition).ics() }, Routes.workbook: { Workbook(tables: workbookTables(), edition: edition).data },
            Routes.schoolsCSV: { schoolsTable().csv },
        ]
        return paths.map { path in
            let data = made[path]?() ?? edition.publishedRegisters.first { Routes.registerCSV(portfolio.registers[$0].kind) == path }
                .map { registerTable($0).csv } ?? Data()
            return Site.File(path: path, contents: .data(data))
        }
    }

    /// The paths of the files `files()` makes, without making them: each where the edition has
    /// its part of the site.
    var paths: [String] {
        (edition.has(.exports) ? [Routes.csv, Routes.documentsCSV, Routes.json, Routes.workbook] : [])
            + (edition.has(.exports) && edition.hasSchools ? [Routes.schoolsCSV] : [])
            + (edition.has(.calendar) ? [Routes.calendarICS] : [])
            + edition.publishedRegisters.map { Routes.registerCSV(portfolio.registers[$0].kind) }
    }

    /// A register value as the format writes it in a cell: lists with commas, dates as
    /// YYYY-MM-DD, yes/no as ja/nee, actions by title.
    static func cellText(_ value: RegisterValue?) -> String {
        switch value {
        case .text(let text)?, .choice(let text)?, .reference(let text)?: text
        case .list(let items)?, .references(let items)?, .norms(let items)?: items.joined(separator: ", ")
        case .date(let day)?: day.description
        case .flag(let flag)?: flag ? "ja" : "nee"
        case .number(let number)?: String(number)
        case .actions(let actions)?: actions.map(\.title).joined(separator: ", ")
        case nil: ""
        }
    }

    /// A register value in the JSON model.
    static func jsonValue(_ value: RegisterValue) -> JSONValue {
        switch value {
        case .text(let text), .choice(let text), .reference(let text): .string(text)
        case .list(let items), .references(let items), .norms(let items): .strings(items)
        case .date(let day): .string(day.description)
        case .flag(let flag): .bool(flag)
        case .number(let number): .int(number)
        case .actions(let actions):
            .array(actions.map { action in
                .object(["title": .string(action.title), "owner": .string(action.owner), "due": .string(action.due?.description),
                         "status": .string(action.status.rawValue), "overdue": .bool(action.isOverdue)])
            })
        }
    }

    // MARK: CSV

    /// A cell made safe, by one rule for every cell of every CSV export:
    /// - a cell whose first visible character would start a formula (`=`, `+`, `-`, `@`, or their
    ///   fullwidth forms), after any leading whitespace, control or invisible characters, or that
    ///   starts with a control character, gets a leading apostrophe: a spreadsheet shows it as text;
    /// - a cell that holds a line break of any kind (CR, LF, CRLF, vertical tab, form feed, NEL,
    ///   the Unicode line and paragraph separators), a separator any spreadsheet may use (`;`, `,`,
    ///   tab) or a quote is quoted, so no text in it can start a row or a cell of its own.
    /// Scalars are looked at, not characters: CRLF is one `Character` and equals neither CR nor LF.
    static func csvCell(_ value: String) -> String {
        var cell = value
        if startsLikeAFormula(value) { cell = "'" + cell }
        if cell.unicodeScalars.contains(where: needsQuotes) {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// Whether a spreadsheet could take the cell for a formula: its first visible character is
    /// one that starts one, or it starts with a control character (a tab or line break that a
    /// reader may strip).
    static func startsLikeAFormula(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first else { return false }
        if first.properties.generalCategory == .control { return true }
        let visible = value.unicodeScalars.first { scalar in
            !(scalar.properties.isWhitespace || [.control, .format].contains(scalar.properties.generalCategory))
        }
        return visible.map { formulaStarts.contains($0) } ?? false
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// Line breaks of every kind, the separators `;`, `,` and tab, and the quote.
    private static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", ";", ",", "\t", "\"": true
        default: false
        }
    }

    // MARK: JSON

    /// `export/portfolio.json`, schema version 2 (documented in docs/exports.md).
    func portfolioJSON() -> Data {
        Data(exportModel().text.utf8)
    }

    static let schemaVersion = 2


    func exportModel() -> JSONValue {
        let catalog = portfolio.catalog
        let publishedIDs = Set(edition.publishedDocuments)
        let parts: [JSONValue] = edition.domainsByPart().map { part, domains in
            .object([
                "id": .string(part.id), "title": .string(edition.title(part.title, part.titleEN)),
                "summary": summaryRecord(portfolio.tally(domains.flatMap(\.norms))),
                "domains": .array(domains.map { entry in
                    .object([
                        "code": .string(entry.domain.code), "number": .int(entry.domain.number),
                        "title": .string(edition.title(entry.domain.title, entry.domain.titleEN)),
                        "summary": summaryRecord(portfolio.tally(entry.norms)),
                    ])
                }),
            ])
        }
        let norms: [JSONValue] = catalog.norms.compactMap { norm in
            guard let standing = portfolio.standings[norm.id] else { return nil }
            let assessment = assessments[norm.id]
            let evidence = portfolio.evidenceByNorm[norm.id] ?? []
            let actions: [JSONValue] = (assessment?.actions ?? []).map { action in
                .object([
                    "title": .string(action.title), "owner": .string(action.owner), "due": .string(action.due?.description),
                    "status": .string(action.status.rawValue),
                    "overdue": .bool(action.isOverdue),
                ])
            }
            var members: [String: JSONValue] = [
                "id": .string(norm.id), "title": .string(norm.title), "title_en": .string(norm.titleEN),
                "title_verified": .bool(norm.titleVerified), "domain": .string(norm.domain),
                "part": .string(catalog.domain(norm.domain)?.part ?? ""), "status": .string(standing.coverage.rawValue),
                "level": .int(standing.level), "target": .int(standing.target), "gap": .int(standing.gap),
                "owner": .string(assessment?.owner), "reviewed_on": .string(assessment?.reviewedOn?.description),
                "next_review": .string(assessment?.nextReview?.description),
                "not_applicable": .string(assessment?.notApplicable),
                "documents": .strings(evidence.filter(publishedIDs.contains).map { portfolio.documents[$0].slug }),
                "document_count": .int(evidence.count),
                "withheld_count": .int(evidence.count { !publishedIDs.contains($0) }),
                "actions": .array(actions),
            ]
            members["scope"] = scopeJSON(portfolio.assessments[norm.id]?.scope)
            return .object(members)
        }
        let documents: [JSONValue] = portfolio.documents.indices.filter(publishedIDs.contains).map { index in
            let document = portfolio.documents[index]
            var members: [String: JSONValue] = [
                "id": .string(document.slug), "title": .string(document.title), "norms": .strings(document.norms),
                "classification": .string(document.classification.name), "type": .string(document.type),
                "owner": .string(document.owner), "date": .string(document.date?.description),
                "approved_by": .string(document.approvedBy), "approved_on": .string(document.approvedOn?.description),
                "review_by": .string(document.reviewBy?.description), "stale": .bool(document.isStale),
                "url": .string(Routes.document(document.slug)),
                "adopted": .bool(document.isAdopted),
                "approvals": .array(document.approvals.map { approval in
                    .object(["kind": .string(approval.kind.rawValue), "by": .string(approval.by), "on": .string(approval.on?.description),
                             "sha256": .string(approval.sha256), "current": .bool(approval.isCurrent)])
                }),
            ]
            members["scope"] = scopeJSON(document.scope)
            return .object(members)
        }
        let registers: [JSONValue] = edition.publishedRegisters.map { index in
            let register = portfolio.registers[index]
            return .object([
                "register": .string(register.kind.rawValue), "title": .string(edition.registerTitle(register)),
                "norms": .strings(register.norms), "classification": .string(register.classification.name),
                "owner": .string(register.owner), "review_by": .string(register.reviewBy?.description), "stale": .bool(register.isStale),
                "url": .string(Routes.register(register.kind)),
                "entries": .array(edition.publishedEntries[index].map { e in
                    let entry = register.entries[e]
                    var members: [String: JSONValue] = [
                        "id": .string(entry.id), "classification": .string(entry.classification.name),
                        "url": .string(Routes.registerEntry(register.kind, entry.id)),
                    ]
                    members["scope"] = scopeJSON(entry.scope)
                    // Every field of the register, null where the entry has no value (or refers
                    // only to withheld entries).
                    for field in register.kind.fields { members[field.name] = edition.publishedValue(entry, field).map(Self.jsonValue) ?? .null }
                    return .object(members)
                }),
            ])
        }
        var summary = summaryRecord(portfolio.tally(catalog.norms))
        if case .object(var members) = summary {
            members["documents"] = .int(edition.documentsInScope)
            members["published_documents"] = .int(publishedIDs.count)
            // Over the published documents: the finding about a withheld one is not counted either.
            members["stale_documents"] = .int(edition.findings.count { $0.kind == .evidenceExpired && $0.subject.isDocument })
            members["overdue_actions"] = .int(edition.overdueActions.count)
            members["findings"] = .int(edition.findings.count)
            summary = .object(members)
        }
        // The points of attention of what the edition shows, as `check` reports them.
        let findings: [JSONValue] = edition.findings.map { finding in
            .object([
                "code": .string(finding.kind.rawValue), "concerns": .string(edition.subjectName(finding.subject)),
                "url": .string(edition.subjectPath(finding.subject)), "label": .string(edition.attentionLabel(finding)),
                "text": .string(edition.attentionText(finding)), "message": .string(finding.diagnostic.message),
                "path": .string(finding.diagnostic.location.path), "line": .int(finding.diagnostic.location.line),
            ])
        }
        var model: [String: JSONValue] = [
            "schema_version": .int(Self.schemaVersion), "organisation": .string(portfolio.settings.organisation),
            "title": .string(portfolio.settings.title), "language": .string(edition.language.rawValue),
            "as_of": .string(portfolio.asOf.description),
            "audience": .string(edition.audience.rawValue), "normfolio_version": .string(edition.version),
            "catalog_version": .string(catalog.version), "summary": summary, "parts": .array(parts), "norms": .array(norms),
            "documents": .array(documents), "registers": .array(registers), "findings": .array(findings),
        ]
        model["schools"] = schoolsJSON(summary: summaryRecord)
        model["school"] = edition.school.map { .string($0.id) }
        return .object(model)
    }

    private func summaryRecord(_ tally: Tally) -> JSONValue {
        .object([
            "norms": .int(tally.norms), "applicable": .int(tally.applicable), "covered": .int(tally.count(.covered)),
            "stale": .int(tally.count(.stale)), "missing": .int(tally.count(.missing)),
            "not_applicable": .int(tally.count(.notApplicable)),
            "covered_percentage": .double(tally.coveredPercentage.map { ($0 * 10).rounded() / 10 }),
            "assessed": .int(tally.assessed), "not_assessed": .int(tally.notAssessed),
            "average_level": .double(tally.averageLevel.map { ($0 * 10).rounded() / 10 }),
            "lowest_level": .int(tally.lowestLevel), "at_target": .int(tally.atTarget),
            "level_distribution": .array(tally.distribution.map(JSONValue.int)),
        ])
    }
}
