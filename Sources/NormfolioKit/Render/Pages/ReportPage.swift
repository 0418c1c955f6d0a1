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
        /// The report as PDF (`build --pdf`), when the site has it.
        var pdf: String?
        /// The sections, for the contents the report has on paper (printed from the browser).
        var contents: [PaperView.Entry]
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

    /// The report's sections in order, as its contents list them (their ids are the template's).
    static func sections(in edition: Edition, registers: Bool) -> [PaperView.Entry] {
        var keys: [(String, String)] = [("r-te-besluiten", "agenda"), ("r-samenvatting", "summary"), ("r-jaarverslag", "annual_report")]
        if !edition.portfolio.snapshots.isEmpty { keys.append(("r-voortgang", "progress")) }
        keys += [("r-volwassenheid", "maturity"), ("r-dekking", "coverage"), ("r-onder-doel", "below_target"), ("r-verbeterplan", "plan")]
        if registers { keys.append(("r-registers", "registers")) }
        keys += [("r-aandachtspunten", "attention"), ("r-bewijs", "evidence_list")]
        return keys.map { PaperView.Entry(id: $0.0, title: edition.text($0.1), level: 1) }
    }
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
        let registers = ReportRegisters(edition, on: page.path)
        return View(
            agenda: agenda, hasAgenda: !agenda.isEmpty, verdicts: figures.verdicts(), parts: figures.partFigures(),
            summary: figures.summary(), attention: attention, hasAttention: !attention.isEmpty,
            attentionCount: edition.strings.plural("attention_count", edition.findings.count),
            registers: registers,
            pdf: context.exports.paperPaths.contains(Paper.report.path) ? Paper.report.path : nil,
            contents: Self.sections(in: edition, registers: registers.hasTables), coverage: figures.coverageParts(),
            maturity: figures.maturityParts(),
            distribution: figures.distribution(), belowTarget: figures.belowTarget(),
            hasBelowTarget: all.applicable > all.atTarget, groups: figures.actionGroups(),
            evidence: context.rows.rows(.evidence, of: edition.documentsByTitle).map(EvidenceRow.init),
            annualReport: figures.annualReportParagraph(),
            hasProgress: !edition.portfolio.snapshots.isEmpty, progressDates: progress.dates,
            progressParts: progress.parts, progressDomains: progress.domains)
    }
}
