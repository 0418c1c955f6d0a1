import Foundation

/// Example text or an empty field a template left for the author to fill in. Found by the read
/// stage, judged by the link stage (a `placeholder` finding).
public struct Placeholder: Sendable, Hashable {
    public enum What: Sendable, Hashable {
        /// A front-matter field written without a value (`owner:`).
        case emptyField(String)
        /// One of the example sentences `normfolio init` and `new` write in a body.
        case exampleText
        /// The example entry a register template writes (its id starts with `voorbeeld`).
        case exampleEntry
    }

    public var what: What
    public var location: SourceLocation

    /// The field left empty, if that is what it is.
    public var field: String? {
        if case .emptyField(let field) = what { return field }
        return nil
    }

    /// The placeholders of a file: each of `keys` written without a value, and the first example
    /// sentence in its body.
    static func find(fields: YAMLFields?, keys: [String], body: MarkdownSource, path: String) -> [Placeholder] {
        var found = keys.filter { fields?.isBlank($0) == true }.map { key in
            Placeholder(what: .emptyField(key), location: fields?.location(ofKey: key) ?? SourceLocation(path: path))
        }
        if let line = exampleTextLine(in: body.text) {
            found.append(Placeholder(what: .exampleText, location: SourceLocation(path: path, line: body.firstLine + line)))
        }
        return found
    }

    /// The 0-based line of `text` on which the first example sentence starts, if any.
    static func exampleTextLine(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            let offsets = EvidenceTemplate.exampleSentences.compactMap { firstOffset(of: Array($0.utf8), in: bytes) }
            return offsets.min().map { offset in bytes[..<offset].count { $0 == UInt8(ascii: "\n") } }
        }
    }

    /// Whether a text holds any of the example sentences `normfolio init` and `new` write.
    public static func holdsExampleText(_ text: String) -> Bool { exampleTextLine(in: text) != nil }

    /// Where `needle` first occurs in `bytes`: memchr finds candidates for its first byte, memcmp
    /// compares the rest, so the bodies of thousands of documents are searched quickly.
    private static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first, needle.count <= bytes.count else { return nil }
        var start = 0
        let last = bytes.count - needle.count
        while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if needle.withUnsafeBytes({ n in n.baseAddress.map { memcmp(base + offset, $0, n.count) } }) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }
}
