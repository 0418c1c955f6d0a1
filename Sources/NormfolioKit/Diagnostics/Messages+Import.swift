/// The diagnostics of `normfolio import`: what a Word or OpenDocument file holds that a reader of
/// the site must not get by accident.
extension Diagnostic {
    private static func counted(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }

    /// A file with tracked changes nobody accepted or rejected: importing it would publish a draft.
    static func trackedChanges(insertions: Int, deletions: Int, formatChanges: Int, odt: Bool, at location: SourceLocation) -> Diagnostic {
        var parts = [counted(insertions, "insertion", "insertions"), counted(deletions, "deletion", "deletions")]
        var partsNL = [counted(insertions, "invoeging", "invoegingen"), counted(deletions, "verwijdering", "verwijderingen")]
        if formatChanges > 0 {
            parts.append(counted(formatChanges, "change of formatting", "changes of formatting"))
            partsNL.append(counted(formatChanges, "opmaakwijziging", "opmaakwijzigingen"))
        }
        let how =
            odt
            ? "in LibreOffice: Bewerken > Wijzigingen bijhouden > Beheren > Alles accepteren (Edit > Track Changes > Manage > Accept All)"
            : "in Word: Controleren > Accepteren > Alle wijzigingen accepteren (Review > Accept > Accept All Changes)"
        let howNL =
            odt
            ? "in LibreOffice: Bewerken > Wijzigingen bijhouden > Beheren > Alles accepteren"
            : "in Word: Controleren > Accepteren > Alle wijzigingen accepteren"
        return Diagnostic(
            .error, "tracked-changes",
            en: "the file has pending tracked changes (\(parts.joined(separator: ", "))), so it is a draft: accept or "
                + "reject them \(how) and save it, or import it with --accept-changes or --reject-changes",
            nl: "het bestand heeft nog bijgehouden wijzigingen (\(partsNL.joined(separator: ", "))), dus het is een "
                + "concept: accepteer of weiger ze \(howNL) en sla het op, of importeer het met --accept-changes of "
                + "--reject-changes", at: location)
    }

    /// Reviewers' comments: not published unless `--keep-comments`; their authors never are.
    static func importComments(_ count: Int, lines: [Int], kept: Bool, at location: SourceLocation) -> Diagnostic {
        let numbers = lines.map(String.init).joined(separator: ", ")
        let place = lines.isEmpty ? "" : " (at line\(lines.count == 1 ? "" : "s") \(numbers))"
        let placeNL = lines.isEmpty ? "" : " (op regel\(lines.count == 1 ? "" : "s") \(numbers))"
        let what =
            kept
            ? "kept as notes\(place), shown only where the document is published, without their authors' names"
            : "left out\(place); read them in the original, or import with --keep-comments to keep them as notes"
        let whatNL =
            kept
            ? "bewaard als notities\(placeNL), alleen getoond waar het document gepubliceerd wordt, zonder de namen van de schrijvers"
            : "weggelaten\(placeNL); lees ze in het origineel, of importeer met --keep-comments om ze als notities te bewaren"
        return Diagnostic(
            .warning, "import-comments", en: "the file holds \(counted(count, "comment", "comments")): \(what)",
            nl: "het bestand bevat \(counted(count, "opmerking", "opmerkingen")): \(whatNL)", at: location)
    }

    /// Where a title was found (`ImportedTitle.Field`'s English names), in Dutch.
    private static let titleFieldsNL = [
        "the title in the file's properties": "de titel in de eigenschappen van het bestand",
        "the paragraph styled as title": "de alinea met de stijl Titel",
        "the first heading": "de eerste kop",
        "the file name": "de bestandsnaam",
    ]

    /// A title that was template text, or missing: another took its place.
    static func importTitle(used: String, field: String, skipped: [(field: String, text: String)], at location: SourceLocation) -> Diagnostic {
        let reasons = skipped.map { skip in
            skip.text.isEmpty
                ? "the file has no \(skip.field.replacingOccurrences(of: "the first ", with: ""))"
                : "\(skip.field) is template text ('\(quote(skip.text))')"
        }
        let reasonsNL = skipped.map { skip in
            let fieldNL = titleFieldsNL[skip.field] ?? skip.field
            return skip.text.isEmpty
                ? "het bestand heeft geen \(fieldNL.replacingOccurrences(of: "de eerste ", with: ""))"
                : "\(fieldNL) is sjabloontekst ('\(quote(skip.text))')"
        }
        return Diagnostic(
            .warning, "import-title",
            en: "\(reasons.joined(separator: " and ")), so the title is \(field): "
                + "'\(quote(used))'; change 'title' if it is not the document's title",
            nl: "\(reasonsNL.joined(separator: " en ")), dus de titel is \(titleFieldsNL[field] ?? field): "
                + "'\(quote(used))'; pas 'title' aan als dat niet de titel van het document is", at: location)
    }
}

extension Diagnostic {
    /// `--reject-changes` on an OpenDocument file: pandoc reads its text with the changes accepted.
    static func trackedChangesNotRejectable(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "tracked-changes",
            en: "normfolio can only accept the tracked changes of an OpenDocument file: reject them in LibreOffice "
                + "(Bewerken > Wijzigingen bijhouden > Beheren > Alles verwerpen; Edit > Track Changes > Manage > Reject All) "
                + "and save it, or import it with --accept-changes",
            nl: "normfolio kan de bijgehouden wijzigingen van een OpenDocument-bestand alleen accepteren: weiger ze in "
                + "LibreOffice (Bewerken > Wijzigingen bijhouden > Beheren > Alles verwerpen) en sla het op, of importeer het "
                + "met --accept-changes", at: location)
    }
}
