/// Diagnostics of the registers, and of what their entries claim.
extension Diagnostic {
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
}
