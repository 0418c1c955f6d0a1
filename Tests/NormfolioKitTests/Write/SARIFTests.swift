import Foundation
import Testing

@testable import NormfolioKit

/// `check --format sarif`: one rule per code with the words of docs/format.md, each result at its
/// place. Tests/SARIF/validate.py validates the sample's log against the official schema.
@Suite struct SARIFTests {
    @Test func theRulesAreTheTableOfDiagnostics() throws {
        let documented = try DiagnosticCodeTests.documentedCodes()
        #expect(DiagnosticRules.all.flatMap(\.codes) == documented)
        // The help of each rule is the "when" of its row, word for word.
        let text = try String(contentsOf: DiagnosticCodeTests.formatDoc, encoding: .utf8)
        for rule in DiagnosticRules.all {
            let row = "| " + rule.codes.map { "`\($0)`" }.joined(separator: ", ") + " | \(rule.severity) | \(rule.help) |"
            #expect(text.contains(row), "\(rule.codes): regenerate DiagnosticRules.swift from docs/format.md")
        }
    }

    @Test func aLogHasARulePerCodeAndEachResultAtItsPlace() throws {
        let p = MemoryPortfolio(["Content/a.md": evidence(norms: "[SM.20]", body: "Zie [b](b.md).\n")])
        let diagnostics = p.check().diagnostics
        let data = SARIF.log(diagnostics, root: URL(fileURLWithPath: "/p"))
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["broken-link", "unknown-norm"])
        let unknown = rules[1]
        #expect(
            (unknown["help"] as? [String: Any])?["text"] as? String
                == "unknown-norm: norms: names an ID that is not in the catalogue. See 'Diagnostics' in docs/format.md.")
        #expect((unknown["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == diagnostics.count)
        let first = try #require(results.first { $0["ruleId"] as? String == "unknown-norm" })
        #expect(first["level"] as? String == "error" && first["ruleIndex"] as? Int == 1)
        let physical = ((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "Content/a.md")
        let place = diagnostics.first { $0.code == "unknown-norm" }!.location
        #expect((physical?["region"] as? [String: Any])?["startLine"] as? Int == place.line)
        #expect((physical?["region"] as? [String: Any])?["startColumn"] as? Int == place.column)
        #expect(SARIF.uri("Content/map met spatie/ä.md") == "Content/map%20met%20spatie/%C3%A4.md")
    }
}
