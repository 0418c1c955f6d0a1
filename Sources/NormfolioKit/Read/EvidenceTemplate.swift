/// The front matter of a new evidence document, as `normfolio new` and `normfolio import` write
/// it: every field filled in or ready to fill in, with a word on what it is for.
public enum EvidenceTemplate {
    /// `source`, when given, names the file the document was imported from. The comments are in
    /// `language` (the terminal's, as `new` writes it).
    public static func frontMatter(
        title: String, norms: [String], type: String, classification: String, date: Day,
        reviewBy: Day, source: String? = nil, language: Language = .en
    ) -> String {
        let dutch = language == .nl
        let owner = dutch ? "wie verantwoordelijk is voor dit document" : "who is responsible for this document"
        let adopted = dutch ? "wie het vaststelde (vaststelling telt voor niveau 3)" : "who adopted it (adoption counts for level 3)"
        let imported =
            source.map {
                dutch
                    ? "# geïmporteerd uit \($0.escapingControlCharacters) met normfolio import\n"
                    : "# imported from \($0.escapingControlCharacters) with normfolio import\n"
            } ?? ""
        return """
            ---
            title: \(yamlQuoted(title))
            norms: [\(norms.joined(separator: ", "))]
            type: \(type)
            classification: \(classification)
            owner:                      # \(owner)
            date: \(date)
            # approved_by: College van Bestuur   # \(adopted)
            # approved_on: \(date)
            review_by: \(reviewBy)
            # attachments: [bestanden/document.pdf]
            \(imported)---

            """
    }

    /// The example sentences `normfolio init` and `new` write in a body for the author to replace.
    /// A body that still holds one is a placeholder (a finding; `normfolio approve` refuses it).
    public static let exampleSentences = [
        newDocumentExample,
        "Beschrijf hier het doel en de reikwijdte van het beleid.",
        "Beschrijf hier hoe een (vermoedelijk) datalek wordt gemeld, beoordeeld en afgehandeld.",
        "Beschrijf hier waarom dit niveau is beoordeeld en wat er nog moet gebeuren.",
    ]

    /// The example text of a new document's body.
    public static let newDocumentExample = "Beschrijf hier het bewijs."

    /// The body `normfolio new` writes: the title as a heading and the example text.
    public static func body(title: String, norm: String?) -> String {
        "# \(title)\n\n\(newDocumentExample) Verwijs naar normen met hun ID\(norm.map { ", zoals \($0)" } ?? "").\n"
    }

    /// A YAML double-quoted scalar: any title is read back exactly as it was given.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                quoted += String(format: "\\x%02X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
