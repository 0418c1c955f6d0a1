import Foundation

/// Reading a file as text: UTF-8 checked, line breaks made line feeds, a located error otherwise.
extension ContentReader {
    // MARK: Files

    /// A file's bytes as the read stage got them.
    enum FileBytes: Sendable {
        case read(Data)
        case unreadable
        /// Larger than the limit for its kind of file: not read at all.
        case tooLarge(Int, limit: Int)

        /// Reads the file at `path`, or only notes its size when that is over `limit` bytes.
        init(_ path: String, io: FileIO, limit: Int) {
            if let size = io.size(path), size > limit {
                self = .tooLarge(size, limit: limit)
            } else {
                self = io.read(path).map(FileBytes.read) ?? .unreadable
            }
        }

        var data: Data? {
            if case .read(let data) = self { return data }
            return nil
        }
    }

    /// Reads a file as UTF-8 text (see `decodeText`), refusing it unread when it is over `limit` bytes.
    static func readText(_ absolutePath: String, path: String, io: FileIO, limit: Int, diagnostics: inout [Diagnostic]) -> String? {
        decodeText(FileBytes(absolutePath, io: io, limit: limit), path: path, diagnostics: &diagnostics)
    }

    /// Decodes what was read from `path`, reporting a file that could not be read or is too large.
    static func decodeText(_ bytes: FileBytes, path: String, diagnostics: inout [Diagnostic]) -> String? {
        switch bytes {
        case .read(let data):
            return decodeText(data, path: path, diagnostics: &diagnostics)
        case .unreadable:
            diagnostics.append(.unreadable(at: SourceLocation(path: path)))
        case .tooLarge(let size, let limit):
            diagnostics.append(.fileTooLarge(size: size, limit: limit, at: SourceLocation(path: path)))
        }
        return nil
    }

    /// Decodes bytes as UTF-8 text (a byte-order mark is dropped), reporting binary content (a NUL
    /// byte anywhere) and invalid bytes at their place. Line ends become LF whether the file used
    /// CRLF, LF or CR alone, so every later stage counts lines as the author's editor does.
    static func decodeText(_ data: Data, path: String, diagnostics: inout [Diagnostic]) -> String? {
        // Excel's "Unicode text" (and Notepad's "Unicode") is UTF-16, with a byte-order mark.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(.utf16Text(at: SourceLocation(path: path)))
            return nil
        }
        let looksBinary = data.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
        if looksBinary {
            diagnostics.append(.binaryFile(at: SourceLocation(path: path)))
            return nil
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(.invalidUTF8(at: firstInvalidByte(in: bytes, path: path)))
            return nil
        }
        let hasCarriageReturn = bytes.withUnsafeBytes { raw in
            raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false
        }
        return hasCarriageReturn ? withLineFeeds(bytes) : text
    }

    /// The text with CRLF and lone CR line ends written as LF.
    private static func withLineFeeds(_ bytes: Data.SubSequence) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if byte == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            output.append(previousWasCR ? 0x0A : byte)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func firstInvalidByte(in bytes: Data.SubSequence, path: String) -> SourceLocation {
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if String(validating: line, as: UTF8.self) != nil { continue }
            var iterator = line.makeIterator()
            var decoder = UTF8()
            var column = 1
            while case .scalarValue = decoder.decode(&iterator) { column += 1 }
            return SourceLocation(path: path, line: lineNumber, column: column)
        }
        return SourceLocation(path: path, line: 1, column: 1)
    }
}
