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

    /// How a snapshot is protected, as the build found it.
    public enum Protection: Sendable, Equatable {
        /// Signed with the board's key (`snapshot_key` in normfolio.yml), and the signature holds:
        /// only the holder of the private key can have written it.
        case signed(keyID: String)
        /// Sealed with a checksum that holds: it shows accidental edits only, since anyone can
        /// compute a checksum again.
        case sealed
        /// Without a seal (an export from a site), or with one that no longer holds: its figures
        /// are shown as they are.
        case unchecked
    }

    /// How this snapshot is protected.
    public var protection = Protection.unchecked

    /// The folder snapshots are kept in, at the portfolio's root.
    public static let folder = "Snapshots"

    // MARK: Sealing

    /// The members a seal adds to the model, each on a line of its own.
    static let sealMembers = ["seal", "signature", "signature_key"]

    /// The text of a snapshot file: the model's JSON with its seal, the SHA-256 of that JSON, as the
    /// member `seal`; with `key`, also its Ed25519 signature of that JSON (`signature`, base64) and
    /// the key's ID (`signature_key`). These are the only lines a reader takes out before checking.
    static func sealed(_ model: ExportModel, key: SigningKey? = nil) -> String {
        let json = JSONValue(encoding: model)
        guard case .object(var members) = json else { return json.text }
        let text = json.text
        members["seal"] = .string(Integrity.sha256(Data(text.utf8)))
        if let key, let signature = try? key.signature(for: Data(text.utf8)) {
            members["signature"] = .string(signature.base64EncodedString())
            members["signature_key"] = .string(key.publicKey.id)
        }
        return JSONValue.object(members).text
    }

    /// A snapshot's text taken apart: the text that was sealed (without the seal's lines) and the
    /// seal's members found.
    struct Seal {
        var content: String
        var members: [String: String] = [:]

        init(_ text: String) {
            var content = text
            for name in Snapshot.sealMembers {
                guard let start = content.range(of: "\n  \"\(name)\": \""),
                    let end = content[start.upperBound...].range(of: "\",\n")
                else { continue }
                members[name] = String(content[start.upperBound..<end.lowerBound])
                content = String(content[..<start.lowerBound]) + "\n" + String(content[end.upperBound...])
            }
            self.content = content
        }

        /// Whether the checksum holds: nil when there is none.
        var checksumHolds: Bool? { members["seal"].map { Integrity.sha256(Data(content.utf8)) == $0 } }

        /// Whether the signature holds for `key`: nil when there is none.
        func signatureHolds(for key: VerifyingKey) -> Bool? {
            members["signature"].map { signature in
                Data(base64Encoded: signature).map { key.isValid($0, for: Data(content.utf8)) } ?? false
            }
        }
    }

    /// Whether a snapshot's checksum holds: nil when it has none (an export from a site).
    static func sealHolds(_ text: String) -> Bool? { Seal(text).checksumHolds }

    /// A snapshot with the board's signature added (`normfolio snapshot --sign-existing`): the
    /// signature of the text that was sealed, on lines after its seal. Nil when the checksum does
    /// not hold (the text is no longer the one normfolio wrote, so the board cannot vouch for it)
    /// or it is signed already.
    public static func signing(_ text: String, with key: SigningKey) -> String? {
        let seal = Seal(text)
        guard seal.checksumHolds == true, seal.members["signature"] == nil, let digest = seal.members["seal"],
            let signature = try? key.signature(for: Data(seal.content.utf8)),
            let line = text.range(of: "\n  \"seal\": \"\(digest)\",\n")
        else { return nil }
        let lines = "  \"signature\": \"\(signature.base64EncodedString())\",\n  \"signature_key\": \"\(key.publicKey.id)\",\n"
        return String(text[..<line.upperBound]) + lines + String(text[line.upperBound...])
    }

    // MARK: Reading

    /// A snapshot from the text of a `portfolio.json` (any schema version from 1): nil, with a
    /// located error, when it is not one. With `key` (the board's, `snapshot_key`), only a
    /// snapshot signed with it is used; without, the checksum shows accidental edits.
    static func read(_ text: String, path: String, key: VerifyingKey? = nil, diagnostics: inout [Diagnostic]) -> Snapshot? {
        let place = SourceLocation(path: path, line: 1, column: 1)
        let seal = Seal(text)
        let model: ExportModel
        switch OwnJSON.read(ExportModel.self, from: Data(seal.content.utf8)) {
        case .success(let read): model = read
        case .failure(let error):
            diagnostics.append(
                .invalidSnapshot(
                    "it is not a portfolio.json of normfolio: \(error.problem)",
                    nl: "het is geen portfolio.json van normfolio: \(error.problem)", at: place))
            return nil
        }
        guard let asOf = Day(model.as_of) else {
            diagnostics.append(.invalidSnapshot("its as_of is not a date (YYYY-MM-DD)", nl: "as_of is geen datum (JJJJ-MM-DD)", at: place))
            return nil
        }
        var snapshot = Snapshot(asOf: asOf, source: path)
        if let key {
            switch seal.signatureHolds(for: key) {
            case true?: snapshot.protection = .signed(keyID: key.id)
            case false?:
                diagnostics.append(.snapshotSignatureFails(key: key.id, signedWith: seal.members["signature_key"], at: place))
                return nil
            case nil:
                diagnostics.append(.snapshotUnsigned(key: key.id, at: place))
                return nil
            }
        } else {
            switch seal.checksumHolds {
            case true?: snapshot.protection = .sealed
            case false?: diagnostics.append(.snapshotEdited(at: place))
            case nil: diagnostics.append(.snapshotUnsealed(at: place))
            }
        }
        for norm in model.norms {
            snapshot.norms[norm.id] = NormState(coverage: norm.status, level: norm.level, target: norm.target)
            for action in norm.actions {
                if action.status == Action.Status.gereed.rawValue {
                    snapshot.doneActions.insert(norm.id + "|" + action.title)
                } else {
                    snapshot.openActions.insert(norm.id + "|" + action.title)
                }
            }
        }
        func figures(_ summary: ExportModel.Summary) -> Figures {
            Figures(
                averageLevel: summary.average_level, atTarget: summary.at_target, applicable: summary.applicable,
                coveredPercentage: summary.covered_percentage)
        }
        snapshot.figures[""] = figures(model.summary.figures)
        for part in model.parts {
            snapshot.figures[part.id] = figures(part.summary)
            for domain in part.domains { snapshot.figures[domain.code] = figures(domain.summary) }
        }
        for document in model.documents {
            snapshot.documents.insert(document.id)
            if document.stale { snapshot.staleDocuments.insert(document.id) }
        }
        return snapshot
    }
}
