/// The diagnostics of `normfolio import`: what a Word or OpenDocument file holds that a reader of
/// the site must not get by accident.
extension Diagnostic {
    private static func counted(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }

    /// A file with tracked changes nobody accepted or rejected: importing it would publish a draft.
    static func trackedChanges(insertions: Int, deletions: Int, formatChanges: Int, odt: Bool, at location: SourceLocation) -> Diagnostic {
        var parts = [counted(insertions, "insertion", "insertions"), counted(deletions, "deletion", "deletions")]
        if formatChanges > 0 { parts.append(counted(formatChanges, "change of formatting", "changes of formatting")) }
        let how = odt
            ? "in LibreOffice: Bewerken > Wijzigingen bijhouden > Beheren > Alles accepteren (Edit > Track Changes > Manage > Accept All)"
            : "in Word: Controleren > Accepteren > Alle wijzigingen accepteren (Review > Accept > Accept All Changes)"
        return Diagnostic(.error, "tracked-changes",
                          "the file has pending tracked changes (\(parts.joined(separator: ", "))), so it is a draft: accept or "
                          + "reject them \(how) and save it, or import it with --accept-changes or --reject-changes", at: location)
    }

    /// Reviewers' comments: not published unless `--keep-comments`; their authors never are.
    static func importComments(_ count: Int, lines: [Int], kept: Bool, at location: SourceLocation) -> Diagnostic {
        let place = lines.isEmpty ? "" : " (at line\(lines.count == 1 ? "" : "s") \(lines.map(String.init).joined(separator: ", ")))"
        let what = kept
            ? "kept as notes\(place), shown only where the document is published, without their authors' names"
            : "left out\(place); read them in the original, or import with --keep-comments to keep them as notes"
        return Diagnostic(.warning, "import-comments", "the file holds \(counted(count, "comment", "comments")): \(what)", at: location)
    }

    /// A title that was template text, or missing: another took its place.
    static func importTitle(used: String, field: String, skipped: [(field: String, text: String)], at location: SourceLocation) -> Diagnostic {
        let reasons = skipped.map { skip in
            skip.text.isEmpty ? "the file has no \(skip.field.replacingOccurrences(of: "the first ", with: ""))"
                : "\(skip.field) is template text ('\(quote(skip.text))')"
        }
        return Diagnostic(.warning, "import-title", "\(reasons.joined(separator: " and ")), so the title is \(field): "
                          + "'\(quote(used))'; change 'title' if it is not the document's title", at: location)
    }
}

extension Diagnostic {
    /// `--reject-changes` on an OpenDocument file: pandoc reads its text with the changes accepted.
    static func trackedChangesNotRejectable(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "tracked-changes",
                   "normfolio can only accept the tracked changes of an OpenDocument file: reject them in LibreOffice "
                   + "(Bewerken > Wijzigingen bijhouden > Beheren > Alles verwerpen; Edit > Track Changes > Manage > Reject All) "
                   + "and save it, or import it with --accept-changes", at: location)
    }
}
