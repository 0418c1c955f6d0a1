import Foundation

/// Replaces tables with merged cells by HTML tables, which Markdown's pipe tables cannot be:
/// pandoc's own table (with the spans of the source file where pandoc lost them), written as
/// HTML by pandoc.
struct TableRewriter {
    let spans: [[[OfficeFile.Span]]]
    /// The text of each table's header rows, which pandoc 2.17 drops from OpenDocument files.
    let headerRows: [[[String]]]
    let pandoc: Pandoc
    /// The version of pandoc's document format, for the small documents of one table.
    let apiVersion: Any
    var notes: [String] = []
    private var index = 0

    init(spans: [[[OfficeFile.Span]]], headerRows: [[[String]]] = [], pandoc: Pandoc, apiVersion: Any) {
        (self.spans, self.headerRows, self.pandoc, self.apiVersion) = (spans, headerRows, pandoc, apiVersion)
    }

    mutating func rewrite(_ blocks: [Any]) -> [Any] {
        blocks.map { block -> Any in
            guard var node = block as? [String: Any], let type = node["t"] as? String else { return block }
            if type == "Table", var table = node["c"] as? [Any] {
                defer { index += 1 }
                let head = index < headerRows.count ? headerRows[index] : []
                let restored = restoreHead(head, in: &table)
                if index < spans.count, spans[index].contains(where: { $0.contains { $0 != .cell(rows: 1, columns: 1) } }) {
                    if !apply(spans[index], to: &table) {
                        notes.append(
                            "table \(index + 1) (\(TableRewriter.firstText(of: table))): its merged cells could not be kept; "
                                + "it is written without them: merge them again in the Markdown, as an HTML table")
                    }
                }
                guard hasSpans(table) else {
                    if !restored { return block }
                    node["c"] = table
                    return node
                }
                // Column widths would only come through as styles, which are not published.
                if let columns = table[2] as? [Any] {
                    table[2] = columns.map { column -> Any in
                        guard var column = column as? [Any], column.count == 2 else { return column }
                        column[1] = ["t": "ColWidthDefault"]
                        return column
                    }
                }
                node["c"] = table
                guard let html = try? pandoc.html(ofBlock: node, apiVersion: apiVersion) else {
                    notes.append("table \(index + 1): its merged cells could not be written; it is written without them")
                    return block
                }
                return ["t": "RawBlock", "c": ["html", html]] as [String: Any]
            }
            // Tables inside quotes, lists and divisions.
            if let children = node["c"] as? [Any], ["BlockQuote", "Div"].contains(type) {
                node["c"] = type == "Div" && children.count == 2 ? [children[0], rewrite(children[1] as? [Any] ?? [])] : rewrite(children)
                return node
            }
            if type == "BulletList", let items = node["c"] as? [Any] {
                node["c"] = items.map { rewrite($0 as? [Any] ?? []) }
                return node
            }
            if type == "OrderedList", var content = node["c"] as? [Any], content.count == 2, let items = content[1] as? [Any] {
                content[1] = items.map { rewrite($0 as? [Any] ?? []) }
                node["c"] = content
                return node
            }
            return block
        }
    }

    /// The rows of a pandoc table (head, bodies, foot) in order, as key paths into it.
    private func rowPaths(_ table: [Any]) -> [[Int]] {
        var paths: [[Int]] = []
        if let head = table[3] as? [Any], let rows = head[1] as? [Any] { paths += rows.indices.map { [3, 1, $0] } }
        if let bodies = table[4] as? [Any] {
            for (b, body) in bodies.enumerated() {
                guard let body = body as? [Any] else { continue }
                if let rows = body[2] as? [Any] { paths += rows.indices.map { [4, b, 2, $0] } }
                if let rows = body[3] as? [Any] { paths += rows.indices.map { [4, b, 3, $0] } }
            }
        }
        if let foot = table[5] as? [Any], let rows = foot[1] as? [Any] { paths += rows.indices.map { [5, 1, $0] } }
        return paths
    }

    private func hasSpans(_ table: [Any]) -> Bool {
        rowPaths(table).contains { path in
            cells(at: path, in: table).contains { cell in
                ((cell as? [Any])?[2] as? Int ?? 1) > 1 || ((cell as? [Any])?[3] as? Int ?? 1) > 1
            }
        }
    }

    private func cells(at path: [Int], in table: [Any]) -> [Any] {
        var value: Any = table
        for index in path { value = (value as? [Any])?[index] as Any }
        return ((value as? [Any])?[1] as? [Any]) ?? []
    }

    /// Sets the spans of the source's grid on pandoc's cells and drops the covered ones; false
    /// when pandoc's table does not have the source's shape.
    private func apply(_ grid: [[OfficeFile.Span]], to table: inout [Any]) -> Bool {
        // pandoc gives a table without header rows an empty one, which the source's grid lacks.
        if rowPaths(table).count == grid.count + 1, var head = table[3] as? [Any], head.count == 2,
            let rows = head[1] as? [Any], rows.count == 1,
            cells(at: [3, 1, 0], in: table).allSatisfy({ (($0 as? [Any])?[4] as? [Any])?.isEmpty ?? false })
        {
            head[1] = [Any]()
            table[3] = head
        }
        let paths = rowPaths(table)
        guard paths.count == grid.count, zip(paths, grid).allSatisfy({ cells(at: $0, in: table).count == $1.count }) else {
            return false
        }
        for (path, row) in zip(paths, grid) {
            let kept: [Any] = zip(cells(at: path, in: table), row).compactMap { cell, span in
                guard case .cell(let rows, let columns) = span, var cell = cell as? [Any], cell.count == 5 else { return nil }
                cell[2] = rows
                cell[3] = columns
                return cell
            }
            table = Self.setting(kept, at: path, in: table)
        }
        return true
    }

    /// `table` with the cells of the row at `path` replaced.
    private static func setting(_ cells: [Any], at path: [Int], in value: [Any]) -> [Any] {
        var copy = value
        if path.isEmpty {
            copy[1] = cells
            return copy
        }
        copy[path[0]] = setting(cells, at: Array(path.dropFirst()), in: value[path[0]] as? [Any] ?? [])
        return copy
    }
}

extension TableRewriter {
    /// Puts the header rows of the source file (`head`, text by grid position) into a pandoc
    /// table whose head pandoc left empty; false when there is nothing to restore.
    fileprivate func restoreHead(_ head: [[String]], in table: inout [Any]) -> Bool {
        guard !head.isEmpty, table.count > 3, var tableHead = table[3] as? [Any], tableHead.count == 2 else { return false }
        let rows = tableHead[1] as? [Any] ?? []
        let empty = rows.allSatisfy { row in
            (((row as? [Any])?.last as? [Any]) ?? []).allSatisfy { (($0 as? [Any])?.last as? [Any])?.isEmpty ?? false }
        }
        guard empty else { return false }
        tableHead[1] = head.map { cells -> Any in
            [
                ["", [Any](), [Any]()] as [Any],
                cells.map { text -> Any in
                    let content: [Any] = text.isEmpty ? [] : [["t": "Plain", "c": [["t": "Str", "c": text]]]]
                    return [["", [Any](), [Any]()] as [Any], ["t": "AlignDefault"], 1, 1, content] as [Any]
                },
            ] as [Any]
        }
        table[3] = tableHead
        return true
    }

    /// The start of a table's first non-empty cell, quoted, to say which table a note is about.
    fileprivate static func firstText(of table: [Any]) -> String {
        var found: String?
        func visit(_ value: Any) {
            guard found == nil else { return }
            if let node = value as? [String: Any] {
                if node["t"] as? String == "Str", let text = node["c"] as? String { found = text } else if let content = node["c"] { visit(content) }
            } else if let list = value as? [Any] {
                list.forEach(visit)
            }
        }
        visit(Array(table.dropFirst(3)))
        return found.map { "the one that starts with '\($0)'" } ?? "an empty one"
    }
}
