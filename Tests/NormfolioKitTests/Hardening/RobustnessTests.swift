import Foundation
import Testing

@testable import NormfolioKit

/// No input crashes normfolio: mangled versions of valid files only produce diagnostics.
@Suite struct RobustnessTests {
    /// The first seed is valid as evidence, assessment and page alike (its links and attachment are
    /// there in every folder), so some mangled portfolios still build.
    static let seeds: [String] = [
        evidence(
            extra: "type: beleid\ndate: 2026-01-01\nreview_by: 2027-01-01\nattachments: [a.pdf]\n",
            body: "# Kop\n\nZie SM.02 en [x](b.txt) en ![i](c.png).\n\n> citaat\n\n- lijst\n\n```\ncode\n```\n"),
        "---\nlevel: 3\nactions:\n  - title: A\n    due: 2027-01-01\n    status: open\n---\nToelichting bij GO.02.\n",
        "---\ntitle: Pagina\norder: 2\n---\n## Over\n\nTekst met BSN-achtige 123456782 en mail a@b.nl.\n",
    ]

    @Test func mangledFilesNeverCrash() throws {
        let documented = Set(try DiagnosticCodeTests.documentedCodes())
        var rng = SeededGenerator(seed: 2026)
        var built = 0, refused = 0
        for round in 0..<300 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let position = Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)  // any byte, also invalid UTF-8
                case 1: if position < bytes.count { bytes.remove(at: position) }
                case 2: bytes.insert(contentsOf: Array("---\n[{:&*!|>%@`".utf8).shuffled(using: &rng).prefix(4), at: position)
                case 3: bytes = Array(bytes.prefix(position))  // truncated
                default:
                    let end = min(bytes.count, position + Int.random(in: 1...20, using: &rng))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)  // a span doubled
                }
            }
            var files: [String: Data] = [
                "/p/Content/a.md": Data(bytes), "/p/Content/norms/GO.02.md": Data(bytes), "/p/Content/pages/p.md": Data(bytes),
                "/p/Content/b.md": Data(Self.seeds[0].utf8),
            ]
            for folder in ["Content", "Content/norms", "Content/pages"] {
                for name in ["a.pdf", "b.txt", "c.png"] { files["/p/\(folder)/\(name)"] = Data("bijlage \(name)\n".utf8) }
            }
            let result = Normfolio.render(BuildOptions(portfolio: "/p", audience: .auditor), io: .memory(files), today: fixedToday)
            // A site exactly when no error stopped it.
            #expect((result.site != nil) == !result.diagnostics.fail(strict: false), "round \(round): \(result.diagnostics.map(\.formatted))")
            if result.site != nil { built += 1 } else { refused += 1 }
            // Every diagnostic has a documented code and a place inside one of the files given.
            for diagnostic in result.diagnostics {
                #expect(documented.contains(diagnostic.code), "round \(round): \(diagnostic.formatted)")
                let bytes = files["/p/" + diagnostic.location.path]
                #expect(bytes != nil, "round \(round): \(diagnostic.formatted) is in no file of the portfolio")
                let lines = 1...((bytes?.count { $0 == 0x0A || $0 == 0x0D } ?? 0) + 1)
                let columns = 1...((bytes?.count ?? 0) + 1)
                #expect(lines.contains(diagnostic.location.line), "round \(round): \(diagnostic.formatted)")
                #expect(columns.contains(diagnostic.location.column), "round \(round): \(diagnostic.formatted)")
            }
        }
        // The mangling leaves some inputs valid and breaks others: both ways are exercised.
        #expect(built > 0 && refused > 0, "built \(built), refused \(refused)")
    }
}
