// The school gate of an edition (`build --school`), beside its audience gate in Edition.swift:
// what a school's edition counts, and how the scope of a thing is named on pages and in exports.

extension Portfolio {
    /// The portfolio as one school sees it: the school's coverage and maturity, and per norm only
    /// the evidence that counts for the school (board-wide, or scoped to it). Every other member is
    /// the board's; what the school may read is decided by the edition.
    func seen(by school: School) -> Portfolio {
        var seen = self
        seen.standings = schoolStandings[school.id] ?? standings
        seen.evidenceByNorm = evidenceByNorm.mapValues { indices in indices.filter { documents[$0].scope.includes(school.id) } }
        return seen
    }
}

extension Edition {
    /// Whether a thing with this scope belongs in this edition: every thing in the board's
    /// edition; in a school's, what is board-wide or scoped to the school.
    func covers(_ scope: Scope?) -> Bool { school.map { scope.includes($0.id) } ?? true }

    /// The documents that belong in this edition, whether its audience may read them or not.
    var documentsInScope: Int { school == nil ? portfolio.documents.count : portfolio.documents.count { covers($0.scope) } }

    /// Whether the portfolio names schools at all: only then do pages and exports show scopes.
    var hasSchools: Bool { !portfolio.settings.schools.isEmpty }

    /// The names of the schools of a scope, as pages and exports show them ("De Regenboog, Het
    /// Kompas"); the board-wide text for no scope. Nil for a portfolio without schools.
    func scopeLabel(_ scope: Scope?) -> String? {
        guard hasSchools else { return nil }
        guard let scope else { return text("scope_board") }
        return scope.ids.map { id in portfolio.school(id)?.name ?? id }.joined(separator: ", ")
    }

    /// The ids of a scope, for exports that are read by programs ("" for board-wide).
    func scopeIDs(_ scope: Scope?) -> String { scope?.ids.joined(separator: ", ") ?? "" }

    /// A scope as a register's table and an entry's page show it: the schools, each linked to
    /// its page where the edition has it, or the whole board.
    func scopeValue(_ scope: Scope?, from page: String) -> RegisterValueView {
        let items: [RegisterValueView.Item] =
            scope.map { scope in
                scope.ids.map { id in
                    let shown = has(.coverage) && schools.contains { $0.id == id }
                    return RegisterValueView.Item(
                        text: portfolio.school(id)?.name ?? id,
                        href: shown ? Routes.link(to: Routes.school(id), from: page) : nil)
                }
            } ?? [RegisterValueView.Item(text: text("scope_board"))]
        return RegisterValueView(items: items, actions: [], hasActions: false)
    }
}
