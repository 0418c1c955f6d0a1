/// The figures that answer a board's questions, shared by the coverage, maturity, plan and report
/// pages and the home page. All of them come from the portfolio's standings, computed once in the
/// link stage.
struct Figures {
    let edition: Edition

    init(_ edition: Edition) { self.edition = edition }

    var portfolio: Portfolio { edition.portfolio }

    // MARK: Coverage

    struct CoverageRow: TemplateView {
        /// For a part's total row, the part's id: its figures carry keys (`data-figure`).
        var part: String?
        var label: String
        var norms: Int
        var covered: Int
        var stale: Int
        var missing: Int
        var notApplicable: Int
        var percentage: String
    }

    struct CoveragePart: TemplateView {
        var title: String
        var id: String
        /// Where the catalogue holds fewer of the part's norms than the normenkader: that the figures are over those only.
        var note: String?
        var rows: [CoverageRow]
        var total: CoverageRow
        var chart: String
    }

    func coverageRow(_ label: String, _ tally: Tally, part: String? = nil) -> CoverageRow {
        CoverageRow(
            part: part, label: label, norms: tally.norms, covered: tally.count(.covered), stale: tally.count(.stale),
            missing: tally.count(.missing), notApplicable: tally.count(.notApplicable),
            percentage: edition.percentage(tally.coveredPercentage))
    }

    func coverageParts() -> [CoveragePart] {
        edition.domainsByPart().map { part, domains in
            let rows = domains.map { coverageRow(edition.domainLabel($0.domain), portfolio.tally($0.norms)) }
            let bars = domains.map { entry -> Chart.Bar in
                let tally = portfolio.tally(entry.norms)
                return Chart.Bar(
                    label: edition.domainLabel(entry.domain),
                    segments: [tally.count(.covered), tally.count(.stale), tally.count(.missing), tally.count(.notApplicable)]
                        .map { Double($0) * 100 / Double(max(tally.norms, 1)) })
            }
            let partTitle = edition.title(part.title, part.titleEN)
            return CoveragePart(
                title: partTitle, id: part.id, note: catalogNote(part), rows: rows,
                total: coverageRow(edition.text("total"), portfolio.tally(domains.flatMap(\.norms)), part: part.id),
                chart: Chart.horizontal(
                    id: "chart-coverage-\(part.id)", title: "\(edition.text("coverage_per_domain")): \(partTitle)",
                    description: edition.text("coverage_chart_description"), bars: bars, maximum: 100,
                    classes: ["chart-covered", "chart-stale", "chart-missing", "chart-na"], ticks: [0, 25, 50, 75, 100],
                    tickLabel: { "\(Int($0))%" }))
        }
    }

    // MARK: Maturity

    struct MaturityRow: TemplateView {
        /// For a part's total row, the part's id: its figures carry keys (`data-figure`).
        var part: String?
        var label: String
        var assessed: Int
        var average: String
        var lowest: String
        var atTarget: Int
        var notAssessed: Int
        var applicable: Int
    }

    struct MaturityPart: TemplateView {
        var title: String
        var id: String
        /// Where the catalogue holds fewer of the part's norms than the normenkader: that the figures are over those only.
        var note: String?
        var rows: [MaturityRow]
        var total: MaturityRow
        var chart: String
    }

    struct Distribution: TemplateView {
        struct Level: TemplateView {
            var label: String
            var count: Int
        }

        var levels: [Level]
        var notAssessed: Int
        var chart: String
    }

    /// A norm below its target.
    struct BelowTarget: TemplateView {
        var id: String
        var title: String
        var titleLang: String?
        var href: String?
        var level: String
        var target: String
        var gap: Int
        var owner: String?
    }

    func maturityRow(_ label: String, _ tally: Tally, part: String? = nil) -> MaturityRow {
        MaturityRow(
            part: part, label: label, assessed: tally.assessed, average: edition.decimal(tally.averageLevel),
            lowest: tally.lowestLevel.map(String.init) ?? "–", atTarget: tally.atTarget,
            notAssessed: tally.notAssessed, applicable: tally.applicable)
    }

    func maturityParts() -> [MaturityPart] {
        edition.domainsByPart().map { part, domains in
            let partTitle = edition.title(part.title, part.titleEN)
            let bars = domains.map { entry -> Chart.Bar in
                let standings = entry.norms.compactMap { portfolio.standings[$0.id] }.filter(\.isApplicable)
                let targets = standings.map { Double($0.target) }
                return Chart.Bar(
                    label: edition.domainLabel(entry.domain), segments: [portfolio.tally(entry.norms).averageLevel ?? 0],
                    target: targets.isEmpty ? nil : targets.reduce(0, +) / Double(targets.count))
            }
            return MaturityPart(
                title: partTitle, id: part.id, note: catalogNote(part),
                rows: domains.map { maturityRow(edition.domainLabel($0.domain), portfolio.tally($0.norms)) },
                total: maturityRow(edition.text("total"), portfolio.tally(domains.flatMap(\.norms)), part: part.id),
                chart: Chart.horizontal(
                    id: "chart-maturity-\(part.id)", title: "\(edition.text("maturity_per_domain")): \(partTitle)",
                    description: edition.text("maturity_chart_description"), bars: bars, maximum: 5,
                    classes: ["chart-level"], ticks: [0, 1, 2, 3, 4, 5], tickLabel: { "\(Int($0))" }))
        }
    }

    func distribution() -> Distribution {
        let tally = portfolio.tally(edition.catalog.norms)
        let levels = edition.catalog.levels.map {
            Distribution.Level(label: edition.levelLabel($0.level), count: tally.distribution[$0.level - 1])
        }
        let bars = edition.catalog.levels.map { Chart.Bar(label: String($0.level), segments: [Double(tally.distribution[$0.level - 1])]) }
        return Distribution(
            levels: levels, notAssessed: tally.notAssessed,
            chart: Chart.vertical(
                id: "chart-distribution", title: edition.text("distribution"),
                description: edition.text("distribution_chart_description"), bars: bars,
                cssClass: "chart-level"))
    }

    /// Norms below their target, the largest gap first.
    func belowTarget() -> [BelowTarget] {
        edition.catalog.norms.compactMap { norm -> (Catalog.Norm, NormStanding)? in
            guard let standing = portfolio.standings[norm.id], let gap = standing.gap, gap > 0 else { return nil }
            return (norm, standing)
        }
        .sorted { ($1.1.gap ?? 0, $0.0.id) < ($0.1.gap ?? 0, $1.0.id) }
        .map { norm, standing in
            let reference = NormReference(norm, in: edition)
            return BelowTarget(
                id: reference.id, title: reference.title, titleLang: reference.titleLang, href: reference.href,
                level: edition.levelLabel(standing.level ?? 0), target: edition.levelLabel(standing.target),
                gap: standing.gap ?? 0, owner: edition.assessments[norm.id]?.owner)
        }
    }

    // MARK: Improvement plan

    struct ActionGroup: TemplateView {
        var status: String
        var id: String
        var actions: [ActionEntry]
        var count: Int
        var hasActions: Bool
    }

    struct ActionEntry: TemplateView {
        var title: String
        var owner: String?
        var due: String?
        var overdue: Bool
        var norm: NormReference?
        /// The register entry it comes from (a finding, a DPIA), from the site's root.
        var source: RegisterValueView.Item?
    }

    /// Every action of every assessment and of the published findings and DPIAs, grouped by
    /// status and sorted by due date.
    func actionGroups() -> [ActionGroup] {
        var all: [(norm: Catalog.Norm?, action: Action, source: RegisterValueView.Item?)] = []
        for norm in edition.catalog.norms {
            for action in edition.assessments[norm.id]?.actions ?? [] { all.append((norm, action, nil)) }
        }
        for item in edition.registerActions {
            let source = RegisterValueView.Item(text: item.entry.name(in: item.kind), href: Routes.registerEntry(item.kind, item.entry.id))
            all.append((item.norm.flatMap { edition.catalog.norm($0) }, item.action, source))
        }
        return Action.Status.allCases.map { status in
            let actions = all.filter { $0.action.status == status }
                .sorted {
                    ($0.action.due ?? Day.distantFuture, $0.norm?.id ?? "~", $0.action.title)
                        < ($1.action.due ?? Day.distantFuture, $1.norm?.id ?? "~", $1.action.title)
                }
                .map { norm, action, source in
                    ActionEntry(
                        title: action.title, owner: action.owner, due: action.due.map(edition.format),
                        overdue: action.isOverdue, norm: norm.map { NormReference($0, in: edition) }, source: source)
                }
            return ActionGroup(
                status: edition.text("status_" + status.rawValue).uppercasedFirst, id: status.styleName,
                actions: actions, count: actions.count, hasActions: !actions.isEmpty)
        }
    }
}

/// A part's headline figures, with a note on what they are over.
struct FigureGroup: TemplateView {
    var title: String
    var id: String
    var figures: [Figure]
    var note: String?
    var noteHref: String?
}

extension String {
    /// The text with its first letter in upper case, for headings.
    var uppercasedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }

    /// The text with its first letter in lower case, for use inside a sentence ("MFA" stays "MFA").
    var lowercasedFirst: String {
        guard let first, first.isUppercase, !(dropFirst().first?.isUppercase ?? false) else { return self }
        return first.lowercased() + dropFirst()
    }
}
