import Foundation
import ZIPFoundation

/// Reading back a zip of a site (for `verify`): every entry must stay inside the folder it is
/// unpacked into, be a file or a folder (no links), and the whole must stay under a size limit,
/// measured while unpacking, never taken from the zip's own word.
enum ZipReader {
    /// At most this many bytes are unpacked from one zip.
    static let maximumBytes: Int64 = 8 << 30

    /// Unpacks the zip at `zip` into `folder`, and returns the site's folder in it: the one folder
    /// `build --zip` puts every file in, or `folder` itself for a zip without one.
    static func unpackSite(_ zip: URL, into folder: URL) throws -> URL {
        let archive: Archive
        do {
            archive = try Archive(url: zip, accessMode: .read, pathEncoding: nil)
        } catch {
            throw WriteError(description: "'\(zip.path)' cannot be read as a zip: \(WriteError.reason(error))")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var total: Int64 = 0
        var tops = Set<String>()
        for entry in archive {
            let path = entry.path
            guard SitePath.isContained(path.hasSuffix("/") ? String(path.dropLast()) : path) else {
                throw WriteError(description: "'\(zip.lastPathComponent)' holds an entry that would leave its folder: \(path.escapingControlCharacters)")
            }
            guard entry.type != .symlink else {
                throw WriteError(description: "'\(zip.lastPathComponent)' holds a symbolic link, which no site of normfolio has: \(path.escapingControlCharacters)")
            }
            tops.insert(String(path.prefix { $0 != "/" }))
            let target = folder.appendingPathComponent(path)
            if entry.type == .directory {
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: target.path, contents: nil)
            let handle = try FileHandle(forWritingTo: target)
            defer { try? handle.close() }
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += Int64(chunk.count)
                    if total > maximumBytes { throw WriteError(description: "'\(zip.lastPathComponent)' unpacks to more than 8 GB") }
                    handle.write(chunk)
                }
            } catch let error as WriteError {
                throw error
            } catch {
                throw WriteError(description: "'\(zip.lastPathComponent)' cannot be unpacked: \(WriteError.reason(error))")
            }
        }
        // build --zip puts the site in one folder; a zip made of the site's files themselves works too.
        if tops.count == 1, let top = tops.first, !FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) {
            return folder.appendingPathComponent(top)
        }
        return folder
    }
}
