/// A norm's page (`normen/<ID>.html`): what it asks, its evidence, and the board's assessment.
struct NormPage: PageKind {
    struct View: TemplateView {
        var id: String
        var title: String
        /// The title with soft hyphens in its long words, for the `<h1>` only.
        var titleHyphenated: String
        var titleLang: String?
        var status: String
        var statusLabel: String
        var gap: String?
        var workingTitle: Bool
        var titleEN: String?
        var description: String
        var officialURL: String
        var domain: String
        var part: String
        var evidence: [DocumentRowView]
        var hasPublishedEvidence: Bool
        var hasEvidence: Bool
        var noEvidence: Bool
        var withheld: [Withheld]
        var hasWithheld: Bool
        var withheldCount: Int
        var withheldNoun: String
        var domainNorms: [NormLink]
        var previous: NormLink?
        var next: NormLink?
        var assessment: AssessmentView?
        /// The published registers that are evidence for the norm.
        var registers: [RegisterValueView.Item]
        var hasRegisters: Bool
        /// The published findings about the norm.
        var findings: [AuditFinding]
        var hasFindings: Bool
        /// The norm's level and coverage at every snapshot, then now.
        var history: [HistoryRow]
        var hasHistory: Bool
        /// What normfolio finds about the assessment: a level its evidence does not carry, carried
        /// over, a review or actions past their date.
        var attention: [AttentionView]
        var hasAttention: Bool
    }

    struct HistoryRow: TemplateView {
        var date: String
        var level: String
        var coverage: String
    }

    /// A finding of the register of findings (bevindingen) that names the norm.
    struct AuditFinding: TemplateView {
        var title: String
        var href: String
        var severity: String
        var status: String
        var overdue: Bool
    }

    /// How many of the norm's documents of one classification this edition does not publish.
    struct Withheld: TemplateView {
        var count: Int
        var classification: String
    }

    /// Another norm, linked from this norm's page.
    struct NormLink: TemplateView {
        var id: String
        var title: String
        var titleLang: String?
        var href: String
        /// "page" for the norm itself in its domain's list.
        var current: String?
    }

    /// The board's assessment of the norm, as this edition may show it.
    struct AssessmentView: TemplateView {
        var level: String?
        var target: String
        var owner: String?
        var notApplicable: String?
        var reviewedOn: String?
        var nextReview: String?
        var narrative: String?
        var textWithheld: Bool
        var hasActions: Bool
        var actions: [ActionView]
    }

    struct ActionView: TemplateView {
        var title: String
        var owner: String?
        var due: String?
        var status: String
        var overdue: Bool
    }

    let template = "norm"

    func pages(in edition: Edition) -> [PageRoute] {
        guard edition.has(.catalog) else { return [] }
        return edition.catalog.norms.enumerated().map { PageRoute(path: Routes.norm($1.id), item: $0) }
    }

    func title(of page: PageRoute, in edition: Edition) -> String {
        let norm = edition.catalog.norms[page.item]
        return "\(norm.id) \(norm.title)"
    }

    func describe(_ page: PageRoute, in edition: Edition) -> String { "the page of a norm" }

    func crumbs(of page: PageRoute, in edition: Edition) -> [Crumb] {
        let norm = edition.catalog.norms[page.item]
        let domain = edition.catalog.domain(norm.domain)
        return [
            Crumb(label: edition.text("catalog"), href: Routes.catalog),
            Crumb(label: domain.map(edition.domainLabel) ?? norm.domain, href: Routes.catalog + "#" + Routes.domainAnchor(norm.domain)),
        ]
    }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let catalog = edition.catalog
        let norm = catalog.norms[page.item]
        let domain = catalog.domain(norm.domain)
        let evidence = edition.portfolio.evidenceByNorm[norm.id] ?? []
        let snapshots = edition.portfolio.snapshots
        let history =
            snapshots.isEmpty
            ? []
            : snapshots.map { snapshot in
                HistoryRow(
                    date: edition.format(snapshot.asOf), level: snapshot.norms[norm.id]?.level.map(edition.levelLabel) ?? "–",
                    coverage: snapshot.norms[norm.id].flatMap { Coverage(rawValue: $0.coverage) }.map(edition.coverageLabel) ?? "–")
            } + [
                HistoryRow(
                    date: edition.format(edition.portfolio.asOf),
                    level: edition.portfolio.standings[norm.id]?.level.map(edition.levelLabel) ?? "–",
                    coverage: edition.coverageLabel(edition.portfolio.standings[norm.id]?.coverage ?? .missing))
            ]
        let registers = (edition.portfolio.registersByNorm[norm.id] ?? []).filter(edition.publishedRegisters.contains).map { r in
            let register = edition.portfolio.registers[r]
            return RegisterValueView.Item(
                text: edition.registerTitle(register), href: Routes.link(to: Routes.register(register.kind), from: page.path))
        }
        let findings = edition.findings(about: norm.id).map { entry in
            AuditFinding(
                title: entry.name(in: .bevindingen), href: Routes.link(to: Routes.registerEntry(.bevindingen, entry.id), from: page.path),
                severity: entry.values["ernst"]?.text ?? "", status: edition.text("status_" + (entry.values["actie_status"]?.text ?? "open")),
                overdue: entry.followUp?.isOverdue ?? false)
        }
        let shown = evidence.filter { edition.published[$0] }
        var withheld: [Classification: Int] = [:]
        for i in evidence where !edition.published[i] { withheld[edition.portfolio.documents[i].classification, default: 0] += 1 }
        let standing = edition.portfolio.standings[norm.id]
        let coverage = standing?.coverage ?? .missing
        let attention = edition.attention(about: .assessment(norm.id))
        let link = { (other: Catalog.Norm) in
            NormLink(
                id: other.id, title: edition.normTitle(other), titleLang: edition.normTitleLanguage(other),
                href: Routes.link(to: Routes.norm(other.id), from: page.path))
        }
        return View(
            id: norm.id, title: edition.normTitle(norm), titleHyphenated: edition.hyphenatedTitle(of: norm),
            titleLang: edition.normTitleLanguage(norm), status: coverage.styleName,
            statusLabel: edition.coverageLabel(coverage), gap: standing?.gap.map { "\($0)" }, workingTitle: !norm.titleVerified,
            titleEN: edition.language == .en ? nil : norm.titleEN, description: norm.description,
            officialURL: catalog.officialURL(of: norm),
            domain: domain.map(edition.domainLabel) ?? norm.domain,
            part: catalog.part(domain?.part ?? "").map { edition.title($0.title, $0.titleEN) } ?? "",
            evidence: context.documentRows(shown), hasPublishedEvidence: !shown.isEmpty, hasEvidence: !evidence.isEmpty,
            noEvidence: evidence.isEmpty && registers.isEmpty,
            withheld: Classification.allCases.compactMap { c in withheld[c].map { Withheld(count: $0, classification: c.name) } },
            hasWithheld: !withheld.isEmpty, withheldCount: evidence.count - shown.count,
            withheldNoun: edition.strings.plural("documents_counted", evidence.count - shown.count),
            domainNorms: catalog.norms(in: domain ?? Catalog.Domain(code: norm.domain, part: "", number: 0, title: "")).map { other in
                var entry = link(other)
                entry.current = other.id == norm.id ? "page" : nil
                return entry
            },
            previous: page.item > 0 ? link(catalog.norms[page.item - 1]) : nil,
            next: page.item + 1 < catalog.norms.count ? link(catalog.norms[page.item + 1]) : nil,
            assessment: edition.assessments[norm.id].map { assessmentView($0, on: page.path, in: edition) },
            registers: registers, hasRegisters: !registers.isEmpty, findings: findings, hasFindings: !findings.isEmpty,
            history: history, hasHistory: !history.isEmpty, attention: attention, hasAttention: !attention.isEmpty)
    }

    private func assessmentView(_ assessment: Assessment, on page: String, in edition: Edition) -> AssessmentView {
        AssessmentView(
            level: assessment.level.map(edition.levelLabel),
            target: edition.levelLabel(assessment.target ?? edition.portfolio.settings.target),
            owner: assessment.owner, notApplicable: assessment.notApplicable,
            reviewedOn: assessment.reviewedOn.map(edition.format), nextReview: assessment.nextReview.map(edition.format),
            narrative: assessment.body.isEmpty
                ? nil
                : edition.bodyHTML(of: assessment, on: page),
            textWithheld: !edition.readableAssessments.contains(assessment.normID),
            hasActions: !assessment.actions.isEmpty,
            actions: assessment.actions.map { action in
                ActionView(
                    title: action.title, owner: action.owner, due: action.due.map(edition.format),
                    status: edition.text("status_" + action.status.rawValue), overdue: action.isOverdue)
            })
    }
}
