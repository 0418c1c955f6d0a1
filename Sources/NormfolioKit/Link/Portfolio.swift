import Foundation

/// The linked portfolio: catalogue ↔ evidence ↔ assessments, whatever the audience.
/// Rendering reads from this model; it never looks at files again.
public struct Portfolio: Sendable {
    public var root: String
    public var settings: Settings
    public var catalog: Catalog
    /// The reference date (peildatum), and what it decides of other dates.
    public var reference: ReferenceDate
    /// The reference date itself.
    public var asOf: Day { reference.day }
    /// Evidence documents, sorted by page name.
    public var documents: [EvidenceDocument]
    /// Assessments by norm ID.
    public var assessments: [String: Assessment]
    /// Free pages in navigation order.
    public var pages: [FreePage]
    /// Norm ID → indices into `documents` of its evidence.
    public var evidenceByNorm: [String: [Int]]
    /// The registers, one per kind, in the kinds' order.
    public var registers: [Register] = []
    /// Norm ID → indices into `registers` of the registers that are evidence for it.
    public var registersByNorm: [String: [Int]] = [:]
    /// The earlier states of the portfolio, by reference date (only those before `asOf`).
    public var snapshots: [Snapshot] = []
    /// The ID of the board's key that signs snapshots (`snapshot_key`), when one is configured.
    public var snapshotKeyID: String?
    /// "<register>/<id>" → indices of the documents whose text links to that entry.
    public var documentsLinkingToEntry: [String: [Int]] = [:]
    /// Document index → indices of the documents whose text links to it ("gelinkt vanuit").
    public var linkedFrom: [[Int]]
    /// Every attachment some source uses (path under Content/) → the classification of the most
    /// confidential source that uses it: only audiences that may read that get the attachment.
    public var attachmentClassification: [String: Classification]
    /// Every attachment some source uses (path under Content/) → the sources that use it (their
    /// paths in the portfolio): an edition publishes it only where it shows one of them.
    public var attachmentUsers: [String: Set<String>] = [:]
    /// Document index → the attachments it uses (paths under Content/), links and front matter alike.
    public var attachmentsOfDocument: [[String]]
    /// Every catalogue norm's coverage and maturity, by norm ID.
    public var standings: [String: NormStanding]
    /// Per school of normfolio.yml (by id), every norm's coverage and maturity for that school
    /// (see `Link/Scope.swift`); empty for a board without schools.
    public var schoolStandings: [String: [String: NormStanding]] = [:]
    /// The commit the portfolio's git repository is at, if it is one.
    public var gitCommit: String?
    /// Size and SHA-256 of the files under Content/ that may be attachments (when the read
    /// hashed them), by path there.
    public var attachmentDigests: [String: Digest]

    /// Every judgement at the reference date (see `Finding`), in reading order.
    public internal(set) var findings: [Finding] = []
    /// Indices into `findings` by what they concern.
    var findingsBySubject: [Finding.Subject: [Int]] = [:]

    /// Sets the findings, and the index by what they concern.
    mutating func record(_ findings: [Finding]) {
        self.findings = findings
        findingsBySubject = Dictionary(grouping: findings.indices, by: { findings[$0].subject })
    }

    /// The findings about one thing.
    public func findings(about subject: Finding.Subject) -> [Finding] {
        (findingsBySubject[subject] ?? []).map { findings[$0] }
    }

    /// What links can lead to: files, documents and pages by their path under Content/.
    let links: Linker.Links

    /// The register of a kind, when the portfolio keeps one.
    public func register(_ kind: RegisterKind) -> Register? { registers.first { $0.kind == kind } }

    /// The standing of a norm (every catalogue norm has one).
    public func standing(_ normID: String) -> NormStanding? { standings[normID] }
}

/// Where a link in Markdown leads.
public enum LinkDestination: Equatable, Sendable {
    case external
    case anchor
    case unsafe
    case document(Int, fragment: String)
    case page(Int, fragment: String)
    case norm(String, fragment: String)
    /// A register (a file in Content/registers/), or one of its entries (`#id`).
    case register(RegisterKind, entry: String)
    /// A file under Content/, by its path there.
    case attachment(String)
    case missing(String)
    case outside(String)
}

extension Portfolio {
    /// The diagnostics an edition for `audience` may show its readers (the preview's error page):
    /// those of files it may read, and of the settings and theme; with how many others there are.
    /// A file whose classification is not known (it could not be read) is withheld, except from
    /// the auditor, who may read everything.
    public func diagnostics(_ diagnostics: [Diagnostic], shownTo audience: Audience) -> (shown: [Diagnostic], withheld: Int) {
        guard audience != .auditor else { return (diagnostics, 0) }
        var classification: [String: Classification] = [:]
        for document in documents { classification[document.source] = document.classification }
        for page in pages { classification[page.source] = page.classification }
        for assessment in assessments.values { classification[assessment.source] = assessment.classification }
        for register in registers {
            classification[register.source] = register.classification
            classification[register.entriesSource] = register.classification
        }
        for (file, level) in attachmentClassification { classification["Content/" + file] = level }
        let shown = diagnostics.filter { diagnostic in
            let path = diagnostic.location.path
            if path == "normfolio.yml" || path == settings.catalog?.path || path.hasPrefix("Templates/") || path.hasPrefix("Public/") {
                return true
            }
            return classification[path].map(audience.mayRead) ?? false
        }
        return (shown, diagnostics.count - shown.count)
    }

    private static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Resolves a link written in `sourcePath` (a path under the portfolio, e.g. "Content/a/b.md").
    public func resolve(_ destination: String, from sourcePath: String) -> LinkDestination {
        links.resolve(destination, from: sourcePath)
    }

    static func resolve(
        _ destination: String, from sourcePath: String, files: Set<String>, exits: Set<String>,
        documents: [String: Int], pages: [String: Int], registerFiles: [String: RegisterKind],
        catalog: Catalog
    ) -> LinkDestination {
        let trimmed = destination.trimmed
        if trimmed.isEmpty { return .unsafe }
        if trimmed.hasPrefix("#") { return .anchor }
        if let scheme = scheme(of: trimmed) {
            return safeSchemes.contains(scheme.lowercased()) ? .external : .unsafe
        }
        if trimmed.hasPrefix("//") { return .external }
        var pathPart = Substring(trimmed)
        var fragment = ""
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = String(pathPart[hash...])
            pathPart = pathPart[..<hash]
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
        let decoded =
            pathPart.utf8.contains(UInt8(ascii: "%"))
            ? String(pathPart).removingPercentEncoding ?? String(pathPart)
            : String(pathPart)
        guard let contentPath = contentRelative(decoded, from: sourcePath), !leadsOutside(contentPath, exits: exits) else {
            return .outside(destination)
        }
        if contentPath.lowercased().hasSuffix(".md") {
            if let index = documents[contentPath] { return .document(index, fragment: fragment) }
            if let index = pages[contentPath] { return .page(index, fragment: fragment) }
            if contentPath.hasPrefix("norms/") {
                let id = String(contentPath.dropFirst("norms/".count).dropLast(3))
                if catalog.contains(id) && files.contains(contentPath) { return .norm(id, fragment: fragment) }
            }
            return .missing(destination)
        }
        // A register's file is never published as it is (its entries may be withheld): a link to
        // it leads to the register's page, or with `#id` to an entry's.
        if Register.isRegisterFile(contentPath) {
            guard files.contains(contentPath), let kind = registerFiles[contentPath] ?? Register.kind(ofFile: contentPath) else {
                return .missing(destination)
            }
            return .register(kind, entry: String(fragment.dropFirst()))
        }
        return files.contains(contentPath) ? .attachment(contentPath) : .missing(destination)
    }

    /// Whether a path under Content/ is, or lies below, a symbolic link that leads outside.
    static func leadsOutside(_ path: String, exits: Set<String>) -> Bool {
        guard !exits.isEmpty else { return false }
        if exits.contains(".") || exits.contains(path) { return true }
        var ancestor = Substring(path)
        while let slash = ancestor.lastIndex(of: "/") {
            ancestor = ancestor[..<slash]
            if exits.contains(String(ancestor)) { return true }
        }
        return false
    }

    /// The path under Content/ that `relative`, written in `sourcePath`, points to; nil when it
    /// leaves Content/ or is absolute.
    static func contentRelative(_ relative: String, from sourcePath: String) -> String? {
        guard !relative.hasPrefix("/"), !relative.hasPrefix("\\"), sourcePath.hasPrefix("Content/") else { return nil }
        // The source's folder under Content/, then each component of the link, one at a time.
        var parts = sourcePath.utf8.dropFirst("Content/".count).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        if !parts.isEmpty { parts.removeLast() }
        for component in relative.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if component.elementsEqual(".".utf8) { continue }
            if component.elementsEqual("..".utf8) {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(component)
            }
        }
        guard !parts.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(relative.utf8.count + sourcePath.utf8.count)
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "/")) }
            bytes.append(contentsOf: part)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The URL scheme ("https" in "https://…"), or nil for a relative reference.
    private static func scheme(of url: String) -> String? {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let first = bytes.first, Catalog.isLetter(first) else {
            return nil
        }
        let allowed = bytes[..<colon].allSatisfy { c in
            Catalog.isLetter(c) || Catalog.isDigit(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
        }
        return allowed ? String(url[..<colon]) : nil
    }
}
