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
                if evidence.isEmpty {
                    diagnostics.append(.levelWithoutEvidence(id, level: level, at: assessment.levelLocation))
                } else if standing.coverage == .stale {
                    diagnostics.append(.levelOnStaleEvidence(id, level: level, at: assessment.levelLocation))
                } else if level >= 3, !evidence.contains(where: { !documents[$0].isStale && documents[$0].isAdopted }) {
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
        return diagnostics
    }
}
