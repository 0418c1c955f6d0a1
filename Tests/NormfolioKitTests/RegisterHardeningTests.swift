import Foundation
import Testing
@testable import NormfolioKit

/// Registers under hostile and careless input: every problem is a located error or warning, and
/// nothing hangs, leaks into a wider edition or is dropped without a word.
@Suite struct RegisterHardeningTests {
    func diagnostics(_ result: BuildResult, _ code: String) -> [Diagnostic] { result.diagnostics.filter { $0.code == code } }

    func cell(_ path: String, _ row: Int, _ column: Int) -> SourceLocation { SourceLocation(path: path, line: row, column: column) }

    // MARK: YAML

    /// Aliases that repeat an anchor's values ten million times ("billion laughs") are refused
    /// before the values are made, in a register and in front matter alike.
    @Test(.timeLimit(.minutes(1))) func aliasesThatMultiplyValuesAreRefused() {
        var laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefg", "abcdef") {
            laughs += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let p = MemoryPortfolio([
            "Content/registers/verwerkers.yml": laughs + "entries: []\n",
            "Content/a.md": "---\ntitle: A\nnorms: [GO.02]\n" + laughs + "---\nTekst.\n",
        ])
        let message = "malformed YAML: its aliases (*name) repeat more than 1000000 values; write the values out instead [yaml-syntax]"
        #expect(diagnostics(p.check(), "yaml-syntax").map(\.formatted) == [
            "Content/a.md:2:1: error: " + message, "Content/registers/verwerkers.yml:1:1: error: " + message,
        ])
    }

    /// Aliases used as YAML means them still work.
    @Test func aFewAliasesAreRead() throws {
        let p = MemoryPortfolio(["Content/registers/verwerkers.yml": """
            entries:
              - {id: a, naam: A, overeenkomst: mvo-4.0, certificering: &iso [ISO 27001, NEN 7510]}
              - {id: b, naam: B, overeenkomst: mvo-4.0, certificering: *iso}

            """])
        let register = try #require(p.check().portfolio?.register(.verwerkers))
        #expect(register.entries.map { $0.values["certificering"] } == Array(repeating: .list(["ISO 27001", "NEN 7510"]), count: 2))
    }
