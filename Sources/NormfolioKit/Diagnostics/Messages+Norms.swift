/// Diagnostics of norms, personal data and the claims of assessments, actions and evidence.
extension Diagnostic {
    // MARK: Norms

    static func unknownNorm(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "unknown-norm", en: "unknown norm ID '\(quote(id))'\(didYouMean(suggestion))",
            nl: "onbekende norm-ID '\(quote(id))'\(didYouMean(suggestion, .nl))", at: location)
    }

    static func unknownNormMention(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "unknown-norm-reference",
            en: "'\(id)' looks like a norm ID but is not in the catalogue\(didYouMean(suggestion)); it is not linked",
            nl: "'\(id)' lijkt een norm-ID, maar staat niet in de catalogus\(didYouMean(suggestion, .nl)); er komt geen link",
            at: location)
    }

    static func unknownAssessment(_ name: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "unknown-assessment",
            en: "assessment file '\(quote(name))' is not named after a norm in the catalogue\(didYouMean(suggestion))",
            nl: "het beoordelingsbestand '\(quote(name))' heeft niet de naam van een norm uit de catalogus"
                + didYouMean(suggestion, .nl), at: location)
    }

    static func emptyJustification(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "empty-justification",
            en: "'not_applicable' needs a written justification of why the norm does not apply",
            nl: "bij 'not_applicable' hoort een geschreven toelichting waarom de norm niet van toepassing is", at: location)
    }

    // MARK: Personal data

    static func personalData(_ finding: PrivacyGuard.Finding, at location: SourceLocation) -> Diagnostic {
        switch finding.kind {
        case .bsn:
            return Diagnostic(
                .error, "personal-data-bsn",
                en: "BSN-like number \(finding.masked) (it passes the elfproef); a BSN may never be published: remove it, "
                    + "or, if it is not a BSN (an order or case number), write <!-- geen bsn --> after it on the same line",
                nl: "nummer dat op een BSN lijkt: \(finding.masked) (het voldoet aan de elfproef); een BSN mag nooit "
                    + "gepubliceerd worden: haal het weg, of schrijf <!-- geen bsn --> erachter op dezelfde regel als het "
                    + "geen BSN is (maar bijvoorbeeld een order- of zaaknummer)", at: location)
        case .email:
            return Diagnostic(
                .warning, "personal-data-email",
                en: "e-mail address \(finding.masked); remove it, add it to email_allowlist in normfolio.yml, "
                    + "or acknowledge it with pii_reviewed: [email]",
                nl: "e-mailadres \(finding.masked); haal het weg, zet het onder email_allowlist in normfolio.yml, "
                    + "of bevestig het met pii_reviewed: [email]", at: location)
        case .ipv4:
            return Diagnostic(
                .warning, "personal-data-ipv4",
                en: "IPv4 address \(finding.masked); remove it or acknowledge it with pii_reviewed: [ipv4]",
                nl: "IPv4-adres \(finding.masked); haal het weg of bevestig het met pii_reviewed: [ipv4]", at: location)
        }
    }

    /// Personal data in the name of a file or folder, which is published in the site's addresses,
    /// navigation, search index and manifest.
    static func personalDataInName(_ finding: PrivacyGuard.Finding, isFolder: Bool, at location: SourceLocation) -> Diagnostic {
        let what = isFolder ? "folder" : "file"
        let wat = isFolder ? "deze map" : "dit bestand"
        let hernoem = isFolder ? "geef de map een andere naam" : "geef het bestand een andere naam"
        switch finding.kind {
        case .bsn:
            return Diagnostic(
                .error, "personal-data-bsn",
                en: "the name of this \(what) holds a BSN-like number \(finding.masked) (it passes the elfproef), and names are "
                    + "published (in addresses, the search index, the manifest): rename the \(what)",
                nl: "de naam van \(wat) bevat een nummer dat op een BSN lijkt: \(finding.masked) (het voldoet aan de "
                    + "elfproef), en namen worden gepubliceerd (in adressen, de zoekindex, het manifest): \(hernoem)", at: location)
        case .email:
            return Diagnostic(
                .warning, "personal-data-email",
                en: "the name of this \(what) holds an e-mail address \(finding.masked), and names are published: rename the "
                    + "\(what), or add the address to email_allowlist in normfolio.yml",
                nl: "de naam van \(wat) bevat een e-mailadres \(finding.masked), en namen worden gepubliceerd: \(hernoem), "
                    + "of zet het adres onder email_allowlist in normfolio.yml", at: location)
        case .ipv4:
            return Diagnostic(
                .warning, "personal-data-ipv4",
                en: "the name of this \(what) holds an IPv4 address \(finding.masked), and names are published: rename the \(what)",
                nl: "de naam van \(wat) bevat een IPv4-adres \(finding.masked), en namen worden gepubliceerd: \(hernoem)",
                at: location)
        }
    }

    static func bsnCannotBeAcknowledged(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-value", en: "a BSN cannot be acknowledged with pii_reviewed; remove the number instead",
            nl: "een BSN kan niet worden bevestigd met pii_reviewed; haal het nummer weg", at: location)
    }

    // MARK: Claims (checked against the evidence at the reference date)

    static func levelWithoutEvidence(_ id: String, level: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "level-without-evidence", en: "level \(level) is claimed for \(id), but it has no evidence at all",
            nl: "voor \(id) wordt niveau \(level) geclaimd, maar er is helemaal geen bewijs voor", at: location)
    }

    static func levelOnStaleEvidence(_ id: String, level: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "level-on-stale-evidence",
            en: "level \(level) is claimed for \(id), but all of its evidence is past its review date",
            nl: "voor \(id) wordt niveau \(level) geclaimd, maar van al het bewijs ervoor is de herzieningsdatum verstreken", at: location)
    }

    static func levelWithoutAdoptedEvidence(_ id: String, level: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "level-without-adopted-evidence",
            en: "level \(level) is claimed for \(id), but none of its current evidence was adopted (approved_by and approved_on)",
            nl: "voor \(id) wordt niveau \(level) geclaimd, maar geen van de actuele bewijsstukken is vastgesteld "
                + "(approved_by en approved_on)", at: location)
    }

    static func reviewOverdue(_ id: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "review-overdue", en: "the assessment of \(id) was due for review on \(date), before \(asOf)",
            nl: "de beoordeling van \(id) moest op \(date) herzien zijn, vóór \(asOf)", at: location)
    }

    static func actionOverdue(_ title: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "action-overdue", en: "action '\(quote(title))' was due on \(date) and is not done at \(asOf)",
            nl: "de actie '\(quote(title))' moest op \(date) klaar zijn en is op \(asOf) niet gereed", at: location)
    }

    static func evidenceExpired(_ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "evidence-expired", en: "this evidence was due for review on \(date), before \(asOf)",
            nl: "dit bewijsstuk moest op \(date) herzien zijn, vóór \(asOf)", at: location)
    }
}
