import NormfolioKit

/// What `import` prints about each document besides its name: images, notes, where its date came
/// from, the adoption it found, the original it kept; and, after a run, where the documents appear.
/// In the terminal's language (`Output.text`); the notes themselves are English (from the converter).
enum ImportSummary {
    static func lines(of report: OfficeImport.Report, portfolio: String) -> [String] {
        let t = Output.text
        var lines = report.images.map { t("image: ", "afbeelding: ") + $0 } + report.notes.map { t("note: ", "opmerking: ") + $0 }
        if let date = report.date, let property = report.dateProperty {
            lines.append(
                t(
                    "date: \(date), from the file's properties (\(property))",
                    "datum: \(date), uit de eigenschappen van het bestand (\(property))"))
        }
        if let changes = report.changes {
            lines.append(
                t(
                    "tracked changes: \(changes.count) \(changes.choice == .accept ? "accepted" : "rejected"), as you chose",
                    "bijgehouden wijzigingen: \(changes.count) \(changes.choice == .accept ? "geaccepteerd" : "geweigerd"), "
                        + "zoals je koos"))
        }
        if let original = report.original {
            lines.append(t("original: ", "origineel: ") + "\(original.path) (SHA-256 \(original.sha256))")
        }
        if let adoption = report.adoption {
            let path = portfolio == "." ? report.document : (portfolio.hasSuffix("/") ? portfolio : portfolio + "/") + report.document
            lines.append(
                t(
                    "adoption: the text says \"\(adoption.sentence)\"; if the board adopted this text, record it with:",
                    "vaststelling: de tekst zegt \"\(adoption.sentence)\"; als het bestuur deze tekst heeft vastgesteld, "
                        + "leg dat vast met:"))
            lines.append("  normfolio approve \(shellQuoted(path)) --by \(shellQuoted(adoption.by)) --on \(adoption.on)")
        }
        return lines
    }

    /// Which editions will show documents of this classification, and how to change that.
    static func editions(classification: String, count: Int) -> String {
        let shown = OfficeImport.editions(publishing: classification).map(\.rawValue)
        let hidden = Audience.allCases.map(\.rawValue).filter { !shown.contains($0) }
        if Output.language == .nl { return editionsNL(classification: classification, count: count, shown: shown, hidden: hidden) }
        let subject = count == 1 ? "The document is" : "The \(count) documents are"
        var text = "\(subject) \(classification): published in the \(list(shown)) edition\(shown.count == 1 ? "" : "s")"
        if !hidden.isEmpty {
            text += ", not in the \(list(hidden)) edition\(hidden.count == 1 ? "" : "s")"
        }
        if hidden.contains(Audience.intranet.rawValue) {
            text +=
                ". To publish \(count == 1 ? "it" : "them") on the intranet, set 'classification: intern' in the front matter "
                + "(or import with --classification intern)"
        } else {
            text += ". To keep \(count == 1 ? "it" : "them") off the intranet, set 'classification: vertrouwelijk' in the front matter"
        }
        return text + "."
    }

    private static func editionsNL(classification: String, count: Int, shown: [String], hidden: [String]) -> String {
        let subject = count == 1 ? "Het document is" : "De \(count) documenten zijn"
        var text = "\(subject) \(classification): gepubliceerd in \(shown.count == 1 ? "de editie" : "de edities") \(list(shown, and: "en"))"
        if !hidden.isEmpty {
            text += ", niet in \(hidden.count == 1 ? "de editie" : "de edities") \(list(hidden, and: "en"))"
        }
        if hidden.contains(Audience.intranet.rawValue) {
            text +=
                ". Om \(count == 1 ? "het" : "ze") op het intranet te publiceren, zet je 'classification: intern' in de front matter "
                + "(of importeer je met --classification intern)"
        } else {
            text += ". Om \(count == 1 ? "het" : "ze") van het intranet te houden, zet je 'classification: vertrouwelijk' in de front matter"
        }
        return text + "."
    }

    private static func list(_ names: [String], and: String = "and") -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " \(and) " + names.last!
    }

    /// A word as a shell reads it back: in single quotes unless it is plain.
    static func shellQuoted(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./:".contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
