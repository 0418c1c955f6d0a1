// Schools in the link stage: every `scope:` checked against the schools of normfolio.yml, the
// coverage and maturity of each school, and the claims that hold for only some of them.
//
// A thing without `scope:` is board-wide and counts for every school; a scoped document counts
// only for the schools it names. A norm is covered for a school when current board-wide evidence,
// or current evidence of that school, covers it.

extension Portfolio {
    /// Every `scope:` (of documents, assessments and their actions, register entries and their
    /// measures) checked against `schools:`: an id that names no school is an error at its place,
    /// with the closest id.
    func scopeDiagnostics() -> [Diagnostic] {
        let known = settings.schools.map(\.id)
        let ids = Set(known)
        var scopes: [Scope?] = documents.map(\.scope)
        for id in assessments.keys.sorted() {
            guard let assessment = assessments[id] else { continue }
            scopes.append(assessment.scope)
            scopes += assessment.actions.map(\.scope)
        }
        for register in registers {
            for entry in register.entries {
                scopes.append(entry.scope)
                if case .actions(let actions)? = entry.values["maatregelen"] { scopes += actions.map(\.scope) }
            }
        }
        return scopes.flatMap { scope in
            (scope?.references ?? []).filter { !ids.contains($0.id) }.map { reference in
                .unknownSchool(
                    reference.id, suggestion: Suggestion.closest(to: reference.id, in: known), known: known,
                    at: reference.location)
            }
        }
    }

    /// Every norm's coverage and maturity for one school: its evidence is the board-wide evidence
    /// and its own; its assessment the board-wide one, or one whose `scope:` names it.
    func standings(forSchool school: String) -> [String: NormStanding] {
        let evidence = evidenceByNorm.mapValues { indices in indices.filter { documents[$0].scope.includes(school) } }
        return Portfolio.standings(
            catalog: catalog, documents: documents, evidenceByNorm: evidence, registers: registers,
            registersByNorm: registersByNorm, assessments: assessments.filter { $0.value.scope.includes(school) },
            defaultTarget: settings.target, asOf: asOf)
    }

    /// The schools of normfolio.yml with their standings, by id (none for a board without schools).
    static func schoolStandings(of portfolio: Portfolio) -> [String: [String: NormStanding]] {
        Dictionary(uniqueKeysWithValues: portfolio.settings.schools.map { ($0.id, portfolio.standings(forSchool: $0.id)) })
    }

    /// The claims that hold for only some schools: a level of 2 or higher, for the whole board
    /// (or the schools of the assessment's `scope:`), where current evidence covers the norm, but
    /// not for each of those schools. The finding names the schools without evidence.
    func schoolJudgements() -> [Finding] {
        guard !settings.schools.isEmpty else { return [] }
        var findings: [Finding] = []
        for id in assessments.keys.sorted() {
            guard let assessment = assessments[id], let level = assessment.level, level >= 2,
                standings[id]?.coverage == .covered
            else { continue }
            let claimed = settings.schools.filter { assessment.scope.includes($0.id) }
            let missing = claimed.filter { schoolStandings[$0.id]?[id]?.coverage != .covered }
            guard !missing.isEmpty else { continue }
            let names = missing.map(\.name)
            var finding = Finding(
                kind: .levelNotForEverySchool, subject: .assessment(id), name: names.joined(separator: ", "),
                date: nil, number: level,
                diagnostic: .levelNotForEverySchool(
                    id, level: level, missing: names, of: claimed.count,
                    at: assessment.levelLocation))
            finding.schools = missing.map(\.id)
            findings.append(finding)
        }
        return findings
    }

    /// The school of normfolio.yml with this id.
    public func school(_ id: String) -> School? { settings.schools.first { $0.id == id } }
}
