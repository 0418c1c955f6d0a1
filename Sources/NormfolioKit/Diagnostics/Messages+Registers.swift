/// Diagnostics of the registers, and of what their entries claim.
extension Diagnostic {
    // MARK: Registers

    static func unknownRegister(_ file: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let registers = suggestion.map { "registers/\($0)" }
        return Diagnostic(
            .error, "unknown-register",
            en: "'\(quote(file))' is no register\(didYouMean(registers)); a register is named "
                + "verwerkingen, verwerkers, dpia, datalekken or bevindingen (.yml or .csv)",
            nl: "'\(quote(file))' is geen register\(didYouMean(registers, .nl)); een register heet "
                + "verwerkingen, verwerkers, dpia, datalekken of bevindingen (.yml of .csv)", at: location)
    }

    static func misplacedRegister(_ file: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "unknown-register",
            en: "'\(quote(file))' is no register: a register is a file directly in the folder registers/ (in lower case); "
                + "move it there, or out of it",
            nl: "'\(quote(file))' is geen register: een register is een bestand direct in de map registers/ (in kleine "
                + "letters); verplaats het daarheen, of eruit", at: location)
    }

    static func duplicateRegister(_ kind: String, first: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "duplicate-register", en: "a second register of \(kind); the first is '\(quote(first))'",
            nl: "een tweede register \(kind); het eerste is '\(quote(first))'", at: location)
    }

    static func entriesTwice(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-value", en: "'entries' and 'bron' both give the entries; keep one",
            nl: "'entries' en 'bron' geven allebei de regels; houd er één", at: location)
    }

    static func invalidID(_ id: String, suggestion: String, at location: SourceLocation) -> Diagnostic {
        let such = suggestion.isEmpty ? "" : " (such as '\(quote(suggestion))')"
        let zoals = suggestion.isEmpty ? "" : " (zoals '\(quote(suggestion))')"
        return Diagnostic(
            .error, "invalid-id",
            en: "id '\(quote(id))' may hold only lower-case letters, digits and hyphens\(such)",
            nl: "de id '\(quote(id))' mag alleen kleine letters, cijfers en koppeltekens bevatten\(zoals)", at: location)
    }

    /// `detail` is the parser's own (English) words unless normfolio gives its Dutch as `detailNL`.
    static func csvSyntax(_ detail: String, nl detailNL: String? = nil, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "csv-syntax", en: "the CSV file cannot be read: \(detail)",
            nl: "het CSV-bestand kan niet worden gelezen: \(detailNL ?? detail)", at: location)
    }

    static func invalidBron(suggestion: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-value", en: "'bron' must name a CSV file beside the register in registers/, such as '\(suggestion)'",
            nl: "'bron' moet een CSV-bestand naast het register in registers/ noemen, zoals '\(suggestion)'", at: location)
    }

    static func unnamedColumn(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "unknown-key", en: "a value in a column without a name in row 1; it is ignored",
            nl: "een waarde in een kolom zonder naam in rij 1; ze wordt genegeerd", at: location)
    }

    static func unknownReference(_ kind: String, _ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "unknown-reference", en: "no entry '\(quote(id))' in the register \(kind)\(didYouMean(suggestion))",
            nl: "geen regel '\(quote(id))' in het register \(kind)\(didYouMean(suggestion, .nl))", at: location)
    }

    // MARK: Register claims

    static func agreementExpired(_ supplier: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "agreement-expired", en: "the processing agreement with '\(quote(supplier))' ran until \(date), before \(asOf)",
            nl: "de verwerkersovereenkomst met '\(quote(supplier))' liep tot \(date), vóór \(asOf)", at: location)
    }

    static func certificateExpired(_ supplier: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "certificate-expired", en: "the certificate of '\(quote(supplier))' was valid until \(date), before \(asOf)",
            nl: "het certificaat van '\(quote(supplier))' was geldig tot \(date), vóór \(asOf)", at: location)
    }

    static func noAgreement(_ activity: String, supplier: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "no-agreement",
            en: "'\(quote(activity))' uses the processor '\(quote(supplier))', which has no processing agreement",
            nl: "'\(quote(activity))' gebruikt de verwerker '\(quote(supplier))', en daarmee is geen verwerkersovereenkomst",
            at: location)
    }

    static func dpiaMissing(_ activity: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "dpia-missing", en: "'\(quote(activity))' is marked high-risk but names no DPIA",
            nl: "'\(quote(activity))' heeft een hoog risico, maar noemt geen DPIA", at: location)
    }

    static func dpiaOverdue(_ dpia: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "dpia-overdue", en: "the DPIA '\(quote(dpia))' was due for re-assessment on \(date), before \(asOf)",
            nl: "de DPIA '\(quote(dpia))' moest op \(date) opnieuw beoordeeld zijn, vóór \(asOf)", at: location)
    }

    static func breachReportedLate(_ breach: String, days: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "breach-reported-late",
            en: "the breach '\(quote(breach))' was reported to the AP \(days) days after it was discovered, later than 72 hours, "
                + "and 'te_laat_reden' gives no reason",
            nl: "het datalek '\(quote(breach))' is \(days) dagen na de ontdekking gemeld bij de AP, later dan 72 uur, "
                + "en 'te_laat_reden' geeft geen reden", at: location)
    }

    static func findingOverdue(_ finding: String, _ date: Day, asOf: Day, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, "finding-overdue",
            en: "the follow-up of finding '\(quote(finding))' was due on \(date) and is not done at \(asOf)",
            nl: "de opvolging van bevinding '\(quote(finding))' moest op \(date) klaar zijn en is op \(asOf) niet gereed",
            at: location)
    }
}
