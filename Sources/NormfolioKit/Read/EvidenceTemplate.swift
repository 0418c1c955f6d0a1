/// The front matter of a new evidence document, as `normfolio new` and `normfolio import` write
/// it: every field filled in or ready to fill in, with a word on what it is for.
public enum EvidenceTemplate {
    /// `source`, when given, names the file the document was imported from.
    public static func frontMatter(title: String, norms: [String], type: String, classification: String, date: Day,
                                   reviewBy: Day, source: String? = nil) -> String {
        """
        ---
        title: \(yamlQuoted(title))
        norms: [\(norms.joined(separator: ", "))]
        type: \(type)
        classification: \(classification)
        owner:                      # who is responsible for this document
        date: \(date)
        # approved_by: College van Bestuur   # who adopted it (adoption counts for level 3)
        # approved_on: \(date)
        review_by: \(reviewBy)
        # attachments: [bestanden/document.pdf]
        \(source.map { "# imported from \($0.escapingControlCharacters) with normfolio import\n" } ?? "")---

        """
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
