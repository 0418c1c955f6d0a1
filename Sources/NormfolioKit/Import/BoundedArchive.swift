import Foundation
import ZIPFoundation

/// The zip archive of a Word or OpenDocument file, read with every size measured while it is
/// extracted, never believed: what a file declares about an entry's size can be anything (a 1 MB
/// file once declared a small image and wrote 1 GB into Content/). An entry may give at most
/// `Budget.entryBytes`, all entries read together `Budget.totalBytes`, and an entry larger than
/// `Budget.ratioFloor` at most `Budget.ratio` times its compressed size; extraction stops the
/// moment a limit is passed.
final class BoundedArchive {
    /// The limits, far above any real office file (their parts compress 2 to 40 times).
    struct Budget: Sendable {
        var entryBytes = 64 << 20
        var totalBytes = 256 << 20
        var ratio = 250
        var ratioFloor = 1 << 20
    }

    /// Why an archive or one of its entries is refused.
    enum Problem: Error, CustomStringConvertible, Equatable {
        case notAnArchive
        case entryTooLarge(String, limit: Int)
        case totalTooLarge(limit: Int)
        case ratio(String, limit: Int)
        case unreadable(String)

        var description: String {
            switch self {
            case .notAnArchive: "it is not a zip archive"
            case .entryTooLarge(let path, let limit): "its part '\(path.escapingControlCharacters)' unpacks to more than \(limit >> 20) MB"
            case .totalTooLarge(let limit): "its parts unpack to more than \(limit >> 20) MB together"
            case .ratio(let path, let limit):
                "its part '\(path.escapingControlCharacters)' unpacks to more than \(limit) times its packed size, as no real document does"
            case .unreadable(let path): "its part '\(path.escapingControlCharacters)' cannot be unpacked"
            }
        }
    }

    private let archive: Archive
    let budget: Budget
    /// How many bytes all reads so far gave.
    private(set) var total = 0

    init(url: URL, budget: Budget = Budget()) throws(Problem) {
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else { throw .notAnArchive }
        (self.archive, self.budget) = (archive, budget)
    }

    /// An archive from bytes in memory (the tests and the fuzz target). It is read from a file as
    /// `import` reads one: ZIPFoundation's reader of archives in memory traps on an entry that
    /// points past the end (found by fuzzing), its reader of files does not. The file is removed at
    /// once; the archive keeps it open.
    init(data: Data, budget: Budget = Budget()) throws(Problem) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("normfolio-archive-\(UUID().uuidString)")
        guard (try? data.write(to: file)) != nil else { throw .notAnArchive }
        defer { try? FileManager.default.removeItem(at: file) }
        guard let archive = try? Archive(url: file, accessMode: .read, pathEncoding: nil) else { throw .notAnArchive }
        (self.archive, self.budget) = (archive, budget)
    }

    /// The paths of the archive's entries, in the order they are stored.
    var paths: [String] { archive.map(\.path) }

    /// Whether the entry at `path` is a folder.
    func isFolder(_ path: String) -> Bool { archive[path]?.type == .directory }

    /// The bytes of the entry at `path`, nil when there is none; throws when a limit is passed.
    func read(_ path: String) throws(Problem) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        try stream(entry) { data.append($0) }
        return data
    }

    /// Unpacks every entry without keeping it, so that a file is refused before anything else
    /// (pandoc) unpacks it.
    func measureAll() throws(Problem) {
        for entry in archive where entry.type == .file { try stream(entry) { _ in } }
    }

    /// Extracts `entry` in chunks, counting each one against the limits as it arrives.
    private func stream(_ entry: Entry, into consume: (Data) -> Void) throws(Problem) {
        var size = 0
        let packed = max(1, Int(clamping: entry.compressedSize))
        var problem: Problem?
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                size += chunk.count
                total += chunk.count
                if size > budget.entryBytes { problem = .entryTooLarge(entry.path, limit: budget.entryBytes) }
                else if total > budget.totalBytes { problem = .totalTooLarge(limit: budget.totalBytes) }
                else if size > budget.ratioFloor, size / packed > budget.ratio { problem = .ratio(entry.path, limit: budget.ratio) }
                if let problem { throw problem }
                consume(chunk)
            }
        } catch {
            throw problem ?? .unreadable(entry.path)
        }
    }
}
