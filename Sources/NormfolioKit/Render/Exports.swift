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
            Routes.calendarICS: { IBPCalendar(edition: edition).ics() },
            Routes.workbook: { Workbook(tables: workbookTables(), edition: edition).data },
            Routes.schoolsCSV: { schoolsTable().csv },
        ]
        return paths.map { path in
            let data =
                made[path]?() ?? edition.publishedRegisters.first { Routes.registerCSV(portfolio.registers[$0].kind) == path }
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
        case .actions(let actions): JSONValue(encoding: actions.map(action))
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
        Data(JSONValue(encoding: exportModel()).text.utf8)
    }

    static let schemaVersion = 2

    func exportModel() -> ExportModel {
        let catalog = portfolio.catalog
        let publishedIDs = Set(edition.publishedDocuments)
        let parts = edition.domainsByPart().map { part, domains in
            ExportModel.Part(
                id: part.id, title: edition.title(part.title, part.titleEN), summary: summary(portfolio.tally(domains.flatMap(\.norms))),
                domains: domains.map { entry in
                    ExportModel.Domain(
                        code: entry.domain.code, number: entry.domain.number,
                        title: edition.title(entry.domain.title, entry.domain.titleEN), summary: summary(portfolio.tally(entry.norms)))
                })
        }
        let norms = catalog.norms.compactMap { norm -> ExportModel.Norm? in
            guard let standing = portfolio.standings[norm.id] else { return nil }
            let assessment = assessments[norm.id]
            let evidence = portfolio.evidenceByNorm[norm.id] ?? []
            return ExportModel.Norm(
                id: norm.id, title: norm.title, title_en: norm.titleEN, title_verified: norm.titleVerified, domain: norm.domain,
                part: catalog.domain(norm.domain)?.part ?? "", status: standing.coverage.rawValue,
                level: standing.level, target: standing.target, gap: standing.gap,
                owner: assessment?.owner, reviewed_on: assessment?.reviewedOn?.description, next_review: assessment?.nextReview?.description,
                not_applicable: assessment?.notApplicable,
                documents: evidence.filter(publishedIDs.contains).map { portfolio.documents[$0].slug },
                document_count: evidence.count, withheld_count: evidence.count { !publishedIDs.contains($0) },
                actions: (assessment?.actions ?? []).map(Self.action), scope: scopeField(portfolio.assessments[norm.id]?.scope))
        }
        let documents = portfolio.documents.indices.filter(publishedIDs.contains).map { index in
            let document = portfolio.documents[index]
            return ExportModel.Document(
                id: document.slug, title: document.title, norms: document.norms, classification: document.classification.name,
                type: document.type, owner: document.owner, date: document.date?.description, approved_by: document.approvedBy,
                approved_on: document.approvedOn?.description, review_by: document.reviewBy?.description, stale: document.isStale,
                url: Routes.document(document.slug), adopted: document.isAdopted,
                approvals: document.approvals.map { approval in
                    ExportModel.Approval(
                        kind: approval.kind.rawValue, by: approval.by, on: approval.on?.description,
                        sha256: approval.sha256, current: approval.isCurrent)
                }, scope: scopeField(document.scope))
        }
        let registers = edition.publishedRegisters.map { index in
            let register = portfolio.registers[index]
            return ExportModel.Register(
                register: register.kind.rawValue, title: edition.registerTitle(register), norms: register.norms,
                classification: register.classification.name, owner: register.owner, review_by: register.reviewBy?.description,
                stale: register.isStale, url: Routes.register(register.kind),
                entries: edition.publishedEntries[index].map { e in
                    let entry = register.entries[e]
                    var members: [String: JSONValue] = [
                        "id": .string(entry.id), "classification": .string(entry.classification.name),
                        "url": .string(Routes.registerEntry(register.kind, entry.id)),
                    ]
                    members["scope"] = scopeJSON(entry.scope)
                    // Every field of the register, null where the entry has no value (or refers
                    // only to withheld entries).
                    for field in register.kind.fields { members[field.name] = edition.publishedValue(entry, field).map(Self.jsonValue) ?? .null }
                    return members
                })
        }
        // The points of attention of what the edition shows, as `check` reports them.
        let findings = edition.findings.map { finding in
            ExportModel.Finding(
                code: finding.kind.rawValue, concerns: edition.subjectName(finding.subject), url: edition.subjectPath(finding.subject),
                label: edition.attentionLabel(finding), text: edition.attentionText(finding), message: finding.diagnostic.message,
                path: finding.diagnostic.location.path, line: finding.diagnostic.location.line)
        }
        let overall = ExportModel.OverallSummary(
            figures: summary(portfolio.tally(catalog.norms)), documents: edition.documentsInScope, published_documents: publishedIDs.count,
            // Over the published documents: the finding about a withheld one is not counted either.
            stale_documents: edition.findings.count { $0.kind == .evidenceExpired && $0.subject.isDocument },
            overdue_actions: edition.overdueActions.count, findings: edition.findings.count)
        return ExportModel(
            schema_version: Self.schemaVersion, organisation: portfolio.settings.organisation, title: portfolio.settings.title,
            language: edition.language.rawValue, as_of: portfolio.asOf.description, audience: edition.audience.rawValue,
            normfolio_version: edition.version, catalog_version: catalog.version, summary: overall, parts: parts, norms: norms,
            documents: documents, registers: registers, findings: findings, schools: schoolsField(), school: edition.school.map { .init($0.id) })
    }

    /// An action in the JSON model, in a norm's record and in a register's field alike.
    static func action(_ action: Action) -> ExportModel.Action {
        ExportModel.Action(
            title: action.title, owner: action.owner, due: action.due?.description, status: action.status.rawValue,
            overdue: action.isOverdue)
    }

    func summary(_ tally: Tally) -> ExportModel.Summary {
        ExportModel.Summary(
            norms: tally.norms, applicable: tally.applicable, covered: tally.count(.covered), stale: tally.count(.stale),
            missing: tally.count(.missing), not_applicable: tally.count(.notApplicable),
            covered_percentage: tally.coveredPercentage.map { ($0 * 10).rounded() / 10 }, assessed: tally.assessed,
            not_assessed: tally.notAssessed, average_level: tally.averageLevel.map { ($0 * 10).rounded() / 10 },
            lowest_level: tally.lowestLevel, at_target: tally.atTarget, level_distribution: tally.distribution)
    }
}
