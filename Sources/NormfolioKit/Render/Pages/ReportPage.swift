/// The report (`rapport.html`): everything the board and the accountant need, on one printable
/// page, with a paragraph for the annual report.
struct ReportPage: PageKind {
    struct View: TemplateView {
        var agenda: [AgendaItem]
        var hasAgenda: Bool
        var verdicts: [String]
        var parts: [FigureGroup]
        var summary: [Figure]
        /// The points of attention, grouped as on their own page.
        var attention: [AttentionPage.Group]
        var hasAttention: Bool
        var attentionCount: String
        /// The registers' summaries: processing, breaches of the year, findings, agreements ending.
        var registers: ReportRegisters
        var coverage: [Figures.CoveragePart]
        var maturity: [Figures.MaturityPart]
        var distribution: Figures.Distribution
        var belowTarget: [Figures.BelowTarget]
        var hasBelowTarget: Bool
        var groups: [Figures.ActionGroup]
        var evidence: [EvidenceRow]
        var annualReport: String
        /// With snapshots: the figures per part and the average level per domain at every snapshot and now.
        var hasProgress: Bool
        var progressDates: [String]
        var progressParts: [ProgressPage.Part]
        var progressDomains: [ProgressPage.DomainRow]
    }

    /// A published document in the evidence list: its row, rendered once by `evidence-row`.
    struct EvidenceRow: TemplateView {
        var row: String
    }

    let template = "report"
    let menuPosition: Int? = 70

    func pages(in edition: Edition) -> [PageRoute] { edition.has(.report) ? [PageRoute(path: Routes.report)] : [] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("report") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        let figures = Figures(edition)
        let all = edition.portfolio.tally(edition.catalog.norms)
        // The progress page's tables; what changed since is the progress page's own.
        let progress = Progress(edition: edition).tables()
        let agenda = edition.agenda(on: page.path)
        let attention = AttentionPage.groups(in: edition, on: page.path)
        return View(
            agenda: agenda, hasAgenda: !agenda.isEmpty, verdicts: figures.verdicts(), parts: figures.partFigures(),
            summary: figures.summary(), attention: attention, hasAttention: !attention.isEmpty,
            attentionCount: edition.strings.plural("attention_count", edition.findings.count),
            registers: ReportRegisters(edition, on: page.path), coverage: figures.coverageParts(), maturity: figures.maturityParts(),
            distribution: figures.distribution(), belowTarget: figures.belowTarget(),
            hasBelowTarget: all.applicable > all.atTarget, groups: figures.actionGroups(),
            evidence: context.rows.rows(.evidence, of: edition.documentsByTitle).map(EvidenceRow.init),
            annualReport: figures.annualReportParagraph(),
            hasProgress: !edition.portfolio.snapshots.isEmpty, progressDates: progress.dates,
            progressParts: progress.parts, progressDomains: progress.domains)
    }
}
