import NormfolioKit

/// What `import` prints about each document besides its name: images, notes, where its date came
/// from, the adoption it found, the original it kept; and, after a run, where the documents appear.
enum ImportSummary {
    static func lines(of report: OfficeImport.Report, portfolio: String) -> [String] {
        var lines = report.images.map { "image: \($0)" } + report.notes.map { "note: \($0)" }
        if let date = report.date, let property = report.dateProperty {
            lines.append("date: \(date), from the file's properties (\(property))")
        }
        if let changes = report.changes {
            lines.append("tracked changes: \(changes.count) \(changes.choice == .accept ? "accepted" : "rejected"), as you chose")
        }
        if let original = report.original {
            lines.append("original: \(original.path) (SHA-256 \(original.sha256))")
        }
        if let adoption = report.adoption {
            let path = portfolio == "." ? report.document : (portfolio.hasSuffix("/") ? portfolio : portfolio + "/") + report.document
            lines.append("adoption: the text says \"\(adoption.sentence)\"; if the board adopted this text, record it with:")
            lines.append("  normfolio approve \(shellQuoted(path)) --by \(shellQuoted(adoption.by)) --on \(adoption.on)")
        }
        return lines
    }

    /// Which editions will show documents of this classification, and how to change that.
    static func editions(classification: String, count: Int) -> String {
        let shown = OfficeImport.editions(publishing: classification).map(\.rawValue)
        let hidden = Audience.allCases.map(\.rawValue).filter { !shown.contains($0) }
        let subject = count == 1 ? "The document is" : "The \(count) documents are"
        var text = "\(subject) \(classification): published in the \(list(shown)) edition\(shown.count == 1 ? "" : "s")"
        if !hidden.isEmpty {
            text += ", not in the \(list(hidden)) edition\(hidden.count == 1 ? "" : "s")"
        }
        if hidden.contains(Audience.intranet.rawValue) {
            text += ". To publish \(count == 1 ? "it" : "them") on the intranet, set 'classification: intern' in the front matter "
                + "(or import with --classification intern)"
        } else {
            text += ". To keep \(count == 1 ? "it" : "them") off the intranet, set 'classification: vertrouwelijk' in the front matter"
        }
        return text + "."
    }

    private static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// A word as a shell reads it back: in single quotes unless it is plain.
    static func shellQuoted(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./:".contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
