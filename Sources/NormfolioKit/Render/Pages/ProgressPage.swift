/// Progress over time (`voortgang.html`): the figures at every snapshot and now, per part and
/// domain, as a trend chart with a table; and what changed since the last snapshot.
struct ProgressPage: PageKind {
    struct View: TemplateView {
        var hasSnapshots: Bool
        /// How the snapshots are protected, in words: signed with the board's key, or a checksum
        /// that shows accidental edits only (and how many could not be checked at all).
        var protection: String?
        var dates: [String]
        var parts: [Part]
        var domains: [DomainRow]
        var since: String?
        var raised: [NormChange]
        var lowered: [NormChange]
        var hasRaised: Bool
        var hasLowered: Bool
        var actionsClosed: Int
        var actionsAdded: Int
        var evidenceAdded: [RegisterValueView.Item]
        var evidenceExpired: [RegisterValueView.Item]
        var evidenceAddedCount: Int
        var evidenceExpiredCount: Int
    }

    struct Part: TemplateView {
        var title: String
        var id: String
        var chart: String
        var rows: [Row]
        var progress: String?
    }

    /// One figure at every date.
    struct Row: TemplateView {
        var label: String
        var values: [Cell]
    }

    struct Cell: TemplateView {
        var value: String
        /// What the value is over ("van 66"), after it.
        var over: String?
        /// The figure's key (`data-figure`), for the column of now.
        var key: String?
    }

    struct DomainRow: TemplateView {
        var label: String
        var values: [Cell]
        /// The average level over time, as a small chart (SVG).
        var chart: String
    }

    struct NormChange: TemplateView {
        var id: String
        var title: String
        var href: String
        var from: String
        var to: String
    }

    let template = "progress"
    let menuPosition: Int? = 55

    func pages(in edition: Edition) -> [PageRoute] { edition.has(.progress) ? [PageRoute(path: Routes.progress)] : [] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("progress") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let progress = Progress(edition: edition)
        let snapshots = edition.portfolio.snapshots
        let (dates, parts, domains) = progress.tables()
        let changes = progress.changes(on: page.path)
        return View(
            hasSnapshots: !snapshots.isEmpty, protection: snapshots.isEmpty ? nil : Self.protection(of: edition), dates: dates, parts: parts,
            domains: domains,
            since: snapshots.last.map { edition.format($0.asOf) },
            raised: changes.raised, lowered: changes.lowered, hasRaised: !changes.raised.isEmpty, hasLowered: !changes.lowered.isEmpty,
            actionsClosed: changes.closed, actionsAdded: changes.added,
            evidenceAdded: changes.addedDocuments, evidenceExpired: changes.expiredDocuments,
            evidenceAddedCount: changes.addedDocuments.count, evidenceExpiredCount: changes.expiredDocuments.count)
    }
}

extension ProgressPage {
    /// What protects the snapshots shown, honestly: a signature only the board can make, or a
    /// checksum anyone can make again.
    static func protection(of edition: Edition) -> String {
        let portfolio = edition.portfolio
        if let key = portfolio.snapshotKeyID { return edition.strings.format("progress_signed", ["key": key]) }
        let unchecked = portfolio.snapshots.count { $0.protection == .unchecked }
        let note = edition.strings["progress_checksum"]
        return unchecked == 0 ? note : note + " " + edition.strings.plural("progress_unchecked", unchecked)
    }
}

/// The portfolio's figures at each snapshot and now, and what changed since the last snapshot,
/// as this edition may show them (documents it does not publish are counted, never named).
struct Progress {
    let edition: Edition

    /// The figures at every snapshot and now: the dates, per part (with its chart) and per domain.
    func tables() -> (dates: [String], parts: [ProgressPage.Part], domains: [ProgressPage.DomainRow]) {
        typealias Cell = ProgressPage.Cell
        let dates = edition.portfolio.snapshots.map { edition.format($0.asOf) } + [edition.format(edition.portfolio.asOf)]
        let parts = edition.catalog.parts.map { part -> ProgressPage.Part in
            let figures = figures(for: part.id)
            let title = edition.title(part.title, part.titleEN)
            let chart = Chart.trend(
                id: "voortgang-\(part.id)", title: "\(edition.text("figure_average")) \(title.lowercased())",
                description: edition.text("progress_chart_description"),
                points: zip(dates, figures).map { ($0, $1?.averageLevel) }, maximum: 5,
                target: Double(edition.portfolio.settings.target))
            // The last column is now: its figures carry the keys the home page's have.
            func cells(_ key: String, _ value: (Snapshot.Figures?) -> (String, String?)) -> [Cell] {
                figures.enumerated().map { index, figure in
                    let (text, over) = value(figure)
                    return Cell(value: text, over: over, key: index == figures.count - 1 ? "\(key)-\(part.id)" : nil)
                }
            }
            return ProgressPage.Part(
                title: title, id: part.id, chart: chart,
                rows: [
                    ProgressPage.Row(label: edition.text("figure_average"), values: cells("average") { (edition.decimal($0?.averageLevel), nil) }),
                    ProgressPage.Row(
                        label: edition.text("figure_at_target"),
                        values: cells("at-target") { figures in
                            (figures.map { String($0.atTarget) } ?? "–", figures.map { "\(edition.text("of")) \($0.applicable)" })
                        }),
                    ProgressPage.Row(
                        label: edition.text("figure_coverage"), values: cells("coverage") { (edition.percentage($0?.coveredPercentage), nil) }),
                ], progress: towardTarget(part.id).map(edition.percentage))
        }
        let domains = edition.catalog.parts.flatMap { edition.catalog.domains(in: $0) }.map { domain in
            let figures = figures(for: domain.code)
            return ProgressPage.DomainRow(
                label: edition.domainLabel(domain), values: figures.map { Cell(value: edition.decimal($0?.averageLevel)) },
                chart: Chart.sparkline(
                    id: "verloop-\(domain.code.lowercased())",
                    title: "\(edition.text("figure_average")) \(edition.domainLabel(domain))",
                    values: figures.map { $0?.averageLevel }, maximum: 5))
        }
        return (dates, parts, domains)
    }

    /// A group's figures at every snapshot, then now (nil where a snapshot lacks the group).
    func figures(for group: String) -> [Snapshot.Figures?] {
        let portfolio = edition.portfolio
        let norms: [Catalog.Norm] =
            group.isEmpty
            ? edition.catalog.norms
            : edition.catalog.part(group).map { edition.norms(in: $0) } ?? edition.catalog.norms.filter { $0.domain == group }
        let tally = portfolio.tally(norms)
        // Now, as every other page shows it (a snapshot stores its figures rounded).
        let now = Snapshot.Figures(
            averageLevel: tally.averageLevel, atTarget: tally.atTarget, applicable: tally.applicable,
            coveredPercentage: tally.coveredPercentage)
        return portfolio.snapshots.map { $0.figures[group] } + [now]
    }

    /// How far a group came from the first snapshot toward the target: (now − then) / (target − then).
    func towardTarget(_ group: String) -> Double? {
        let all = figures(for: group)
        guard edition.portfolio.snapshots.count > 0, let first = all.first??.averageLevel, let last = all.last??.averageLevel else { return nil }
        // From the averages as the pages show them (one decimal), so a reader can redo the sum.
        let (baseline, current) = ((first * 10).rounded() / 10, (last * 10).rounded() / 10)
        let target = Double(edition.portfolio.settings.target)
        guard target > baseline else { return nil }
        return (current - baseline) / (target - baseline) * 100
    }

    struct Changes {
        var raised: [ProgressPage.NormChange] = []
        var lowered: [ProgressPage.NormChange] = []
        var closed = 0
        var added = 0
        var addedDocuments: [RegisterValueView.Item] = []
        var expiredDocuments: [RegisterValueView.Item] = []
    }

    /// What changed since the last snapshot.
    func changes(on page: String) -> Changes {
        var changes = Changes()
        guard let previous = edition.portfolio.snapshots.last else { return changes }
        let portfolio = edition.portfolio
        for norm in edition.catalog.norms {
            for action in edition.assessments[norm.id]?.actions ?? [] {
                let key = norm.id + "|" + action.title
                if action.status == .gereed && previous.openActions.contains(key) { changes.closed += 1 }
                if action.status != .gereed && !previous.openActions.contains(key) && !previous.doneActions.contains(key) { changes.added += 1 }
            }
            let now = portfolio.standings[norm.id]?.level, then = previous.norms[norm.id]?.level
            guard let now, now != then else { continue }
            let change = ProgressPage.NormChange(
                id: norm.id, title: edition.normTitle(norm), href: Routes.link(to: Routes.norm(norm.id), from: page),
                from: then.map(String.init) ?? "–", to: String(now))
            if (then ?? 0) < now { changes.raised.append(change) } else { changes.lowered.append(change) }
        }
        for index in edition.publishedDocuments {
            let document = portfolio.documents[index]
            let item = RegisterValueView.Item(text: document.title, href: Routes.link(to: Routes.document(document.slug), from: page))
            if !previous.documents.contains(document.slug) { changes.addedDocuments.append(item) }
            if document.isStale && !previous.staleDocuments.contains(document.slug) { changes.expiredDocuments.append(item) }
        }
        return changes
    }
}
