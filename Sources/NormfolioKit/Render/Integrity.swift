import Crypto
import Foundation

/// The files that let anyone check a site: `export/manifest.json` (what was published, with
/// sizes and SHA-256 hashes, and the hashes of the published documents' sources) and
/// `export/SHA256SUMS`, which `sha256sum -c` reads.
public enum Integrity {
    static let manifestPath = Routes.manifest
    static let sumsPath = Routes.sums
    /// The Ed25519 signature of `export/SHA256SUMS`, when the build was signed.
    static let signaturePath = Routes.signature

    /// The SHA-256 of some bytes, as lower-case hex.
    public static func sha256(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Adds the manifest and the checksum list to a rendered site.
    static func seal(_ site: Site, edition: Edition, io: FileIO) -> Site {
        let (portfolio, audience, version) = (edition.portfolio, edition.audience, edition.version)
        // The manifest and the list are normfolio's own: a theme file of the same name gives way.
        var sealed = site
        sealed.files.removeAll { $0.path == manifestPath || $0.path == sumsPath }
        let digests = sealed.files.parallelMap { file -> (path: String, size: Int, sha256: String) in
            if let known = site.digests[file.path] { return (file.path, known.size, known.sha256) }
            let data = file.bytes(io: io) ?? Data()
            return (file.path, data.count, sha256(data))
        }
        // By index: filtering the documents themselves would copy every one.
        let documents = portfolio.documents
        let manifest = Manifest(
            normfolio_version: version, catalog_version: portfolio.catalog.version, as_of: portfolio.asOf.description,
            audience: audience.rawValue, git_commit: portfolio.gitCommit,
            files: digests.map { Manifest.File(path: $0.path, size: $0.size, sha256: $0.sha256) },
            sources: edition.publishedDocuments.map { index in
                Manifest.Source(
                    source: documents[index].source, page: Routes.document(documents[index].slug),
                    sha256: documents[index].sourceSHA256)
            })
        let manifestData = Data(JSONValue(encoding: manifest).text.utf8)
        var sums = digests.map { ($0.path, $0.sha256) }
        sums.append((manifestPath, sha256(manifestData)))
        let sumsText = sums.sorted { $0.0 < $1.0 }.map { "\($0.1)  \($0.0)\n" }.joined()
        sealed.files += [
            Site.File(path: manifestPath, contents: .data(manifestData)),
            Site.File(path: sumsPath, contents: .data(Data(sumsText.utf8))),
        ]
        sealed.files.sort { $0.path < $1.path }
        return sealed
    }

    /// The fingerprint of an edition's evidence: the SHA-256 of its published documents' sources,
    /// one line `sha256  path` each in path order (as `sha256sum` writes them; the `sources` of
    /// the manifest). The papers carry it on their covers, since a fingerprint of the site itself
    /// would have to hash the papers too; `verify` prints it.
    static func sourcesFingerprint(of edition: Edition) -> String {
        sourcesFingerprint(edition.publishedDocuments.map { (edition.portfolio.documents[$0].source, edition.portfolio.documents[$0].sourceSHA256) })
    }

    static func sourcesFingerprint(_ sources: [(path: String, sha256: String)]) -> String {
        sha256(Data(sources.sorted { $0.path < $1.path }.map { "\($0.sha256)  \($0.path)\n" }.joined().utf8))
    }

    /// The commit the portfolio's git repository is at, read from `.git` without running git.
    static func gitCommit(of root: String, io: FileIO) -> String? {
        var gitDir = root + "/.git"
        if let pointer = io.read(gitDir).map({ String(decoding: $0, as: UTF8.self) }), pointer.hasPrefix("gitdir:") {
            let path = pointer.dropFirst("gitdir:".count).trimmed
            gitDir = path.hasPrefix("/") ? path : root + "/" + path
        }
        guard let head = io.read(gitDir + "/HEAD").map({ String(decoding: $0, as: UTF8.self).trimmed }) else { return nil }
        guard head.hasPrefix("ref:") else { return isCommitHash(head) ? head : nil }
        let ref = head.dropFirst("ref:".count).trimmed
        // A linked worktree keeps its own HEAD; its branches live in the common directory that
        // `commondir` names (relative to the worktree's git directory).
        var places = [gitDir]
        if let common = io.read(gitDir + "/commondir").map({ String(decoding: $0, as: UTF8.self).trimmed }), !common.isEmpty {
            places.append(URL(fileURLWithPath: common.hasPrefix("/") ? common : gitDir + "/" + common).standardized.path)
        }
        for place in places {
            if let loose = io.read(place + "/" + ref).map({ String(decoding: $0, as: UTF8.self).trimmed }), isCommitHash(loose) {
                return loose
            }
            let packed = io.read(place + "/packed-refs").map { String(decoding: $0, as: UTF8.self) } ?? ""
            for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                let hash = String(line.prefix { $0 != " " })
                if isCommitHash(hash) { return hash }
            }
        }
        return nil
    }

    private static func isCommitHash(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy { $0.isHexDigit }
    }

    /// The fingerprint of a sealed site: the SHA-256 of its `export/SHA256SUMS`.
    public static func fingerprint(of site: Site) -> String? {
        site.files.first { $0.path == sumsPath }?.bytes().map(sha256)
    }

    // MARK: Signing

    /// Adds the Ed25519 signature of the site's `export/SHA256SUMS` (and so of its fingerprint)
    /// as `export/SHA256SUMS.sig`: 64 raw bytes, as OpenSSL reads them.
    static func sign(_ site: Site, with key: SigningKey) throws -> Site {
        guard let sums = site.files.first(where: { $0.path == sumsPath })?.bytes() else { return site }
        var signed = site
        signed.files.removeAll { $0.path == signaturePath }
        signed.files.append(Site.File(path: signaturePath, contents: .data(try key.signature(for: sums))))
        signed.files.sort { $0.path < $1.path }
        return signed
    }

    // MARK: Verifying a site

    /// What `verify` found in a site folder.
    public struct Report: Sendable {
        /// Files listed in `export/SHA256SUMS` and checked.
        public var checked: Int
        public var changed: [String] = []
        public var missing: [String] = []
        public var extra: [String] = []
        /// Lines of `export/SHA256SUMS` that are malformed, repeat a path or name a path that would
        /// leave the site (those are never opened).
        public var invalidLines: [String] = []
        /// Where `export/manifest.json` and `export/SHA256SUMS` disagree.
        public var manifestProblems: [String] = []
        /// The SHA-256 of `export/SHA256SUMS`, as `build` printed it.
        public var fingerprint: String
        /// Whether the fingerprint is the one expected (nil when none was given).
        public var fingerprintMatches: Bool?
        /// Whether the site's signature was made by the key given (nil when none was given).
        public var signatureIsValid: Bool?
        /// Why the signature did not check out, when it did not.
        public var signatureProblem: String?
        /// The fingerprint of the sources of the documents the site publishes (see
        /// `sourcesFingerprint`), as the papers' covers give it; nil when the manifest has none.
        public var sourcesFingerprint: String?

        public var isIntact: Bool {
            changed.isEmpty && missing.isEmpty && extra.isEmpty && invalidLines.isEmpty && manifestProblems.isEmpty
                && fingerprintMatches != false && signatureIsValid != false
        }
    }

    /// Checks a site folder: every file listed in `export/SHA256SUMS` is hashed again and nothing
    /// else is there; the manifest lists exactly those files with the same hashes; the fingerprint
    /// is `expected` (when given); the signature was made with `key` (when given).
    public static func verify(
        site folder: String, expectedFingerprint expected: String? = nil,
        key: VerifyingKey? = nil
    ) throws -> Report {
        guard let sums = readRegularFile(folder + "/" + sumsPath) else {
            throw WriteError(description: "'\(folder)' has no \(sumsPath); it is not a site built by normfolio")
        }
        var report = Report(checked: 0, fingerprint: sha256(sums))
        var listed: [String: String] = [:]
        for line in String(decoding: sums, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            // sha256sum's format: 64 hex digits, two characters (a space and a space or '*'), the path.
            let hash = line.prefix(64), rest = line.dropFirst(64)
            guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }), rest.hasPrefix(" "), rest.count > 2
            else { report.invalidLines.append(String(line)); continue }
            let path = String(rest.dropFirst(2))
            guard SitePath.isContained(path), listed[path] == nil, path != sumsPath else {
                report.invalidLines.append(String(line))
                continue
            }
            listed[path] = String(hash)
        }
        let paths = listed.keys.sorted()
        report.checked = paths.count
        let results = paths.parallelMap { path -> (path: String, hash: String?, size: Int) in
            guard let data = readRegularFile(folder + "/" + path) else { return (path, nil, 0) }
            return (path, sha256(data), data.count)
        }
        for result in results {
            if result.hash == nil {
                // A path that is there but is a link or a folder is not the file that was listed.
                var info = stat()
                if lstat(folder + "/" + result.path, &info) == 0 { report.changed.append(result.path) } else { report.missing.append(result.path) }
            } else if result.hash != listed[result.path] {
                report.changed.append(result.path)
            }
        }
        // The marker of a folder normfolio wrote is not listed (a zip has none), but it is in the site
        // and a web server may serve it: it must hold normfolio's text, nothing else.
        var marker = stat()
        if lstat(folder + "/" + SiteWriter.marker, &marker) == 0,
            Int(marker.st_size) != SiteWriter.markerText.count || readRegularFile(folder + "/" + SiteWriter.marker) != SiteWriter.markerText
        {
            report.changed.append(SiteWriter.marker)
        }
        let notContent: Set<String> = [sumsPath, signaturePath, SiteWriter.marker]
        report.extra = allEntries(in: folder).filter { !notContent.contains($0) && listed[$0] == nil }.sorted()
        // Sizes of the files that are as listed: the manifest must give those (a changed file is reported once, above).
        let sizes = Dictionary(
            uniqueKeysWithValues: results.filter { $0.hash != nil && $0.hash == listed[$0.path] }
                .map { ($0.path, $0.size) })
        report.manifestProblems = crossCheck(folder: folder, listed: listed, sizes: sizes)
        report.sourcesFingerprint = sourcesFingerprint(inManifest: folder + "/" + manifestPath)
        if let expected {
            report.fingerprintMatches = expected.filter { !$0.isWhitespace }.lowercased() == report.fingerprint
        }
        if let key {
            if let signature = readRegularFile(folder + "/" + signaturePath) {
                report.signatureIsValid = key.isValid(signature, for: sums)
                if report.signatureIsValid == false {
                    report.signatureProblem = "\(signaturePath) was not made with this key for this \(sumsPath)"
                }
            } else {
                report.signatureIsValid = false
                report.signatureProblem = "the site has no \(signaturePath): it was not signed"
            }
        }
        return report
    }

    /// The sources fingerprint recomputed from a site's manifest (its `sources`).
    private static func sourcesFingerprint(inManifest path: String) -> String? {
        guard let data = readRegularFile(path), case .success(let manifest) = OwnJSON.read(Manifest.self, from: data) else { return nil }
        return sourcesFingerprint(manifest.sources.map { ($0.source, $0.sha256) })
    }

    /// Checks a zip of a site (as `build --zip` writes it: the site in one folder) as `verify`
    /// checks the folder. The zip is unpacked into a private folder first, each entry's path kept
    /// inside it and its size bounded.
    public static func verify(zip path: String, expectedFingerprint expected: String? = nil, key: VerifyingKey? = nil) throws -> Report {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normfolio-verify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try ZipReader.unpackSite(URL(fileURLWithPath: path), into: folder)
        return try verify(site: site.path, expectedFingerprint: expected, key: key)
    }

    /// Where the manifest and the checksum list disagree: the manifest must be listed itself, and
    /// list every other listed file with the same SHA-256 and the size the file has.
    private static func crossCheck(folder: String, listed: [String: String], sizes: [String: Int]) -> [String] {
        guard listed[manifestPath] != nil else { return ["\(manifestPath) is not listed in \(sumsPath)"] }
        guard let data = readRegularFile(folder + "/" + manifestPath) else { return ["\(manifestPath) cannot be read"] }
        let manifest: Manifest
        switch OwnJSON.read(Manifest.self, from: data) {
        case .success(let read): manifest = read
        case .failure(let error): return ["\(manifestPath) is not a manifest of normfolio: \(error.problem)"]
        }
        var problems: [String] = []
        var described = Set<String>()
        for file in manifest.files {
            let (path, hash, size) = (file.path, file.sha256, file.size)
            described.insert(path)
            if listed[path] == nil {
                problems.append("\(path): in \(manifestPath) but not in \(sumsPath)")
            } else if listed[path] != hash {
                problems.append("\(path): \(manifestPath) and \(sumsPath) give different SHA-256 hashes")
            } else if let actual = sizes[path], actual != size {
                problems.append("\(path): \(manifestPath) gives \(size) bytes, the file has \(actual)")
            }
        }
        for path in listed.keys.sorted() where path != manifestPath && !described.contains(path) {
            problems.append("\(path): in \(sumsPath) but not in \(manifestPath)")
        }
        return problems
    }

    /// The bytes of a regular file, never through a symbolic link; nil otherwise.
    private static func readRegularFile(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return try? handle.readToEnd() ?? Data()
    }

    /// Every entry below `folder` that is not a folder (files, links, others), hidden ones
    /// included, relative to it; links are not followed.
    private static func allEntries(in folder: String) -> [String] {
        var entries: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(folder + "/" + child, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR { walk(child) } else { entries.append(child) }
            }
        }
        walk("")
        return entries
    }
}
