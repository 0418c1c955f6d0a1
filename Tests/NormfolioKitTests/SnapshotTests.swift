import Foundation
import Testing
@testable import NormfolioKit

/// Snapshots: sealed when written, reported when edited, read from any export, and the progress
/// and carried-over levels computed from them.
@Suite struct SnapshotTests {
    static let assessment = "---\n1️⃣level: 2\nreviewed_on: 2026-03-01\n---\n"

    /// A sealed snapshot of a small portfolio at `asOf`, with GO.02 at `level`.
    func snapshot(level: Int, asOf: String) throws -> String {
        let p = MemoryPortfolio(["Content/a.md": evidence(), "Content/norms/GO.02.md": "---\nlevel: \(level)\n---\n"])
        let made = Normfolio.snapshot(BuildOptions(portfolio: "/p", asOf: Day(asOf)), io: p.io, today: fixedToday)
        return try #require(made.text)
    }

    @Test func aSealedSnapshotReadsCleanlyAndAnEditedOneIsReported() throws {
        let sealed = try snapshot(level: 2, asOf: "2026-06-01")
        #expect(Snapshot.sealHolds(sealed) == true)
        let base = ["Content/a.md": evidence(), "Content/norms/GO.02.md": "---\nlevel: 2\nreviewed_on: 2026-11-01\n---\n"]
        let clean = MemoryPortfolio(base.merging(["Snapshots/2026-06-01.json": sealed]) { a, _ in a }).check()
        #expect(clean.diagnostics.isEmpty, "\(clean.diagnostics.map(\.formatted))")
        #expect(clean.portfolio?.snapshots.map(\.asOf) == [Day("2026-06-01")!])
        #expect(clean.portfolio?.snapshots.first?.norms["GO.02"]?.level == 2)
        // One figure changed by hand: reported at the file.
        let edited = sealed.replacingOccurrences(of: "\"level\": 2,", with: "\"level\": 3,")
        #expect(edited != sealed)
        let result = MemoryPortfolio(base.merging(["Snapshots/2026-06-01.json": edited]) { a, _ in a }).check()
        #expect(result.diagnostics.map(\.formatted) == ["Snapshots/2026-06-01.json:1:1: warning: this snapshot was changed after normfolio "
                                                         + "sealed it; its figures are shown, but they are not the recorded ones [snapshot-edited]"])
        // A site's export serves as a snapshot too, without a seal; something else is an error.
        let unsealed = sealed.components(separatedBy: "\n").filter { !$0.hasPrefix("  \"seal\": ") }.joined(separator: "\n")
        #expect(Snapshot.sealHolds(unsealed) == nil)
        #expect(MemoryPortfolio(base.merging(["Snapshots/export.json": unsealed]) { a, _ in a }).check().diagnostics.isEmpty)
        let broken = MemoryPortfolio(base.merging(["Snapshots/x.json": "{\"a\": 1}"]) { a, _ in a }).check()
        #expect(broken.diagnostics.map(\.code) == ["invalid-snapshot"])
    }

    @Test func aLevelRepeatedWithoutAReviewSinceTheLastSnapshotIsFlagged() throws {
        let previous = try snapshot(level: 2, asOf: "2026-06-01")
        let p = MemoryPortfolio(["Content/a.md": evidence(), "Content/norms/GO.02.md": Self.assessment, "Snapshots/2026-06-01.json": previous])
        let flagged = p.check().diagnostics.filter { $0.code == "carried-over" }
        #expect(flagged.map(\.location) == [p.location("1️⃣", in: "Content/norms/GO.02.md")])
        #expect(flagged.first?.message.contains("the level 2 of GO.02 is the one of the snapshot of 2026-06-01") == true)
        let site = try #require(p.render(audience: .auditor).site)
        #expect(page(site, "normen/GO.02.html").contains(
            "<span class=\"badge badge-attention\">niveau overgenomen</span> niveau 2 is overgenomen van de momentopname van 1 juni 2026, zonder nieuwe beoordeling"))
        // Reviewed after the snapshot, or a different level: not flagged.
        for text in [Self.assessment.replacingOccurrences(of: "2026-03-01", with: "2026-07-01"),
                     Self.assessment.replacingOccurrences(of: "level: 2", with: "level: 3")] {
            let other = MemoryPortfolio(["Content/a.md": evidence(), "Content/norms/GO.02.md": text, "Snapshots/2026-06-01.json": previous])
            #expect(!other.check().diagnostics.contains { $0.code == "carried-over" })
        }
    }

    /// The progress the site shows, against a count made here from the sample's own snapshot files.
    @Test func progressTowardTheTargetMatchesAnIndependentCount() throws {
        let result = Normfolio.render(BuildOptions(portfolio: packageRoot.path, audience: .auditor), today: fixedToday)
        let portfolio = try #require(result.portfolio)
        #expect(portfolio.snapshots.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: packageRoot.appendingPathComponent("Snapshots/2025-12-01.json"))) as? [String: Any])
        let parts = try #require(first["parts"] as? [[String: Any]])
        let security = try #require(parts.first { $0["id"] as? String == "informatiebeveiliging" })
        let baseline = try #require((security["summary"] as? [String: Any])?["average_level"] as? Double)
        // Now, counted from the assessments of the security norms.
        let levels = portfolio.catalog.norms.filter { portfolio.catalog.domain($0.domain)?.part == "informatiebeveiliging" }
            .compactMap { portfolio.standings[$0.id] }.filter(\.isApplicable).compactMap(\.level)
        let now = (Double(levels.reduce(0, +)) / Double(levels.count) * 10).rounded() / 10
        let expected = Int(((now - baseline) / (Double(portfolio.settings.target) - baseline) * 100).rounded())
        let site = try #require(result.site)
        #expect(page(site, "index.html").contains("<span class=\"figure-value\" data-figure=\"toward-target-informatiebeveiliging\">\(expected)%</span> <span class=\"figure-label\">op weg naar het doel, informatiebeveiliging, sinds 1 december 2025</span>"))
        #expect(page(site, "voortgang.html").contains("Voortgang naar het doel sinds de eerste momentopname: <strong>\(expected)%</strong>"))
        #expect(expected > 0)
    }
}
