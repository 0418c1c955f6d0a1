import Foundation
import ZIPFoundation

/// Writes a site as a zip for handing to an auditor: entries sorted, every timestamp the
/// reference date, fixed permissions, so the same site gives the same bytes. All entries sit in
/// one folder, so unzipping gives a folder that opens offline from its index.html.
enum ZipWriter {
    /// Checks where a zip is to be written, before anything is rendered: never inside the
    /// portfolio or the output folder, and never over a file that is not a zip normfolio wrote.
    static func target(_ path: String, portfolio: String, output: String) throws -> URL {
        let target = SiteWriter.resolve(path)
        let folder = target.deletingLastPathComponent().path
        for (place, what) in [(SiteWriter.resolve(portfolio).path, "the portfolio"), (SiteWriter.resolve(output).path, "the output folder")]
        where folder == place || folder.hasPrefix(place + "/") {
            throw WriteError(description: "zip file '\(path)' lies inside \(what); write it somewhere else, for example next to the portfolio")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG, isNormfolioZip(target) else {
                throw WriteError(description: "'\(path)' exists and is not a zip that normfolio wrote; choose another name")
            }
        }
        return target
    }

    /// Whether `url` is a zip holding a site normfolio wrote (its `export/manifest.json`).
    static func isNormfolioZip(_ url: URL) -> Bool {
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil),
            let entry = archive.first(where: { entry in
                let parts = entry.path.split(separator: "/", maxSplits: 1)
                return parts.count == 2 && parts[1] == Integrity.manifestPath
            }),
            entry.uncompressedSize < 64 << 20
        else { return false }
        var manifest = Data()
        _ = try? archive.extract(entry, skipCRC32: true) { manifest.append($0) }
        return manifest.range(of: Data("\"normfolio_version\"".utf8)) != nil
    }

    /// The folder the zip's entries sit in: the zip's name without its extension, when that is one
    /// safe path component, else "site".
    static func folderName(for zip: URL) -> String {
        let name = zip.deletingPathExtension().lastPathComponent
        return SitePath.isSafeComponent(Substring(name)) ? name : "site"
    }

    static func write(_ site: Site, to path: String, portfolio: String, output: String, asOf: Day, io: FileIO) throws {
        let target = try target(path, portfolio: portfolio, output: output)
        let folder = folderName(for: target)
        try SitePath.check(site.files)
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        } catch {
            throw WriteError(description: "could not create a zip archive: \(WriteError.reason(error))")
        }
        // ZIPFoundation writes the date as UTC fields, so a date made in UTC gives the same bytes
        // on every machine, whatever its time zone.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        let timestamp =
            utc.date(from: DateComponents(year: asOf.year, month: asOf.month, day: asOf.day, hour: 12))
            ?? Date(timeIntervalSince1970: 0)
        for file in site.files.sorted(by: { $0.path < $1.path }) {
            guard let data = file.bytes(io: io) else { throw WriteError(description: "could not read \(file.path) for the zip") }
            do {
                try archive.addEntry(
                    with: folder + "/" + file.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: timestamp, permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw WriteError(description: "could not add \(file.path) to the zip: \(WriteError.reason(error))")
            }
        }
        guard let bytes = archive.data else { throw WriteError(description: "could not finish the zip archive") }
        let parent = target.deletingLastPathComponent()
        try SiteWriter.makeFolder(parent)
        Leftovers.clean(in: parent, of: target.lastPathComponent)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(Leftovers.stamp())")
        guard SiteWriter.writeFile(bytes, to: staging.path) else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw WriteError(description: "could not write the zip to '\(path)': \(reason)")
        }
        // rename(2) replaces an earlier zip of normfolio's in one step.
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw WriteError(description: "could not write the zip to '\(path)': \(reason)")
        }
    }
}
