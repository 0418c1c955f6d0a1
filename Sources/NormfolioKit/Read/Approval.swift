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

    /// The records in a document's front matter; a recorded hash is compared with `digest`, the
    /// SHA-256 of the content as it is now.
    static func read(from fields: inout YAMLFields, digest: String) -> [Approval] {
        Kind.allCases.compactMap { kind in
            let prefix = kind.rawValue
            let by = fields.string(prefix + "_by")
            let on = fields.day(prefix + "_on")
            var sha256 = fields.string(prefix + "_sha256")?.lowercased()
            if let value = sha256, value.count != 64 || !value.allSatisfy(\.isHexDigit) {
                fields.report(.invalidValue(prefix + "_sha256", value, expected: "a SHA-256 of 64 hexadecimal digits, as normfolio approve writes it",
                                            at: fields.location(ofValue: prefix + "_sha256")))
                sha256 = nil
            }
            guard let by else { return nil }
            let location = sha256 != nil ? fields.location(ofValue: prefix + "_sha256") : fields.location(ofValue: prefix + "_by")
            return Approval(kind: kind, by: by, on: on, sha256: sha256, location: location, isCurrent: sha256.map { $0 == digest } ?? true)
        }
    }

    /// The SHA-256 of a document's content: its body and every front-matter field except the
    /// approval records, by key and value, so that recording an approval, or writing the same
    /// fields in another order or style, does not change it.
    static func digest(fields: YAMLFields, body: String) -> String {
        var text = ""
        let approvalKeys = Set(keys)
        for entry in fields.entries.sorted(by: { $0.key < $1.key }) where !approvalKeys.contains(entry.key) {
            text += entry.key + "\u{1F}" + canonical(entry.value) + "\u{1E}"
        }
        return Integrity.sha256(Data((text + "\u{1D}" + body).utf8))
    }

    private static func canonical(_ node: FieldNode) -> String {
        switch node.kind {
        case .scalar(let scalar): scalar.string.trimmed
        case .sequence(let items): "[" + items.map(canonical).joined(separator: "\u{1F}") + "]"
        case .mapping(let pairs): "{" + pairs.map { canonical($0.key) + ":" + canonical($0.value) }.joined(separator: "\u{1F}") + "}"
        }
    }

    /// The content digest of a Markdown file's text, as `normfolio approve` records it; nil when
    /// the file has no front matter that can be read.
    public static func digest(ofMarkdown text: String, path: String) -> String? {
        let frontMatter = FrontMatter(splitting: text)
        guard let yaml = frontMatter.yaml, !frontMatter.unclosed else { return nil }
        var ignored: [Diagnostic] = []
        guard let fields = YAMLFields.parse(yaml, path: path, lineOffset: FrontMatter.yamlLineOffset, diagnostics: &ignored) else {
            return nil
        }
        return digest(fields: fields, body: frontMatter.body.text)
    }

    /// `text` with the record of `kind` set: its `_by`, `_on` and `_sha256` lines replaced where
    /// the front matter has them, added before its end where not. Nil when the text has no
    /// front matter.
    public static func recording(_ kind: Kind, by: String, on day: Day, in text: String, path: String) -> String? {
        guard let digest = digest(ofMarkdown: text, path: path) else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        let values = [("_by", EvidenceTemplate.yamlQuoted(by)), ("_on", day.description), ("_sha256", digest)]
        var frontMatter = Array(lines[1..<end])
        for (suffix, value) in values {
            let key = kind.rawValue + suffix
            let line = "\(key): \(value)"
            // The line of the key, or else its commented placeholder (as `normfolio new` writes it).
            if let index = frontMatter.firstIndex(where: { $0.hasPrefix(key + ":") })
                ?? frontMatter.firstIndex(where: { $0.hasPrefix("# " + key + ":") }) {
                frontMatter[index] = line
                // A value continued on indented lines below the key goes with it.
                while index + 1 < frontMatter.count, frontMatter[index + 1].hasPrefix(" ") { frontMatter.remove(at: index + 1) }
            } else {
                frontMatter.append(line)
            }
        }
        lines.replaceSubrange(1..<end, with: frontMatter)
        return lines.joined(separator: "\n")
    }
}
