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
            } else if let text = readText(
                root + "/" + overlay.path, path: overlay.path, io: io, limit: Limits.settingsFileBytes,
                diagnostics: &diagnostics)
            {
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
        let documentResults = Self.read(
            markdown, root: root, io: io, limit: Limits.markdownFileBytes, cache: &cache,
            in: \.markdown
        ) { file, bytes in
            readMarkdownFile(file, bytes: bytes, catalog: frozenCatalog, settings: settings)
        }
        // Text attachments are checked for personal data too.
        let textFiles = files.filter(PrivacyGuard.scansAttachment)
        diagnostics += Self.read(
            textFiles, root: root, io: io, limit: Limits.scannedAttachmentBytes, cache: &cache,
            in: \.text
        ) { file, bytes in
            scanTextAttachment(file, bytes: bytes, settings: settings)
        }.flatMap { $0 }
        var source = PortfolioSource(
            root: root, settings: settings, catalog: catalog, documents: [], assessments: [],
            pages: [], contentFiles: Set(files), exits: Set(content.exits.map(\.path)),
            diagnostics: diagnostics, gitCommit: Integrity.gitCommit(of: root, io: io))
        let others = files.filter { !$0.lowercased().hasSuffix(".md") }
        let digests = Self.read(others, root: root, io: io, limit: Int.max, cache: &cache, in: \.digests, recording: false) { _, bytes in
            bytes.data.map { Digest(size: $0.count, sha256: Integrity.sha256($0)) }
        }
        for (file, digest) in zip(others, digests) { source.attachmentDigests[file] = digest }
        source.snapshotKey = snapshotKey(settings.snapshotKey, root: root, io: io, diagnostics: &source.diagnostics)
        source.snapshots = readSnapshots(root: root, io: io, key: source.snapshotKey, diagnostics: &source.diagnostics)
        source.registers = readRegisters(
            files.filter(Register.isRegisterFile), root: root, io: io, catalog: catalog,
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
    static func readSnapshot(
        _ absolutePath: String, path: String, io: FileIO, key: VerifyingKey?,
        diagnostics: inout [Diagnostic]
    ) -> Snapshot? {
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
        guard
            let text = readText(
                root + "/" + reference.path, path: reference.path, io: io, limit: Limits.settingsFileBytes,
                diagnostics: &diagnostics)
        else { return nil }
        if text.contains("PRIVATE KEY") {
            diagnostics.append(.privateKeyInPortfolio(reference.path, at: reference.location))
            return nil
        }
        do {
            return try VerifyingKey(pem: text)
        } catch {
            diagnostics.append(
                .invalidValue(
                    "snapshot_key", reference.path, expected: "an Ed25519 public key (NAME.pub from normfolio keygen)",
                    nl: "publieke Ed25519-sleutel (NAAM.pub van normfolio keygen)",
                    at: reference.location))
            return nil
        }
    }

    /// The registers among the files in `registers/` (small files, read every time).
    private static func readRegisters(
        _ files: [String], root: String, io: FileIO, catalog: Catalog,
        diagnostics: inout [Diagnostic]
    ) -> [Register] {
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
}
