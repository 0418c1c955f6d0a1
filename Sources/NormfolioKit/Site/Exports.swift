import Foundation

/// The site's `export/` folder: the norms as a spreadsheet for Excel, and the whole computed
/// model as JSON. Withheld documents appear in neither, except as counts.
extension Renderer {
    func exportFiles() -> [Site.File] {
        [
            Site.File(path: "export/normen.csv", contents: .data(normsCSV())),
            Site.File(path: "export/portfolio.json", contents: .data(portfolioJSON())),
        ]
    }

    // MARK: CSV

    /// One row per norm, as Excel set to Dutch opens it: UTF-8 with a byte-order mark, `;` between
    /// cells, CRLF line ends, and quotes where a cell needs them.
    func normsCSV() -> Data {
        let english = language == "en"
        let header = english
            ? ["ID", "Title", "Domain", "Part", "Coverage", "Level", "Target", "Gap", "Owner", "Next review",
               "Documents", "Published documents", "Open actions"]
            : ["ID", "Titel", "Domein", "Deel", "Dekking", "Niveau", "Doel", "Achterstand", "Eigenaar",
               "Volgende beoordeling", "Documenten", "Gepubliceerde documenten", "Open acties"]
        var lines = [header.map(Self.csvCell).joined(separator: ";")]
        for norm in portfolio.catalog.norms {
            guard let standing = portfolio.standings[norm.id] else { continue }
            let domain = portfolio.catalog.domain(norm.domain)
            let assessment = portfolio.assessments[norm.id]
            let evidence = portfolio.evidenceByNorm[norm.id] ?? []
            let domainName: String = domain.map(domainLabel) ?? norm.domain
            let partName: String = domain.flatMap { portfolio.catalog.part($0.part) }.map { title($0.title, $0.titleEN) } ?? ""
            let level: String = standing.level.map(String.init) ?? ""
            let gap: String = standing.gap.map(String.init) ?? ""
            let titles: String = evidence.filter { published[$0] }.map { portfolio.documents[$0].title }.joined(separator: " | ")
            let actions: [Action] = assessment?.actions ?? []
            let openActions: String = actions.filter { $0.status != .gereed }.map(\.title).joined(separator: " | ")
            let cells: [String] = [
                norm.id, normTitle(norm), domainName, partName, coverageLabel(standing.coverage), level,
                String(standing.target), gap, assessment?.owner ?? "", assessment?.nextReview?.description ?? "",
                String(evidence.count), titles, openActions,
            ]
            lines.append(cells.map(Self.csvCell).joined(separator: ";"))
        }
        return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// A cell made safe: a value a spreadsheet would read as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a leading apostrophe, and a value with `;`,
    /// quotes or line breaks is quoted.
    static func csvCell(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
        if cell.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    // MARK: JSON

    func portfolioJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(exportModel())) ?? Data("{}".utf8)
        return data + Data("\n".utf8)
    }

    func exportModel() -> ExportModel {
        let catalog = portfolio.catalog
        let publishedIDs = Set(portfolio.documents.indices.filter { published[$0] })
        return ExportModel(
            organisation: portfolio.settings.organisation, title: portfolio.settings.title, language: language,
            asOf: portfolio.asOf.description, audience: audience.rawValue, normfolioVersion: version,
            catalogVersion: catalog.version,
            summary: summaryRecord(portfolio.tally(catalog.norms), includeDocuments: true),
            parts: domainsByPart().map { part, domains in
                ExportModel.Part(
                    id: part.id, title: title(part.title, part.titleEN),
                    summary: summaryRecord(portfolio.tally(domains.flatMap(\.norms))),
                    domains: domains.map { entry in
                        ExportModel.Domain(code: entry.domain.code, number: entry.domain.number,
                                           title: title(entry.domain.title, entry.domain.titleEN),
                                           summary: summaryRecord(portfolio.tally(entry.norms)))
                    })
            },
            norms: catalog.norms.compactMap { norm in
                guard let standing = portfolio.standings[norm.id] else { return nil }
                let assessment = portfolio.assessments[norm.id]
                let evidence = portfolio.evidenceByNorm[norm.id] ?? []
                return ExportModel.Norm(
                    id: norm.id, title: norm.title, titleEN: norm.titleEN, titleVerified: norm.titleVerified,
                    domain: norm.domain, part: catalog.domain(norm.domain)?.part ?? "", status: standing.coverage.rawValue,
                    level: standing.level, target: standing.target, gap: standing.gap, owner: assessment?.owner,
                    reviewedOn: assessment?.reviewedOn?.description, nextReview: assessment?.nextReview?.description,
                    notApplicable: assessment?.notApplicable,
                    documents: evidence.filter(publishedIDs.contains).map { portfolio.documents[$0].slug },
                    documentCount: evidence.count, withheldCount: evidence.count { !publishedIDs.contains($0) },
                    actions: (assessment?.actions ?? []).map { action in
                        ExportModel.Action(title: action.title, owner: action.owner, due: action.due?.description,
                                           status: action.status.rawValue,
                                           overdue: action.status != .gereed && (action.due.map { $0 < portfolio.asOf } ?? false))
                    })
            },
            documents: portfolio.documents.indices.filter(publishedIDs.contains).map { index in
                let document = portfolio.documents[index]
                return ExportModel.Document(
                    id: document.slug, title: document.title, norms: document.norms, classification: document.classification.name,
                    type: document.type, owner: document.owner, date: document.date?.description,
                    approvedBy: document.approvedBy, approvedOn: document.approvedOn?.description,
                    reviewBy: document.reviewBy?.description, stale: portfolio.isStale(document), url: documentPath(index))
            })
    }

    private func summaryRecord(_ tally: Tally, includeDocuments: Bool = false) -> ExportModel.Summary {
        ExportModel.Summary(
            norms: tally.norms, applicable: tally.applicable, covered: tally.count(.covered), stale: tally.count(.stale),
            missing: tally.count(.missing), notApplicable: tally.count(.notApplicable),
            coveredPercentage: tally.coveredPercentage.map { ($0 * 10).rounded() / 10 },
            assessed: tally.assessed, notAssessed: tally.notAssessed,
            averageLevel: tally.averageLevel.map { ($0 * 10).rounded() / 10 }, lowestLevel: tally.lowestLevel,
            atTarget: tally.atTarget, levelDistribution: tally.distribution,
            documents: includeDocuments ? portfolio.documents.count : nil,
            publishedDocuments: includeDocuments ? published.count { $0 } : nil,
            staleDocuments: includeDocuments ? portfolio.documents.count { portfolio.isStale($0) } : nil,
            overdueActions: includeDocuments ? overdueActions().count : nil)
    }
}

/// `export/portfolio.json`, schema version 1 (documented in docs/exports.md). Absent values are
/// written as `null`, never left out.
struct ExportModel: Encodable {
    static let schemaVersion = 1

    struct Summary: Encodable {
        var norms, applicable, covered, stale, missing, notApplicable: Int
        var coveredPercentage: Double?
        var assessed, notAssessed: Int
        var averageLevel: Double?
        var lowestLevel: Int?
        var atTarget: Int
        var levelDistribution: [Int]
        var documents, publishedDocuments, staleDocuments, overdueActions: Int?

        enum CodingKeys: String, CodingKey {
            case norms, applicable, covered, stale, missing, assessed
            case notApplicable = "not_applicable", coveredPercentage = "covered_percentage", notAssessed = "not_assessed"
            case averageLevel = "average_level", lowestLevel = "lowest_level", atTarget = "at_target"
            case levelDistribution = "level_distribution", documents, publishedDocuments = "published_documents"
            case staleDocuments = "stale_documents", overdueActions = "overdue_actions"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(norms, forKey: .norms); try c.encode(applicable, forKey: .applicable)
            try c.encode(covered, forKey: .covered); try c.encode(stale, forKey: .stale)
            try c.encode(missing, forKey: .missing); try c.encode(notApplicable, forKey: .notApplicable)
            try c.encode(coveredPercentage, forKey: .coveredPercentage); try c.encode(assessed, forKey: .assessed)
            try c.encode(notAssessed, forKey: .notAssessed); try c.encode(averageLevel, forKey: .averageLevel)
            try c.encode(lowestLevel, forKey: .lowestLevel); try c.encode(atTarget, forKey: .atTarget)
            try c.encode(levelDistribution, forKey: .levelDistribution)
            try c.encodeIfPresent(documents, forKey: .documents)
            try c.encodeIfPresent(publishedDocuments, forKey: .publishedDocuments)
            try c.encodeIfPresent(staleDocuments, forKey: .staleDocuments)
            try c.encodeIfPresent(overdueActions, forKey: .overdueActions)
        }
    }

    struct Domain: Encodable {
        var code: String
        var number: Int
        var title: String
        var summary: Summary
    }

    struct Part: Encodable {
        var id, title: String
        var summary: Summary
        var domains: [Domain]
    }

    struct Action: Encodable {
        var title: String
        var owner, due: String?
        var status: String
        var overdue: Bool

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(title, forKey: .title); try c.encode(owner, forKey: .owner); try c.encode(due, forKey: .due)
            try c.encode(status, forKey: .status); try c.encode(overdue, forKey: .overdue)
        }

        enum CodingKeys: String, CodingKey { case title, owner, due, status, overdue }
    }

    struct Norm: Encodable {
        var id, title: String
        var titleEN: String?
        var titleVerified: Bool
        var domain, part, status: String
        var level: Int?
        var target: Int
        var gap: Int?
        var owner, reviewedOn, nextReview, notApplicable: String?
        var documents: [String]
        var documentCount, withheldCount: Int
        var actions: [Action]

        enum CodingKeys: String, CodingKey {
            case id, title, domain, part, status, level, target, gap, owner, documents, actions
            case titleEN = "title_en", titleVerified = "title_verified", reviewedOn = "reviewed_on"
            case nextReview = "next_review", notApplicable = "not_applicable"
            case documentCount = "document_count", withheldCount = "withheld_count"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title); try c.encode(titleEN, forKey: .titleEN)
            try c.encode(titleVerified, forKey: .titleVerified); try c.encode(domain, forKey: .domain)
            try c.encode(part, forKey: .part); try c.encode(status, forKey: .status); try c.encode(level, forKey: .level)
            try c.encode(target, forKey: .target); try c.encode(gap, forKey: .gap); try c.encode(owner, forKey: .owner)
            try c.encode(reviewedOn, forKey: .reviewedOn); try c.encode(nextReview, forKey: .nextReview)
            try c.encode(notApplicable, forKey: .notApplicable); try c.encode(documents, forKey: .documents)
            try c.encode(documentCount, forKey: .documentCount); try c.encode(withheldCount, forKey: .withheldCount)
            try c.encode(actions, forKey: .actions)
        }
    }

    struct Document: Encodable {
        var id, title: String
        var norms: [String]
        var classification: String
        var type, owner, date, approvedBy, approvedOn, reviewBy: String?
        var stale: Bool
        var url: String

        enum CodingKeys: String, CodingKey {
            case id, title, norms, classification, type, owner, date, stale, url
            case approvedBy = "approved_by", approvedOn = "approved_on", reviewBy = "review_by"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title); try c.encode(norms, forKey: .norms)
            try c.encode(classification, forKey: .classification); try c.encode(type, forKey: .type)
            try c.encode(owner, forKey: .owner); try c.encode(date, forKey: .date); try c.encode(approvedBy, forKey: .approvedBy)
            try c.encode(approvedOn, forKey: .approvedOn); try c.encode(reviewBy, forKey: .reviewBy)
            try c.encode(stale, forKey: .stale); try c.encode(url, forKey: .url)
        }
    }

    var organisation, title, language, asOf, audience, normfolioVersion, catalogVersion: String
    var summary: Summary
    var parts: [Part]
    var norms: [Norm]
    var documents: [Document]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", organisation, title, language, asOf = "as_of", audience
        case normfolioVersion = "normfolio_version", catalogVersion = "catalog_version", summary, parts, norms, documents
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(organisation, forKey: .organisation); try c.encode(title, forKey: .title)
        try c.encode(language, forKey: .language); try c.encode(asOf, forKey: .asOf); try c.encode(audience, forKey: .audience)
        try c.encode(normfolioVersion, forKey: .normfolioVersion); try c.encode(catalogVersion, forKey: .catalogVersion)
        try c.encode(summary, forKey: .summary); try c.encode(parts, forKey: .parts)
        try c.encode(norms, forKey: .norms); try c.encode(documents, forKey: .documents)
    }
}
