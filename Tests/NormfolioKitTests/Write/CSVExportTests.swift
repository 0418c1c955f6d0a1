import Foundation
import TestSupport
import Testing

@testable import NormfolioKit

/// Every cell of every CSV export is made by one rule (`Exports.csvCell`): whatever a value
/// holds, it stays one cell of its own row and never starts a formula.
@Suite struct CSVExportTests {
    /// The characters that broke out of a cell or started a formula, among ordinary ones.
    static let alphabet: [String] = [
        "a", "Z", "é", "1", " ", "\u{A0}", "\t", ";", ",", "\"", "'", "=", "+", "-", "@", "\u{FF1D}",
        "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{FEFF}",
        "(", ")", "|", "€",
    ]

    static func values(count: Int, seed: UInt64) -> [[String]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<4).map { _ in
                let length = Int.random(in: 0...8, using: &generator)
                return (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
            }
        }
    }

    /// The file as the exports write it: a byte-order mark, `;`, CRLF.
    static func file(_ rows: [[String]]) -> Data {
        Data([0xEF, 0xBB, 0xBF]) + Data((rows.map { $0.map(Exports.csvCell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n").utf8)
    }

    @Test func aLineBreakOfAnyKindOrASeparatorInACellIsQuoted() {
        for value in ["titel\r\n=1+1", "titel\n=1+1", "titel\r=1+1", "a\u{2028}b", "a\u{85}b", "a\u{0B}b", "x,=1+1", "a;b", "a\tb"] {
            let cell = Exports.csvCell(value)
            #expect(cell.hasPrefix("\"") && cell.hasSuffix("\""), "\(value.debugDescription) → \(cell.debugDescription)")
        }
        #expect(Exports.csvCell("gewoon") == "gewoon")
        #expect(Exports.csvCell("zeg \"ja\"") == "\"zeg \"\"ja\"\"\"")
    }

    @Test func aFormulaIsNeutralisedAfterLeadingWhitespace() {
        for value in ["=1+1", " =1+1", "\u{A0}\u{A0}+1", "\u{200B}@SUM(A1)", "\r\n-1", "\u{FF1D}1+1", "\tx"] {
            #expect(Exports.csvCell(value).drop { $0 == "\"" }.hasPrefix("'"), "\(value.debugDescription)")
        }
        for value in ["1-2", "a=b", "e-mail", "", "€ 12"] { #expect(!Exports.csvCell(value).hasPrefix("'"), "\(value.debugDescription)") }
    }

    /// The property: thousands of generated rows, written as the exports write them and read back by
    /// Python's csv module (installed with python3), give every row back with every cell as it was
    /// (an apostrophe before a neutralised formula aside), and no cell that starts a formula.
    @Test(.needs("python3", probe: ["python3", "-c", "import csv"]))
    func generatedCellsReadBackByPythonsCSVModuleAsTheyWere() throws {
        let rows = Self.values(count: 3_000, seed: 18)
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let csv = work.appendingPathComponent("export.csv")
        try Self.file(rows).write(to: csv)
        // Python reads the file as Excel would (newline="" keeps line breaks inside cells) and
        // prints the cells as JSON, one row a line.
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                for row in csv.reader(f, delimiter=";"):
                    print(json.dumps(row))
            """
        let (status, printed) = try runTool(["python3", "-c", script, csv.path])
        #expect(status == 0)
        let read = try String(decoding: printed, as: UTF8.self).split(separator: "\n").map { line in
            try JSONDecoder().decode([String].self, from: Data(line.utf8))
        }
        #expect(read.count == rows.count)
        for (written, back) in zip(rows, read) {
            #expect(back.count == written.count, "\(written.debugDescription) read back as \(back.debugDescription)")
            for (value, cell) in zip(written, back) {
                let expected = Exports.startsLikeAFormula(value) ? "'" + value : value
                #expect(cell == expected, "\(value.debugDescription) read back as \(cell.debugDescription)")
                #expect(!Exports.startsLikeAFormula(cell), "\(cell.debugDescription) starts a formula")
            }
        }
    }
}
