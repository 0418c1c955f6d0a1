/// The figures that answer a board's questions, shared by the coverage, maturity, plan and report
/// pages and the home page. All of them come from the portfolio's standings, computed once in the
/// link stage.
struct Figures {
    let edition: Edition

    init(_ edition: Edition) { self.edition = edition }

    private var portfolio: Portfolio { edition.portfolio }

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
        CoverageRow(part: part, label: label, norms: tally.norms, covered: tally.count(.covered), stale: tally.count(.stale),
                    missing: tally.count(.missing), notApplicable: tally.count(.notApplicable),
                    percentage: edition.percentage(tally.coveredPercentage))
    }

    func coverageParts() -> [CoveragePart] {
        edition.domainsByPart().map { part, domains in
            let rows = domains.map { coverageRow(edition.domainLabel($0.domain), portfolio.tally($0.norms)) }
            let bars = domains.map { entry -> Chart.Bar in
                let tally = portfolio.tally(entry.norms)
                return Chart.Bar(label: edition.domainLabel(entry.domain),
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
        MaturityRow(part: part, label: label, assessed: tally.assessed, average: edition.decimal(tally.averageLevel),
                    lowest: tally.lowestLevel.map(String.init) ?? "–", atTarget: tally.atTarget,
                    notAssessed: tally.notAssessed, applicable: tally.applicable)
    }

    func maturityParts() -> [MaturityPart] {
        edition.domainsByPart().map { part, domains in
            let partTitle = edition.title(part.title, part.titleEN)
            let bars = domains.map { entry -> Chart.Bar in
                let standings = entry.norms.compactMap { portfolio.standings[$0.id] }.filter(\.isApplicable)
                let targets = standings.map { Double($0.target) }
                return Chart.Bar(label: edition.domainLabel(entry.domain), segments: [portfolio.tally(entry.norms).averageLevel ?? 0],
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
        return Distribution(levels: levels, notAssessed: tally.notAssessed,
                            chart: Chart.vertical(id: "chart-distribution", title: edition.text("distribution"),
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
            return BelowTarget(id: reference.id, title: reference.title, titleLang: reference.titleLang, href: reference.href,
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
                .sorted { ($0.action.due ?? Day.distantFuture, $0.norm?.id ?? "~", $0.action.title)
                    < ($1.action.due ?? Day.distantFuture, $1.norm?.id ?? "~", $1.action.title) }
                .map { norm, action, source in
                    ActionEntry(title: action.title, owner: action.owner, due: action.due.map(edition.format),
                                overdue: action.isOverdue, norm: norm.map { NormReference($0, in: edition) }, source: source)
                }
            return ActionGroup(status: edition.text("status_" + status.rawValue).uppercasedFirst, id: status.styleName,
                               actions: actions, count: actions.count, hasActions: !actions.isEmpty)
        }
    }

    // MARK: Headlines

    /// A part's headline figures, each saying what it is over: coverage, the average level and
    /// the norms at target, with a note where the catalogue holds fewer norms than the normenkader.
    func partFigures() -> [FigureGroup] {
        edition.catalog.parts.map { part in
            let tally = portfolio.tally(edition.norms(in: part))
            let title = edition.title(part.title, part.titleEN)
            let counts = ["covered": String(tally.count(.covered)), "applicable": String(tally.applicable),
                          "assessed": String(tally.assessed), "atTarget": String(tally.atTarget)]
            let figures = [
                Figure(value: edition.percentage(tally.coveredPercentage), label: edition.strings.format("figure_coverage_over", counts),
                       key: "coverage-\(part.id)", href: edition.has(.coverage) ? Routes.coverage + "#dekking-\(part.id)" : nil),
                Figure(value: edition.decimal(tally.averageLevel), label: edition.strings.format("figure_average_over", counts),
                       key: "average-\(part.id)", href: edition.has(.maturity) ? Routes.maturity + "#volwassenheid-\(part.id)" : nil),
                Figure(value: String(tally.atTarget), label: edition.strings.format("figure_at_target_over", counts),
                       key: "at-target-\(part.id)", href: edition.has(.maturity) ? Routes.maturity + "#onder-doel" : nil),
            ]
            return FigureGroup(title: title, id: part.id, figures: figures, note: catalogNote(part),
                               noteHref: edition.has(.catalog) ? Routes.catalog + "#aanvullen" : nil)
        }
    }

    /// Where the catalogue holds fewer norms of a part than the normenkader: that the part's
    /// figures are over those only.
    func catalogNote(_ part: Catalog.Part) -> String? {
        let known = edition.norms(in: part).count
        guard let official = part.officialNormCount, known < official else { return nil }
        return edition.strings.format("figure_catalog_incomplete", [
            "known": String(known), "official": String(official), "part": edition.title(part.title, part.titleEN).lowercased(),
        ])
    }

    /// The headline figures besides the parts': expired documents and late actions over what this
    /// edition publishes, the points of attention, the progress since the snapshots and the
    /// registers' key figures.
    func summary() -> [Figure] {
        let staleDocuments = edition.findings.count { $0.kind == .evidenceExpired && $0.subject.isDocument }
        var figures = [
            Figure(value: String(staleDocuments),
                   label: edition.strings.plural("figure_stale_over", staleDocuments, ["documents": String(edition.publishedDocuments.count)]),
                   key: "stale-documents", href: Routes.documents),
            Figure(value: String(edition.overdueActions.count), label: edition.strings.plural("figure_overdue", edition.overdueActions.count),
                   key: "overdue-actions",
                   href: edition.has(.plan) ? Routes.plan : nil),
        ]
        if edition.has(.attention) {
            figures.append(Figure(value: String(edition.findings.count), label: edition.strings.plural("figure_attention", edition.findings.count),
                                  key: "attention",
                                  href: Routes.attention))
        }
        return figures + progressFigures() + registerFigures()
    }

    /// With snapshots: per part, the change of the average level since the last snapshot, and the
    /// progress toward the target since the first, (now − then) / (target − then).
    func progressFigures() -> [Figure] {
        guard edition.has(.progress), let previous = portfolio.snapshots.last, let first = portfolio.snapshots.first else { return [] }
        let progress = Progress(edition: edition)
        var figures: [Figure] = []
        for part in edition.catalog.parts {
            let name = edition.title(part.title, part.titleEN).lowercased()
            let values = progress.figures(for: part.id)
            if let now = values.last??.averageLevel, let then = values[values.count - 2]?.averageLevel {
                // From the averages as the pages show them (one decimal).
                let change = (((now * 10).rounded() - (then * 10).rounded())).rounded() / 10
                figures.append(Figure(value: (change > 0 ? "+" : change < 0 ? "−" : "±") + edition.decimal(abs(change)),
                                      label: edition.strings.format("figure_change", ["part": name, "date": edition.format(previous.asOf)]),
                                      key: "change-\(part.id)", href: Routes.progress))
            }
            if let toward = progress.towardTarget(part.id) {
                figures.append(Figure(value: edition.percentage(toward),
                                      label: edition.strings.format("figure_toward_target", ["part": name, "date": edition.format(first.asOf)]),
                                      key: "toward-target-\(part.id)", href: Routes.progress))
            }
        }
        return figures
    }

    /// The registers' key figures, over the entries this edition publishes, for each register it
    /// publishes: agreements that end within 90 days, findings not yet done, breaches this year.
    func registerFigures() -> [Figure] {
        let reference = portfolio.reference
        func entries(_ kind: RegisterKind) -> [RegisterEntry]? {
            guard let r = portfolio.registers.firstIndex(where: { $0.kind == kind }), edition.publishedRegisters.contains(r) else { return nil }
            return edition.publishedEntries[r].map { portfolio.registers[r].entries[$0] }
        }
        var figures: [Figure] = []
        if let suppliers = entries(.verwerkers) {
            let ending = suppliers.count { entry in entry.date("overeenkomst_tot").map(reference.isSoon) ?? false }
            figures.append(Figure(value: "\(ending)", label: edition.strings.plural("figure_agreements_ending", ending, ["total": String(suppliers.count)]),
                                  key: "agreements-ending", href: Routes.register(.verwerkers)))
        }
        if let findings = entries(.bevindingen) {
            let open = findings.count { $0.values["actie_status"] != .choice("gereed") }
            figures.append(Figure(value: "\(open)", label: edition.strings.plural("figure_open_findings", open, ["total": String(findings.count)]),
                                  key: "open-findings", href: Routes.register(.bevindingen)))
        }
        if let breaches = entries(.datalekken) {
            let thisYear = breaches.count { $0.date("ontdekt_op").map(reference.isInYear) ?? false }
            figures.append(Figure(value: "\(thisYear)", label: edition.strings.plural("figure_breaches_this_year", thisYear, ["year": String(reference.day.year)]),
                                  key: "breaches-this-year", href: Routes.register(.datalekken)))
        }
        return figures
    }

    /// Per part, one sentence that says where it stands against the sector's minimum (level 3).
    func verdicts() -> [String] {
        edition.catalog.parts.map { part in
            let standings = edition.norms(in: part).compactMap { portfolio.standings[$0.id] }.filter(\.isApplicable)
            let tally = Tally(standings)
            let title = edition.title(part.title, part.titleEN)
            let belowMinimum = standings.count { ($0.level ?? 3) < 3 }
            let uncovered = standings.count { $0.coverage != .covered }
            let strings = edition.strings
            let counts = ["assessed": String(tally.assessed), "applicable": String(tally.applicable)]
            let values = ["part": title, "applicable": String(tally.applicable), "average": edition.decimal(tally.averageLevel),
                          "below": belowMinimum > 0 ? strings.plural("verdict_below", belowMinimum, counts)
                              : strings.plural("verdict_none_below", tally.assessed, counts),
                          "not_assessed": tally.notAssessed > 0 ? strings.plural("verdict_not_assessed_count", tally.notAssessed, counts) : "",
                          "uncovered": uncovered > 0 ? strings.plural("verdict_uncovered", uncovered, counts) : ""]
            let key = tally.assessed == 0 ? "verdict_not_assessed"
                : belowMinimum == 0 && tally.notAssessed == 0 && uncovered == 0 ? "verdict_in_order" : "verdict_short"
            return strings.format(key, values) + (catalogNote(part).map { " " + $0 } ?? "")
        }
    }

    /// A paragraph for the annual report, in the edition's language.
    func annualReportParagraph() -> String {
        let strings = edition.strings
        let all = portfolio.tally(edition.catalog.norms)
        let partAverages = edition.catalog.parts.map { part in
            let tally = portfolio.tally(edition.norms(in: part))
            return strings.format("annual_average_part", [
                "average": edition.decimal(tally.averageLevel), "part": edition.title(part.title, part.titleEN).lowercased(),
                "assessed": String(tally.assessed), "norms": String(tally.norms),
            ])
        }
        let atThreeOrMore = portfolio.standings.values.count { ($0.level ?? 0) >= 3 }
        let stale = edition.findings.count { $0.kind == .evidenceExpired && $0.subject.isDocument }
        // Planned: not done and due after the reference date; the rest is late, or due on the day.
        let reference = portfolio.reference
        let planned = edition.catalog.norms.flatMap { norm in
            (edition.assessments[norm.id]?.actions ?? []).filter { $0.status != .gereed && ($0.due.map(reference.isAhead) ?? true) }
                .map { (norm, $0) }
        }
        .sorted { ($0.1.due ?? Day.distantFuture, $0.0.id) < ($1.1.due ?? Day.distantFuture, $1.0.id) }
        .prefix(3)
        let overdue = edition.overdueActions.count
        var text = strings.format("annual_intro", ["organisation": portfolio.settings.organisation])
        text += strings.format("annual_average", ["date": edition.format(portfolio.asOf),
                                                   "averages": partAverages.joined(separator: strings["annual_average_separator"])])
        text += strings.plural("annual_at_three", atThreeOrMore, ["assessed": String(all.assessed)])
        text += strings.format("annual_evidence", ["covered": String(all.count(.covered)), "applicable": String(all.applicable)])
        text += strings.plural("annual_stale", stale)
        for part in edition.catalog.parts {
            if let note = catalogNote(part) { text += " " + note }
        }
        if !planned.isEmpty {
            let actions = planned.map { norm, action in
                strings.format("annual_planned_action", [
                    "action": action.title.lowercasedFirst, "norm": norm.id,
                    "due": action.due.map { strings.format("annual_planned_due", ["date": edition.format($0)]) } ?? "",
                ])
            }
            text += strings.format("annual_planned", ["actions": actions.joined(separator: "; ")])
        }
        if overdue > 0 { text += strings.plural("annual_overdue", overdue) }
        return text
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
