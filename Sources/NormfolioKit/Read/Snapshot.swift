import Foundation

/// The portfolio's state at an earlier reference date: `normfolio snapshot` writes the JSON model
/// of `export/portfolio.json` (everything, as the auditor sees it) to `Snapshots/<as_of>.json`,
/// sealed with the SHA-256 of its text. The build reads every snapshot to show progress, and
/// reports one whose text no longer matches its seal.
public struct Snapshot: Sendable {
    /// A norm as it stood.
    public struct NormState: Sendable, Equatable {
        public var coverage: String
        public var level: Int?
        public var target: Int?
    }

    /// A group's figures (the catalogue, a part or a domain).
    public struct Figures: Sendable, Equatable {
        public var averageLevel: Double?
        public var atTarget: Int
        public var applicable: Int
        public var coveredPercentage: Double?
    }

    public var asOf: Day
    /// Where it was read ("Snapshots/2025-12-01.json").
    public var source: String
    public var norms: [String: NormState] = [:]
    /// Figures by part id, by domain code, and for everything ("").
    public var figures: [String: Figures] = [:]
    /// Document ids (page names), and those past their review date then.
    public var documents: Set<String> = []
    public var staleDocuments: Set<String> = []
    /// Open (not done) actions, as "<norm>|<title>".
    public var openActions: Set<String> = []
    public var doneActions: Set<String> = []

    /// The folder snapshots are kept in, at the portfolio's root.
    public static let folder = "Snapshots"

    // MARK: Sealing

    /// The text of a snapshot file: the model's JSON with its seal, the SHA-256 of that JSON, as
    /// the member `seal` (the only line a reader takes out before checking).
    static func sealed(_ model: JSONValue) -> String {
        guard case .object(var members) = model else { return model.text }
        let text = model.text
        members["seal"] = .string(Integrity.sha256(Data(text.utf8)))
        return JSONValue.object(members).text
    }

    /// Whether a snapshot's text is the text that was sealed: nil when it has no seal (an
    /// export from a site serves as well, unsealed).
    static func sealHolds(_ text: String) -> Bool? {
        guard let start = text.range(of: "\n  \"seal\": \""), let end = text[start.upperBound...].range(of: "\",\n") else { return nil }
        let seal = String(text[start.upperBound..<end.lowerBound])
        let unsealed = String(text[..<start.lowerBound]) + "\n" + String(text[end.upperBound...])
        return Integrity.sha256(Data(unsealed.utf8)) == seal
    }

    // MARK: Reading

    /// A snapshot from the text of a `portfolio.json` (any schema version from 1): nil, with a
    /// located error, when it is not one.
    static func read(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> Snapshot? {
        let place = SourceLocation(path: path, line: 1, column: 1)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              object["schema_version"] is Int, let asOfText = object["as_of"] as? String, let asOf = Day(asOfText)
        else {
            diagnostics.append(.invalidSnapshot("it is not a portfolio.json of normfolio (schema_version, as_of)", at: place))
            return nil
        }
        if sealHolds(text) == false { diagnostics.append(.snapshotEdited(at: place)) }
        var snapshot = Snapshot(asOf: asOf, source: path)
        for norm in object["norms"] as? [[String: Any]] ?? [] {
            guard let id = norm["id"] as? String else { continue }
            snapshot.norms[id] = NormState(coverage: norm["status"] as? String ?? "missing", level: norm["level"] as? Int,
                                           target: norm["target"] as? Int)
            for action in norm["actions"] as? [[String: Any]] ?? [] {
                guard let title = action["title"] as? String else { continue }
                if action["status"] as? String == "gereed" { snapshot.doneActions.insert(id + "|" + title) }
                else { snapshot.openActions.insert(id + "|" + title) }
            }
        }
        func figures(_ value: Any?) -> Figures? {
            guard let summary = value as? [String: Any] else { return nil }
            return Figures(averageLevel: (summary["average_level"] as? NSNumber)?.doubleValue, atTarget: summary["at_target"] as? Int ?? 0,
                           applicable: summary["applicable"] as? Int ?? 0,
                           coveredPercentage: (summary["covered_percentage"] as? NSNumber)?.doubleValue)
        }
        snapshot.figures[""] = figures(object["summary"])
        for part in object["parts"] as? [[String: Any]] ?? [] {
            if let id = part["id"] as? String { snapshot.figures[id] = figures(part["summary"]) }
            for domain in part["domains"] as? [[String: Any]] ?? [] {
                if let code = domain["code"] as? String { snapshot.figures[code] = figures(domain["summary"]) }
            }
        }
        for document in object["documents"] as? [[String: Any]] ?? [] {
            guard let id = document["id"] as? String else { continue }
            snapshot.documents.insert(id)
            if document["stale"] as? Bool == true { snapshot.staleDocuments.insert(id) }
        }
        return snapshot
    }
}
