import Foundation

/// Reading back a zip of a site (for `verify`), with the reader `import` uses (`BoundedArchive`):
/// every entry read from its own bytes only, every size measured while unpacking, never taken from
/// the zip's own word. Every entry must stay inside the folder it is unpacked into; each is written
/// as a plain file or folder, so an entry a zip marks as a symbolic link is never made one.
enum ZipReader {
    /// The limits for a site's zip: far above any site (attachments included), and bounded.
    static let budget = BoundedArchive.Budget(entryBytes: 2 << 30, totalBytes: 8 << 30, ratio: 1_000, ratioFloor: 1 << 20)

    /// Unpacks the zip at `zip` into `folder`, and returns the site's folder in it: the one folder
    /// `build --zip` puts every file in, or `folder` itself for a zip without one.
    static func unpackSite(_ zip: URL, into folder: URL) throws -> URL {
        let name = zip.lastPathComponent.escapingControlCharacters
        let archive: BoundedArchive
        do {
            archive = try BoundedArchive(url: zip, budget: budget)
        } catch {
            throw WriteError(description: "'\(zip.path.escapingControlCharacters)' cannot be read as a zip: \(error)")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var tops = Set<String>()
        for path in archive.paths {
            let inside = path.hasSuffix("/") ? String(path.dropLast()) : path
            guard SitePath.isContained(inside) else {
                throw WriteError(description: "'\(name)' holds an entry that would leave its folder: \(path.escapingControlCharacters)")
            }
            tops.insert(String(path.prefix { $0 != "/" }))
            let target = folder.appendingPathComponent(inside)
            if archive.isFolder(path) {
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: target.path, contents: nil) else {
                throw WriteError(description: "'\(name)' holds an entry that cannot be unpacked here: \(path.escapingControlCharacters)")
            }
            let handle = try FileHandle(forWritingTo: target)
            defer { try? handle.close() }
            do {
                _ = try archive.stream(path) { handle.write($0) }
            } catch {
                throw WriteError(description: "'\(name)' cannot be unpacked: \(error)")
            }
        }
        // build --zip puts the site in one folder; a zip made of the site's files themselves works too.
        if tops.count == 1, let top = tops.first, !FileManager.default.fileExists(atPath: folder.appendingPathComponent(Routes.home).path) {
            return folder.appendingPathComponent(top)
        }
        return folder
    }
}
