/// Diagnostics of approvals, papers, placeholders and snapshots.
extension Diagnostic {
    // MARK: Approvals

    static func approvalChanged(_ approval: Approval, at location: SourceLocation) -> Diagnostic {
        let (what, whatNL, which) =
            switch approval.kind {
            case .approved: ("adopted by", "hem heeft vastgesteld", "de vaststelling")
            case .consent: ("consented to by", "ermee heeft ingestemd", "de instemming")
            case .advice: ("advised on by", "erover heeft geadviseerd", "het advies")
            }
        return Diagnostic(
            .warning, "approval-changed",
            en: "the text changed after it was \(what) \(quote(approval.by))\(approval.on.map { " on \($0)" } ?? ""); "
                + "the \(approval.kind == .approved ? "adoption" : approval.kind.rawValue) no longer holds: restore the text, "
                + "or record a new one with normfolio approve",
            nl: "de tekst is veranderd nadat \(quote(approval.by))\(approval.on.map { " op \($0)" } ?? "") \(whatNL); "
                + "\(which) geldt niet meer: zet de tekst terug, of leg een nieuwe vast met normfolio approve", at: location)
    }

    // MARK: Papers

    static func pdfFailed(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "pdf-failed", en: "the PDF could not be made, so nothing was written: \(detail)",
            nl: "de pdf kon niet worden gemaakt, dus er is niets geschreven: \(detail)", at: location)
    }

    // MARK: Placeholders

    static func placeholder(_ placeholder: Placeholder, at location: SourceLocation) -> Diagnostic {
        let (message, messageNL) =
            switch placeholder.what {
            case .emptyField(let field):
                (
                    "'\(quote(field))' is empty; fill it in (for 'owner': who is responsible), or remove the line",
                    "'\(quote(field))' is leeg; vul het in (bij 'owner': wie verantwoordelijk is), of haal de regel weg"
                )
            case .exampleEntry:
                (
                    "this is the example entry normfolio wrote, not a real one; replace it with a real entry or remove it",
                    "dit is de voorbeeldregel die normfolio schreef, geen echte; vervang hem door een echte regel of haal hem weg"
                )
            case .exampleText:
                (
                    "this is still the example text normfolio wrote; replace it with the document's own text",
                    "dit is nog de voorbeeldtekst die normfolio schreef; vervang hem door de eigen tekst van het document"
                )
            }
        return Diagnostic(.warning, "placeholder", en: message, nl: messageNL, at: location)
    }

    static func invalidValue(
        _ key: String, _ value: String, expected: String, nl expectedNL: String,
        at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, "invalid-value", en: "'\(key)' is '\(quote(value))', not \(expected)",
            nl: "'\(key)' is '\(quote(value))', geen \(expectedNL)", at: location)
    }

    // MARK: Snapshots

    static func invalidSnapshot(_ detail: String, nl detailNL: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-snapshot", en: "this snapshot cannot be read: \(detail)",
            nl: "deze snapshot kan niet worden gelezen: \(detailNL)", at: location)
    }

    static func snapshotEdited(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "snapshot-edited",
            en: "this snapshot was changed after normfolio sealed it; its figures are shown, but they are not the recorded ones",
            nl: "deze snapshot is veranderd nadat normfolio hem verzegelde; de cijfers worden getoond, maar het zijn niet de "
                + "vastgelegde", at: location)
    }

    /// A snapshot without a seal: an export from a site, or one whose seal line was taken out.
    static func snapshotUnsealed(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "snapshot-unsealed",
            en: "this snapshot has no seal, so nothing shows whether its figures are the recorded ones; they are shown as they are "
                + "(a snapshot normfolio writes is sealed; with snapshot_key in normfolio.yml, signed)",
            nl: "deze snapshot heeft geen zegel, dus niets laat zien of de cijfers de vastgelegde zijn; ze worden getoond zoals "
                + "ze zijn (een snapshot die normfolio schrijft is verzegeld; met snapshot_key in normfolio.yml ook ondertekend)",
            at: location)
    }

    /// A snapshot without a signature where the board's key is configured: it could be anyone's.
    static func snapshotUnsigned(key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "snapshot-unsigned",
            en: "this snapshot is not signed with the board's key \(key) (snapshot_key in normfolio.yml), so its figures are not used; "
                + "sign it with normfolio snapshot --sign-existing --sign KEY if its checksum shows it unchanged",
            nl: "deze snapshot is niet ondertekend met de sleutel \(key) van het bestuur (snapshot_key in normfolio.yml), dus de "
                + "cijfers worden niet gebruikt; onderteken hem met normfolio snapshot --sign-existing --sign SLEUTEL als de "
                + "controlesom laat zien dat hij ongewijzigd is", at: location)
    }

    /// A snapshot whose signature does not hold for the board's key: forged, edited, or signed with another key.
    static func snapshotSignatureFails(key: String, signedWith: String?, at location: SourceLocation) -> Diagnostic {
        let other = signedWith.map { $0 == key ? "" : " (it names key \(quote($0)))" } ?? ""
        let otherNL = signedWith.map { $0 == key ? "" : " (ze noemt sleutel \(quote($0)))" } ?? ""
        return Diagnostic(
            .error, "snapshot-signature",
            en: "this snapshot's signature does not hold for the board's key \(key) (snapshot_key in normfolio.yml)\(other): "
                + "it was changed after it was signed, or signed with another key; its figures are not used",
            nl: "de handtekening van deze snapshot klopt niet bij de sleutel \(key) van het bestuur (snapshot_key in "
                + "normfolio.yml)\(otherNL): hij is veranderd na het ondertekenen, of ondertekend met een andere sleutel; "
                + "de cijfers worden niet gebruikt", at: location)
    }

    /// A private key named where the public one belongs: it lies in the portfolio, where it is committed and may be published.
    static func privateKeyInPortfolio(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-value",
            en: "'snapshot_key' names '\(quote(path))', a private key: name the public key (NAME.pub) "
                + "instead, and move the private key out of the portfolio, where it is committed and may be published",
            nl: "'snapshot_key' noemt '\(quote(path))', een privésleutel: noem in plaats daarvan de publieke sleutel (NAAM.pub), "
                + "en haal de privésleutel uit het portfolio, waar hij wordt vastgelegd en gepubliceerd kan worden", at: location)
    }

    /// A snapshot too large to be one of normfolio's: read, it would take many times its size in memory.
    static func snapshotTooLarge(size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "file-too-large",
            en: "this snapshot is \(megabytes(size)), more than the \(megabytes(limit)) a snapshot of "
                + "normfolio takes (about 10 MB for 10,000 documents); it is not read",
            nl: "deze snapshot is \(megabytesNL(size)), meer dan de \(megabytesNL(limit)) die een snapshot van normfolio "
                + "hoogstens is (ongeveer 10 MB voor 10.000 documenten); hij wordt niet gelezen", at: location)
    }

    static func carriedOver(_ id: String, level: Int, since: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "carried-over",
            en: "the level \(level) of \(id) is the one of the snapshot of \(since), and reviewed_on is not later: "
                + "was it assessed again? Set reviewed_on when it was",
            nl: "niveau \(level) van \(id) is dat van de snapshot van \(since), en reviewed_on is niet later: "
                + "is de norm opnieuw beoordeeld? Vul dan reviewed_on in", at: location)
    }

    static func pageNameTooLong(_ length: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "name-too-long",
            en: "this file's page would be named with \(length) bytes, more than \(limit); shorten the file or folder names",
            nl: "de pagina van dit bestand zou een naam van \(length) bytes krijgen, meer dan \(limit); maak de namen van het "
                + "bestand of de mappen korter", at: location)
    }
}
