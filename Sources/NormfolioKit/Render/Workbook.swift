import CXLSXWriter
import Foundation

/// `export/portfolio.xlsx`: the export tables as one Excel workbook, a sheet each, written with
/// libxlsxwriter. Header rows are bold and frozen, columns sized to their contents, dates are
/// dates and numbers numbers. The workbook is dated at the reference date, so the same input
/// gives the same bytes.
struct Workbook {
    let tables: [ExportTable]
    let edition: Edition

    /// Excel's limit on a cell's text.
    static let cellCharacters = 32_767

    /// The workbook's bytes; empty when libxlsxwriter could not write it.
    var data: Data {
        // libxlsxwriter writes to a file: a private one, read back and removed.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("normfolio-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        guard write(to: file.path) else { return Data() }
        return (try? Data(contentsOf: file)) ?? Data()
    }

    private func write(to path: String) -> Bool {
        guard let workbook = workbook_new(path) else { return false }
        let portfolio = edition.portfolio
        var created = tm()
        (created.tm_year, created.tm_mon, created.tm_mday) = (
            Int32(portfolio.asOf.year - 1900), Int32(portfolio.asOf.month - 1),
            Int32(portfolio.asOf.day)
        )
        let title = strdup(portfolio.settings.title), author = strdup(portfolio.settings.organisation)
        defer { free(title); free(author) }
        var properties = lxw_doc_properties()
        properties.title = title
        properties.author = author
        properties.company = author
        properties.created = timegm(&created)
        workbook_set_properties(workbook, &properties)
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        let date = workbook_add_format(workbook)
        format_set_num_format(date, "yyyy-mm-dd")
        var names = Set<String>()
        for table in tables {
            let name = Self.sheetName(table.name, taken: &names)
            guard let sheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else { continue }
            var widths = table.header.map(\.count)
            for (column, heading) in table.header.enumerated() {
                Self.clean(heading).withCString { _ = worksheet_write_string(sheet, 0, lxw_col_t(column), $0, bold) }
            }
            for (number, row) in table.rows.enumerated() {
                let line = lxw_row_t(number + 1)
                for (column, cell) in row.enumerated() {
                    let col = lxw_col_t(column)
                    switch cell {
                    case .text(let text) where text.isEmpty: break
                    case .text(let text):
                        Self.clean(text).withCString { _ = worksheet_write_string(sheet, line, col, $0, nil) }
                    case .number(let value): worksheet_write_number(sheet, line, col, Double(value), nil)
                    case .date(let day):
                        var when = lxw_datetime(year: Int32(day.year), month: Int32(day.month), day: Int32(day.day), hour: 0, min: 0, sec: 0)
                        worksheet_write_datetime(sheet, line, col, &when, date)
                    }
                    if column < widths.count { widths[column] = max(widths[column], min(cell.text.count, 60)) }
                }
            }
            for (column, width) in widths.enumerated() {
                worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(min(max(width, 6), 60) + 2), nil)
            }
            worksheet_freeze_panes(sheet, 1, 0)
            if !table.header.isEmpty {
                worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.count), lxw_col_t(table.header.count - 1))
            }
        }
        return workbook_close(workbook) == LXW_NO_ERROR
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the
    /// workbook (case-insensitively).
    static func sheetName(_ name: String, taken: inout Set<String>) -> String {
        let plain = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31)).trimmingCharacters(in: .whitespaces)
        var candidate = plain.isEmpty ? "Blad" : plain
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " \(counter)"
            candidate = String((plain.isEmpty ? "Blad" : plain).prefix(31 - suffix.count)) + suffix
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// Text a cell can hold: without the control characters XML cannot carry, and at most
    /// Excel's limit.
    static func clean(_ text: String) -> String {
        // Most cells: no control character, and fewer bytes than the limit has characters.
        if text.utf8.count <= cellCharacters, !text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            return text
        }
        let kept = text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var result = String(String.UnicodeScalarView(kept))
        if result.count > cellCharacters { result = String(result.prefix(cellCharacters)) }
        return result
    }
}
