/// Every diagnostic normfolio emits, each with its stable code, in one greppable place.
extension Diagnostic {
    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// A value from the portfolio as a message quotes it: at most `Limits.quotedCharacters`
    /// characters (a name can be megabytes long). Control characters are escaped when printed.
    static func quote(_ value: String) -> String {
        value.count <= Limits.quotedCharacters ? value : value.prefix(Limits.quotedCharacters) + "…"
    }

    /// "4.2 MB" for a size in bytes.
    private static func megabytes(_ bytes: Int) -> String {
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

    // MARK: Pages and links

    static func pageCollision(_ page: String, with other: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "page-collision", "would be published as '\(quote(page))', the same page as '\(quote(other))'; rename one of them",
                   at: location)
    }

    static func brokenLink(_ target: String, hint: String? = nil, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "broken-link", "link to '\(quote(target))', which does not exist" + (hint.map { " (\($0))" } ?? ""),
                   at: location)
    }

    static func brokenAnchor(_ fragment: String, in file: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "broken-anchor",
                   "link to '#\(quote(fragment))', but \(quote(file)) has no heading with that anchor"
                   + (suggestion.map { " (did you mean '#\($0)'?)" } ?? ""), at: location)
    }

    static func missingAttachment(_ target: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-attachment", "attachment '\(quote(target))' does not exist", at: location)
    }

    static func registerAttachment(_ target: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-attachment",
                   "'\(quote(target))' is a register, whose file is never published; link to it in the text to link to its page",
                   at: location)
    }

    static func outsidePortfolio(_ target: String, hint: String? = nil, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "outside-portfolio",
                   "'\(quote(target))' points outside the portfolio's Content/ folder" + (hint.map { " (\($0))" } ?? ""), at: location)
    }

    static func attachmentWithheld(_ file: String, usedBy strictest: String, _ classification: Classification,
                                   editions: [Audience], at location: SourceLocation) -> Diagnostic {
        let names = editions.map(\.rawValue).joined(separator: " and ")
        return Diagnostic(.warning, "attachment-withheld",
                          "'\(quote(file))' is also used by \(quote(strictest)), which is \(classification.name), so it is "
                          + "published only where that may be read; the \(names) \(editions.count == 1 ? "edition shows" : "editions show") "
                          + "this link as text", at: location)
    }

    static func symbolicLinkOutside(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "outside-portfolio",
                   "'\(quote(path))' is a symbolic link to a place outside the portfolio; nothing is read or published through it",
                   at: location)
    }

    static func remoteImage(_ url: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "remote-image",
                   "image '\(quote(url))' is on another site, and the portfolio loads nothing from the internet: it is shown "
                   + "as a link; download it into the portfolio and link to the file to show it", at: location)
    }

    static func unsafeLink(_ url: String, at location: SourceLocation) -> Diagnostic {
        let scheme = url.split(separator: ":").first.map(String.init) ?? url
        return Diagnostic(.warning, "unsafe-link", "'\(quote(scheme)):' links are not published; the link was removed", at: location)
    }

    // MARK: Markdown

    static func unknownFootnote(_ label: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "unknown-footnote",
                   "footnote '[^\(quote(label))]' is not defined; add a line '[^\(quote(label))]: …' with its text", at: location)
    }

    static func unusedFootnote(_ label: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "unused-footnote", "footnote '[^\(quote(label))]' is defined but nothing refers to it; it is not shown",
                   at: location)
    }

    static func htmlRemoved(_ element: String, count: Int, at location: SourceLocation) -> Diagnostic {
        let times = count == 1 ? "" : " (\(count) times in this file)"
        let what = !HTMLSanitizer.isElement(element) ? "is not HTML; it is shown as text"
            : HTMLSanitizer.removedWithContent.contains(element) ? "is removed with its content"
            : "is not published; the text inside it is kept"
        return Diagnostic(.warning, "html-removed", "raw HTML <\(quote(element))>\(times) \(what)", at: location)
    }

    // MARK: Settings, catalogue and templates

    static func unknownString(_ key: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "unknown-key", "unknown interface text '\(quote(key))'\(didYouMean(suggestion)); it is ignored", at: location)
    }

    static func invalidString(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value",
                   "interface text '\(quote(key))' must be a text, or a text per number as {one: …, other: …}", at: location)
    }

    static func missingFile(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "missing-file", "'\(quote(path))' does not exist", at: location)
    }

    static func invalidNormID(_ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-norm-id", "'\(quote(id))' is not a norm ID of the form XX.NN (for example SM.02)", at: location)
    }

    static func unknownDomain(_ code: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unknown-domain", "unknown domain '\(quote(code))'\(didYouMean(suggestion))", at: location)
    }

    static func duplicateEntry(_ what: String, _ id: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "duplicate-entry", "\(what) '\(quote(id))' is listed more than once", at: location)
    }

    static func publicCollision(_ path: String, replacing what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "public-collision",
                   "would replace '\(quote(path))', \(quote(what)); rename or move this file", at: location)
    }

    static func unsafeName(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unsafe-name",
                   "'\(quote(path))' cannot be published under this name (it holds a backslash or a control character); rename it",
                   at: location)
    }

    static func templateSyntax(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "template-syntax", "template error: \(detail)", at: location)
    }

    // MARK: Registers

    static func unknownRegister(_ file: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unknown-register",
                   "'\(quote(file))' is no register\(didYouMean(suggestion.map { "registers/\($0)" })); a register is named "
                   + "verwerkingen, verwerkers, dpia, datalekken or bevindingen (.yml or .csv)", at: location)
    }

    static func misplacedRegister(_ file: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unknown-register",
                   "'\(quote(file))' is no register: a register is a file directly in the folder registers/ (in lower case); "
                   + "move it there, or out of it", at: location)
    }

    static func duplicateRegister(_ kind: String, first: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "duplicate-register", "a second register of \(kind); the first is '\(quote(first))'", at: location)
    }

    static func entriesTwice(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "'entries' and 'bron' both give the entries; keep one", at: location)
    }

    static func invalidID(_ id: String, suggestion: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-id",
                   "id '\(quote(id))' may hold only lower-case letters, digits and hyphens\(suggestion.isEmpty ? "" : " (such as '\(quote(suggestion))')")",
                   at: location)
    }

    static func csvSyntax(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "csv-syntax", "the CSV file cannot be read: \(detail)", at: location)
    }

    static func invalidBron(suggestion: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "'bron' must name a CSV file beside the register in registers/, such as '\(suggestion)'",
                   at: location)
    }

    static func unnamedColumn(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "unknown-key", "a value in a column without a name in row 1; it is ignored", at: location)
    }

    static func unknownReference(_ kind: String, _ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unknown-reference", "no entry '\(quote(id))' in the register \(kind)\(didYouMean(suggestion))", at: location)
    }

    // MARK: Register claims

    static func agreementExpired(_ supplier: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "agreement-expired", "the processing agreement with '\(quote(supplier))' ran until \(date), before \(asOf)",
                   at: location)
    }

    static func certificateExpired(_ supplier: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "certificate-expired", "the certificate of '\(quote(supplier))' was valid until \(date), before \(asOf)",
                   at: location)
    }

    static func noAgreement(_ activity: String, supplier: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "no-agreement",
                   "'\(quote(activity))' uses the processor '\(quote(supplier))', which has no processing agreement", at: location)
    }

    static func dpiaMissing(_ activity: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "dpia-missing", "'\(quote(activity))' is marked high-risk but names no DPIA", at: location)
    }

    static func dpiaOverdue(_ dpia: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "dpia-overdue", "the DPIA '\(quote(dpia))' was due for re-assessment on \(date), before \(asOf)",
                   at: location)
    }

    static func breachReportedLate(_ breach: String, days: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "breach-reported-late",
                   "the breach '\(quote(breach))' was reported to the AP \(days) days after it was discovered, later than 72 hours, "
                   + "and 'te_laat_reden' gives no reason", at: location)
    }

    static func findingOverdue(_ finding: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "finding-overdue", "the follow-up of finding '\(quote(finding))' was due on \(date) and is not done at \(asOf)",
                   at: location)
    }

    // MARK: Approvals

    static func approvalChanged(_ approval: Approval, at location: SourceLocation) -> Diagnostic {
        let what = switch approval.kind {
        case .approved: "adopted by"
        case .consent: "consented to by"
        case .advice: "advised on by"
        }
        return Diagnostic(.warning, "approval-changed",
                          "the text changed after it was \(what) \(quote(approval.by))\(approval.on.map { " on \($0)" } ?? ""); "
                          + "the \(approval.kind == .approved ? "adoption" : approval.kind.rawValue) no longer holds: restore the text, "
                          + "or record a new one with normfolio approve", at: location)
    }

    // MARK: Papers

    static func pdfFailed(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "pdf-failed", "the PDF could not be made, so nothing was written: \(detail)", at: location)
    }

    // MARK: Placeholders

    static func placeholder(_ placeholder: Placeholder, at location: SourceLocation) -> Diagnostic {
        let message = switch placeholder.what {
        case .emptyField(let field): "'\(quote(field))' is empty; fill it in (for 'owner': who is responsible), or remove the line"
        case .exampleEntry: "this is the example entry normfolio wrote, not a real one; replace it with a real entry or remove it"
        case .exampleText: "this is still the example text normfolio wrote; replace it with the document's own text"
        }
        return Diagnostic(.warning, "placeholder", message, at: location)
    }

    static func invalidValue(_ key: String, _ value: String, expected: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "'\(key)' is '\(quote(value))', not \(expected)", at: location)
    }

    // MARK: Snapshots

    static func invalidSnapshot(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-snapshot", "this snapshot cannot be read: \(detail)", at: location)
    }

    static func snapshotEdited(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "snapshot-edited",
                   "this snapshot was changed after normfolio sealed it; its figures are shown, but they are not the recorded ones",
                   at: location)
    }

    /// A snapshot without a seal: an export from a site, or one whose seal line was taken out.
    static func snapshotUnsealed(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "snapshot-unsealed",
                   "this snapshot has no seal, so nothing shows whether its figures are the recorded ones; they are shown as they are "
                   + "(a snapshot normfolio writes is sealed; with snapshot_key in normfolio.yml, signed)", at: location)
    }

    /// A snapshot without a signature where the board's key is configured: it could be anyone's.
    static func snapshotUnsigned(key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "snapshot-unsigned",
                   "this snapshot is not signed with the board's key \(key) (snapshot_key in normfolio.yml), so its figures are not used; "
                   + "sign it with normfolio snapshot --sign-existing --sign KEY if its checksum shows it unchanged", at: location)
    }

    /// A snapshot whose signature does not hold for the board's key: forged, edited, or signed with another key.
    static func snapshotSignatureFails(key: String, signedWith: String?, at location: SourceLocation) -> Diagnostic {
        let other = signedWith.map { $0 == key ? "" : " (it names key \(quote($0)))" } ?? ""
        return Diagnostic(.error, "snapshot-signature",
                          "this snapshot's signature does not hold for the board's key \(key) (snapshot_key in normfolio.yml)\(other): "
                          + "it was changed after it was signed, or signed with another key; its figures are not used", at: location)
    }

    /// A private key named where the public one belongs: it lies in the portfolio, where it is committed and may be published.
    static func privateKeyInPortfolio(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "'snapshot_key' names '\(quote(path))', a private key: name the public key (NAME.pub) "
                   + "instead, and move the private key out of the portfolio, where it is committed and may be published", at: location)
    }

    /// A snapshot too large to be one of normfolio's: read, it would take many times its size in memory.
    static func snapshotTooLarge(size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "file-too-large", "this snapshot is \(megabytes(size)), more than the \(megabytes(limit)) a snapshot of "
                   + "normfolio takes (about 10 MB for 10,000 documents); it is not read", at: location)
    }

    static func carriedOver(_ id: String, level: Int, since: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "carried-over",
                   "the level \(level) of \(id) is the one of the snapshot of \(since), and reviewed_on is not later: "
                   + "was it assessed again? Set reviewed_on when it was", at: location)
    }

    static func pageNameTooLong(_ length: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "name-too-long",
                   "this file's page would be named with \(length) bytes, more than \(limit); shorten the file or folder names", at: location)
    }
}
