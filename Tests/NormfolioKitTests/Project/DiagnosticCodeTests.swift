import Foundation
import Testing

@testable import NormfolioKit

/// The diagnostic codes are a public interface (scripts grep them): every code the sources emit
/// is documented in docs/format.md, every documented code is emitted, and every documented code
/// has a test that asserts it.
@Suite struct DiagnosticCodeTests {
    static let formatDoc = packageRoot.appendingPathComponent("docs/format.md")

    /// The codes in the first column of the table under "## Diagnostics" in docs/format.md; a cell
    /// may name several codes, each in backticks.
    static func documentedCodes() throws -> [String] {
        let text = try String(contentsOf: formatDoc, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0 == "## Diagnostics" }, "docs/format.md has no '## Diagnostics' section")
        let section = lines[(start + 1)...].prefix { !$0.hasPrefix("## ") }
        var codes: [String] = []
        for line in section where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count > 2 else { continue }
            let first = cells[1]
            // Backticked words of the first cell: `a`, `b` → a, b. The header and the rule have none.
            let quoted = first.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            codes += quoted
        }
        return codes
    }

    /// Every Swift file below `folder`, path → text.
    static func swiftSources(under folder: String) -> [String: String] {
        var sources: [String: String] = [:]
        let root = packageRoot.appendingPathComponent(folder)
        for path in FileIO.live.listFiles(root.path) where path.hasSuffix(".swift") {
            sources[folder + "/" + path] = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return sources
    }

    /// Codes written as literals where a diagnostic is made: `Diagnostic(.error, "code", …)`,
    /// `Diagnostic(severity, "code", …)` and arguments `code: "code"` (with their defaults).
    static func emittedCodes() throws -> Set<String> {
        let patterns = [
            #"Diagnostic\(\s*(?:\.error|\.warning|severity)\s*,\s*"([a-z0-9-]+)""#,
            #"code:\s*(?:String\s*=\s*)?"([a-z0-9-]+)""#,
        ].map { try! NSRegularExpression(pattern: $0) }
        var codes = Set<String>()
        for text in swiftSources(under: "Sources").values {
            let range = NSRange(text.startIndex..., in: text)
            for pattern in patterns {
                for match in pattern.matches(in: text, range: range) {
                    codes.insert(String(text[Range(match.range(at: 1), in: text)!]))
                }
            }
        }
        return codes
    }

    @Test func theTableIsRead() throws {
        let codes = try Self.documentedCodes()
        // Codes from the first, a shared and the last row of the table.
        for code in ["missing-front-matter", "invalid-norm-id", "duplicate-entry", "unused-footnote", "evidence-expired"] {
            #expect(codes.contains(code), "\(code)")
        }
        #expect(codes.allSatisfy { $0.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil }, "\(codes)")
        #expect(Set(codes).count == codes.count, "a code is documented twice: \(codes)")
    }

    @Test func everyEmittedCodeIsDocumentedAndEveryDocumentedCodeEmitted() throws {
        let documented = Set(try Self.documentedCodes())
        let emitted = try Self.emittedCodes()
        #expect(emitted.count > 40, "the pattern for emitted codes finds too little: \(emitted.sorted())")
        for code in emitted.subtracting(documented).sorted() {
            Issue.record("[\(code)] is emitted by the sources but not documented in docs/format.md")
        }
        for code in documented.subtracting(emitted).sorted() {
            Issue.record("[\(code)] is documented in docs/format.md but no source emits it")
        }
    }

    /// A code counts as tested when some test source (other than this file) writes it as a
    /// formatted diagnostic does, `[code]`, or as a string literal, `"code"`: that is how tests
    /// compare `formatted`, `code` and `expectOne(result, "code", …)`.
    @Test func everyDocumentedCodeHasATest() throws {
        let tests = Self.swiftSources(under: "Tests").filter { !$0.key.hasSuffix("/DiagnosticCodeTests.swift") }
        #expect(tests.count > 10, "no test sources found under Tests/")
        for code in try Self.documentedCodes() {
            let asserted = tests.values.contains { $0.contains("[\(code)]") || $0.contains("\"\(code)\"") }
            if !asserted {
                Issue.record("[\(code)] is documented in docs/format.md, but no test under Tests/ asserts it")
            }
        }
    }
}
