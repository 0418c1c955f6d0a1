import Foundation
import Testing
@testable import NormfolioKit

/// No input crashes normfolio: mangled versions of valid files only produce diagnostics.
@Suite struct RobustnessTests {
    static let seeds: [String] = [
        evidence(extra: "type: beleid\ndate: 2026-01-01\nreview_by: 2027-01-01\nattachments: [a.pdf]\n",
                 body: "# Kop\n\nZie SM.02 en [x](b.md) en ![i](c.png).\n\n> citaat\n\n- lijst\n\n```\ncode\n```\n"),
        "---\nlevel: 3\nactions:\n  - title: A\n    due: 2027-01-01\n    status: open\n---\nToelichting bij GO.02.\n",
        "---\ntitle: Pagina\norder: 2\n---\n## Over\n\nTekst met BSN-achtige 123456782 en mail a@b.nl.\n",
    ]

    @Test func mangledFilesNeverCrash() throws {
        var rng = SeededGenerator(seed: 2026)
        for round in 0..<300 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let position = Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)   // any byte, also invalid UTF-8
                case 1: if position < bytes.count { bytes.remove(at: position) }
                case 2: bytes.insert(contentsOf: Array("---\n[{:&*!|>%@`".utf8).shuffled(using: &rng).prefix(4), at: position)
                case 3: bytes = Array(bytes.prefix(position))                              // truncated
                default:
                    let end = min(bytes.count, position + Int.random(in: 1...20, using: &rng))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)           // a span doubled
                }
            }
            let files: [String: Data] = [
                "/p/Content/a.md": Data(bytes), "/p/Content/norms/GO.02.md": Data(bytes), "/p/Content/pages/p.md": Data(bytes),
                "/p/Content/b.md": Data(Self.seeds[0].utf8),
            ]
            let result = Normfolio.render(BuildOptions(portfolio: "/p", audience: .auditor), io: .memory(files), today: fixedToday)
            // Either a site or diagnostics that explain why not, each with a place in a file.
            #expect(result.site != nil || !result.diagnostics.isEmpty)
            #expect(result.diagnostics.allSatisfy { !$0.location.path.isEmpty && !$0.code.isEmpty })
        }
    }
}
