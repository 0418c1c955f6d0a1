import Foundation
import ZIPFoundation

/// Writes a site as a zip for handing to an auditor: entries sorted, every timestamp the
/// reference date, fixed permissions, so the same site gives the same bytes. All entries sit in
/// one folder, so unzipping gives a folder that opens offline from its index.html.
enum ZipWriter {
    static func write(_ site: Site, to path: String, folderName: String, asOf: Day, io: FileIO) throws {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        } catch {
            throw WriteError(description: "could not create a zip archive: \(error)")
        }
        // ZIPFoundation writes the date as UTC fields, so a date made in UTC gives the same bytes
        // on every machine, whatever its time zone.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        let timestamp = utc.date(from: DateComponents(year: asOf.year, month: asOf.month, day: asOf.day, hour: 12))
            ?? Date(timeIntervalSince1970: 0)
        for file in site.files.sorted(by: { $0.path < $1.path }) {
            guard let data = file.bytes(io: io) else { throw WriteError(description: "could not read \(file.path) for the zip") }
            try archive.addEntry(with: folderName + "/" + file.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: timestamp, permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw WriteError(description: "could not finish the zip archive") }
        let target = URL(fileURLWithPath: path)
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try bytes.write(to: staging)
            // rename(2) replaces an existing zip in one step.
            guard rename(staging.path, target.path) == 0 else {
                throw WriteError(description: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw WriteError(description: "could not write the zip to '\(path)': \(error.localizedDescription)")
        }
    }
}
