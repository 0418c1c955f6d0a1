extension Portfolio {
    /// Claims the evidence does not support, and dates that have passed, at the reference date.
    /// Warnings; `--strict` makes them errors.
    func claimDiagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in documents where document.isStale {
            if let reviewBy = document.reviewBy {
                diagnostics.append(.evidenceExpired(reviewBy, asOf: asOf, at: document.reviewByLocation))
            }
        }
        for (id, assessment) in assessments {
            if let level = assessment.level, level >= 2, let standing = standings[id], standing.isApplicable {
                let evidence = evidenceByNorm[id] ?? []
                if evidence.isEmpty && (registersByNorm[id] ?? []).isEmpty {
                    diagnostics.append(.levelWithoutEvidence(id, level: level, at: assessment.levelLocation))
                } else if standing.coverage == .stale {
                    diagnostics.append(.levelOnStaleEvidence(id, level: level, at: assessment.levelLocation))
                } else if level >= 3, !evidence.contains(where: { !documents[$0].isStale && documents[$0].isAdopted }),
                          !(registersByNorm[id] ?? []).contains(where: { !registers[$0].isStale }) {
                    diagnostics.append(.levelWithoutAdoptedEvidence(id, level: level, at: assessment.levelLocation))
                }
            }
            if let next = assessment.nextReview, next < asOf {
                diagnostics.append(.reviewOverdue(id, next, asOf: asOf, at: assessment.nextReviewLocation))
            }
            for action in assessment.actions where action.isOverdue {
                if let due = action.due {
                    diagnostics.append(.actionOverdue(action.title, due, asOf: asOf, at: action.dueLocation))
                }
            }
        }
        return diagnostics + registerClaims()
    }

    /// What the registers claim that the reference date contradicts: agreements and certificates
    /// that ran out, processing without an agreement or a needed DPIA, a DPIA due again, a breach
    /// reported late without a reason, findings past their date, registers past their review.
    func registerClaims() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let suppliers = Dictionary(register(.verwerkers)?.entries.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        for register in registers {
            if register.isStale, let reviewBy = register.reviewBy {
                diagnostics.append(.evidenceExpired(reviewBy, asOf: asOf, at: register.reviewByLocation))
            }
            for entry in register.entries {
                func at(_ field: String) -> SourceLocation { entry.locations[field] ?? entry.location }
                let name = entry.name(in: register.kind)
                switch register.kind {
                case .verwerkers:
                    if let end = entry.date("overeenkomst_tot"), end < asOf {
                        diagnostics.append(.agreementExpired(name, end, asOf: asOf, at: at("overeenkomst_tot")))
                    }
                    if let end = entry.date("certificering_tot"), end < asOf {
                        diagnostics.append(.certificateExpired(name, end, asOf: asOf, at: at("certificering_tot")))
                    }
                case .verwerkingen:
                    for id in entry.ids("verwerkers") {
                        guard let supplier = suppliers[id] else { continue }
                        if supplier.values["overeenkomst"] == .choice("geen") {
                            diagnostics.append(.noAgreement(name, supplier: supplier.name(in: .verwerkers), at: at("verwerkers")))
                        }
                    }
                    if entry.flag("hoog_risico"), entry.ids("dpia").isEmpty {
                        diagnostics.append(.dpiaMissing(name, at: at("hoog_risico")))
                    }
                case .dpia:
                    if let due = entry.date("herbeoordeling_op"), due < asOf {
                        diagnostics.append(.dpiaOverdue(name, due, asOf: asOf, at: at("herbeoordeling_op")))
                    }
                    if case .actions(let actions)? = entry.values["maatregelen"] {
                        for action in actions where action.isOverdue {
                            if let due = action.due { diagnostics.append(.actionOverdue(action.title, due, asOf: asOf, at: action.dueLocation)) }
                        }
                    }
                case .datalekken:
                    if let found = entry.date("ontdekt_op"), let reported = entry.date("gemeld_ap_op"),
                       found.days(until: reported) > 3, entry.values["te_laat_reden"] == nil {
                        diagnostics.append(.breachReportedLate(name, days: found.days(until: reported), at: at("gemeld_ap_op")))
                    }
                case .bevindingen:
                    if let followUp = entry.followUp(asOf: asOf), followUp.isOverdue, let due = followUp.due {
                        diagnostics.append(.findingOverdue(name, due, asOf: asOf, at: at("actie_uiterlijk")))
                    }
                }
            }
        }
        return diagnostics
    }
}
