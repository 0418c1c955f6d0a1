import Foundation

/// Who approved a document's text, when, and which text: the board's adoption (`approved_by`,
/// `approved_on`, `approved_sha256`), the (G)MR's consent (`consent_*`) and the FG's advice
/// (`advice_*`). `normfolio approve` records the SHA-256 of the document's content; when the
/// content changes after that, the approval no longer holds.
public struct Approval: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Adopted by the board (vastgesteld).
        case approved
        /// Consent of the (G)MR (instemming).
        case consent
        /// Advice of the FG (advies).
        case advice
    }

    public var kind: Kind
    public var by: String
    public var on: Day?
    /// The SHA-256 of the content it approved, when recorded (`normfolio approve`).
    public var sha256: String?
    /// Where the record's hash (or, without one, its `_by`) is written.
    public var location: SourceLocation
    /// Whether the content is still the one approved: false only when a recorded hash differs.
    public var isCurrent: Bool

    /// The front-matter keys of every kind.
    static let keys = Kind.allCases.flatMap { ["\($0.rawValue)_by", "\($0.rawValue)_on", "\($0.rawValue)_sha256"] }

    /// The records in a document's front matter, taken as current until the link stage compares
    /// them with the document's digest (`checked(against:)`), which covers its attachments too.
    static func read(from fields: inout YAMLFields) -> [Approval] {
        Kind.allCases.compactMap { kind in
            let prefix = kind.rawValue
            let by = fields.string(prefix + "_by")
            let on = fields.day(prefix + "_on")
            var sha256 = fields.string(prefix + "_sha256")?.lowercased()
            if let value = sha256, value.count != 64 || !value.allSatisfy(\.isHexDigit) {
                fields.report(
                    .invalidValue(
                        prefix + "_sha256", value, expected: "a SHA-256 of 64 hexadecimal digits, as normfolio approve writes it",
                        nl: "SHA-256 van 64 hexadecimale cijfers, zoals normfolio approve die schrijft",
                        at: fields.location(ofValue: prefix + "_sha256")))
                sha256 = nil
            }
            guard let by else { return nil }
            let location = sha256 != nil ? fields.location(ofValue: prefix + "_sha256") : fields.location(ofValue: prefix + "_by")
            return Approval(kind: kind, by: by, on: on, sha256: sha256, location: location, isCurrent: true)
        }
    }

    /// This record compared with `digest`, the document's digest as it is now: current when it
    /// recorded none (written by hand) or the same one.
    func checked(against digest: String?) -> Approval {
        var approval = self
        approval.isCurrent = sha256.map { $0 == digest } ?? true
        return approval
    }

    // MARK: The digest

    /// The SHA-256 of the text of a document: its body and every front-matter field except the
    /// approval records, by key and value, so that recording an approval, or writing the same
    /// fields in another order, quoting or indentation, does not change it. The encoding is
    /// length-prefixed (`ApprovalEncoding`): no value can end early or begin late, so no text can
    /// move from one field into another or into the body and leave the digest as it was.
    static func textDigest(fields: YAMLFields, body: String) -> String {
        var encoding = ApprovalEncoding(tag: "normfolio-approval-text-2")
        let approvalKeys = Set(keys)
        let entries = fields.entries.filter { !approvalKeys.contains($0.key) }.sorted { $0.key < $1.key }
        encoding.count(entries.count)
        for entry in entries {
            encoding.string(entry.key)
            encoding.node(entry.value)
        }
        encoding.string(body)
        return Integrity.sha256(encoding.data)
    }

    /// The digest an approval records: the text's digest (`textDigest`) and, for every attachment
    /// and image the document uses (its `attachments` and the files its links and images lead
    /// to), its path under Content/ and the SHA-256 of its bytes, in the order of the paths. So a
    /// swapped attachment breaks the approval as an edited text does.
    static func digest(text: String, attachments: [(path: String, sha256: String)]) -> String {
        var encoding = ApprovalEncoding(tag: "normfolio-approval-2")
        encoding.string(text)
        let sorted = attachments.sorted { $0.path < $1.path }
        encoding.count(sorted.count)
        for attachment in sorted {
            encoding.string(attachment.path)
            encoding.string(attachment.sha256)
        }
        return Integrity.sha256(encoding.data)
    }

    /// Why an approval could not be recorded.
    public enum RecordingError: Error, CustomStringConvertible {
        /// The file is no evidence document of the portfolio (a norm's assessment, a free page,
        /// or a file whose front matter cannot be read), with the problems found in it.
        case notADocument([Diagnostic])
        /// The document has errors: its digest would not cover what they concern.
        case errors([Diagnostic])
        /// The file changed while the approval was recorded.
        case changed
        /// The front matter is written so that the record's lines cannot be set without changing
        /// another field (a value over several lines where a record's line would go).
        case cannotPlace

        public var description: String {
            switch self {
            case .notADocument: "is not an evidence document with front matter that can be read"
            case .errors(let found):
                "has \(found.count) \(found.count == 1 ? "error; fix it" : "errors; fix them") before recording an approval"
            case .changed: "changed while the approval was recorded; run the command again"
            case .cannotPlace:
                "has front matter where the record's lines cannot be set without changing another field; "
                    + "put each approval field on a line of its own and run the command again"
            }
        }

        /// The description in Dutch, for the terminal of a Dutch portfolio.
        public var descriptionNL: String {
            switch self {
            case .notADocument: "is geen bewijsstuk met front matter die gelezen kan worden"
            case .errors(let found):
                "heeft \(found.count) \(found.count == 1 ? "fout; herstel die" : "fouten; herstel die") voordat je een besluit vastlegt"
            case .changed: "is veranderd terwijl het besluit werd vastgelegd; geef de opdracht opnieuw"
            case .cannotPlace:
                "heeft front matter waarin de regels van het besluit niet gezet kunnen worden zonder een ander veld te veranderen; "
                    + "zet elk veld van een besluit op een eigen regel en geef de opdracht opnieuw"
            }
        }
    }

    /// The file of the document `source` (a path such as `Content/beleid/ib-beleid.md`) with the
    /// record of `kind` set to the document's digest as `checked` (a `Normfolio.check` of the
    /// portfolio) found it. The file is read as `check` reads it: with or without a byte-order
    /// mark, with LF, CRLF or CR line ends, which are kept. The record's `_by`, `_on` and `_sha256`
    /// lines replace those the front matter has, or are added before its end.
    public static func recording(
        _ kind: Kind, by: String, on day: Day, in data: Data, source: String,
        checked: BuildResult
    ) throws(RecordingError) -> (data: Data, digest: String) {
        let problems = checked.diagnostics.filter { $0.location.path == source }
        guard let document = checked.portfolio?.documents.first(where: { $0.source == source }) else {
            throw .notADocument(problems)
        }
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty, let digest = document.contentDigest else { throw .errors(errors) }
        var ignored: [Diagnostic] = []
        guard let text = ContentReader.decodeText(data, path: source, diagnostics: &ignored) else { throw .notADocument(problems) }
        guard textDigest(ofMarkdown: text, path: source) == document.textDigest else { throw .changed }
        guard let updated = recording(kind, by: by, on: day, digest: digest, in: text) else { throw .cannotPlace }
        // The file's own line ends and byte-order mark are kept.
        let raw = String(decoding: data, as: UTF8.self)
        let lineEnd = raw.contains("\r\n") ? "\r\n" : raw.contains("\r") ? "\r" : "\n"
        let bom: [UInt8] = data.starts(with: [0xEF, 0xBB, 0xBF]) ? [0xEF, 0xBB, 0xBF] : []
        let written = lineEnd == "\n" ? updated : updated.replacingOccurrences(of: "\n", with: lineEnd)
        return (Data(bom) + Data(written.utf8), digest)
    }

    /// The digest of the text of a Markdown file as `check` decoded it; nil when it has no front
    /// matter that can be read.
    static func textDigest(ofMarkdown text: String, path: String) -> String? {
        let frontMatter = FrontMatter(splitting: text)
        guard let yaml = frontMatter.yaml, !frontMatter.unclosed else { return nil }
        var ignored: [Diagnostic] = []
        guard let fields = YAMLFields.parse(yaml, path: path, lineOffset: FrontMatter.yamlLineOffset, diagnostics: &ignored) else {
            return nil
        }
        return textDigest(fields: fields, body: frontMatter.body.text)
    }

    /// `text` (with LF line ends) with the record of `kind` set: its `_by`, `_on` and `_sha256`
    /// lines replaced where the front matter has them, added before its end where not. Nil when
    /// the text has no front matter, or when the edit would change anything but the approval
    /// records (the digest of the text), so that recording never changes what was approved.
    static func recording(_ kind: Kind, by: String, on day: Day, digest: String, in text: String) -> String? {
        guard let original = textDigest(ofMarkdown: text, path: "") else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        let values = [("_by", EvidenceTemplate.yamlQuoted(by)), ("_on", day.description), ("_sha256", digest)]
        var frontMatter = Array(lines[1..<end])
        /// Whether `line` is the field `key` at the top of the front matter: the key, a colon, and
        /// then a space, a tab or nothing (`advice_by:x: y` is another key).
        func isField(_ line: String, _ key: String) -> Bool {
            guard line.hasPrefix(key + ":") else { return false }
            let rest = line.dropFirst(key.count + 1)
            return rest.isEmpty || rest.first == " " || rest.first == "\t"
        }
        for (suffix, value) in values {
            let key = kind.rawValue + suffix
            let line = "\(key): \(value)"
            // The line of the key, or else its commented placeholder (as `normfolio new` writes it).
            if let index = frontMatter.firstIndex(where: { isField($0, key) }) ?? frontMatter.firstIndex(where: { isField($0, "# " + key) }) {
                frontMatter[index] = line
                // A value continued on indented lines below the key goes with it.
                while index + 1 < frontMatter.count, frontMatter[index + 1].hasPrefix(" ") { frontMatter.remove(at: index + 1) }
            } else {
                frontMatter.append(line)
            }
        }
        lines.replaceSubrange(1..<end, with: frontMatter)
        let updated = lines.joined(separator: "\n")
        return textDigest(ofMarkdown: updated, path: "") == original ? updated : nil
    }
}

/// The bytes an approval digest is taken over: a tag naming the encoding, then values each
/// written with its length (or count) in front, `<length>:<bytes>`. Reading such bytes back has
/// one answer only, so two different contents never share an encoding, whatever their values
/// hold (separators, colons, digits, line breaks).
struct ApprovalEncoding {
    private(set) var data = Data()

    init(tag: String) { string(tag) }

    /// A text: its length in UTF-8 bytes, then the bytes.
    mutating func string(_ text: String) {
        data.append(contentsOf: "\(text.utf8.count):".utf8)
        data.append(contentsOf: text.utf8)
    }

    /// How many items follow.
    mutating func count(_ count: Int) { data.append(contentsOf: "\(count)#".utf8) }

    /// A front-matter value by its kind: a text (`s`, trimmed, as the reader takes it; `z` for a
    /// plain null), a list (`l`, its count and items) or a mapping (`m`, its count and pairs).
    mutating func node(_ node: FieldNode) {
        switch node.kind {
        case .scalar(let scalar):
            if YAMLFields.isNull(scalar) {
                data.append(UInt8(ascii: "z"))
            } else {
                data.append(UInt8(ascii: "s"))
                string(scalar.string.trimmed)
            }
        case .sequence(let items):
            data.append(UInt8(ascii: "l"))
            count(items.count)
            for item in items { self.node(item) }
        case .mapping(let pairs):
            data.append(UInt8(ascii: "m"))
            count(pairs.count)
            for pair in pairs {
                self.node(pair.key)
                self.node(pair.value)
            }
        }
    }
}
