import CZlib
import Foundation

/// The zip archive of a Word or OpenDocument file, read with every size measured while it is
/// extracted, never believed: what a file declares about an entry's size can be anything (a 1 MB
/// file once declared a small image and wrote 1 GB into Content/). An entry may give at most
/// `Budget.entryBytes`, all entries read together `Budget.totalBytes`, and an entry larger than
/// `Budget.ratioFloor` at most `Budget.ratio` times its compressed size; extraction stops the
/// moment a limit is passed.
///
/// normfolio reads the archive itself (its central directory, and each entry with zlib), because
/// a reader must also be bounded by what it is given: ZIPFoundation's reader spun for ever on a
/// deflated entry whose stream does not end before the file does, and trapped on an entry that
/// points past the end of an archive in memory (both found by fuzzing, docs/fuzzing.md). Here every
/// entry is read from exactly its own bytes, inside the file, and a stream that has not ended when
/// they are used up is refused.
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

    /// One entry of the central directory, with where its bytes are in the file.
    private struct Entry {
        var path: String
        /// 0: stored as it is; 8: deflated.
        var method: UInt16
        var data: Range<Int>
        var isFolder: Bool { path.hasSuffix("/") }
    }

    private let bytes: Data
    private let entries: [Entry]
    private let byPath: [String: Int]
    let budget: Budget
    /// How many bytes all reads so far gave.
    private(set) var total = 0

    convenience init(url: URL, budget: Budget = Budget()) throws(Problem) {
        // The file itself is held in memory: it may be no larger than all its parts may unpack to.
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int else { throw .notAnArchive }
        guard size <= budget.totalBytes else { throw .totalTooLarge(limit: budget.totalBytes) }
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { throw .notAnArchive }
        try self.init(data: data, budget: budget)
    }

    init(data: Data, budget: Budget = Budget()) throws(Problem) {
        bytes = data
        self.budget = budget
        entries = try Self.centralDirectory(of: data)
        var byPath: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where byPath[entry.path] == nil { byPath[entry.path] = index }
        self.byPath = byPath
    }

    /// The paths of the archive's entries, in the order of its central directory.
    var paths: [String] { entries.map(\.path) }

    /// Whether the entry at `path` is a folder.
    func isFolder(_ path: String) -> Bool { byPath[path].map { entries[$0].isFolder } ?? false }

    /// The bytes of the entry at `path`, nil when there is none; throws when a limit is passed.
    func read(_ path: String) throws(Problem) -> Data? {
        guard let index = byPath[path] else { return nil }
        var data = Data()
        try stream(entries[index]) { data.append($0) }
        return data
    }

    /// Hands the bytes of the entry at `path` to `consume` in chunks, as they are unpacked; false
    /// when there is no such entry.
    func stream(_ path: String, into consume: (Data) -> Void) throws(Problem) -> Bool {
        guard let index = byPath[path] else { return false }
        try stream(entries[index], into: consume)
        return true
    }

    /// Unpacks every entry without keeping it, so that a file is refused before anything else
    /// (pandoc) unpacks it.
    func measureAll() throws(Problem) {
        for entry in entries where !entry.isFolder { try stream(entry) { _ in } }
    }

    // MARK: Reading

    /// A little-endian number of `size` bytes at `offset`, nil when it lies outside the bytes.
    private static func number(_ data: Data, at offset: Int, size: Int) -> Int? {
        guard offset >= 0, offset + size <= data.count else { return nil }
        var value = 0
        for index in (0..<size).reversed() { value = value << 8 | Int(data[data.startIndex + offset + index]) }
        return value
    }

    /// The entries the central directory lists, each checked to lie inside the file.
    private static func centralDirectory(of data: Data) throws(Problem) -> [Entry] {
        // The end-of-central-directory record: within the last 64 KB (and its comment) of the file.
        var end = data.count - 22
        while end >= max(0, data.count - 22 - 65_535), number(data, at: end, size: 4) != 0x0605_4B50 { end -= 1 }
        guard end >= 0, let count = number(data, at: end + 10, size: 2), let size = number(data, at: end + 12, size: 4),
            let start = number(data, at: end + 16, size: 4), start + size <= end
        else { throw .notAnArchive }
        var entries: [Entry] = []
        var offset = start
        for _ in 0..<count {
            guard number(data, at: offset, size: 4) == 0x0201_4B50, let flags = number(data, at: offset + 8, size: 2),
                let method = number(data, at: offset + 10, size: 2), let packed = number(data, at: offset + 20, size: 4),
                let nameLength = number(data, at: offset + 28, size: 2), let extraLength = number(data, at: offset + 30, size: 2),
                let commentLength = number(data, at: offset + 32, size: 2), let local = number(data, at: offset + 42, size: 4),
                offset + 46 + nameLength <= data.count
            else { throw .notAnArchive }
            let nameStart = data.startIndex + offset + 46
            let path = String(decoding: data[nameStart..<nameStart + nameLength], as: UTF8.self)
            offset += 46 + nameLength + extraLength + commentLength
            // Encrypted, ZIP64 (its sizes elsewhere) or another method: no office file needs them.
            guard flags & 1 == 0, packed != 0xFFFF_FFFF, local != 0xFFFF_FFFF, method == 0 || method == 8 else { throw .unreadable(path) }
            guard number(data, at: local, size: 4) == 0x0403_4B50, let localName = number(data, at: local + 26, size: 2),
                let localExtra = number(data, at: local + 28, size: 2)
            else { throw .unreadable(path) }
            let dataStart = local + 30 + localName + localExtra
            guard dataStart + packed <= data.count else { throw .unreadable(path) }
            entries.append(Entry(path: path, method: UInt16(method), data: dataStart..<dataStart + packed))
        }
        return entries
    }

    /// Hands the entry's unpacked bytes to `consume` in chunks, counting each against the limits
    /// as it comes; a deflated stream is read from the entry's own bytes only, and must end there.
    private func stream(_ entry: Entry, into consume: (Data) -> Void) throws(Problem) {
        let packed = max(1, entry.data.count)
        var size = 0
        func count(_ chunk: Data) throws(Problem) {
            size += chunk.count
            total += chunk.count
            if size > budget.entryBytes { throw .entryTooLarge(entry.path, limit: budget.entryBytes) }
            if total > budget.totalBytes { throw .totalTooLarge(limit: budget.totalBytes) }
            if size > budget.ratioFloor, size / packed > budget.ratio { throw .ratio(entry.path, limit: budget.ratio) }
            consume(chunk)
        }
        let input = bytes[(bytes.startIndex + entry.data.lowerBound)..<(bytes.startIndex + entry.data.upperBound)]
        guard entry.method == 8 else {
            var offset = input.startIndex
            while offset < input.endIndex {
                let next = min(input.endIndex, offset + 65_536)
                try count(Data(input[offset..<next]))
                offset = next
            }
            return
        }
        try inflate(input, path: entry.path, into: count)
    }

    /// Inflates a raw deflate stream (`input` and nothing else) in chunks of 64 KB.
    private func inflate(_ input: Data, path: String, into count: (Data) throws(Problem) -> Void) throws(Problem) {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .unreadable(path) }
        defer { inflateEnd(&stream) }
        var source = [UInt8](input)
        var output = [UInt8](repeating: 0, count: 65_536)
        var status = Z_OK
        try source.withUnsafeMutableBufferPointer { (inputBuffer) throws(Problem) in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            repeat {
                let produced = output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                    stream.next_out = outputBuffer.baseAddress
                    stream.avail_out = UInt32(outputBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return outputBuffer.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced > 0) else { throw .unreadable(path) }
                if produced > 0 { try count(Data(output[..<produced])) }
                // All the entry's bytes used, nothing more to write out, and the stream not ended: cut short.
                if status != Z_STREAM_END, stream.avail_in == 0, produced < output.count { throw .unreadable(path) }
            } while status != Z_STREAM_END
        }
    }
}
