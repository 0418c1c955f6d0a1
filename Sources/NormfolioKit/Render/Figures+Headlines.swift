/// The headline figures of `Figures`: each says what it is over.
extension Figures {
    // MARK: Headlines

    /// A part's headline figures, each saying what it is over: coverage, the average level and
    /// the norms at target, with a note where the catalogue holds fewer norms than the normenkader.
    func partFigures() -> [FigureGroup] {
        edition.catalog.parts.map { part in
            let tally = portfolio.tally(edition.norms(in: part))
            let title = edition.title(part.title, part.titleEN)
            let counts = [
                "covered": String(tally.count(.covered)), "applicable": String(tally.applicable),
                "assessed": String(tally.assessed), "atTarget": String(tally.atTarget),
            ]
            let figures = [
                Figure(
                    value: edition.percentage(tally.coveredPercentage), label: edition.strings.format("figure_coverage_over", counts),
                    key: "coverage-\(part.id)", href: edition.has(.coverage) ? Routes.coverage + "#dekking-\(part.id)" : nil),
                Figure(
                    value: edition.decimal(tally.averageLevel), label: edition.strings.format("figure_average_over", counts),
                    key: "average-\(part.id)", href: edition.has(.maturity) ? Routes.maturity + "#volwassenheid-\(part.id)" : nil),
                Figure(
                    value: String(tally.atTarget), label: edition.strings.format("figure_at_target_over", counts),
                    key: "at-target-\(part.id)", href: edition.has(.maturity) ? Routes.maturity + "#onder-doel" : nil),
            ]
            return FigureGroup(
                title: title, id: part.id, figures: figures, note: catalogNote(part),
                noteHref: edition.has(.catalog) ? Routes.catalog + "#aanvullen" : nil)
        }
    }

    /// Where the catalogue holds fewer norms of a part than the normenkader: that the part's
    /// figures are over those only.
    func catalogNote(_ part: Catalog.Part) -> String? {
        let known = edition.norms(in: part).count
        guard let official = part.officialNormCount, known < official else { return nil }
        return edition.strings.format(
            "figure_catalog_incomplete",
            [
                "known": String(known), "official": String(official), "part": edition.title(part.title, part.titleEN).lowercased(),
            ])
    }

    /// The headline figures besides the parts': expired documents and late actions over what this
    /// edition publishes, the points of attention, the progress since the snapshots and the
    /// registers' key figures.
    func summary() -> [Figure] {
        let staleDocuments = edition.findings.count { $0.kind == .evidenceExpired && $0.subject.isDocument }
        var figures = [
            Figure(
                value: String(staleDocuments),
                label: edition.strings.plural("figure_stale_over", staleDocuments, ["documents": String(edition.publishedDocuments.count)]),
                key: "stale-documents", href: Routes.documents),
            Figure(
                value: String(edition.overdueActions.count), label: edition.strings.plural("figure_overdue", edition.overdueActions.count),
                key: "overdue-actions",
                href: edition.has(.plan) ? Routes.plan : nil),
        ]
        if edition.has(.attention) {
            figures.append(
                Figure(
                    value: String(edition.findings.count), label: edition.strings.plural("figure_attention", edition.findings.count),
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
                figures.append(
                    Figure(
                        value: (change > 0 ? "+" : change < 0 ? "−" : "±") + edition.decimal(abs(change)),
                        label: edition.strings.format("figure_change", ["part": name, "date": edition.format(previous.asOf)]),
                        key: "change-\(part.id)", href: Routes.progress))
            }
            if let toward = progress.towardTarget(part.id) {
                figures.append(
                    Figure(
                        value: edition.percentage(toward),
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
            figures.append(
                Figure(
                    value: "\(ending)", label: edition.strings.plural("figure_agreements_ending", ending, ["total": String(suppliers.count)]),
                    key: "agreements-ending", href: Routes.register(.verwerkers)))
        }
        if let findings = entries(.bevindingen) {
            let open = findings.count { $0.values["actie_status"] != .choice("gereed") }
            figures.append(
                Figure(
                    value: "\(open)", label: edition.strings.plural("figure_open_findings", open, ["total": String(findings.count)]),
                    key: "open-findings", href: Routes.register(.bevindingen)))
        }
        if let breaches = entries(.datalekken) {
            let thisYear = breaches.count { $0.date("ontdekt_op").map(reference.isInYear) ?? false }
            figures.append(
                Figure(
                    value: "\(thisYear)", label: edition.strings.plural("figure_breaches_this_year", thisYear, ["year": String(reference.day.year)]),
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
            let values = [
                "part": title, "applicable": String(tally.applicable), "average": edition.decimal(tally.averageLevel),
                "below": belowMinimum > 0
                    ? strings.plural("verdict_below", belowMinimum, counts)
                    : strings.plural("verdict_none_below", tally.assessed, counts),
                "not_assessed": tally.notAssessed > 0 ? strings.plural("verdict_not_assessed_count", tally.notAssessed, counts) : "",
                "uncovered": uncovered > 0 ? strings.plural("verdict_uncovered", uncovered, counts) : "",
            ]
            let key =
                tally.assessed == 0
                ? "verdict_not_assessed"
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
            return strings.format(
                "annual_average_part",
                [
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
        text += strings.format(
            "annual_average",
            [
                "date": edition.format(portfolio.asOf),
                "averages": partAverages.joined(separator: strings["annual_average_separator"]),
            ])
        text += strings.plural("annual_at_three", atThreeOrMore, ["assessed": String(all.assessed)])
        text += strings.format("annual_evidence", ["covered": String(all.count(.covered)), "applicable": String(all.applicable)])
        text += strings.plural("annual_stale", stale)
        for part in edition.catalog.parts {
            if let note = catalogNote(part) { text += " " + note }
        }
        if !planned.isEmpty {
            let actions = planned.map { norm, action in
                strings.format(
                    "annual_planned_action",
                    [
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
