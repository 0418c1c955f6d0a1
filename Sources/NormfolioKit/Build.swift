import Foundation

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The portfolio folder.
    public var portfolio: String
    /// The output folder; `_site` inside the portfolio when nil.
    public var output: String?
    public var audience: Audience
    /// The reference date; overrides `as_of` in normfolio.yml.
    public var asOf: Day?
    /// Whether warnings fail the build.
    public var strict: Bool
    /// Also write the site as a zip archive to this path.
    public var zip: String?
    /// Sign the site's fingerprint with this key (`export/SHA256SUMS.sig`).
    public var signingKey: SigningKey?
    /// A `portfolio.json` (a snapshot, or last year's export from a site) to compare with, beside
    /// the portfolio's own snapshots.
    public var compare: String?
    /// Whether rendering uses its speed tricks (see `RenderEngine`); both ways give the same bytes.
    public var fastRendering = RenderEngine.fastByDefault
    /// Also write the papers (`export/rapport.pdf`, `export/handboek.pdf`) with WeasyPrint, of this kind.
    public var pdf: PDFVariant?
    /// The site's language; overrides `language` in normfolio.yml (`--language`), so both
    /// languages' editions come from one portfolio.
    public var language: Language?
    /// The school (an id of `schools:` in normfolio.yml) whose edition to write: what is
    /// board-wide and what is scoped to it, never what is scoped to another school.
    public var school: String?

    public init(
        portfolio: String, output: String? = nil, audience: Audience = .intranet, asOf: Day? = nil,
        strict: Bool = false, zip: String? = nil, signingKey: SigningKey? = nil
    ) {
        self.portfolio = portfolio
        self.output = output
        self.audience = audience
        self.asOf = asOf
        self.strict = strict
        self.zip = zip
        self.signingKey = signingKey
    }

    public var outputFolder: String { output ?? (portfolio as NSString).appendingPathComponent("_site") }
}

/// The outcome of checking or building a portfolio.
public struct BuildResult: Sendable {
    /// Every problem found, in reading order.
    public var diagnostics: [Diagnostic]
    /// The linked portfolio, when the content could be read.
    public var portfolio: Portfolio?
    /// The rendered site; nil when there were errors (or warnings under `--strict`).
    public var site: Site?
    /// How long each stage took, in the order they ran.
    public var timings: [(stage: String, seconds: Double)] = []
}

/// Why a build could not start: a program it needs is missing.
public struct BuildError: Error, CustomStringConvertible {
    public var description: String
}

/// What the live preview keeps from one rebuild to the next.
public struct PreviewCache: Sendable {
    /// Each file's bytes and what the read stage made of them.
    var read = ReadCache()
    /// Search-index entries of documents.
    let searchEntries = SearchEntryMemo()

    public init() {}

    /// The files under Content/ that the last rebuild parsed because they were new or had changed.
    public var parsed: [String] { read.parsed }
}

/// What the live preview shows: the problems found and, unless they stop a build, the site.
public struct Preview: Sendable {
    /// Every problem found, in reading order.
    public var diagnostics: [Diagnostic]
    /// The site, its files made as they are asked for; nil when the content has errors (or
    /// warnings under `--strict`).
    public var site: LazySite?
    /// The catalogue overlay the settings name (a path in the portfolio), to watch it too.
    public var catalogOverlay: String?
    /// The problems the preview's error page may show its readers (those of files the edition may
    /// read), and how many others the terminal shows.
    public var shownDiagnostics: [Diagnostic] = []
    public var withheldDiagnostics = 0
    /// How long each stage took, in the order they ran.
    public var timings: [(stage: String, seconds: Double)] = []
    /// The interface texts in the portfolio's language, for the preview's own pages.
    public var texts = InterfaceTexts(language: .nl)
}

/// Measures the stages of one run.
struct StageClock {
    private(set) var timings: [(stage: String, seconds: Double)] = []
    private var last = ContinuousClock.now

    mutating func lap(_ stage: String) {
        let now = ContinuousClock.now
        let elapsed = now - last
        timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        last = now
    }
}

/// normfolio's pipeline: read → link → render → write, each stage a value-in, value-out function.
public enum Normfolio {
    public static let version = "0.1.0"

    /// Read and link a portfolio: everything `check` reports.
    public static func check(_ options: BuildOptions, io: FileIO = .live, today: Day = Day(Date())) -> BuildResult {
        var cache = ReadCache.none
        return load(options, io: io, today: today, cache: &cache).result
    }

    /// Read, link and render a portfolio into a site in memory; nothing is written.
    public static func render(_ options: BuildOptions, io: FileIO = .live, today: Day = Day(Date())) -> BuildResult {
        var cache = ReadCache.none
        var (result, theme, clock) = load(options, io: io, today: today, cache: &cache)
        guard let portfolio = result.portfolio, !result.diagnostics.fail(strict: options.strict) else { return result }
        guard let school = school(options, in: portfolio, diagnostics: &result.diagnostics) else { return result }
        let edition = Edition(portfolio: portfolio, audience: options.audience, version: version, strings: theme.strings, school: school)
        let lazy = LazySite(edition: edition, theme: theme, io: io, fast: options.fastRendering, pdf: options.pdf)
        result.site = lazy.sealed()  // render
        // A paper WeasyPrint could not make stops the build: nothing half-written.
        let paperProblems = lazy.exports.problems.withLock { $0 }
        if !paperProblems.isEmpty {
            result.diagnostics += paperProblems.map { Diagnostic.pdfFailed($0, at: SourceLocation(path: "normfolio.yml")) }
            result.site = nil
            return result
        }
        if let key = options.signingKey, let sealed = result.site {
            // Signing cannot fail with a valid key: Ed25519 signs any bytes.
            result.site = (try? Integrity.sign(sealed, with: key)) ?? sealed
        }
        clock.lap("render")
        result.timings = clock.timings
        return result
    }

    /// The snapshot of a portfolio at its reference date: the JSON model of everything (as the
    /// auditor sees it), sealed; nil when the portfolio has errors. `normfolio snapshot` writes it
    /// to `Snapshots/<as_of>.json`.
    public static func snapshot(_ options: BuildOptions, io: FileIO = .live, today: Day = Day(Date()))
        -> (result: BuildResult, asOf: Day?, text: String?)
    {
        var cache = ReadCache.none
        let (result, theme, _) = load(options, io: io, today: today, cache: &cache)
        guard let portfolio = result.portfolio, !result.diagnostics.fail(strict: options.strict) else { return (result, nil, nil) }
        let edition = Edition(portfolio: portfolio, audience: .auditor, version: version, strings: theme.strings)
        return (result, portfolio.asOf, Snapshot.sealed(Exports(edition: edition).exportModel(), key: options.signingKey))
    }

    /// Read and link a portfolio for the live preview, parsing again only the files that changed
    /// since `cache` was filled; the site's pages are rendered when they are asked for.
    public static func preview(
        _ options: BuildOptions, io: FileIO = .live, today: Day = Day(Date()),
        cache: inout PreviewCache
    ) -> Preview {
        var (result, theme, clock) = load(options, io: io, today: today, cache: &cache.read)
        var preview = Preview(
            diagnostics: result.diagnostics, catalogOverlay: result.portfolio?.settings.catalog?.path,
            texts: InterfaceTexts(theme.strings, language: result.portfolio?.settings.language ?? .nl))
        (preview.shownDiagnostics, preview.withheldDiagnostics) =
            result.portfolio?.diagnostics(result.diagnostics, shownTo: options.audience)
            ?? (options.audience == .auditor ? (result.diagnostics, 0) : ([], result.diagnostics.count))
        if let portfolio = result.portfolio, !result.diagnostics.fail(strict: options.strict) {
            // The warnings that are not findings go on the preview's Aandachtspunten page.
            let findingCodes = Set(Finding.Kind.allCases.map(\.rawValue))
            let authoring = result.diagnostics.filter { $0.severity == .warning && !findingCodes.contains($0.code) }
            let known = preview.diagnostics.count
            if let school = school(options, in: portfolio, diagnostics: &preview.diagnostics) {
                let edition = Edition(
                    portfolio: portfolio, audience: options.audience, version: version, strings: theme.strings,
                    authoringWarnings: authoring, school: school)
                preview.site = LazySite(
                    edition: edition, theme: theme, io: io, searchEntries: cache.searchEntries,
                    fast: options.fastRendering, pdf: options.pdf, lazyPapers: true)
                clock.lap("prepare")
            } else {
                // An unknown school (`serve --school`): no site, and the error page says why.
                preview.shownDiagnostics += preview.diagnostics[known...]
            }
        }
        preview.timings = clock.timings
        return preview
    }

    /// The stages every command shares: read the files (hashing the possible attachments), link
    /// them, and load the theme.
    private static func load(_ options: BuildOptions, io: FileIO, today: Day, cache: inout ReadCache)
        -> (result: BuildResult, theme: Theme, clock: StageClock)
    {
        var clock = StageClock()
        let root = absolute(options.portfolio)
        var source = ContentReader.read(root: root, io: io, cache: &cache)  // read
        if let compare = options.compare {
            let path = absolute(compare)
            // The file is named on the command line, by whoever runs the build: it is checked by its
            // seal, if it has one, and reported as unchecked if not (an export from a site has none).
            if let snapshot = ContentReader.readSnapshot(path, path: compare, io: io, key: nil, diagnostics: &source.diagnostics) {
                source.snapshots = (source.snapshots.filter { $0.asOf != snapshot.asOf } + [snapshot]).sorted { $0.asOf < $1.asOf }
            }
        }
        clock.lap("read")
        if let language = options.language { source.settings.language = language }
        let asOf = options.asOf ?? source.settings.asOf ?? today
        let (portfolio, linkDiagnostics) = Linker.link(source, asOf: asOf)  // link
        clock.lap("link")
        let (theme, loadDiagnostics) = Theme.load(root: root, io: io, language: source.settings.language)
        let themeDiagnostics = loadDiagnostics + theme.collisions(with: portfolio)
        clock.lap("theme")
        var diagnostics = (source.diagnostics + linkDiagnostics + themeDiagnostics).sortedForDisplay()
        if options.strict {
            // Under --strict every warning is an error, and is reported as one.
            for index in diagnostics.indices { diagnostics[index].severity = .error }
        }
        return (BuildResult(diagnostics: diagnostics, portfolio: portfolio, site: nil, timings: clock.timings), theme, clock)
    }

    /// The whole pipeline: read, link, render, and write the site atomically. Writes nothing when
    /// the content has errors (or warnings under `--strict`).
    public static func build(_ options: BuildOptions, io: FileIO = .live, today: Day = Day(Date())) throws -> BuildResult {
        let root = absolute(options.portfolio)
        let output = absolute(options.outputFolder)
        // Where the site and the zip go, and whether the papers can be made, is checked before anything is rendered.
        if options.pdf != nil, WeasyPrint.locate() == nil { throw BuildError(description: WeasyPrint.missing) }
        _ = try SiteWriter.target(output, portfolio: root)
        let zip = options.zip.map(absolute)
        if let zip { _ = try ZipWriter.target(zip, portfolio: root, output: output) }
        var result = render(options, io: io, today: today)
        if let site = result.site {
            var clock = StageClock()
            try SiteWriter.write(site, to: output, portfolio: root, io: io)  // write
            if let zip, let portfolio = result.portfolio {
                try ZipWriter.write(site, to: zip, portfolio: root, output: output, asOf: portfolio.asOf, io: io)
            }
            clock.lap("write")
            result.timings += clock.timings
        }
        return result
    }

    /// The school `options` asks for: `.some(nil)` for the board's edition, nil (with an error
    /// naming the closest id) when normfolio.yml has no school with that id.
    private static func school(_ options: BuildOptions, in portfolio: Portfolio, diagnostics: inout [Diagnostic]) -> School?? {
        guard let id = options.school else { return .some(nil) }
        if let school = portfolio.school(id) { return school }
        let known = portfolio.settings.schools.map(\.id)
        diagnostics.append(
            .unknownSchool(
                id, suggestion: Suggestion.closest(to: id, in: known), known: known,
                at: SourceLocation(path: "normfolio.yml")))
        return nil
    }

    static func absolute(_ path: String) -> String {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
