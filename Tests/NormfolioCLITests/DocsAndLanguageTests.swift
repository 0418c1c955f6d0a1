import Foundation
import Testing

@testable import NormfolioKit

/// `normfolio docs` shows the format's reference from the binary, and `--language` makes the
/// other language's edition from the same portfolio.
@Suite struct DocsAndLanguageTests {
    let commands = CommandTests()

    @Test func theReferenceIsInTheBinary() throws {
        let list = try commands.run(["docs"])
        #expect(list.status == 0 && list.stdout.contains("  registers\n") && list.stdout.contains("  diagnostics\n"))
        let registers = try commands.run(["docs", "registers"])
        #expect(registers.status == 0 && registers.stdout.hasPrefix("## Registers\n") && !registers.stdout.contains("\n## Snapshots"))
        let code = try commands.run(["docs", "unknown-norm"])
        #expect(code.status == 0 && code.stdout.contains("| `unknown-norm` | error |"))
        let unknown = try commands.run(["docs", "registres"])
        #expect(unknown.status == 1 && unknown.stderr.contains("has no section or code 'registres'"))
    }

    /// Every section has a name of its own, and every diagnostic code of the table is found.
    @Test func everySectionAndCodeCanBeAskedFor() throws {
        let text = try String(contentsOf: CommandTests.packageRoot.appendingPathComponent("docs/format.md"), encoding: .utf8)
        #expect(FormatReference.text == text, "the binary's reference is not docs/format.md")
        let names = FormatReference.sections(of: text).map(\.name)
        #expect(Set(names).count == names.count && names.count > 10)
        let diagnostics = try #require(FormatReference.sections(of: text).first { $0.name == "diagnostics" }).text
        let codes = diagnostics.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        }
        #expect(codes.count > 50)
        for code in codes { #expect(FormatReference.lookup(code, in: text) != nil, "code \(code)") }
    }

    @Test func theOtherLanguageFromOnePortfolio() throws {
        let work = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let portfolio = CommandTests.fixtures.appendingPathComponent("site").path
        for language in ["en", "nl"] {
            let site = work.appendingPathComponent(language)
            let result = try commands.run(["build", portfolio, "--language", language, "--audience", "auditor", "-o", site.path])
            #expect(result.status == 0, "\(result.stderr)")
            let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(home.contains("<html lang=\"\(language)\">"))
        }
        #expect(try commands.run(["build", portfolio, "--language", "de"]).status != 0)
    }
}
