import Crypto
import Foundation

/// The files that let anyone check a site: `export/manifest.json` (what was published, with
/// sizes and SHA-256 hashes, and the hashes of the published documents' sources) and
/// `export/SHA256SUMS`, which `sha256sum -c` reads.
public enum Integrity {
    static let manifestPath = "export/manifest.json"
    static let sumsPath = "export/SHA256SUMS"
    /// The Ed25519 signature of `export/SHA256SUMS`, when the build was signed.
    static let signaturePath = "export/SHA256SUMS.sig"

    /// The SHA-256 of some bytes, as lower-case hex.
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Adds the manifest and the checksum list to a rendered site.
    static func seal(_ site: Site, portfolio: Portfolio, audience: Audience, version: String, io: FileIO) -> Site {
        // The manifest and the list are normfolio's own: a theme file of the same name gives way.
        var sealed = site
        sealed.files.removeAll { $0.path == manifestPath || $0.path == sumsPath }
        let digests = sealed.files.parallelMap { file -> (path: String, size: Int, sha256: String) in
            if let known = site.digests[file.path] { return (file.path, known.size, known.sha256) }
            let data = file.bytes(io: io) ?? Data()
            return (file.path, data.count, sha256(data))
        }
        let sources: [JSONValue] = portfolio.documents.filter { audience.mayRead($0.classification) }.parallelMap { document in
            let data = io.read(portfolio.root + "/" + document.source) ?? Data()
            return .object(["source": .string(document.source), "page": .string("documenten/\(document.slug).html"),
                            "sha256": .string(sha256(data))])
        }
        let manifest = JSONValue.object([
            "normfolio_version": .string(version),
            "catalog_version": .string(portfolio.catalog.version),
            "as_of": .string(portfolio.asOf.description),
            "audience": .string(audience.rawValue),
            "git_commit": .string(gitCommit(of: portfolio.root, io: io)),
            "files": .array(digests.map { .object(["path": .string($0.path), "size": .int($0.size), "sha256": .string($0.sha256)]) }),
            "sources": .array(sources),
        ])
        let manifestData = Data(manifest.text.utf8)
        var sums = digests.map { ($0.path, $0.sha256) }
        sums.append((manifestPath, sha256(manifestData)))
        let sumsText = sums.sorted { $0.0 < $1.0 }.map { "\($0.1)  \($0.0)\n" }.joined()
        sealed.files += [Site.File(path: manifestPath, contents: .data(manifestData)),
                         Site.File(path: sumsPath, contents: .data(Data(sumsText.utf8)))]
        sealed.files.sort { $0.path < $1.path }
        return sealed
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
        if let loose = io.read(gitDir + "/" + ref).map({ String(decoding: $0, as: UTF8.self).trimmed }), isCommitHash(loose) {
            return loose
        }
        let packed = io.read(gitDir + "/packed-refs").map { String(decoding: $0, as: UTF8.self) } ?? ""
        for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
            let hash = String(line.prefix { $0 != " " })
            if isCommitHash(hash) { return hash }
        }
        return nil
    }

    private static func isCommitHash(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy { $0.isHexDigit }
    }

    // MARK: Verifying a site

    /// What `verify` found in a site folder.
    public struct Report: Sendable {
        public var checked: Int
        public var changed: [String]
        public var missing: [String]
        public var extra: [String]
        public var isIntact: Bool { changed.isEmpty && missing.isEmpty && extra.isEmpty }
    }

    /// The fingerprint of a sealed site: the SHA-256 of its `export/SHA256SUMS`.
    public static func fingerprint(of site: Site) -> String? {
        site.files.first { $0.path == sumsPath }?.bytes().map(sha256)
    }

    /// Re-hashes every file listed in the site's `export/SHA256SUMS` and looks for files not listed.
    public static func verify(site folder: String) throws -> Report {
        guard let sums = FileManager.default.contents(atPath: folder + "/" + sumsPath) else {
            throw WriteError(description: "'\(folder)' has no \(sumsPath); it is not a site built by normfolio")
        }
        var expected: [String: String] = [:]
        for line in String(decoding: sums, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            expected[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
        }
        // The list itself and normfolio's marker of its own output folders are not content.
        let present = Set(allFiles(in: folder)).subtracting([sumsPath, SiteWriter.marker])
        let hashes = expected
        let listed = hashes.keys.sorted()
        let results = listed.parallelMap { path -> (String, Bool?) in
            guard let data = FileManager.default.contents(atPath: folder + "/" + path) else { return (path, nil) }
            return (path, sha256(data) == hashes[path])
        }
        return Report(
            checked: listed.count,
            changed: results.filter { $0.1 == false }.map(\.0),
            missing: results.filter { $0.1 == nil }.map(\.0),
            extra: present.subtracting(listed).sorted())
    }

    /// Every regular file below `folder`, hidden ones included, relative to it.
    private static func allFiles(in folder: String) -> [String] {
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(path)
            }
        }
        return files
    }
}
