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

        public init(norms: [String], type: String = "overig", classification: String = "vertrouwelijk",
                    folder: String = "geimporteerd", overwrite: Bool = false) {
            (self.norms, self.type, self.classification, self.folder, self.overwrite) = (norms, type, classification, folder, overwrite)
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
    }

    /// Why an import could not be done.
    public struct Failure: Error, CustomStringConvertible, LocalizedError {
        public var description: String
        public var errorDescription: String? { description }
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
            report.notes.append("\(hidden == 1 ? "1 passage" : "\(hidden) passages") of hidden text (Word's \"verborgen tekst\") "
                                + "left out: it is not in the document; copy what should be published from the original")
        }
        let converted = try pandoc.run(["-f", office.kind.rawValue, "-t", "json", readable.path], in: staging)
        report.notes += converted.warnings
        guard var ast = try? JSONSerialization.jsonObject(with: converted.output) as? [String: Any] else {
            throw Failure(description: "pandoc gave no document for '\(file.lastPathComponent)'")
        }
        let images = ImageNames(folder: media)
        var tables = TableRewriter(spans: office.tables, pandoc: pandoc, apiVersion: ast["pandoc-api-version"] ?? [1, 22])
        ast["blocks"] = tables.rewrite(PandocTree.simplified(ast["blocks"] ?? [], images: images) as? [Any] ?? [])
        report.notes += tables.notes
        let markdown = try pandoc.run(["-f", "json", "-t", "gfm", "--wrap=none"], input: JSONSerialization.data(withJSONObject: ast),
                                      in: staging)
        report.notes += markdown.warnings
        let body = String(decoding: markdown.output, as: UTF8.self)
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

        // The title: the document's own, else its first heading, else its file name.
        // One line, and no longer than a title may be.
        let found = office.title ?? Self.firstHeading(in: body) ?? file.deletingPathExtension().lastPathComponent
        let title = String(found.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(Limits.nameCharacters))
        report.title = title
        let text = EvidenceTemplate.frontMatter(title: title, norms: options.norms, type: options.type,
                                                classification: options.classification, date: today,
                                                reviewBy: today.adding(years: 1), source: file.lastPathComponent) + body
        // What normfolio itself will not publish of what pandoc wrote.
        let parsed = Markdown.parse(MarkdownSource(text: body, firstLine: 1), path: relative)
        report.notes += parsed.analysis.diagnostics.filter { $0.code == "html-removed" }.map(\.message)
        // Personal data the privacy guard will stop or warn about: better to hear it now.
        let bodyStart = text.split(separator: "\n", omittingEmptySubsequences: false).count - body.split(separator: "\n", omittingEmptySubsequences: false).count
        report.notes += PrivacyGuard.scan(body).map { finding in
            "line \(finding.line + bodyStart): \(finding.kind == .bsn ? "a BSN-like number" : finding.kind == .email ? "an e-mail address" : "an IPv4 address") (\(finding.masked)): remove it or mark it as described in docs/format.md before you publish"
        }
        report.notes += Self.imagesWithoutDescription(in: body).map {
            "image \($0) has no description for readers who cannot see it: write one between the [ ] before it"
        }

        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if options.overwrite { try? FileManager.default.removeItem(at: imageFolder) }
        if FileManager.default.fileExists(atPath: staged.path) {
            try FileManager.default.copyItem(at: staged, to: imageFolder)
            report.images = FileIO.live.listFiles(imageFolder.path).map { "Content/\(options.folder)/\(media)/" + $0 }
        }
        try Data(text.utf8).write(to: target, options: .atomic)
        return report
    }

    /// The targets of Markdown images with an empty description, `![](target)`.
    static func imagesWithoutDescription(in markdown: String) -> [String] {
        markdown.components(separatedBy: "![](").dropFirst().compactMap { rest in
            rest.split(separator: ")", maxSplits: 1).first.map(String.init)
        }
    }

    /// The text of the first `# ` heading of Markdown, if it has one.
    static func firstHeading(in markdown: String) -> String? {
        for line in markdown.split(separator: "\n") where line.hasPrefix("# ") {
            let text = line.dropFirst(2).trimmed
            if !text.isEmpty { return text }
        }
        return nil
    }
}

/// Replaces tables with merged cells by HTML tables, which Markdown's pipe tables cannot be:
/// pandoc's own table (with the spans of the source file where pandoc lost them), written as
/// HTML by pandoc.
private struct TableRewriter {
    let spans: [[[OfficeFile.Span]]]
    let pandoc: Pandoc
    /// The version of pandoc's document format, for the small documents of one table.
    let apiVersion: Any
    var notes: [String] = []
    private var index = 0

    init(spans: [[[OfficeFile.Span]]], pandoc: Pandoc, apiVersion: Any) {
        (self.spans, self.pandoc, self.apiVersion) = (spans, pandoc, apiVersion)
    }

    mutating func rewrite(_ blocks: [Any]) -> [Any] {
        blocks.map { block -> Any in
            guard var node = block as? [String: Any], let type = node["t"] as? String else { return block }
            if type == "Table", var table = node["c"] as? [Any] {
                defer { index += 1 }
                if index < spans.count, spans[index].contains(where: { $0.contains { $0 != .cell(rows: 1, columns: 1) } }) {
                    if !apply(spans[index], to: &table) {
                        notes.append("table \(index + 1): its merged cells could not be kept; it is written without them")
                    }
                }
                guard hasSpans(table) else { return block }
                // Column widths would only come through as styles, which are not published.
                if let columns = table[2] as? [Any] {
                    table[2] = columns.map { column -> Any in
                        guard var column = column as? [Any], column.count == 2 else { return column }
                        column[1] = ["t": "ColWidthDefault"]
                        return column
                    }
                }
                node["c"] = table
                guard let html = try? pandoc.html(ofBlock: node, apiVersion: apiVersion) else {
                    notes.append("table \(index + 1): its merged cells could not be written; it is written without them")
                    return block
                }
                return ["t": "RawBlock", "c": ["html", html]] as [String: Any]
            }
            // Tables inside quotes, lists and divisions.
            if let children = node["c"] as? [Any], ["BlockQuote", "Div"].contains(type) {
                node["c"] = type == "Div" && children.count == 2 ? [children[0], rewrite(children[1] as? [Any] ?? [])] : rewrite(children)
                return node
            }
            if type == "BulletList", let items = node["c"] as? [Any] {
                node["c"] = items.map { rewrite($0 as? [Any] ?? []) }
                return node
            }
            if type == "OrderedList", var content = node["c"] as? [Any], content.count == 2, let items = content[1] as? [Any] {
                content[1] = items.map { rewrite($0 as? [Any] ?? []) }
                node["c"] = content
                return node
            }
            return block
        }
    }

    /// The rows of a pandoc table (head, bodies, foot) in order, as key paths into it.
    private func rowPaths(_ table: [Any]) -> [[Int]] {
        var paths: [[Int]] = []
        if let head = table[3] as? [Any], let rows = head[1] as? [Any] { paths += rows.indices.map { [3, 1, $0] } }
        if let bodies = table[4] as? [Any] {
            for (b, body) in bodies.enumerated() {
                guard let body = body as? [Any] else { continue }
                if let rows = body[2] as? [Any] { paths += rows.indices.map { [4, b, 2, $0] } }
                if let rows = body[3] as? [Any] { paths += rows.indices.map { [4, b, 3, $0] } }
            }
        }
        if let foot = table[5] as? [Any], let rows = foot[1] as? [Any] { paths += rows.indices.map { [5, 1, $0] } }
        return paths
    }

    private func hasSpans(_ table: [Any]) -> Bool {
        rowPaths(table).contains { path in
            cells(at: path, in: table).contains { cell in
                ((cell as? [Any])?[2] as? Int ?? 1) > 1 || ((cell as? [Any])?[3] as? Int ?? 1) > 1
            }
        }
    }

    private func cells(at path: [Int], in table: [Any]) -> [Any] {
        var value: Any = table
        for index in path { value = (value as? [Any])?[index] as Any }
        return ((value as? [Any])?[1] as? [Any]) ?? []
    }

    /// Sets the spans of the source's grid on pandoc's cells and drops the covered ones; false
    /// when pandoc's table does not have the source's shape.
    private func apply(_ grid: [[OfficeFile.Span]], to table: inout [Any]) -> Bool {
        // pandoc gives a table without header rows an empty one, which the source's grid lacks.
        if rowPaths(table).count == grid.count + 1, var head = table[3] as? [Any], head.count == 2,
            let rows = head[1] as? [Any], rows.count == 1,
            cells(at: [3, 1, 0], in: table).allSatisfy({ (($0 as? [Any])?[4] as? [Any])?.isEmpty ?? false }) {
            head[1] = [Any]()
            table[3] = head
        }
        let paths = rowPaths(table)
        guard paths.count == grid.count, zip(paths, grid).allSatisfy({ cells(at: $0, in: table).count == $1.count }) else {
            return false
        }
        for (path, row) in zip(paths, grid) {
            let kept: [Any] = zip(cells(at: path, in: table), row).compactMap { cell, span in
                guard case .cell(let rows, let columns) = span, var cell = cell as? [Any], cell.count == 5 else { return nil }
                cell[2] = rows
                cell[3] = columns
                return cell
            }
            table = Self.setting(kept, at: path, in: table)
        }
        return true
    }

    /// `table` with the cells of the row at `path` replaced.
    private static func setting(_ cells: [Any], at path: [Int], in value: [Any]) -> [Any] {
        var copy = value
        if path.isEmpty {
            copy[1] = cells
            return copy
        }
        copy[path[0]] = setting(cells, at: Array(path.dropFirst()), in: value[path[0]] as? [Any] ?? [])
        return copy
    }
}

/// The names normfolio gives the images of an imported file: `afbeelding-1.png` and so on, in
/// the order they appear, in the document's own folder.
final class ImageNames {
    let folder: String
    /// Each image's path inside the file, with the name it gets.
    private(set) var names: [(source: String, name: String)] = []
    /// How many images the text shows.
    private(set) var shown = 0

    init(folder: String) { self.folder = folder }

    /// The target the text links to for an image pandoc found at `source`; links to the web are
    /// left as they are.
    func target(for source: String) -> String {
        shown += 1
        if source.contains("://") || source.hasPrefix("data:") { return source }
        if let known = names.first(where: { $0.source == source }) { return folder + "/" + known.name }
        let ext = (source as NSString).pathExtension.lowercased()
        let safe = ext.count <= 5 && !ext.isEmpty && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } ? "." + ext : ""
        let name = "afbeelding-\(names.count + 1)\(safe)"
        names.append((source, name))
        return folder + "/" + name
    }
}

/// Changes to pandoc's document tree before it is written as Markdown.
enum PandocTree {
    /// `value` without what Markdown cannot carry and would come through as HTML: the attributes
    /// of images (sizes and styles) are dropped, and figures (pandoc 3) become their image and
    /// their caption as a paragraph. Images link to the names `images` gives them.
    static func simplified(_ value: Any, images: ImageNames) -> Any {
        if let list = value as? [Any] {
            return list.flatMap { item -> [Any] in
                guard let node = item as? [String: Any], node["t"] as? String == "Figure",
                    let content = node["c"] as? [Any], content.count == 3 else { return [simplified(item, images: images)] }
                let caption = ((content[1] as? [Any])?.last as? [Any]) ?? []
                return (simplified(content[2], images: images) as? [Any] ?? []) + (simplified(caption, images: images) as? [Any] ?? [])
            }
        }
        guard var node = value as? [String: Any] else { return value }
        if node["t"] as? String == "Image", var content = node["c"] as? [Any], content.count == 3 {
            content[0] = ["", [Any](), [Any]()] as [Any]
            content[1] = simplified(content[1], images: images)
            if var target = content[2] as? [Any], let source = target.first as? String {
                target[0] = images.target(for: source)
                content[2] = target
            }
            node["c"] = content
            return node
        }
        if let content = node["c"] { node["c"] = simplified(content, images: images) }
        return node
    }
}

/// The pandoc program on this machine.
struct Pandoc {
    let executable: URL

    /// Finds pandoc on the PATH, or says how to install it.
    static func locate() throws -> Pandoc {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for folder in paths {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pandoc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return Pandoc(executable: candidate) }
        }
        throw OfficeImport.Failure(description: """
            pandoc is not installed, and normfolio needs it to read Word and OpenDocument files: \
            install it with 'sudo apt-get install pandoc' (Debian, Ubuntu) or from https://pandoc.org/installing.html
            """)
    }

    struct Output {
        var output: Data
        /// pandoc's warnings, one line each, without its "[WARNING]" prefix.
        var warnings: [String]
    }

    func run(_ arguments: [String], input: Data? = nil, in folder: URL) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        // Input is written, and warnings read, beside reading the output: pandoc may fill one
        // pipe before it is done with another.
        let group = DispatchGroup()
        if let input {
            DispatchQueue.global().async(group: group) {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let errors = ReadBuffer()
        DispatchQueue.global().async(group: group) { errors.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        let messages = String(decoding: errors.data, as: UTF8.self).split(separator: "\n").map {
            String($0.hasPrefix("[WARNING] ") ? $0.dropFirst("[WARNING] ".count) : $0)
        }
        guard process.terminationStatus == 0 else {
            throw OfficeImport.Failure(description: "pandoc could not convert the file: " + messages.joined(separator: "; "))
        }
        return Output(output: output, warnings: messages)
    }

    /// One pandoc block (a table) written as HTML.
    func html(ofBlock block: [String: Any], apiVersion: Any) throws -> String {
        let document: [String: Any] = ["pandoc-api-version": apiVersion, "meta": [String: Any](), "blocks": [block]]
        let output = try run(["-f", "json", "-t", "html"], input: JSONSerialization.data(withJSONObject: document),
                             in: URL(fileURLWithPath: NSTemporaryDirectory()))
        return String(decoding: output.output, as: UTF8.self).trimmed
    }
}

/// Bytes one thread reads for another; the dispatch group's wait orders the write before the read.
private final class ReadBuffer: @unchecked Sendable {
    var data = Data()
}
