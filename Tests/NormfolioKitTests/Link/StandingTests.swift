import Testing

@testable import NormfolioKit

/// Coverage, maturity and claim checks on a small portfolio whose figures are worked out by hand.
@Suite struct StandingTests {
    /// Reference date 2026-12-01.
    let portfolio = MemoryPortfolio([
        "normfolio.yml": "as_of: 2026-12-01\n",
        // Current and adopted: GO.01 and GO.02 are covered.
        "Content/a.md": evidence(
            "A", norms: "[GO.01, GO.02]",
            extra: "approved_by: CvB\napproved_on: 2026-01-01\nreview_by: 2027-01-01\n"),
        // Expired: on its own it would leave GO.02 stale, but a.md covers GO.02.
        "Content/b.md": evidence("B", norms: "[GO.02]", extra: "review_by: 1️⃣2026-06-01\n"),
        // SM.02's only evidence has expired: stale.
        "Content/c.md": evidence("C", norms: "[SM.02]", extra: "review_by: 2️⃣2026-01-01\n"),
        // Current (no review date) but never adopted.
        "Content/d.md": evidence("D", norms: "[SM.03]"),
        "Content/norms/GO.01.md": "---\nlevel: 4\ntarget: 3\n---\n",
        "Content/norms/GO.02.md": "---\nlevel: 2\n---\n",
        "Content/norms/GO.03.md": "---\n3️⃣level: 2\n---\n",
        "Content/norms/GO.04.md": "---\nnot_applicable: Geen eigen architectuur.\nlevel: 5\n---\n",
        "Content/norms/GO.05.md": "---\n4️⃣not_applicable: \"\"\n---\n",
        "Content/norms/SM.02.md": "---\n5️⃣level: 3\n---\n",
        "Content/norms/SM.03.md": "---\n6️⃣level: 3\n---\n",
        "Content/norms/SM.01.md": """
        ---
        level: 1
        next_review: 7️⃣2026-11-30
        actions:
          - title: Te laat
            due: 8️⃣2026-11-01
          - title: Te laat maar klaar
            due: 2026-11-01
            status: gereed
          - title: Op tijd
            due: 2026-12-01
        ---
        """,
    ])

    @Test func coverageAndLevelPerNorm() throws {
        let model = try #require(portfolio.check().portfolio)
        let expected: [String: (Coverage, Int?, Int?)] = [
            "GO.01": (.covered, 4, 0), "GO.02": (.covered, 2, 1), "GO.03": (.missing, 2, 1),
            "GO.04": (.notApplicable, nil, nil), "GO.05": (.missing, nil, nil), "SM.02": (.stale, 3, 0),
            "SM.03": (.covered, 3, 0), "SM.01": (.missing, 1, 2), "HR.06": (.missing, nil, nil),
        ]
        for (id, (coverage, level, gap)) in expected {
            let standing = try #require(model.standing(id))
            #expect(standing.coverage == coverage, "\(id)")
            #expect(standing.level == level, "\(id)")
            #expect(standing.gap == gap, "\(id)")
        }
        #expect(model.standing("GO.02")?.documents == 2)
        #expect(model.standing("GO.02")?.currentDocuments == 1)
    }

    @Test func domainFiguresWorkedOutByHand() throws {
        let model = try #require(portfolio.check().portfolio)
        let governance = model.tally(model.catalog.norms(in: try #require(model.catalog.domain("GO"))))
        // GO.01 covered L4 (target 3), GO.02 covered L2, GO.03 missing L2, GO.04 n.a., GO.05 missing, not assessed.
        #expect(governance.norms == 5)
        #expect(governance.count(.covered) == 2 && governance.count(.missing) == 2 && governance.count(.notApplicable) == 1)
        #expect(governance.applicable == 4)
        #expect(governance.coveredPercentage == 50)
        #expect(governance.assessed == 3 && governance.notAssessed == 1)
        #expect(governance.averageLevel.map { (($0 * 10).rounded()) / 10 } == 2.7)  // (4 + 2 + 2) / 3
        #expect(governance.lowestLevel == 2)
        #expect(governance.atTarget == 1)
        #expect(governance.distribution == [0, 2, 0, 1, 0])
        // The whole catalogue: 79 norms, 7 assessed levels (GO.04's level is ignored: it does not apply).
        let all = model.tally(model.catalog.norms)
        #expect(all.norms == 79 && all.applicable == 78 && all.assessed == 6 && all.notAssessed == 72)
        #expect(all.count(.stale) == 1 && all.count(.covered) == 3)
    }

    @Test func everyClaimCheckWithItsPlace() {
        let result = portfolio.check()
        func located(_ code: String) -> [SourceLocation] { result.diagnostics.filter { $0.code == code }.map(\.location) }
        #expect(
            located("evidence-expired") == [
                portfolio.location("1️⃣", in: "Content/b.md"),
                portfolio.location("2️⃣", in: "Content/c.md"),
            ])
        #expect(located("level-without-evidence") == [portfolio.location("3️⃣", in: "Content/norms/GO.03.md")])
        #expect(located("empty-justification") == [portfolio.location("4️⃣", in: "Content/norms/GO.05.md")])
        #expect(located("level-on-stale-evidence") == [portfolio.location("5️⃣", in: "Content/norms/SM.02.md")])
        #expect(located("level-without-adopted-evidence") == [portfolio.location("6️⃣", in: "Content/norms/SM.03.md")])
        #expect(located("review-overdue") == [portfolio.location("7️⃣", in: "Content/norms/SM.01.md")])
        #expect(located("action-overdue") == [portfolio.location("8️⃣", in: "Content/norms/SM.01.md")])
        // GO.02 at level 2 with current evidence, and GO.01 at level 4 with adopted evidence, are supported.
        #expect(!result.diagnostics.contains { ["Content/norms/GO.01.md", "Content/norms/GO.02.md"].contains($0.location.path) })
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code) == ["empty-justification"])
        #expect(
            result.diagnostics.first { $0.code == "action-overdue" }?.message
                == "action 'Te laat' was due on 2026-11-01 and is not done at 2026-12-01")
    }

    @Test func strictReportsClaimWarningsAsErrors() {
        let result = Normfolio.check(BuildOptions(portfolio: "/p", strict: true), io: portfolio.io, today: fixedToday)
        #expect(result.diagnostics.count == 8)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    }
}
