import Foundation

/// Everything the read stage found in a portfolio folder.
public struct PortfolioSource: Sendable {
    /// The portfolio folder (absolute).
    public var root: String
    public var settings: Settings
    public var catalog: Catalog
    public var documents: [EvidenceDocument]
    public var assessments: [Assessment]
    public var pages: [FreePage]
    /// The registers (`Content/registers/`), one per kind, in the kinds' order.
    public var registers: [Register] = []
    /// The snapshots (`Snapshots/*.json`), by reference date.
    public var snapshots: [Snapshot] = []
    /// The board's public key that signs snapshots (`snapshot_key` in normfolio.yml).
    public var snapshotKey: VerifyingKey?
    /// Every file under Content/, as paths relative to Content/.
    public var contentFiles: Set<String>
    /// Symbolic links under Content/ that lead outside the portfolio ("." for Content/ itself):
    /// nothing below them is read or published.
    public var exits: Set<String>
    public var diagnostics: [Diagnostic]
    /// The commit the portfolio's git repository is at, if it is one.
    public var gitCommit: String?
    /// Size and SHA-256 of every file under Content/ that is not Markdown (every possible
    /// attachment), by its path there; a file that could not be read has none.
    public var attachmentDigests: [String: Digest] = [:]
}

/// The size and SHA-256 (lower-case hex) of a file.
public struct Digest: Sendable, Equatable {
    public var size: Int
    public var sha256: String
}

/// What the read stage made of each file last time, so that reading the same portfolio again
/// parses only the files whose bytes changed (the live preview reads after every edit).
///
/// A file's result depends on its bytes, the settings and the catalogue; when the settings or the
/// catalogue overlay change, every file is parsed again.
struct ReadCache: Sendable {
    fileprivate struct Context: Equatable {
        var root: String
        var settings: Settings
        var overlay: String?
    }

    fileprivate struct Entry<Result: Sendable>: Sendable {
        var bytes: Data
        var result: Result
    }

    fileprivate var context: Context?
    fileprivate var markdown: [String: Entry<ContentReader.FileResult>] = [:]
    fileprivate var text: [String: Entry<[Diagnostic]>] = [:]
    fileprivate var digests: [String: Entry<Digest?>] = [:]
    /// Whether results are kept; a one-off build does not keep them.
    fileprivate let keeps: Bool
    /// The files under Content/ that the last read parsed because they were new or had changed.
    fileprivate(set) var parsed: [String] = []

    /// An empty cache that keeps what each read finds.
    init() { keeps = true }

    /// A cache that keeps nothing: every read parses every file.
    static var none: ReadCache { ReadCache(keeps: false) }

    private init(keeps: Bool) { self.keeps = keeps }
}

/// The read stage: settings, catalogue overlay and every Markdown file under Content/, each
/// parsed into a Swift value with located diagnostics.
enum ContentReader {
    /// Reads the portfolio, parsing again only the files `cache` has no result for. Every other
    /// file under Content/ is hashed too: an approval binds the attachments a document uses, a
    /// file that cannot be read is an error in `check` as in `build`, and only the bytes hashed
    /// here are ever published or served.
    static func read(root: String, io: FileIO, cache: inout ReadCache) -> PortfolioSource {
        var diagnostics: [Diagnostic] = []
        let settings = readSettings(root: root, io: io, diagnostics: &diagnostics)
        var catalog = Catalog.builtIn()
        var overlayText: String?
        if let overlay = settings.catalog {
            if !io.fileExists(root + "/" + overlay.path) {
                diagnostics.append(.missingFile(overlay.path, at: overlay.location))
            } else if let text = readText(root + "/" + overlay.path, path: overlay.path, io: io, limit: Limits.settingsFileBytes,
                                          diagnostics: &diagnostics) {
                catalog.apply(yaml: text, path: overlay.path, diagnostics: &diagnostics)
                overlayText = text
            }
        }
        let context = ReadCache.Context(root: root, settings: settings, overlay: overlayText)
        if cache.context != context {
            cache.markdown = [:]
            cache.text = [:]
            cache.digests = [:]
            cache.context = context
        }
        let content = io.portfolioFolder("Content", root: root, diagnostics: &diagnostics)
        let files = content.files
        if !content.exists {
            diagnostics.append(.missingContent(at: SourceLocation(path: "Content")))
        }
        // Nothing is read through a symbolic link that leads out of the portfolio. A linked file
        // that is not Markdown or a register is an error only where something uses it.
        for exit in content.exits where exit.isFolder || exit.path.lowercased().hasSuffix(".md") || Register.isRegisterFile(exit.path) {
            diagnostics.append(.symbolicLinkOutside(exit.path(in: "Content"), at: SourceLocation(path: exit.path(in: "Content"))))
        }
        // Names are published as well as contents: the privacy guard reads them.
        for (path, isFolder, finding) in PrivacyGuard.scanNames(files)
        where finding.kind != .email || !settings.allows(email: finding.value) {
            diagnostics.append(.personalDataInName(finding, isFolder: isFolder, at: SourceLocation(path: "Content/" + path)))
        }
        let markdown = files.filter { $0.lowercased().hasSuffix(".md") }
        let frozenCatalog = catalog
        cache.parsed = []
        let documentResults = Self.read(markdown, root: root, io: io, limit: Limits.markdownFileBytes, cache: &cache,
                                        in: \.markdown) { file, bytes in
            readMarkdownFile(file, bytes: bytes, catalog: frozenCatalog, settings: settings)
        }
        // Text attachments are checked for personal data too.
        let textFiles = files.filter(PrivacyGuard.scansAttachment)
        diagnostics += Self.read(textFiles, root: root, io: io, limit: Limits.scannedAttachmentBytes, cache: &cache,
                                 in: \.text) { file, bytes in
            scanTextAttachment(file, bytes: bytes, settings: settings)
        }.flatMap { $0 }
        var source = PortfolioSource(root: root, settings: settings, catalog: catalog, documents: [], assessments: [],
                                     pages: [], contentFiles: Set(files), exits: Set(content.exits.map(\.path)),
                                     diagnostics: diagnostics, gitCommit: Integrity.gitCommit(of: root, io: io))
        let others = files.filter { !$0.lowercased().hasSuffix(".md") }
        let digests = Self.read(others, root: root, io: io, limit: Int.max, cache: &cache, in: \.digests, recording: false) { _, bytes in
            bytes.data.map { Digest(size: $0.count, sha256: Integrity.sha256($0)) }
        }
        for (file, digest) in zip(others, digests) { source.attachmentDigests[file] = digest }
        source.snapshotKey = snapshotKey(settings.snapshotKey, root: root, io: io, diagnostics: &source.diagnostics)
        source.snapshots = readSnapshots(root: root, io: io, key: source.snapshotKey, diagnostics: &source.diagnostics)
        source.registers = readRegisters(files.filter(Register.isRegisterFile), root: root, io: io, catalog: catalog,
                                         diagnostics: &source.diagnostics)
        for file in files where Register.isMisplacedRegisterFile(file) {
            source.diagnostics.append(.misplacedRegister(file, at: SourceLocation(path: "Content/" + file)))
        }
        source.diagnostics += UnknownKey.report(documentResults.flatMap(\.unknownKeys), accepted: Set(settings.acceptedKeys))
        for result in documentResults {
            source.diagnostics += result.diagnostics
            switch result.content {
            case .evidence(let document): source.documents.append(document)
            case .assessment(let assessment): source.assessments.append(assessment)
            case .page(let page): source.pages.append(page)
            case nil: break
            }
        }
        return source
    }

    /// The snapshots in `Snapshots/` (one JSON file per reference date), by date. A symbolic link
    /// that leads out of the portfolio is an error, as it is in `Content/`.
    private static func readSnapshots(root: String, io: FileIO, key: VerifyingKey?, diagnostics: inout [Diagnostic]) -> [Snapshot] {
        let folder = io.portfolioFolder(Snapshot.folder, root: root, diagnostics: &diagnostics)
        for exit in folder.exits {
            let path = exit.path(in: Snapshot.folder)
            diagnostics.append(.symbolicLinkOutside(path, at: SourceLocation(path: path)))
        }
        var snapshots: [Snapshot] = []
        for file in folder.files.sorted() where file.lowercased().hasSuffix(".json") {
            let path = Snapshot.folder + "/" + file
            if let snapshot = readSnapshot(root + "/" + path, path: path, io: io, key: key, diagnostics: &diagnostics) {
                snapshots.append(snapshot)
            }
        }
        return snapshots.sorted { $0.asOf < $1.asOf }
    }

    /// One snapshot (a file in `Snapshots/`, or the `portfolio.json` of `build --compare`): refused
    /// unread when it is larger than any snapshot of normfolio, and checked against `key` when the
    /// portfolio names the board's key.
    static func readSnapshot(_ absolutePath: String, path: String, io: FileIO, key: VerifyingKey?,
                             diagnostics: inout [Diagnostic]) -> Snapshot? {
        let bytes = FileBytes(absolutePath, io: io, limit: Limits.snapshotFileBytes)
        if case .tooLarge(let size, let limit) = bytes {
            diagnostics.append(.snapshotTooLarge(size: size, limit: limit, at: SourceLocation(path: path)))
            return nil
        }
        guard let text = decodeText(bytes, path: path, diagnostics: &diagnostics) else { return nil }
        return Snapshot.read(text, path: path, key: key, diagnostics: &diagnostics)
    }

    /// The board's public key for snapshots (`snapshot_key` in normfolio.yml), or nil with an error
    /// when the file is missing or holds no Ed25519 public key.
    private static func snapshotKey(_ reference: PathReference?, root: String, io: FileIO, diagnostics: inout [Diagnostic]) -> VerifyingKey? {
        guard let reference else { return nil }
        guard !reference.path.hasPrefix("/"), !reference.path.split(separator: "/").contains(".."), io.fileExists(root + "/" + reference.path) else {
            diagnostics.append(.missingFile(reference.path, at: reference.location))
            return nil
        }
        guard let text = readText(root + "/" + reference.path, path: reference.path, io: io, limit: Limits.settingsFileBytes,
                                  diagnostics: &diagnostics) else { return nil }
        if text.contains("PRIVATE KEY") {
            diagnostics.append(.privateKeyInPortfolio(reference.path, at: reference.location))
            return nil
        }
        do {
            return try VerifyingKey(pem: text)
        } catch {
            diagnostics.append(.invalidValue("snapshot_key", reference.path, expected: "an Ed25519 public key (NAME.pub from normfolio keygen)",
                                             at: reference.location))
            return nil
        }
    }

    /// The registers among the files in `registers/` (small files, read every time).
    private static func readRegisters(_ files: [String], root: String, io: FileIO, catalog: Catalog,
                                      diagnostics: inout [Diagnostic]) -> [Register] {
        var texts: [String: String] = [:]
        var digests: [String: String] = [:]
        for file in files {
            let bytes = FileBytes(root + "/Content/" + file, io: io, limit: Limits.markdownFileBytes)
            var problems: [Diagnostic] = []
            if let text = decodeText(bytes, path: "Content/" + file, diagnostics: &problems) { texts[file] = text }
            if let data = bytes.data { digests["Content/" + file] = Integrity.sha256(data) }
            // The privacy guard reads every register file as a text attachment too, and reports one
            // that cannot be read or is no UTF-8 text: only the register's own size limit is new here.
            if case .tooLarge = bytes { diagnostics += problems }
        }
        return Register.readAll(texts, files: Set(files), catalog: catalog, diagnostics: &diagnostics).map { register in
            var register = register
            register.sourceSHA256 = digests[register.source] ?? ""
            return register
        }
    }

    /// Reads `files` (paths under Content/) and makes each one's result with `make`, or takes it
    /// from the cache when the file's bytes are the ones it was made from. The cache's entries
    /// are updated in place.
    private static func read<Result: Sendable>(
        _ files: [String], root: String, io: FileIO, limit: Int, cache: inout ReadCache,
        in entries: WritableKeyPath<ReadCache, [String: ReadCache.Entry<Result>]>, recording: Bool = true,
        make: @Sendable (String, FileBytes) -> Result
    ) -> [Result] {
        var found: [(bytes: Data?, result: Result, parsed: Bool)] = []
        do {
            // Scoped, so the cache's entries are not shared any more when they are updated below.
            let previous = cache[keyPath: entries]
            found = files.parallelMap { file in
                let bytes = FileBytes(root + "/Content/" + file, io: io, limit: limit)
                if let data = bytes.data, let entry = previous[file], entry.bytes == data { return (data, entry.result, false) }
                return (bytes.data, make(file, bytes), true)
            }
        }
        for index in found.indices where found[index].parsed {
            if recording { cache.parsed.append(files[index]) }
            guard cache.keeps else { continue }
            cache[keyPath: entries][files[index]] = found[index].bytes.map { ReadCache.Entry(bytes: $0, result: found[index].result) }
        }
        // Entries of files that are gone are dropped now and then; kept, they would still be right.
        if cache[keyPath: entries].count > files.count {
            let present = Set(files)
            cache[keyPath: entries] = cache[keyPath: entries].filter { present.contains($0.key) }
        }
        return found.map(\.result)
    }

    /// A text attachment's personal-data findings (and its decoding problems).
    static func scanTextAttachment(_ file: String, bytes: FileBytes, settings: Settings) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let path = "Content/" + file
        if case .tooLarge(let size, let limit) = bytes {
            return [.attachmentNotScanned(size: size, limit: limit, at: SourceLocation(path: path))]
        }
        guard let text = decodeText(bytes, path: path, diagnostics: &found) else { return found }
        return found + personalDataDiagnostics(PrivacyGuard.scan(text), path: path, settings: settings, acknowledged: [])
    }

    // MARK: Settings

    static let settingsKeys = ["organisation", "title", "language", "target", "as_of", "catalog", "email_allowlist", "accept_keys",
                               "board", "intranet", "contacts", "breach_instructions", "controller", "dpo", "snapshot_key", "schools"]
    static let contactKeys = ["role", "name", "email", "phone"]
    static let partyKeys = ["name", "address", "email", "phone"]

    static func readSettings(root: String, io: FileIO, diagnostics: inout [Diagnostic]) -> Settings {
        var settings = Settings()
        let path = "normfolio.yml"
        guard io.fileExists(root + "/" + path),
            let text = readText(root + "/" + path, path: path, io: io, limit: Limits.settingsFileBytes, diagnostics: &diagnostics),
            var fields = YAMLFields.parse(text, path: path, lineOffset: 0, diagnostics: &diagnostics)
        else { return settings }
        defer { diagnostics += fields.diagnostics }
        fields.warnUnknownKeys(settingsKeys)
        settings.organisation = fields.string("organisation", limit: Limits.nameCharacters) ?? settings.organisation
        settings.title = fields.string("title", limit: Limits.nameCharacters) ?? settings.title
        if let language = fields.string("language") {
            if let known = Language(rawValue: language) {
                settings.language = known
            } else {
                fields.report(.unknownValue("language", language, allowed: Language.allCases.map(\.rawValue), suggestion: nil,
                                            severity: .error, code: "invalid-value", at: fields.location(ofValue: "language")))
            }
        }
        settings.target = fields.integer("target", in: 1...5, code: "level-out-of-range") ?? settings.target
        settings.asOf = fields.day("as_of")
        if let catalog = fields.string("catalog") {
            settings.catalog = PathReference(path: catalog, location: fields.location(ofValue: "catalog"))
        }
        if let key = fields.string("snapshot_key") {
            settings.snapshotKey = PathReference(path: key, location: fields.location(ofValue: "snapshot_key"))
        }
        settings.emailAllowlist = (fields.stringList("email_allowlist") ?? []).map(\.text)
        settings.acceptedKeys = (fields.stringList("accept_keys") ?? []).map(\.text)
        settings.board = fields.string("board", limit: Limits.nameCharacters) ?? settings.board
        // What the intranet shows beyond its documents fails closed: a name normfolio does not know
        // is an error, never a part shown or left out by guess.
        let names = EditionPart.names.map(\.name)
        for item in fields.stringList("intranet") ?? [] {
            if let parts = EditionPart.names.first(where: { $0.name == item.text.lowercased() })?.parts {
                settings.intranet.formUnion(parts)
            } else {
                fields.report(.unknownValue("intranet part", item.text, allowed: names,
                                            suggestion: Suggestion.closest(to: item.text.lowercased(), in: names), severity: .error,
                                            code: "invalid-value", at: item.location))
            }
        }
        for node in fields.list("contacts") ?? [] {
            guard var contact = YAMLFields(node: node, parent: fields, diagnostics: &diagnostics) else { continue }
            contact.warnUnknownKeys(contactKeys)
            if let role = contact.requiredString("role", limit: Limits.nameCharacters) {
                settings.contacts.append(Contact(role: role, name: contact.string("name", limit: Limits.nameCharacters),
                                                 email: contact.string("email", limit: Limits.nameCharacters),
                                                 phone: contact.string("phone", limit: Limits.nameCharacters)))
            }
            diagnostics += contact.diagnostics
        }
        settings.breachInstructions = fields.string("breach_instructions")
        for key in ["controller", "dpo"] {
            guard let node = fields.node(key) else { continue }
            guard var party = YAMLFields(node: node, parent: fields, diagnostics: &diagnostics) else { continue }
            party.warnUnknownKeys(partyKeys)
            if let name = party.requiredString("name", limit: Limits.nameCharacters) {
                let details = Party(name: name, address: party.string("address", limit: Limits.nameCharacters),
                                    email: party.string("email", limit: Limits.nameCharacters), phone: party.string("phone", limit: Limits.nameCharacters))
                if key == "controller" { settings.controller = details } else { settings.dpo = details }
            }
            diagnostics += party.diagnostics
        }
        settings.schools = School.readAll(&fields, diagnostics: &diagnostics)
        return settings
    }

    // MARK: Files

    /// A file's bytes as the read stage got them.
    enum FileBytes: Sendable {
        case read(Data)
        case unreadable
        /// Larger than the limit for its kind of file: not read at all.
        case tooLarge(Int, limit: Int)

        /// Reads the file at `path`, or only notes its size when that is over `limit` bytes.
        init(_ path: String, io: FileIO, limit: Int) {
            if let size = io.size(path), size > limit {
                self = .tooLarge(size, limit: limit)
            } else {
                self = io.read(path).map(FileBytes.read) ?? .unreadable
            }
        }

        var data: Data? {
            if case .read(let data) = self { return data }
            return nil
        }
    }

    /// Reads a file as UTF-8 text (see `decodeText`), refusing it unread when it is over `limit` bytes.
    static func readText(_ absolutePath: String, path: String, io: FileIO, limit: Int, diagnostics: inout [Diagnostic]) -> String? {
        decodeText(FileBytes(absolutePath, io: io, limit: limit), path: path, diagnostics: &diagnostics)
    }

    /// Decodes what was read from `path`, reporting a file that could not be read or is too large.
    static func decodeText(_ bytes: FileBytes, path: String, diagnostics: inout [Diagnostic]) -> String? {
        switch bytes {
        case .read(let data):
            return decodeText(data, path: path, diagnostics: &diagnostics)
        case .unreadable:
            diagnostics.append(.unreadable(at: SourceLocation(path: path)))
        case .tooLarge(let size, let limit):
            diagnostics.append(.fileTooLarge(size: size, limit: limit, at: SourceLocation(path: path)))
        }
        return nil
    }

    /// Decodes bytes as UTF-8 text (a byte-order mark is dropped), reporting binary content (a NUL
    /// byte anywhere) and invalid bytes at their place. Line ends become LF whether the file used
    /// CRLF, LF or CR alone, so every later stage counts lines as the author's editor does.
    static func decodeText(_ data: Data, path: String, diagnostics: inout [Diagnostic]) -> String? {
        // Excel's "Unicode text" (and Notepad's "Unicode") is UTF-16, with a byte-order mark.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(.utf16Text(at: SourceLocation(path: path)))
            return nil
        }
        let looksBinary = data.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
        if looksBinary {
            diagnostics.append(.binaryFile(at: SourceLocation(path: path)))
            return nil
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(.invalidUTF8(at: firstInvalidByte(in: bytes, path: path)))
            return nil
        }
        let hasCarriageReturn = bytes.withUnsafeBytes { raw in
            raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false
        }
        return hasCarriageReturn ? withLineFeeds(bytes) : text
    }

    /// The text with CRLF and lone CR line ends written as LF.
    private static func withLineFeeds(_ bytes: Data.SubSequence) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if byte == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            output.append(previousWasCR ? 0x0A : byte)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func firstInvalidByte(in bytes: Data.SubSequence, path: String) -> SourceLocation {
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if String(validating: line, as: UTF8.self) != nil { continue }
            var iterator = line.makeIterator()
            var decoder = UTF8()
            var column = 1
            while case .scalarValue = decoder.decode(&iterator) { column += 1 }
            return SourceLocation(path: path, line: lineNumber, column: column)
        }
        return SourceLocation(path: path, line: 1, column: 1)
    }

    // MARK: Markdown files

    enum Content {
        case evidence(EvidenceDocument)
        case assessment(Assessment)
        case page(FreePage)
    }

    struct FileResult: Sendable {
        var content: Content?
        var diagnostics: [Diagnostic]
        /// Front-matter keys the reader did not know, reported for the whole portfolio at once.
        var unknownKeys: [UnknownKey] = []
    }

    /// Parses one Markdown file under Content/ from its bytes (nil when it could not be read).
    static func readMarkdownFile(_ file: String, bytes: FileBytes, catalog: Catalog, settings: Settings) -> FileResult {
        let path = "Content/" + file
        var diagnostics: [Diagnostic] = []
        // The page's file name (folders joined with hyphens, plus ".html") must fit a file system's
        // 255 bytes; a longer one would only fail when the site is written.
        let pageName = file.hasPrefix("pages/") ? pageSlug(String(file.dropFirst("pages/".count).dropLast(3))) : slug(forMarkdownFile: file)
        if pageName.utf8.count > Limits.pageNameBytes {
            return FileResult(content: nil, diagnostics: [.pageNameTooLong(pageName.utf8.count, limit: Limits.pageNameBytes,
                                                                           at: SourceLocation(path: path))])
        }
        guard let text = decodeText(bytes, path: path, diagnostics: &diagnostics) else {
            return FileResult(content: nil, diagnostics: diagnostics)
        }
        let frontMatter = FrontMatter(splitting: text)
        if frontMatter.unclosed {
            diagnostics.append(.unclosedFrontMatter(at: SourceLocation(path: path, line: 1, column: 1)))
            return FileResult(content: nil, diagnostics: diagnostics)
        }
        var fields: YAMLFields?
        if let yaml = frontMatter.yaml {
            fields = YAMLFields.parse(yaml, path: path, lineOffset: FrontMatter.yamlLineOffset, diagnostics: &diagnostics)
            if fields == nil { return FileResult(content: nil, diagnostics: diagnostics) }
        }
        let acknowledged = acknowledgedPersonalData(&fields, diagnostics: &diagnostics)
        diagnostics += personalDataDiagnostics(PrivacyGuard.scan(text), path: path, settings: settings,
                                               acknowledged: acknowledged)
        let content: Content?
        // A file with errors is still read to the end, so its links and norm references are
        // checked in the same run; the errors keep it from being published.
        let body = { Markdown.parse(frontMatter.body, path: path) }
        if file.hasPrefix("norms/") {
            content = readAssessment(file, path: path, fields: &fields, catalog: catalog, diagnostics: &diagnostics, body: body,
                                     source: frontMatter.body)
                .map(Content.assessment)
        } else if file.hasPrefix("pages/") {
            let parsed = body()
            diagnostics += parsed.analysis.diagnostics
            content = readPage(file, path: path, body: parsed, fields: &fields).map(Content.page)
        } else if var evidenceFields = fields {
            let parsed = body()
            diagnostics += parsed.analysis.diagnostics
            content = EvidenceDocument.read(file, path: path, body: parsed, source: frontMatter.body, fields: &evidenceFields,
                                             catalog: catalog).map { document in
                var document = document
                document.sourceSHA256 = bytes.data.map(Integrity.sha256) ?? ""
                return Content.evidence(document)
            }
            fields = evidenceFields
        } else {
            diagnostics.append(.missingFrontMatter(at: SourceLocation(path: path, line: 1, column: 1)))
            content = nil
        }
        diagnostics += fields?.diagnostics ?? []
        return FileResult(content: content, diagnostics: diagnostics, unknownKeys: fields?.unknownKeys ?? [])
    }

    // MARK: Personal data

    /// The kinds of personal data a reviewed file acknowledges (`pii_reviewed: [email, ipv4]`).
    static func acknowledgedPersonalData(_ fields: inout YAMLFields?, diagnostics: inout [Diagnostic]) -> Set<PrivacyGuard.Kind> {
        guard var f = fields, let items = f.stringList("pii_reviewed") else { return [] }
        var kinds = Set<PrivacyGuard.Kind>()
        let allowed = ["email", "ipv4"]
        for item in items {
            switch PrivacyGuard.Kind(rawValue: item.text.lowercased()) {
            case .bsn: f.report(.bsnCannotBeAcknowledged(at: item.location))
            case .some(let kind): kinds.insert(kind)
            case nil:
                f.report(.unknownValue("pii_reviewed", item.text, allowed: allowed,
                                       suggestion: Suggestion.closest(to: item.text, in: allowed), severity: .error,
                                       code: "invalid-value", at: item.location))
            }
        }
        fields = f
        return kinds
    }

    static func personalDataDiagnostics(_ findings: [PrivacyGuard.Finding], path: String, settings: Settings,
                                        acknowledged: Set<PrivacyGuard.Kind>) -> [Diagnostic] {
        findings.compactMap { finding in
            if finding.acknowledgedHere { return nil }
            if finding.kind != .bsn && acknowledged.contains(finding.kind) { return nil }
            if finding.kind == .email && settings.allows(email: finding.value) { return nil }
            return .personalData(finding, at: SourceLocation(path: path, line: finding.line, column: finding.column))
        }
    }

    static let assessmentKeys = ["level", "target", "owner", "not_applicable", "reviewed_on", "next_review", "actions",
                                 "classification", "pii_reviewed", "scope"]
    static let actionKeys = ["title", "owner", "due", "status", "scope"]

    /// One improvement action (`title`, `owner`, `due`, `status`), of an assessment or a register
    /// entry; nil when it has no title.
    static func readAction(_ node: FieldNode, parent: YAMLFields, diagnostics: inout [Diagnostic]) -> Action? {
        guard var a = YAMLFields(node: node, parent: parent, diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += a.diagnostics }
        a.warnUnknownKeys(actionKeys)
        let title = a.requiredString("title", limit: Limits.nameCharacters)
        var status = Action.Status.open
        if let value = a.string("status") {
            if let known = Action.Status(name: value) {
                status = known
            } else {
                let names = ["open", "bezig", "gereed", "doing", "done"]
                a.report(.unknownValue("status", value, allowed: Array(names.prefix(3)),
                                       suggestion: Suggestion.closest(to: value, in: names), severity: .error,
                                       code: "unknown-status", at: a.location(ofValue: "status")))
            }
        }
        guard let title else { return nil }
        return Action(title: title, owner: a.string("owner"), due: a.day("due"), status: status,
                      location: a.location, dueLocation: a.location(ofValue: "due"), scope: a.scope())
    }

    static func readAssessment(_ file: String, path: String, fields: inout YAMLFields?, catalog: Catalog,
                               diagnostics: inout [Diagnostic], body: () -> Markdown.Parsed, source: MarkdownSource) -> Assessment? {
        let name = String(file.dropFirst("norms/".count).dropLast(3))
        guard catalog.contains(name) else {
            diagnostics.append(.unknownAssessment(name + ".md", suggestion: catalog.suggestion(for: name),
                                                  at: SourceLocation(path: path)))
            return nil
        }
        var assessment = Assessment(
            normID: name, source: path, level: nil, levelLocation: SourceLocation(path: path, line: 1, column: 1),
            target: nil, owner: nil, notApplicable: nil, reviewedOn: nil, nextReview: nil,
            nextReviewLocation: SourceLocation(path: path, line: 1, column: 1), actions: [], classification: .openbaar,
            body: .empty)
        if var f = fields {
            f.collectUnknownKeys(assessmentKeys)
            assessment.level = f.integer("level", in: 1...5, code: "level-out-of-range")
            if f.has("level") { assessment.levelLocation = f.location(ofKey: "level") }
            assessment.target = f.integer("target", in: 1...5, code: "level-out-of-range")
            assessment.owner = f.string("owner")
            assessment.notApplicable = f.string("not_applicable")
            if assessment.notApplicable == nil, f.entries.contains(where: { $0.key == "not_applicable" }) {
                f.report(.emptyJustification(at: f.location(ofKey: "not_applicable")))
            }
            assessment.classification = f.classification(default: .openbaar)
            assessment.reviewedOn = f.day("reviewed_on")
            assessment.nextReview = f.day("next_review")
            assessment.nextReviewLocation = f.location(ofValue: "next_review")
            assessment.scope = f.scope()
            for node in f.list("actions") ?? [] {
                if let action = readAction(node, parent: f, diagnostics: &diagnostics) { assessment.actions.append(action) }
            }
            fields = f
        }
        let parsed = body()
        diagnostics += parsed.analysis.diagnostics
        assessment.body = LinkedBody(parsed)
        assessment.placeholders = Placeholder.find(fields: fields, keys: ["owner"], body: source, path: path)
        return assessment
    }

    static let pageKeys = ["title", "order", "classification", "pii_reviewed"]

    static func readPage(_ file: String, path: String, body: Markdown.Parsed, fields: inout YAMLFields?) -> FreePage? {
        let name = String(file.dropFirst("pages/".count).dropLast(3))
        var title: String?
        var order: Int?
        var classification = Classification.openbaar
        if var f = fields {
            f.collectUnknownKeys(pageKeys)
            title = f.string("title", limit: Limits.nameCharacters)
            order = f.integer("order", in: -9999...9999)
            classification = f.classification(default: .openbaar)
            fields = f
        }
        let fallback = name.split(separator: "/").last.map { $0.replacingOccurrences(of: "-", with: " ") } ?? name
        let shownTitle = title ?? fallback.prefix(1).uppercased() + fallback.dropFirst()
        var linked = LinkedBody(body)
        linked.removeTitleHeading(shownTitle)
        return FreePage(source: path, slug: pageSlug(name), title: shownTitle, order: order, classification: classification, body: linked)
    }

    /// A document's page name: its path under Content/ without ".md", made URL-safe
    /// ("beleid/IB-beleid 2026.md" → "beleid-ib-beleid-2026").
    ///
    /// `Content/index.md` would be named "index", the page that lists the documents: it is named
    /// "index-document" instead, so it has a page of its own.
    /// A free page's name: its path under pages/ made URL-safe, folders joined with hyphens.
    static func pageSlug(_ name: String) -> String {
        name.split(separator: "/").map { String($0).slugified() }.joined(separator: "-")
    }

    static func slug(forMarkdownFile file: String) -> String {
        let slug = String(file.dropLast(3)).split(separator: "/").map { String($0).slugified() }.joined(separator: "-")
        return slug == "index" ? "index-document" : slug
    }
}
