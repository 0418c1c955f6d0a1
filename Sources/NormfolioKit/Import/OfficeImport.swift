import Foundation

/// `normfolio import`: turns a Word (`.docx`) or OpenDocument (`.odt`) file into an evidence
/// document. pandoc converts the body (headings, lists, emphasis, tables, images); normfolio adds
/// complete front matter, keeps merged table cells as HTML tables, and reports what did not come
/// through.
public enum OfficeImport {
    /// What to import, and how to file it.
    public struct Options: Sendable {
        public var norms: [String]
        public var type: String
        /// Fails closed: an imported document is `vertrouwelijk` unless the importer says otherwise.
        public var classification: String
        /// The folder under Content/ the document goes in.
        public var folder: String
        /// Replace an existing document of the same name.
        public var overwrite: Bool
        /// What to do with pending tracked changes; nil refuses a file that has them.
        public var changes: TrackedChangesChoice?
        /// Keep reviewers' comments as notes (footnotes) in the document, without their authors.
        public var keepComments: Bool
        /// Keep the file itself as an attachment of the document.
        public var keepOriginal: Bool

        public init(
            norms: [String], type: String = "overig", classification: String = "vertrouwelijk",
            folder: String = "geimporteerd", overwrite: Bool = false, changes: TrackedChangesChoice? = nil,
            keepComments: Bool = false, keepOriginal: Bool = false
        ) {
            (self.norms, self.type, self.classification, self.folder, self.overwrite) = (norms, type, classification, folder, overwrite)
            (self.changes, self.keepComments, self.keepOriginal) = (changes, keepComments, keepOriginal)
        }
    }

    /// What an import did.
    public struct Report: Sendable {
        /// The document written, relative to the portfolio.
        public var document: String
        public var title: String
        /// Images extracted next to it, relative to the portfolio.
        public var images: [String] = []
        /// What could not be converted (pandoc's warnings, HTML that will not be published, tables
        /// whose merged cells could not be kept), each one line.
        public var notes: [String] = []
        /// Problems of the written document, at their line in it: a title that was template text,
        /// comments left out or kept.
        public var diagnostics: [Diagnostic] = []
        /// The document's date, and the property of the file it came from (nil: today's date).
        public var date: Day? = nil
        public var dateProperty: String? = nil
        /// A sentence of adoption found in the text: to be recorded with `normfolio approve`.
        public var adoption: (by: String, on: Day, sentence: String)? = nil
        /// The original file kept as an attachment, relative to the portfolio, with its SHA-256.
        public var original: (path: String, sha256: String)? = nil
        /// How pending tracked changes were decided, and how many there were.
        public var changes: (choice: TrackedChangesChoice, count: Int)? = nil
    }

    /// Why an import could not be done.
    public struct Failure: Error, CustomStringConvertible, LocalizedError {
        public var description: String
        /// The located problem, for a refusal that has one.
        public var diagnostic: Diagnostic?
        public var errorDescription: String? { description }

        init(description: String, diagnostic: Diagnostic? = nil) {
            (self.description, self.diagnostic) = (description, diagnostic)
        }
    }

    /// The editions that publish a document of this classification.
    public static func editions(publishing classification: String) -> [Audience] {
        Classification(name: classification).map(Edition.audiences(publishing:)) ?? []
    }

    /// Imports `file` into the portfolio at `portfolio`. Nothing is written unless all of it converts.
    public static func run(_ file: URL, portfolio: URL, options: Options, today: Day = Day(Date())) throws -> Report {
        guard FileManager.default.isReadableFile(atPath: file.path) else {
            throw Failure(description: "'\(file.path)' does not exist or cannot be read")
        }
        let office: OfficeFile
        do {
            office = try OfficeFile(url: file)
        } catch {
            throw Failure(description: "'\(file.path)' is not a .docx or .odt file normfolio can read: \(error.description)")
        }
        try refuseDraft(office, file: file, choice: options.changes)
        let pandoc = try Pandoc.locate()
        let name = Slug.make(file.deletingPathExtension().lastPathComponent)
        let relative = "Content/\(options.folder)/\(name).md"
        let media = name + "-bestanden"
        // Written only inside the portfolio's Content/, as a build reads: never through a symbolic
        // link (Content/<folder>, the document, its images' folder) that leads out of it.
        let target: URL, imageFolder: URL
        do {
            target = try PortfolioPlace.resolve("\(options.folder)/\(name).md", in: "Content", portfolio: portfolio.path)
            imageFolder = try PortfolioPlace.resolve("\(options.folder)/\(media)", in: "Content", portfolio: portfolio.path)
        } catch {
            throw Failure(description: "\(error)")
        }
        let folder = target.deletingLastPathComponent()
        if PortfolioPlace.exists(target), !options.overwrite {
            throw Failure(description: "\(relative) already exists; use --force to replace it")
        }

        // pandoc works in a folder of its own, so that images paths in the text are relative to
        // the document and a failed conversion leaves nothing behind.
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("normfolio-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }

        var report = Report(document: relative, title: "")
        // Images are not extracted by pandoc (before 3.1.6 it trusted the paths inside the file,
        // CVE-2023-38745) but by normfolio, under names of its own.
        // Hidden text would come through as visible text: pandoc reads a copy without it.
        let (readable, hidden) = try office.withoutHiddenText(in: staging)
        if hidden > 0 {
            report.notes.append(
                "\(hidden == 1 ? "1 passage" : "\(hidden) passages") of hidden text (Word's \"verborgen tekst\") "
                    + "left out: it is not in the document; copy what should be published from the original")
        }
        // Every change and comment comes as a span, decided here and never by pandoc's default.
        let converted = try pandoc.run(["-f", office.kind.rawValue, "--track-changes=all", "-t", "json", readable.path], in: staging)
        report.notes += converted.warnings.filter { !$0.hasPrefix("Docx comment") }
        guard var ast = try? JSONSerialization.jsonObject(with: converted.output) as? [String: Any] else {
            throw Failure(description: "pandoc gave no document for '\(file.lastPathComponent)'")
        }
        var review = PandocReview(choice: options.changes ?? .accept)
        let blocks = review.apply(ast["blocks"] ?? []) as? [Any] ?? []
        if office.review.hasPendingChanges, let choice = options.changes {
            report.changes = (choice, office.review.insertions + office.review.deletions + office.review.formatChanges)
        }
        let images = ImageNames(folder: media)
        var tables = TableRewriter(
            spans: office.tables, headerRows: office.headerRows, pandoc: pandoc,
            apiVersion: ast["pandoc-api-version"] ?? [1, 22])
        ast["blocks"] = tables.rewrite(PandocTree.simplified(blocks, images: images) as? [Any] ?? [])
        report.notes += tables.notes
        let markdown = try pandoc.run(
            ["-f", "json", "-t", "gfm", "--wrap=none"], input: JSONSerialization.data(withJSONObject: ast),
            in: staging)
        report.notes += markdown.warnings
        let placed = PandocReview.placeComments(
            in: String(decoding: markdown.output, as: UTF8.self), count: review.comments.count,
            footnotes: options.keepComments)
        let body = placed.markdown + (options.keepComments ? Self.commentNotes(review.comments) : "")
        let staged = staging.appendingPathComponent(media)
        if images.shown < office.imageCount {
            let missing = office.imageCount - images.shown
            report.notes.append(missing == 1 ? "1 image could not be converted" : "\(missing) images could not be converted")
        }
        for (source, name) in images.names {
            if !office.extract(source, to: staged.appendingPathComponent(name)) {
                report.notes.append("image \(source) is not in the file; its link will not work")
            }
        }
        if options.keepOriginal {
            let kept = Slug.make(file.deletingPathExtension().lastPathComponent) + "." + office.kind.rawValue
            let data = try Data(contentsOf: file)
            try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
            try data.write(to: staged.appendingPathComponent(kept))
            report.original = ("\(media)/\(kept)", Integrity.sha256(data))
        }

        // The title: plain text, never template text: the document's own, else its first
        // heading, else its file name.
        let styledTitle = ((ast["meta"] as? [String: Any])?["title"] as? [String: Any]).map { PandocText.plain($0["c"] ?? []) }
        let title = ImportedTitle.choose(
            properties: office.title, titleParagraph: styledTitle, heading: PandocText.firstHeading(in: blocks),
            fileName: file.deletingPathExtension().lastPathComponent)
        report.title = title.text
        report.date = office.review.date
        report.dateProperty = office.review.dateProperty
        let date = office.review.date ?? today
        if let adoption = AdoptionSentence.find(in: PandocText.paragraphs(in: blocks)) {
            report.adoption = (adoption.by, adoption.on, adoption.sentence)
        }
        let frontMatter = Self.frontMatter(title: title.text, options: options, date: date, source: file.lastPathComponent, report: report)
        let text = frontMatter + body
        let bodyStart = frontMatter.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        if !title.skipped.isEmpty {
            report.diagnostics.append(
                .importTitle(
                    used: title.text, field: title.field.rawValue,
                    skipped: title.skipped.map { ($0.field.rawValue, $0.text) },
                    at: SourceLocation(path: relative, line: 2, column: 8)))
        }
        if office.review.comments > 0 || !review.comments.isEmpty {
            report.diagnostics.append(
                .importComments(
                    max(office.review.comments, review.comments.count),
                    lines: placed.lines.map { $0 + bodyStart },
                    kept: options.keepComments && !review.comments.isEmpty,
                    at: SourceLocation(path: relative, line: (placed.lines.first ?? 0) + bodyStart)))
        }
        // What normfolio itself will not publish of what pandoc wrote.
        let parsed = Markdown.parse(MarkdownSource(text: body, firstLine: 1), path: relative)
        report.notes += parsed.analysis.diagnostics.filter { $0.code == "html-removed" }.map(\.message)
        // Personal data the privacy guard will stop or warn about: better to hear it now.
        report.notes += PrivacyGuard.scan(body).map { finding in
            "line \(finding.line + bodyStart): \(finding.kind == .bsn ? "a BSN-like number" : finding.kind == .email ? "an e-mail address" : "an IPv4 address") (\(finding.masked)): remove it or mark it as 'normfolio docs personal-data' describes before you publish"
        }
        report.notes += Self.imagesWithoutDescription(in: body).map {
            "image \($0) has no description for readers who cannot see it: write one between the [ ] before it"
        }

        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if options.overwrite { try? FileManager.default.removeItem(at: imageFolder) }
        if FileManager.default.fileExists(atPath: staged.path) {
            try FileManager.default.copyItem(at: staged, to: imageFolder)
            report.images = FileIO.live.listFiles(imageFolder.path).map { "Content/\(options.folder)/\(media)/" + $0 }
                .filter { path in report.original.map { !path.hasSuffix("/" + $0.path) } ?? true }
        }
        report.original = report.original.map { ("Content/\(options.folder)/" + $0.path, $0.sha256) }
        try Data(text.utf8).write(to: target, options: .atomic)
        return report
    }

    /// The targets of Markdown images with an empty description, `![](target)`.
    static func imagesWithoutDescription(in markdown: String) -> [String] {
        markdown.components(separatedBy: "![](").dropFirst().compactMap { rest in
            rest.split(separator: ")", maxSplits: 1).first.map(String.init)
        }
    }
}
