/// GitHub-style pipe tables (GFM spec, section 4.10), found in the lines of a paragraph that
/// libcmark parsed: CommonMark has no tables, so a table reaches normfolio as a paragraph whose
/// lines are its rows. Plain string work; parsing the cells is the Markdown stage's.
enum PipeTable {
    /// One cell of a row: its text (escaped pipes unescaped) and the byte offset in the line
    /// where it starts.
    struct Cell: Equatable {
        var text: String
        var offset: Int
    }

    /// Where a table starts among a paragraph's lines: the index of its header row, which the
    /// next line, a delimiter row with as many cells, confirms. Lines before it stay a paragraph.
    static func headerIndex(in lines: [Substring]) -> Int? {
        guard lines.count >= 2 else { return nil }
        for index in 1..<lines.count where isDelimiterRow(lines[index]) {
            guard let alignments = alignments(of: lines[index]) else { continue }
            let header = lines[index - 1]
            // A table needs a pipe somewhere in its first two rows (a line of dashes alone under
            // text is a heading, which cmark has taken already).
            guard header.contains("|") || lines[index].contains("|") else { continue }
            if cells(of: header).count == alignments.count { return index - 1 }
        }
        return nil
    }

    /// Whether a line can be a delimiter row: only pipes, colons, dashes and spaces, with a dash.
    static func isDelimiterRow(_ line: Substring) -> Bool {
        var hasDash = false
        for byte in line.utf8 {
            switch byte {
            case UInt8(ascii: "-"): hasDash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: return false
            }
        }
        return hasDash
    }

    /// The alignment of each column from a delimiter row; nil when a cell is not `:?-+:?`.
    static func alignments(of line: Substring) -> [MarkdownDocument.Alignment]? {
        var result: [MarkdownDocument.Alignment] = []
        for cell in cells(of: line) {
            let text = cell.text
            let left = text.hasPrefix(":"), right = text.hasSuffix(":") && text.count > 1
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result.isEmpty ? nil : result
    }

    /// The cells of a row: split at pipes that are not escaped, the outer pipes dropped, each
    /// cell trimmed; `\|` becomes `|` in the text (also inside code).
    static func cells(of line: Substring) -> [Cell] {
        let bytes = Array(line.utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "|") { start += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "|"), end - 2 < start || bytes[end - 2] != UInt8(ascii: "\\") { end -= 1 }
        var cells: [Cell] = []
        var cellStart = start
        var index = start
        func finish(_ cellEnd: Int) {
            var from = cellStart, to = cellEnd
            while from < to, bytes[from] == 0x20 || bytes[from] == 0x09 { from += 1 }
            while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 { to -= 1 }
            var text: [UInt8] = []
            var i = from
            while i < to {
                if bytes[i] == UInt8(ascii: "\\"), i + 1 < to, bytes[i + 1] == UInt8(ascii: "|") {
                    text.append(UInt8(ascii: "|"))
                    i += 2
                } else {
                    text.append(bytes[i])
                    i += 1
                }
            }
            cells.append(Cell(text: String(decoding: text, as: UTF8.self), offset: from))
        }
        while index < end {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < end {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "|") {
                finish(index)
                cellStart = index + 1
            }
            index += 1
        }
        if start < end || cells.isEmpty { finish(end) }
        return cells
    }
}
