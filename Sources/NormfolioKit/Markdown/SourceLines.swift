import CCmark
import Foundation

/// The lines of a Markdown body, to turn cmark's positions into the Unicode-scalar columns
/// editors expect, in the original file's numbering.
///
/// cmark's block positions are exact, but the positions it gives inline nodes are estimates: after
/// a hard line break, a link reference definition or indented continuation lines they can point at
/// the wrong line or past its end. So an inline node's position is used as a hint only: it is kept
/// inside its block's lines, and what the node stands for is looked up in the source from there.
/// Every offset is clamped, so no input can produce a position outside the text.
struct SourceLines {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; lines end at LF, CR or CRLF, as cmark counts them.
    private let starts: [Int]
    /// Offsets of bytes added to the text before cmark read it (see `Footnotes.prepare`): places
    /// after one, on its line, are one column further left in the file.
    private let insertions: [Int]

    init(_ text: String, insertions: [Int] = []) {
        self.insertions = insertions
        bytes = Array(text.utf8)
        var starts = [0]
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            if byte == 0x0D, offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
            if byte == 0x0A || byte == 0x0D { starts.append(offset) }
        }
        self.starts = starts
    }

    /// The byte offset of cmark's (1-based) line and byte column, clamped to the text. A column past
    /// the end of its line runs on into the next lines, as cmark's inline estimates do.
    private func offset(line: Int, column: Int) -> Int {
        let lineIndex = min(max(line, 1), starts.count) - 1
        return min(max(starts[lineIndex] + max(column, 1) - 1, 0), bytes.count)
    }

    /// The byte range of 1-based line `number`, without its line end.
    func range(ofLine number: Int) -> Range<Int> {
        let index = min(max(number, 1), starts.count) - 1
        var end = index + 1 < starts.count ? starts[index + 1] : bytes.count
        while end > starts[index], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return starts[index]..<end
    }

    /// The text of a byte range.
    func text(_ range: Range<Int>) -> Substring {
        Substring(String(decoding: bytes[range], as: UTF8.self))
    }

    /// Whether the lines of `node` hold `byte`.
    func contains(_ byte: UInt8, in node: OpaquePointer) -> Bool {
        let lower = range(ofLine: Int(cmark_node_get_start_line(node))).lowerBound
        let upper = range(ofLine: Int(cmark_node_get_end_line(node))).upperBound
        return lower < upper && bytes[lower..<upper].contains(byte)
    }

    /// Where a continuation line's text starts once the markers of its containers (outermost
    /// first: nil for a quote, the content indent for a list item) are skipped. A lazy line, one
    /// without a container's marker, keeps the rest.
    func strip(_ containers: [Int?], from line: Range<Int>) -> Int {
        var offset = line.lowerBound
        for container in containers {
            if let indent = container {
                var skipped = 0
                while skipped < indent, offset < line.upperBound, bytes[offset] == 0x20 { offset += 1; skipped += 1 }
                if skipped < indent { return offset }
            } else {
                var probe = offset, spaces = 0
                while spaces < 3, probe < line.upperBound, bytes[probe] == 0x20 { probe += 1; spaces += 1 }
                guard probe < line.upperBound, bytes[probe] == UInt8(ascii: ">") else { return offset }
                offset = probe + 1
                if offset < line.upperBound, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
            }
        }
        return offset
    }

    /// The 1-based line and Unicode-scalar column of a byte offset.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(offset, 0), bytes.count)
        // The last line start at or before the offset.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = bytes[starts[low]..<offset].count { $0 & 0xC0 != 0x80 } + 1
        let added = insertions.isEmpty ? 0 : insertions.count { $0 >= starts[low] && $0 < offset }
        return (low + 1, column - added)
    }

    /// The byte range of the lines of the nearest block around `node` with a position.
    private func blockRange(of node: OpaquePointer) -> Range<Int> {
        var block: OpaquePointer? = node
        while let current = block, cmark_node_get_start_line(current) <= 0 || !Self.isBlock(current) {
            block = cmark_node_parent(current)
        }
        guard let block else { return 0..<bytes.count }
        let first = Int(cmark_node_get_start_line(block)), last = Int(cmark_node_get_end_line(block))
        let lower = offset(line: first, column: 1)
        let upper = last >= first && last < starts.count ? max(starts[last], lower) : bytes.count
        return lower..<upper
    }

    private static func isBlock(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
    }

    /// The place of `needle` nearest at or after cmark's estimate for `node` (plus `extra` bytes),
    /// within the node's block; the estimate itself when the source does not have it.
    private func find(
        _ needle: [UInt8], near node: OpaquePointer, extra: Int = 0,
        isMatch: (Int) -> Bool = { _ in true }
    ) -> Int {
        let block = blockRange(of: node)
        let estimate = offset(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        let hint = min(max(estimate + extra, block.lowerBound), block.upperBound)
        func matches(at start: Int) -> Bool {
            start + needle.count <= block.upperBound && bytes[start..<start + needle.count].elementsEqual(needle) && isMatch(start)
        }
        guard !needle.isEmpty else { return hint }
        // Estimates fall short by a few bytes a line (stripped indentation, quote markers); the
        // windows keep a text that never has the needle (an entity-encoded ID) from costing a scan
        // of the whole block for every token.
        if let found = (hint..<min(block.upperBound, hint + 4096)).first(where: matches) { return found }
        if let found = (max(block.lowerBound, hint - 256)..<hint).reversed().first(where: matches) { return found }
        return hint
    }

    private func location(ofByte offset: Int, path: String, firstLine: Int) -> SourceLocation {
        let (line, column) = position(ofByte: offset)
        return SourceLocation(path: path, line: line + firstLine - 1, column: column)
    }

    /// The place of raw HTML: its `<`.
    func location(ofHTML node: OpaquePointer, path: String, firstLine: Int) -> SourceLocation {
        location(ofByte: find([UInt8(ascii: "<")], near: node), path: path, firstLine: firstLine)
    }

    /// The place of text written at `offset` bytes into raw HTML's literal (an attribute, a tag):
    /// the literal lacks the markers of quotes and list items around it, so it is looked up.
    func location(
        ofWritten text: String, atOffset written: Int, inHTML node: OpaquePointer, path: String,
        firstLine: Int
    ) -> SourceLocation {
        let start = find([UInt8(ascii: "<")], near: node)
        let estimate = offset(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        return location(
            ofByte: find(Array(text.utf8), near: node, extra: max(0, start - estimate) + written), path: path,
            firstLine: firstLine)
    }

    /// The place of a link or image: its opening `[`, `![` or `<`.
    func location(ofNode node: OpaquePointer, path: String, firstLine: Int) -> SourceLocation {
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        let opener = find(Array((isImage ? "![" : "[").utf8), near: node)
        let angle = isImage ? opener : find([UInt8(ascii: "<")], near: node)
        return location(ofByte: min(opener, angle), path: path, firstLine: firstLine)
    }

    /// The place of a token found at `offset` bytes into a text node's literal. The literal can
    /// differ from the source (escapes, entities), so the token is looked up in the source.
    func location(
        ofToken token: String, atOffset offset: Int, inTextNode node: OpaquePointer,
        path: String, firstLine: Int
    ) -> SourceLocation {
        let found = find(Array(token.utf8), near: node, extra: offset) { start in
            // A whole word, as the token was in the literal.
            (start == 0 || !Markdown.isWordByte(bytes[start - 1]))
                && (start + token.utf8.count >= bytes.count || !Markdown.isWordByte(bytes[start + token.utf8.count]))
        }
        return location(ofByte: found, path: path, firstLine: firstLine)
    }
}
