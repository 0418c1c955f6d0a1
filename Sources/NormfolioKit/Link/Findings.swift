/// A judgement the link stage makes about one thing in the portfolio at the reference date:
/// evidence past its review, a level the evidence does not carry, an action or follow-up past
/// its date, a register's lapse, text changed after it was adopted, example text left in place.
/// Each is made once, attached to what it concerns; `check` prints it as a diagnostic, and the
/// site shows it on that thing's page, in the Aandachtspunten list and in the figures.
public struct Finding: Sendable, Hashable {
    /// What kind of judgement: its raw value is the diagnostic's code.
    public enum Kind: String, Sendable, CaseIterable {
        case placeholder
        case approvalChanged = "approval-changed"
        case evidenceExpired = "evidence-expired"
        case levelWithoutEvidence = "level-without-evidence"
        case levelOnStaleEvidence = "level-on-stale-evidence"
        case levelWithoutAdoptedEvidence = "level-without-adopted-evidence"
        case carriedOver = "carried-over"
        case reviewOverdue = "review-overdue"
        case actionOverdue = "action-overdue"
        case agreementExpired = "agreement-expired"
        case certificateExpired = "certificate-expired"
        case noAgreement = "no-agreement"
        case dpiaMissing = "dpia-missing"
        case dpiaOverdue = "dpia-overdue"
        case breachReportedLate = "breach-reported-late"
        case findingOverdue = "finding-overdue"
        case levelNotForEverySchool = "level-not-for-every-school"

        /// The key of its texts in the string tables (`attention_<key>`, `attention_<key>_text`).
        var key: String { rawValue.replacingOccurrences(of: "-", with: "_") }
    }

    /// What a finding concerns; the edition shows a finding only where it shows this.
    public enum Subject: Sendable, Hashable {
        /// An evidence document, by index in `Portfolio.documents`.
        case document(Int)
        /// The assessment of a norm, by norm ID.
        case assessment(String)
        /// A register, by index in `Portfolio.registers`.
        case register(Int)
        /// A register entry: its register's index and its own.
        case entry(register: Int, entry: Int)
    }

    public var kind: Kind
    public var subject: Subject
    /// What within the subject it is about, where the subject has several: an action's title, a
    /// processor's name, who gave the approval that no longer holds, the field left empty.
    public var name: String?
    /// The date that passed, the date of the snapshot a level was carried over from.
    public var date: Day?
    /// A level, or a number of days.
    public var number: Int?
    /// The finding as `check` prints it, at the place it concerns.
    public var diagnostic: Diagnostic
    /// The schools it names (by id): those a level claimed for them has no evidence for.
    public var schools: [String] = []
}

extension Portfolio {
    /// Every judgement about the portfolio at its reference date, in reading order.
    func judgements() -> [Finding] {
        var findings = Findings()
        for (index, document) in documents.enumerated() {
            for placeholder in document.placeholders {
                findings.add(.placeholder, .document(index), .placeholder(placeholder, at: placeholder.location), name: placeholder.field)
            }
            for approval in document.approvals where !approval.isCurrent {
                findings.add(
                    .approvalChanged, .document(index), .approvalChanged(approval, at: approval.location),
                    name: approval.kind.rawValue, date: approval.on)
            }
            if document.isStale, let reviewBy = document.reviewBy {
                findings.add(
                    .evidenceExpired, .document(index), .evidenceExpired(reviewBy, asOf: asOf, at: document.reviewByLocation),
                    date: reviewBy)
            }
        }
        for id in assessments.keys.sorted() {
            if let assessment = assessments[id] { judge(assessment, into: &findings) }
        }
        judgeRegisters(into: &findings)
        return findings.list.sorted { $0.diagnostic.location < $1.diagnostic.location }
    }

    private func judge(_ assessment: Assessment, into findings: inout Findings) {
        let id = assessment.normID
        let subject = Finding.Subject.assessment(id)
        for placeholder in assessment.placeholders {
            findings.add(.placeholder, subject, .placeholder(placeholder, at: placeholder.location), name: placeholder.field)
        }
        if let level = assessment.level, level >= 2, let standing = standings[id], standing.isApplicable {
            let evidence = evidenceByNorm[id] ?? []
            let registerEvidence = registersByNorm[id] ?? []
            if evidence.isEmpty && registerEvidence.isEmpty {
                findings.add(.levelWithoutEvidence, subject, .levelWithoutEvidence(id, level: level, at: assessment.levelLocation), number: level)
            } else if standing.coverage == .stale {
                findings.add(.levelOnStaleEvidence, subject, .levelOnStaleEvidence(id, level: level, at: assessment.levelLocation), number: level)
            } else if level >= 3, !evidence.contains(where: { !documents[$0].isStale && documents[$0].isAdopted }),
                !registerEvidence.contains(where: { !registers[$0].isStale })
            {
                findings.add(
                    .levelWithoutAdoptedEvidence, subject,
                    .levelWithoutAdoptedEvidence(id, level: level, at: assessment.levelLocation), number: level)
            }
        }
        if let since = assessment.carriedOverFrom, let level = assessment.level {
            findings.add(
                .carriedOver, subject, .carriedOver(id, level: level, since: since, at: assessment.levelLocation), date: since, number: level)
        }
        if reference.hasPassed(assessment.nextReview), let next = assessment.nextReview {
            findings.add(.reviewOverdue, subject, .reviewOverdue(id, next, asOf: asOf, at: assessment.nextReviewLocation), date: next)
        }
        for action in assessment.actions where action.isOverdue {
            if let due = action.due {
                findings.add(
                    .actionOverdue, subject, .actionOverdue(action.title, due, asOf: asOf, at: action.dueLocation), name: action.title, date: due)
            }
        }
    }

    /// What the registers claim that the reference date contradicts: agreements and certificates
    /// that ran out, processing without an agreement or a needed DPIA, a DPIA due again, a breach
    /// reported late without a reason, findings past their date, registers past their review;
    /// and the example entries `normfolio new --register` writes.
    private func judgeRegisters(into findings: inout Findings) {
        let suppliers = Dictionary(register(.verwerkers)?.entries.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        for (r, register) in registers.enumerated() {
            for placeholder in register.placeholders {
                findings.add(.placeholder, .register(r), .placeholder(placeholder, at: placeholder.location), name: placeholder.field)
            }
            if register.isStale, let reviewBy = register.reviewBy {
                findings.add(.evidenceExpired, .register(r), .evidenceExpired(reviewBy, asOf: asOf, at: register.reviewByLocation), date: reviewBy)
            }
            for (e, entry) in register.entries.enumerated() {
                let subject = Finding.Subject.entry(register: r, entry: e)
                func at(_ field: String) -> SourceLocation { entry.locations[field] ?? entry.location }
                let name = entry.name(in: register.kind)
                if entry.isExample {
                    let placeholder = Placeholder(what: .exampleEntry, location: entry.location)
                    findings.add(.placeholder, subject, .placeholder(placeholder, at: entry.location))
                }
                switch register.kind {
                case .verwerkers:
                    if let end = entry.date("overeenkomst_tot"), reference.hasPassed(end) {
                        findings.add(.agreementExpired, subject, .agreementExpired(name, end, asOf: asOf, at: at("overeenkomst_tot")), date: end)
                    }
                    if let end = entry.date("certificering_tot"), reference.hasPassed(end) {
                        findings.add(.certificateExpired, subject, .certificateExpired(name, end, asOf: asOf, at: at("certificering_tot")), date: end)
                    }
                case .verwerkingen:
                    for id in entry.ids("verwerkers") {
                        guard let supplier = suppliers[id], supplier.values["overeenkomst"] == .choice("geen") else { continue }
                        let supplierName = supplier.name(in: .verwerkers)
                        findings.add(.noAgreement, subject, .noAgreement(name, supplier: supplierName, at: at("verwerkers")), name: supplierName)
                    }
                    if entry.flag("hoog_risico"), entry.ids("dpia").isEmpty {
                        findings.add(.dpiaMissing, subject, .dpiaMissing(name, at: at("hoog_risico")))
                    }
                case .dpia:
                    if let due = entry.date("herbeoordeling_op"), reference.hasPassed(due) {
                        findings.add(.dpiaOverdue, subject, .dpiaOverdue(name, due, asOf: asOf, at: at("herbeoordeling_op")), date: due)
                    }
                    if case .actions(let actions)? = entry.values["maatregelen"] {
                        for action in actions where action.isOverdue {
                            if let due = action.due {
                                findings.add(
                                    .actionOverdue, subject, .actionOverdue(action.title, due, asOf: asOf, at: action.dueLocation),
                                    name: action.title, date: due)
                            }
                        }
                    }
                case .datalekken:
                    if let found = entry.date("ontdekt_op"), let reported = entry.date("gemeld_ap_op"),
                        found.days(until: reported) > 3, entry.values["te_laat_reden"] == nil
                    {
                        let days = found.days(until: reported)
                        findings.add(.breachReportedLate, subject, .breachReportedLate(name, days: days, at: at("gemeld_ap_op")), number: days)
                    }
                case .bevindingen:
                    if let followUp = entry.followUp, followUp.isOverdue, let due = followUp.due {
                        findings.add(.findingOverdue, subject, .findingOverdue(name, due, asOf: asOf, at: at("actie_uiterlijk")), date: due)
                    }
                }
            }
        }
    }
}

/// The findings made so far, in the order they were made.
private struct Findings {
    var list: [Finding] = []

    mutating func add(
        _ kind: Finding.Kind, _ subject: Finding.Subject, _ diagnostic: Diagnostic, name: String? = nil,
        date: Day? = nil, number: Int? = nil
    ) {
        list.append(Finding(kind: kind, subject: subject, name: name, date: date, number: number, diagnostic: diagnostic))
    }
}
