import Foundation

/// The pages that answer a board's questions: coverage, maturity, the improvement plan and the
/// printable report. All figures come from the portfolio's standings, computed once in the link stage.
extension Renderer {
    // MARK: Shared pieces

    /// A number with one decimal, written the way the site's language writes it ("2,7" / "2.7").
    func decimal(_ value: Double?) -> String { strings.decimal(value) }

    func percentage(_ value: Double?) -> String {
        value.map { "\(Int($0.rounded()))%" } ?? "–"
    }

    func coverageLabel(_ coverage: Coverage) -> String { text("coverage_" + coverage.rawValue) }

    /// The domains of a part with their norms, for per-domain tables.
    func domainsByPart() -> [(part: Catalog.Part, domains: [(domain: Catalog.Domain, norms: [Catalog.Norm])])] {
        portfolio.catalog.parts.map { part in
            (part, portfolio.catalog.domains(in: part).map { ($0, portfolio.catalog.norms(in: $0)) })
        }
    }

    func domainLabel(_ domain: Catalog.Domain) -> String { "\(domain.number) \(title(domain.title, domain.titleEN))" }

    func normReference(_ norm: Catalog.Norm) -> View {
        ["id": norm.id, "title": normTitle(norm), "titleLang": normTitleLanguage(norm), "href": "normen/\(norm.id).html"]
    }

    // MARK: Coverage

    func coverageRow(_ label: String, _ tally: Tally) -> View {
        [
            "label": label, "norms": tally.norms, "covered": tally.count(.covered), "stale": tally.count(.stale),
            "missing": tally.count(.missing), "notApplicable": tally.count(.notApplicable),
            "percentage": percentage(tally.coveredPercentage),
        ]
    }

    func coverageParts() -> [View] {
        domainsByPart().map { part, domains in
            let rows = domains.map { coverageRow(domainLabel($0.domain), portfolio.tally($0.norms)) }
            let bars = domains.map { entry -> Chart.Bar in
                let tally = portfolio.tally(entry.norms)
                return Chart.Bar(label: domainLabel(entry.domain),
                                 segments: [tally.count(.covered), tally.count(.stale), tally.count(.missing), tally.count(.notApplicable)]
                                     .map { Double($0) * 100 / Double(max(tally.norms, 1)) })
            }
            let partTitle = title(part.title, part.titleEN)
            return [
                "title": partTitle, "id": part.id, "rows": rows,
                "total": coverageRow(text("total"), portfolio.tally(domains.flatMap(\.norms))),
                "chart": Chart.horizontal(
                    id: "chart-coverage-\(part.id)", title: "\(text("coverage_per_domain")): \(partTitle)",
                    description: text("coverage_chart_description"), bars: bars, maximum: 100,
                    classes: ["chart-covered", "chart-stale", "chart-missing", "chart-na"], ticks: [0, 25, 50, 75, 100],
                    tickLabel: { "\(Int($0))%" }),
            ]
        }
    }

    func coverageView() -> View {
        let matrix: [View] = domainsByPart().flatMap { _, domains in
            domains.map { entry -> View in
                [
                    "label": domainLabel(entry.domain),
                    "norms": entry.norms.map { norm -> View in
                        let coverage = portfolio.standings[norm.id]?.coverage ?? .missing
                        return ["id": norm.id, "href": "normen/\(norm.id).html", "status": coverage.rawValue,
                                "statusLabel": coverageLabel(coverage)]
                    },
                ]
            }
        }
        let gaps = normsWith(.missing), stale = normsWith(.stale)
        return [
            "parts": coverageParts(), "matrix": matrix,
            "gaps": gaps, "hasGaps": !gaps.isEmpty, "stale": stale, "hasStale": !stale.isEmpty,
        ]
    }

    func normsWith(_ coverage: Coverage) -> [View] {
        portfolio.catalog.norms.filter { portfolio.standings[$0.id]?.coverage == coverage }.map { norm in
            var view = normReference(norm)
            view["domain"] = portfolio.catalog.domain(norm.domain).map(domainLabel) ?? norm.domain
            return view
        }
    }

    // MARK: Maturity

    func maturityRow(_ label: String, _ tally: Tally) -> View {
        [
            "label": label, "assessed": tally.assessed, "average": decimal(tally.averageLevel),
            "lowest": tally.lowestLevel.map(String.init) ?? "–", "atTarget": tally.atTarget,
            "notAssessed": tally.notAssessed, "applicable": tally.applicable,
        ]
    }

    func maturityParts() -> [View] {
        domainsByPart().map { part, domains in
            let partTitle = title(part.title, part.titleEN)
            let bars = domains.map { entry -> Chart.Bar in
                let standings = entry.norms.compactMap { portfolio.standings[$0.id] }.filter(\.isApplicable)
                let targets = standings.map { Double($0.target) }
                return Chart.Bar(label: domainLabel(entry.domain), segments: [portfolio.tally(entry.norms).averageLevel ?? 0],
                                 target: targets.isEmpty ? nil : targets.reduce(0, +) / Double(targets.count))
            }
            return [
                "title": partTitle, "id": part.id,
                "rows": domains.map { maturityRow(domainLabel($0.domain), portfolio.tally($0.norms)) },
                "total": maturityRow(text("total"), portfolio.tally(domains.flatMap(\.norms))),
                "chart": Chart.horizontal(
                    id: "chart-maturity-\(part.id)", title: "\(text("maturity_per_domain")): \(partTitle)",
                    description: text("maturity_chart_description"), bars: bars, maximum: 5,
                    classes: ["chart-level"], ticks: [0, 1, 2, 3, 4, 5], tickLabel: { "\(Int($0))" }),
            ]
        }
    }

    func distributionView() -> View {
        let tally = portfolio.tally(portfolio.catalog.norms)
        let levels: [View] = portfolio.catalog.levels.map { level in
            ["label": levelLabel(level.level), "count": tally.distribution[level.level - 1]]
        }
        let bars = portfolio.catalog.levels.map {
            Chart.Bar(label: String($0.level), segments: [Double(tally.distribution[$0.level - 1])])
        }
        return [
            "levels": levels, "notAssessed": tally.notAssessed,
            "chart": Chart.vertical(id: "chart-distribution", title: text("distribution"),
                                    description: text("distribution_chart_description"), bars: bars,
                                    cssClass: "chart-level"),
        ]
    }

    /// Norms below their target, the largest gap first.
    func belowTarget() -> [View] {
        portfolio.catalog.norms.compactMap { norm -> (Catalog.Norm, NormStanding)? in
            guard let standing = portfolio.standings[norm.id], let gap = standing.gap, gap > 0 else { return nil }
            return (norm, standing)
        }
        .sorted { ($1.1.gap ?? 0, $0.0.id) < ($0.1.gap ?? 0, $1.0.id) }
        .map { norm, standing in
            var view = normReference(norm)
            view["level"] = levelLabel(standing.level ?? 0)
            view["target"] = levelLabel(standing.target)
            view["gap"] = standing.gap ?? 0
            view["owner"] = opt(assessments[norm.id]?.owner)
            return view
        }
    }

    func maturityView() -> View {
        let below = belowTarget()
        return ["parts": maturityParts(), "distribution": distributionView(), "belowTarget": below, "hasBelowTarget": !below.isEmpty]
    }

    // MARK: Improvement plan

    /// Every action of every assessment, grouped by status and sorted by due date.
    func actionGroups() -> [View] {
        var all: [(norm: Catalog.Norm, action: Action)] = []
        for norm in portfolio.catalog.norms {
            for action in assessments[norm.id]?.actions ?? [] { all.append((norm, action)) }
        }
        return Action.Status.allCases.map { status in
            let actions = all.filter { $0.action.status == status }
                .sorted { ($0.action.due ?? Day.distantFuture, $0.norm.id, $0.action.title)
                    < ($1.action.due ?? Day.distantFuture, $1.norm.id, $1.action.title) }
                .map { norm, action -> View in
                    [
                        "title": action.title, "owner": opt(action.owner), "due": opt(action.due.map(format)),
                        "overdue": action.isOverdue,
                        "norm": normReference(norm),
                    ]
                }
            return ["status": text("status_" + status.rawValue).uppercasedFirst, "id": status.rawValue, "actions": actions,
                    "count": actions.count, "hasActions": !actions.isEmpty]
        }
    }

    func planView() -> View {
        ["groups": actionGroups()]
    }

    // MARK: Report

    /// One published document in the report's evidence list (rendered by `evidence-row`).
    func evidenceEntry(_ index: Int) -> View {
        let document = portfolio.documents[index]
        return [
            "title": document.title, "href": documentPath(index), "date": opt(document.date.map(format)),
            "owner": opt(document.owner), "approvedBy": opt(document.approvedBy),
            "approvedOn": opt(document.approvedOn.map(format)), "reviewBy": opt(document.reviewBy.map(format)),
            "stale": document.isStale, "normIDs": document.norms.joined(separator: ", "),
        ]
    }

    /// The published evidence by title, as pre-rendered rows.
    func evidenceList() -> [View] {
        let indices = portfolio.documents.indices.filter { published[$0] }
            .sorted { (portfolio.documents[$0].title, $0) < (portfolio.documents[$1].title, $1) }
        return rows(.evidence, of: indices).map { ["row": $0] as View }
    }

    func reportView() -> View {
        let all = portfolio.tally(portfolio.catalog.norms)
        return [
            "summary": summaryFigures(),
            "coverage": coverageParts(),
            "maturity": maturityParts(),
            "distribution": distributionView(),
            "belowTarget": belowTarget(),
            "hasBelowTarget": all.applicable > all.atTarget,
            "groups": actionGroups(),
            "evidence": evidenceList(),
            "annualReport": annualReportParagraph(),
        ]
    }

    /// The headline figures of the home page and the report.
    func summaryFigures() -> [View] {
        var figures: [View] = []
        let all = portfolio.tally(portfolio.catalog.norms)
        figures.append(["value": percentage(all.coveredPercentage), "label": text("figure_coverage")])
        for part in portfolio.catalog.parts {
            let tally = portfolio.tally(portfolio.catalog.domains(in: part).flatMap { portfolio.catalog.norms(in: $0) })
            figures.append(["value": decimal(tally.averageLevel),
                            "label": "\(text("figure_average")) \(title(part.title, part.titleEN).lowercased())"])
        }
        figures.append(["value": "\(all.atTarget) \(text("of")) \(all.applicable)", "label": text("figure_at_target")])
        figures.append(["value": "\(portfolio.documents.count(where: \.isStale))", "label": text("stale_documents")])
        figures.append(["value": "\(overdueActions().count)", "label": text("figure_overdue")])
        return figures
    }

    func overdueActions() -> [Action] {
        assessments.values.flatMap(\.actions).filter(\.isOverdue)
    }

    /// A paragraph for the annual report, in the site's language.
    func annualReportParagraph() -> String {
        let all = portfolio.tally(portfolio.catalog.norms)
        let partAverages = portfolio.catalog.parts.map { part -> (String, String) in
            let tally = portfolio.tally(portfolio.catalog.domains(in: part).flatMap { portfolio.catalog.norms(in: $0) })
            return (title(part.title, part.titleEN).lowercased(), decimal(tally.averageLevel))
        }
        let atThreeOrMore = portfolio.standings.values.count { ($0.level ?? 0) >= 3 }
        let stale = portfolio.documents.count(where: \.isStale)
        // Planned: not done and not yet due; overdue actions are counted separately.
        let planned = portfolio.catalog.norms.flatMap { norm in
            (assessments[norm.id]?.actions ?? [])
                .filter { $0.status != .gereed && !$0.isOverdue }
                .map { (norm, $0) }
        }
        .sorted { ($0.1.due ?? Day.distantFuture, $0.0.id) < ($1.1.due ?? Day.distantFuture, $1.0.id) }
        .prefix(3)
        let overdue = overdueActions().count
        var text = strings.format("annual_intro", ["organisation": portfolio.settings.organisation])
        let averages = partAverages.map { strings.format("annual_average_part", ["average": $0.1, "part": $0.0]) }
            .joined(separator: strings["annual_average_separator"])
        text += strings.format("annual_average", ["date": format(portfolio.asOf), "averages": averages])
        text += strings.plural("annual_at_three", atThreeOrMore, ["assessed": String(all.assessed)])
        text += strings.format("annual_evidence", ["covered": String(all.count(.covered)), "applicable": String(all.applicable)])
        text += strings.plural("annual_stale", stale)
        if !planned.isEmpty {
            let actions = planned.map { norm, action in
                strings.format("annual_planned_action", [
                    "action": action.title.lowercasedFirst, "norm": norm.id,
                    "due": action.due.map { strings.format("annual_planned_due", ["date": format($0)]) } ?? "",
                ])
            }
            text += strings.format("annual_planned", ["actions": actions.joined(separator: "; ")])
        }
        if overdue > 0 { text += strings.plural("annual_overdue", overdue) }
        return text
    }
}

extension String {
    /// The text with its first letter in lower case, for use inside a sentence ("MFA" stays "MFA").
    /// The text with its first letter in upper case, for headings.
    var uppercasedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }

    var lowercasedFirst: String {
        guard let first, first.isUppercase, !(dropFirst().first?.isUppercase ?? false) else { return self }
        return first.lowercased() + dropFirst()
    }
}
