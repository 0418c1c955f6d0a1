import Foundation
import SwiftCSV

extension Register {
    /// The entries of a CSV file: a header row of field names, then one entry per row. A byte-order
    /// mark, `;` or `,` (or tab) as separator, and quoted cells with line breaks are read as Excel
    /// writes them. Positions are rows and columns as a spreadsheet shows them.
    static func readCSV(
        _ text: String, kind: RegisterKind, path: String, register: Register, catalog: Catalog,
        diagnostics: inout [Diagnostic]
    ) -> [RegisterEntry] {
        guard
            let table = CSVTable(
                text, path: path, fields: ["id", "classification", "scope"] + kind.fields.map(\.name),
                labels: kind.columnLabels, ignored: kind.exportOnlyColumns, diagnostics: &diagnostics)
        else { return [] }
        let parent = YAMLFields(path: path, lineOffset: 0, location: SourceLocation(path: path, line: 1, column: 1))
        return table.rows.compactMap { row in
            readEntry(row, kind: kind, parent: parent, register: register, catalog: catalog, diagnostics: &diagnostics)
        }
    }
}

/// A CSV file as rows of cells, each row a mapping from the header's names to its cells, placed
/// at their row and column (row 1 is the header), so that entries from a spreadsheet are read and
/// checked exactly like entries in YAML. The header is checked once for all rows: a name that is
/// no field, or that is given twice, is reported at its cell in row 1, and its column is left out
/// of the rows.
struct CSVTable {
    var rows: [FieldNode] = []

    /// Reads `text`, whose header may name `fields`, or give the label of one (`labels`, in lower
    /// case → field name: the headers an export writes); a column named in `ignored` is left out
    /// without a word.
    init?(
        _ text: String, path: String, fields: [String], labels: [String: String] = [:], ignored: Set<String> = [],
        diagnostics: inout [Diagnostic]
    ) {
        let delimiter = CSVDelimiter.guessed(string: text)
        if let problem = Self.quoteProblem(in: text, delimiter: delimiter.rawValue) {
            diagnostics.append(.csvSyntax(problem.message, at: SourceLocation(path: path, line: problem.row, column: problem.column)))
            return nil
        }
        let parsed: EnumeratedCSV
        do {
            parsed = try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false)
        } catch {
            // Not expected: `quoteProblem` finds what the parser refuses, at its cell.
            let detail =
                switch error as? CSVParseError {
                case .quotation(let message)?, .generic(let message)?: message
                case nil: String(describing: error)
                }
            diagnostics.append(.csvSyntax(detail, at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        // A byte-order mark inside a name (two files pasted together) is no part of it.
        let trimmed = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}"))
        let header = parsed.header.map { $0.trimmingCharacters(in: trimmed).lowercased() }
        guard header.contains(where: { !$0.isEmpty }) else {
            diagnostics.append(
                .csvSyntax(
                    "its first row names no fields (it holds the field names, such as id;naam)",
                    nl: "de eerste rij noemt geen velden (daar staan de namen van de velden, zoals id;naam)",
                    at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        // The columns read, by position: the first of each known name.
        var named: [Int: FieldNode] = [:]
        var seen = Set<String>()
        for (column, written) in header.enumerated() where !written.isEmpty && !ignored.contains(written) {
            let name = fields.contains(written) ? written : labels[written] ?? written
            let place = SourceLocation(path: path, line: 1, column: column + 1)
            if !seen.insert(name).inserted {
                diagnostics.append(.duplicateKey(name, at: place))
            } else if !fields.contains(name) {
                diagnostics.append(.unknownKey(name, suggestion: Suggestion.closest(to: name, in: fields), at: place))
            } else {
                named[column] = FieldNode(.scalar(.init(string: name, plain: true)), at: place)
            }
        }
        // Columns without a name: a value in one is reported once, at its first cell.
        var unnamedReported = Set<Int>()
        for (index, cells) in parsed.rows.enumerated() {
            let row = index + 2
            // Rows Excel leaves empty (only separators) are not entries.
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var pairs: [(key: FieldNode, value: FieldNode)] = []
            for column in 0..<max(header.count, cells.count) {
                let place = SourceLocation(path: path, line: row, column: column + 1)
                let cell = column < cells.count ? cells[column] : ""
                if let key = named[column] {
                    pairs.append((key, FieldNode(.scalar(.init(string: cell, plain: true, itemsHaveColumns: false)), at: place)))
                } else if column >= header.count || header[column].isEmpty, !cell.trimmingCharacters(in: .whitespaces).isEmpty,
                    unnamedReported.insert(column).inserted
                {
                    diagnostics.append(.unnamedColumn(at: place))
                }
            }
            rows.append(FieldNode(.mapping(pairs), at: SourceLocation(path: path, line: row, column: 1)))
        }
    }

    /// The first quote in `text` that Excel would not have written, with the cell it is in (rows
    /// and columns as a spreadsheet counts them). Excel quotes a cell that holds a separator, a
    /// line break or a quote, and doubles each quote inside; the parser refuses anything else, or
    /// reads an unclosed cell to the end of the file.
    static func quoteProblem(in text: String, delimiter: Character) -> (message: String, row: Int, column: Int)? {
        enum State {
            /// Before a cell's first character (spaces before it are skipped).
            case start
            case plain
            /// A quote in a plain cell: only a second quote may follow.
            case plainQuote
            case quoted
            /// A quote in a quoted cell: a second one, or the cell's end.
            case quotedQuote
            /// Spaces after a quoted cell's closing quote.
            case closed
        }
        let inside = "a quote inside a cell that does not start with one (Excel writes such a cell in quotes, each quote in it doubled)"
        let after = "text after the closing quote of a quoted cell"
        var state = State.start
        var row = 1, column = 1
        var opened = (row: 1, column: 1)
        for character in text {
            // The parser's line ends: the reader made every one a line feed.
            let endsRow = character == "\n" || character == "\r\n" || character == "\r"
            let endsCell = character == delimiter || endsRow
            switch state {
            case .plainQuote:
                if character != "\"" { return (inside, row, column) }
                state = .plain
                continue
            case .quoted:
                if character == "\"" { state = .quotedQuote }
                continue
            case .quotedQuote:
                if character == "\"" {
                    state = .quoted
                    continue
                }
                if !endsCell {
                    if character.isWhitespace { state = .closed } else { return (after, row, column) }
                    continue
                }
            case .closed:
                if !endsCell {
                    if !character.isWhitespace { return (after, row, column) }
                    continue
                }
            case .start:
                if character == "\"" {
                    (state, opened) = (.quoted, (row, column))
                    continue
                }
                if !endsCell {
                    if !character.isWhitespace { state = .plain }
                    continue
                }
            case .plain:
                if character == "\"" {
                    state = .plainQuote
                    continue
                }
                if !endsCell { continue }
            }
            // The end of a cell.
            state = .start
            if endsRow {
                (row, column) = (row + 1, 1)
            } else {
                column += 1
            }
        }
        switch state {
        case .quoted: return ("a quoted cell is not closed", opened.row, opened.column)
        case .plainQuote: return (inside, row, column)
        default: return nil
        }
    }
}
