/// Every diagnostic normfolio emits, each with its stable code, in one greppable place: this file
/// and its siblings `Messages+Links`, `Messages+Registers` and `Messages+Approvals`.
extension Diagnostic {
    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// A value from the portfolio as a message quotes it: at most `Limits.quotedCharacters`
    /// characters (a name can be megabytes long). Control characters are escaped when printed.
    static func quote(_ value: String) -> String {
        value.count <= Limits.quotedCharacters ? value : value.prefix(Limits.quotedCharacters) + "…"
    }

    /// "4.2 MB" for a size in bytes.
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    // MARK: Files

    static func invalidUTF8(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-utf8", "file is not valid UTF-8 text; save it as UTF-8", at: location)
    }

    static func binaryFile(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "binary-file", "file looks binary, not text; rename it or convert it to text", at: location)
    }

    static func utf16Text(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-utf8", "file is UTF-16 text (Excel's \"Unicode text\"), not UTF-8; save it as UTF-8 (in Excel: CSV UTF-8)",
                   at: location)
    }

    static func unreadable(_ reason: String = "file could not be read", at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unreadable-file", "\(reason); normfolio cannot use it, so it is not part of the portfolio", at: location)
    }

    /// An attachment something uses that cannot be read: the build would fail copying it.
    static func unreadableAttachment(_ file: String, at location: SourceLocation) -> Diagnostic {
        unreadable("the attachment '\(quote(file))' cannot be read (no permission, or not a regular file)", at: location)
    }

    /// An attachment of a type a browser runs (HTML, SVG, XML, a script): published as a download only.
    static func activeAttachment(_ file: String, kind: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "active-attachment",
                   "'\(quote(file))' is \(kind), which a browser would run as part of the site, beside its confidential pages: it is "
                   + "published as a download only (with .txt added to its name on the site), never opened or shown as an image there; "
                   + "attach a PDF, or a PNG for an image, to show it", at: location)
    }

    static func fileTooLarge(size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "file-too-large", "file is \(megabytes(size)), more than the \(megabytes(limit)) normfolio reads; "
                   + "split it into smaller documents or attach it as a file", at: location)
    }

    static func attachmentNotScanned(size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "not-scanned", "file is \(megabytes(size)), more than the \(megabytes(limit)) the privacy guard "
                   + "scans; it was not checked for personal data", at: location)
    }

    static func missingContent(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-content",
                   "the portfolio has no Content/ folder; run normfolio in a portfolio folder, or create one with 'normfolio init'",
                   at: location)
    }

    static func valueTooLong(_ key: String, length: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "value-too-long", "'\(key)' is \(length) characters long; at most \(limit) are allowed",
                   at: location)
    }

    // MARK: Front matter and YAML

    static func missingFrontMatter(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-front-matter",
                   "evidence document has no front matter; start the file with '---', a 'title:' and 'norms:', and '---'",
                   at: location)
    }

    static func unclosedFrontMatter(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unclosed-front-matter", "front matter is not closed; add a line '---' after the last field",
                   at: location)
    }

    static func yamlSyntax(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "yaml-syntax", "malformed YAML: \(detail)", at: location)
    }

    static func notAMapping(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-front-matter", "expected fields written as 'key: value'", at: location)
    }

    static func invalidKey(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-front-matter", "a field name must be plain text", at: location)
    }

    static func duplicateKey(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "duplicate-key", "field '\(quote(key))' is given more than once", at: location)
    }

    static func unknownKey(_ key: String, elsewhere: Int, at location: SourceLocation) -> Diagnostic {
        let more = elsewhere == 0 ? "" : elsewhere == 1 ? " (and in 1 more file)" : " (and in \(elsewhere) more files)"
        return Diagnostic(.warning, "unknown-key", "unknown field '\(quote(key))'\(more); it is ignored; "
                          + "list it under accept_keys in normfolio.yml to accept it", at: location)
    }

    static func unknownKey(_ key: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "unknown-key", "unknown field '\(quote(key))'\(didYouMean(suggestion)); it is ignored", at: location)
    }

    static func missingField(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-field", "required field '\(key)' is missing or empty", at: location)
    }

    static func expectedText(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "'\(key)' must be text", at: location)
    }

    static func expectedList(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "'\(key)' must be a list, such as [A, B]", at: location)
    }

    static func expectedBool(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "'\(key)' must be true or false", at: location)
    }

    static func expectedNumber(_ key: String, range: ClosedRange<Int>, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                   at: location)
    }

    static func numberOutOfRange(_ key: String, _ value: Int, range: ClosedRange<Int>, code: String,
                                 at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code, "'\(key)' is \(value), outside \(range.lowerBound)-\(range.upperBound)", at: location)
    }

    static func invalidDate(_ key: String, _ text: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-date", "'\(key)' is not a valid date\(text.map { " '\(quote($0))'" } ?? ""); write YYYY-MM-DD",
                   at: location)
    }

    static func unknownValue(_ key: String, _ value: String, allowed: [String], suggestion: String?,
                             severity: Severity, code: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity, code,
                   "unknown \(key) '\(quote(value))'\(didYouMean(suggestion)); expected one of: \(allowed.joined(separator: ", "))",
                   at: location)
    }

    // MARK: Norms

    static func unknownNorm(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unknown-norm", "unknown norm ID '\(quote(id))'\(didYouMean(suggestion))", at: location)
    }

    static func unknownNormMention(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "unknown-norm-reference",
                   "'\(id)' looks like a norm ID but is not in the catalogue\(didYouMean(suggestion)); it is not linked",
                   at: location)
    }

    static func unknownAssessment(_ name: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unknown-assessment",
                   "assessment file '\(quote(name))' is not named after a norm in the catalogue\(didYouMean(suggestion))",
                   at: location)
    }

    static func emptyJustification(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "empty-justification",
                   "'not_applicable' needs a written justification of why the norm does not apply", at: location)
    }

    // MARK: Personal data

    static func personalData(_ finding: PrivacyGuard.Finding, at location: SourceLocation) -> Diagnostic {
        switch finding.kind {
        case .bsn:
            return Diagnostic(.error, "personal-data-bsn",
                              "BSN-like number \(finding.masked) (it passes the elfproef); a BSN may never be published: remove it, "
                              + "or, if it is not a BSN (an order or case number), write <!-- geen bsn --> after it on the same line",
                              at: location)
        case .email:
            return Diagnostic(.warning, "personal-data-email",
                              "e-mail address \(finding.masked); remove it, add it to email_allowlist in normfolio.yml, or acknowledge it with pii_reviewed: [email]",
                              at: location)
        case .ipv4:
            return Diagnostic(.warning, "personal-data-ipv4",
                              "IPv4 address \(finding.masked); remove it or acknowledge it with pii_reviewed: [ipv4]", at: location)
        }
    }

    /// Personal data in the name of a file or folder, which is published in the site's addresses,
    /// navigation, search index and manifest.
    static func personalDataInName(_ finding: PrivacyGuard.Finding, isFolder: Bool, at location: SourceLocation) -> Diagnostic {
        let what = isFolder ? "folder" : "file"
        switch finding.kind {
        case .bsn:
            return Diagnostic(.error, "personal-data-bsn",
                              "the name of this \(what) holds a BSN-like number \(finding.masked) (it passes the elfproef), and names are "
                              + "published (in addresses, the search index, the manifest): rename the \(what)", at: location)
        case .email:
            return Diagnostic(.warning, "personal-data-email",
                              "the name of this \(what) holds an e-mail address \(finding.masked), and names are published: rename the "
                              + "\(what), or add the address to email_allowlist in normfolio.yml", at: location)
        case .ipv4:
            return Diagnostic(.warning, "personal-data-ipv4",
                              "the name of this \(what) holds an IPv4 address \(finding.masked), and names are published: rename the \(what)",
                              at: location)
        }
    }

    static func bsnCannotBeAcknowledged(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "a BSN cannot be acknowledged with pii_reviewed; remove the number instead",
                   at: location)
    }

    // MARK: Claims (checked against the evidence at the reference date)

    static func levelWithoutEvidence(_ id: String, level: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "level-without-evidence", "level \(level) is claimed for \(id), but it has no evidence at all",
                   at: location)
    }

    static func levelOnStaleEvidence(_ id: String, level: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "level-on-stale-evidence",
                   "level \(level) is claimed for \(id), but all of its evidence is past its review date", at: location)
    }

    static func levelWithoutAdoptedEvidence(_ id: String, level: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "level-without-adopted-evidence",
                   "level \(level) is claimed for \(id), but none of its current evidence was adopted (approved_by and approved_on)",
                   at: location)
    }

    static func reviewOverdue(_ id: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "review-overdue", "the assessment of \(id) was due for review on \(date), before \(asOf)",
                   at: location)
    }

    static func actionOverdue(_ title: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "action-overdue", "action '\(quote(title))' was due on \(date) and is not done at \(asOf)", at: location)
    }

    static func evidenceExpired(_ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "evidence-expired", "this evidence was due for review on \(date), before \(asOf)", at: location)
    }
}
