/// Diagnostics of approvals, papers, placeholders and snapshots.
extension Diagnostic {
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
