import Foundation

/// What `import` decides about a file's state before and after converting it: a draft is refused
/// unless the importer decided its changes, and what was decided is written in the front matter.
extension OfficeImport {
    /// Refuses a file with pending tracked changes the importer did not decide.
    static func refuseDraft(_ office: OfficeFile, file: URL, choice: TrackedChangesChoice?) throws {
        let review = office.review
        guard review.hasPendingChanges else { return }
        let location = SourceLocation(path: file.path)
        guard let choice else {
            let diagnostic = Diagnostic.trackedChanges(
                insertions: review.insertions, deletions: review.deletions,
                formatChanges: review.formatChanges, odt: office.kind == .odt, at: location)
            throw Failure(description: diagnostic.message, diagnostic: diagnostic)
        }
        // pandoc reads an OpenDocument file's text as if its changes were accepted; it cannot undo them.
        if office.kind == .odt, choice == .reject {
            let diagnostic = Diagnostic.trackedChangesNotRejectable(at: location)
            throw Failure(description: diagnostic.message, diagnostic: diagnostic)
        }
    }

    /// The comments kept as footnotes, `[^opmerking-1]: …`, after the text.
    static func commentNotes(_ comments: [[Any]]) -> String {
        guard !comments.isEmpty else { return "" }
        return "\n"
            + comments.enumerated().map { index, inlines in
                "[^opmerking-\(index + 1)]: Opmerking: " + markdownEscaped(PandocText.plain(inlines)) + "\n"
            }.joined()
    }

    /// Text as Markdown that shows it literally.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|~!".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The front matter of an imported document: `EvidenceTemplate`'s, with the document's own
    /// date, the original as an attachment, and comments that say what import decided.
    static func frontMatter(title: String, options: Options, date: Day, source: String, report: Report) -> String {
        var text = EvidenceTemplate.frontMatter(
            title: title, norms: options.norms, type: options.type,
            classification: options.classification, date: date,
            reviewBy: date.adding(years: 1), source: source)
        var notes: [String] = []
        if let property = report.dateProperty {
            notes.append("# date: from the file's properties (\(property))")
        } else {
            notes.append("# date: the file's properties give none, so the day of the import")
        }
        if let changes = report.changes {
            let decided = changes.choice == .accept ? "accepted (--accept-changes)" : "rejected (--reject-changes)"
            notes.append("# tracked changes: \(changes.count) pending in the file, \(decided)")
        }
        if let original = report.original {
            text = text.replacingOccurrences(of: "# attachments: [bestanden/document.pdf]\n", with: "attachments: [\(original.path)]\n")
            notes.append("# original: \(original.path), SHA-256 \(original.sha256)")
        }
        if let close = text.range(of: "---\n", options: .backwards) {
            text.insert(contentsOf: notes.map { $0 + "\n" }.joined(), at: close.lowerBound)
        }
        return text
    }
}
