import Foundation

// normfolio's own JSON formats, as types shared by the side that writes them and the side that
// reads them back. Property names are the formats' field names (snake_case, as docs/exports.md
// documents them), so that the type is the schema: renaming a field renames it on both sides.
// An optional that is nil is written as `null`; the round-trip tests (`ExportModelTests`) read
// what the build writes and compare.

/// `export/portfolio.json`, schema version 2 (docs/exports.md), and what a snapshot keeps.
struct ExportModel: Codable, Equatable {
    var schema_version: Int
    var organisation: String
    var title: String
    /// Added within version 2: absent in older snapshots.
    var language: String?
    var as_of: String
    var audience: String
    var normfolio_version: String
    var catalog_version: String
    var summary: OverallSummary
    var parts: [Part]
    var norms: [Norm]
    var documents: [Document]
    /// Added in version 2.
    var registers: [Register]?
    /// Added within version 2.
    var findings: [Finding]?
    /// Only for a portfolio with `schools:`: each school with its figures, and in a school's
    /// edition (`build --school`) its id (see `SchoolExports.swift`).
    var schools: Schools? = nil
    var school: SchoolID? = nil

    /// The figures of a group of norms (everything, a part, a domain).
    struct Summary: Codable, Equatable {
        var norms: Int
        var applicable: Int
        var covered: Int
        var stale: Int
        var missing: Int
        var not_applicable: Int
        var covered_percentage: Double?
        var assessed: Int
        var not_assessed: Int
        var average_level: Double?
        var lowest_level: Int?
        var at_target: Int
        var level_distribution: [Int]
    }

    /// The figures of everything, with the counts of documents, actions and findings beside them
    /// in the same object.
    struct OverallSummary: Codable, Equatable {
        var figures: Summary
        var documents: Int?
        var published_documents: Int?
        var stale_documents: Int?
        var overdue_actions: Int?
        var findings: Int?

        private enum CodingKeys: String, CodingKey {
            case documents, published_documents, stale_documents, overdue_actions, findings
        }

        init(figures: Summary, documents: Int, published_documents: Int, stale_documents: Int, overdue_actions: Int, findings: Int) {
            (self.figures, self.documents, self.published_documents) = (figures, documents, published_documents)
            (self.stale_documents, self.overdue_actions, self.findings) = (stale_documents, overdue_actions, findings)
        }

        init(from decoder: Decoder) throws {
            figures = try Summary(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            documents = try container.decodeIfPresent(Int.self, forKey: .documents)
            published_documents = try container.decodeIfPresent(Int.self, forKey: .published_documents)
            stale_documents = try container.decodeIfPresent(Int.self, forKey: .stale_documents)
            overdue_actions = try container.decodeIfPresent(Int.self, forKey: .overdue_actions)
            findings = try container.decodeIfPresent(Int.self, forKey: .findings)
        }

        func encode(to encoder: Encoder) throws {
            try figures.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(documents, forKey: .documents)
            try container.encodeIfPresent(published_documents, forKey: .published_documents)
            try container.encodeIfPresent(stale_documents, forKey: .stale_documents)
            try container.encodeIfPresent(overdue_actions, forKey: .overdue_actions)
            try container.encodeIfPresent(findings, forKey: .findings)
        }
    }

    struct Part: Codable, Equatable {
        var id: String
        var title: String
        var summary: Summary
        var domains: [Domain]
    }

    struct Domain: Codable, Equatable {
        var code: String
        var number: Int
        var title: String
        var summary: Summary
    }

    struct Action: Codable, Equatable {
        var title: String
        var owner: String?
        var due: String?
        var status: String
        var overdue: Bool
    }

    struct Norm: Codable, Equatable {
        var id: String
        var title: String
        var title_en: String?
        var title_verified: Bool
        var domain: String
        var part: String
        var status: String
        var level: Int?
        var target: Int?
        var gap: Int?
        var owner: String?
        var reviewed_on: String?
        var next_review: String?
        var not_applicable: String?
        var documents: [String]
        var document_count: Int
        var withheld_count: Int
        var actions: [Action]
        /// Only for a portfolio with `schools:`: the assessment's school ids, empty for board-wide.
        var scope: SchoolIDs? = nil
    }

    struct Approval: Codable, Equatable {
        var kind: String
        var by: String?
        var on: String?
        var sha256: String?
        var current: Bool
    }

    struct Document: Codable, Equatable {
        var id: String
        var title: String
        var norms: [String]
        var classification: String
        var type: String?
        var owner: String?
        var date: String?
        var approved_by: String?
        var approved_on: String?
        var review_by: String?
        var stale: Bool
        var url: String
        var adopted: Bool
        var approvals: [Approval]
        /// Only for a portfolio with `schools:`: the document's school ids, empty for board-wide.
        var scope: SchoolIDs? = nil
    }

    struct Register: Codable, Equatable {
        var register: String
        var title: String
        var norms: [String]
        var classification: String
        var owner: String?
        var review_by: String?
        var stale: Bool
        var url: String
        /// Each entry's `id`, `classification` and `url`, and every field of its register (null
        /// where it has no value): the fields differ by register, so an entry is kept as it is.
        var entries: [[String: JSONValue]]
    }

    struct Finding: Codable, Equatable {
        var code: String
        var concerns: String
        var url: String
        var label: String
        var text: String
        var message: String
        var path: String
        var line: Int
    }
}

/// `export/manifest.json`: what a site publishes, with sizes and SHA-256 hashes, and the hashes
/// of the published documents' sources.
struct Manifest: Codable, Equatable {
    var normfolio_version: String
    var catalog_version: String
    var as_of: String
    var audience: String
    var git_commit: String?
    var files: [File]
    var sources: [Source]

    struct File: Codable, Equatable {
        var path: String
        var size: Int
        var sha256: String
    }

    struct Source: Codable, Equatable {
        var source: String
        var page: String
        var sha256: String
    }
}

/// Reading normfolio's own JSON back: the text must be one of its files, with every field it
/// needs and none it does not know.
enum OwnJSON {
    /// A value of `type` from `data`, or why it is not one (where in the file, and what).
    static func read<Model: Codable>(_ type: Model.Type, from data: Data) -> Result<Model, ReadError> {
        let model: Model
        let tree: JSONValue
        do {
            tree = try JSONDecoder().decode(JSONValue.self, from: data)
            model = try JSONDecoder().decode(type, from: data)
        } catch {
            return .failure(ReadError(problem: JSONValue.describe(error)))
        }
        let unknown = tree.unknownKeys(comparedWith: JSONValue(encoding: model))
        if let first = unknown.first {
            return .failure(
                ReadError(
                    problem: "the field '\(first)' is not one normfolio writes"
                        + (unknown.count > 1 ? " (nor \(unknown.count - 1) more)" : "")))
        }
        return .success(model)
    }

    struct ReadError: Error, Equatable {
        var problem: String
    }
}
