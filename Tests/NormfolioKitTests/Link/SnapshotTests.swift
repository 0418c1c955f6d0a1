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
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Snapshots/2026-06-01.json:1:1: warning: this snapshot was changed after normfolio "
                    + "sealed it; its figures are shown, but they are not the recorded ones [snapshot-edited]"
            ])
        // A site's export serves as a snapshot too, without a seal: used, but never in silence (a
        // snapshot whose seal line was taken out is one). Something else is an error.
        let unsealed = sealed.components(separatedBy: "\n").filter { !$0.hasPrefix("  \"seal\": ") }.joined(separator: "\n")
        #expect(Snapshot.sealHolds(unsealed) == nil)
        let export = MemoryPortfolio(base.merging(["Snapshots/export.json": unsealed]) { a, _ in a }).check()
        #expect(
            export.diagnostics.map(\.formatted) == [
                "Snapshots/export.json:1:1: warning: this snapshot has no seal, so nothing shows "
                    + "whether its figures are the recorded ones; they are shown as they are (a snapshot "
                    + "normfolio writes is sealed; with snapshot_key in normfolio.yml, signed) [snapshot-unsealed]"
            ])
        #expect(export.portfolio?.snapshots.first?.protection == .unchecked)
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
        #expect(
            page(site, "normen/GO.02.html").contains(
                "<span class=\"badge badge-attention\">niveau overgenomen</span> niveau 2 is overgenomen van de momentopname van 1 juni 2026, zonder nieuwe beoordeling"
            ))
        // Reviewed after the snapshot, or a different level: not flagged.
        for text in [
            Self.assessment.replacingOccurrences(of: "2026-03-01", with: "2026-07-01"),
            Self.assessment.replacingOccurrences(of: "level: 2", with: "level: 3"),
        ] {
            let other = MemoryPortfolio(["Content/a.md": evidence(), "Content/norms/GO.02.md": text, "Snapshots/2026-06-01.json": previous])
            #expect(!other.check().diagnostics.contains { $0.code == "carried-over" })
        }
    }

    /// The progress the site shows, against a count made here from the sample's own snapshot files.
    @Test func progressTowardTheTargetMatchesAnIndependentCount() throws {
        let result = Normfolio.render(BuildOptions(portfolio: packageRoot.path, audience: .auditor), today: fixedToday)
        let portfolio = try #require(result.portfolio)
        #expect(portfolio.snapshots.count == 2)
        let first = try #require(
            try JSONSerialization.jsonObject(
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
        #expect(
            page(site, "index.html").contains(
                "<span class=\"figure-value\" data-figure=\"toward-target-informatiebeveiliging\">\(expected)%</span> <span class=\"figure-label\">op weg naar het doel, informatiebeveiliging, sinds 1 december 2025</span>"
            ))
        #expect(page(site, "voortgang.html").contains("Voortgang naar het doel sinds de eerste momentopname: <strong>\(expected)%</strong>"))
        #expect(expected > 0)
    }

    // MARK: Signed with the board's key

    static let boardKey = SigningKey()

    /// A portfolio whose normfolio.yml names the board's public key, with `snapshot` in Snapshots/.
    func signedPortfolio(_ snapshot: String, key: String = Self.boardKey.publicKey.pem) -> MemoryPortfolio {
        MemoryPortfolio([
            "Content/a.md": evidence(), "Content/norms/GO.02.md": "---\nlevel: 2\nreviewed_on: 2026-11-01\n---\n",
            "normfolio.yml": "snapshot_key: 1️⃣sleutels/bestuur.pub\n", "sleutels/bestuur.pub": key,
            "Snapshots/2026-06-01.json": snapshot,
        ])
    }

    func signedSnapshot(level: Int = 2, key: SigningKey = Self.boardKey) throws -> String {
        let p = MemoryPortfolio(["Content/a.md": evidence(), "Content/norms/GO.02.md": "---\nlevel: \(level)\n---\n"])
        var options = BuildOptions(portfolio: "/p", asOf: Day("2026-06-01"))
        options.signingKey = key
        return try #require(Normfolio.snapshot(options, io: p.io, today: fixedToday).text)
    }

    @Test func aSnapshotSignedWithTheBoardsKeyIsUsed() throws {
        let signed = try signedSnapshot()
        #expect(signed.contains("\n  \"signature\": \"") && signed.contains("\n  \"signature_key\": \"\(Self.boardKey.publicKey.id)\",\n"))
        let result = signedPortfolio(signed).check()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(result.portfolio?.snapshots.map(\.protection) == [.signed(keyID: Self.boardKey.publicKey.id)])
        let site = try #require(signedPortfolio(signed).render(audience: .auditor).site)
        #expect(page(site, "voortgang.html").contains("ondertekend met de sleutel van het bestuur (sleutel \(Self.boardKey.publicKey.id))"))
    }

    /// Editing a figure and computing the checksum again passed before; a signature cannot be made again.
    @Test func aForgedSnapshotWithARecomputedSealIsNotUsed() throws {
        let signed = try signedSnapshot()
        let seal = Snapshot.Seal(signed)
        let forgedContent = seal.content.replacingOccurrences(of: "\"level\": 2,", with: "\"level\": 5,")
        #expect(forgedContent != seal.content)
        // The forger recomputes the checksum and keeps the old signature.
        let forged = signed.replacingOccurrences(of: "\"level\": 2,", with: "\"level\": 5,")
            .replacingOccurrences(of: try #require(seal.members["seal"]), with: Integrity.sha256(Data(forgedContent.utf8)))
        #expect(Snapshot.sealHolds(forged) == true)
        let result = signedPortfolio(forged).check()
        #expect(result.diagnostics.map(\.code) == ["snapshot-signature"])
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.portfolio?.snapshots.isEmpty == true)
        // Signed with another key: named in the message, and not used either.
        let other = try signedSnapshot(key: SigningKey())
        let otherResult = signedPortfolio(other).check()
        #expect(otherResult.diagnostics.map(\.code) == ["snapshot-signature"])
        #expect(otherResult.diagnostics.first?.message.contains("(it names key ") == true)
    }

    @Test func aSnapshotWithoutASignatureIsLeftOutWhenTheBoardHasAKey() throws {
        let sealed = try snapshot(level: 4, asOf: "2026-06-01")
        let result = signedPortfolio(sealed).check()
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Snapshots/2026-06-01.json:1:1: warning: this snapshot is not signed with the board's key \(Self.boardKey.publicKey.id) "
                    + "(snapshot_key in normfolio.yml), so its figures are not used; sign it with normfolio snapshot --sign-existing "
                    + "--sign KEY if its checksum shows it unchanged [snapshot-unsigned]"
            ])
        #expect(result.portfolio?.snapshots.isEmpty == true)
        // Signing it afterwards: only a snapshot whose checksum holds, and only once.
        let signed = try #require(Snapshot.signing(sealed, with: Self.boardKey))
        #expect(signedPortfolio(signed).check().diagnostics.isEmpty)
        #expect(Snapshot.signing(signed, with: Self.boardKey) == nil)
        #expect(Snapshot.signing(sealed.replacingOccurrences(of: "\"level\": 4,", with: "\"level\": 5,"), with: Self.boardKey) == nil)
    }

    @Test func theBoardsKeyMustBeAPublicKeyInThePortfolio() throws {
        let signed = try signedSnapshot()
        let privateKey = signedPortfolio(signed, key: Self.boardKey.pem)
        let errors = privateKey.check().diagnostics
        #expect(errors.map(\.code) == ["invalid-value"])
        #expect(errors.first?.location == privateKey.location("1️⃣", in: "normfolio.yml"))
        #expect(errors.first?.message.contains("a private key: name the public key (NAME.pub) instead") == true)
        var files = signedPortfolio(signed).files
        files["sleutels/bestuur.pub"] = nil
        let missing = MemoryPortfolio(files).check().diagnostics
        #expect(missing.map(\.code) == ["missing-file"])
    }

    @Test func aSnapshotOverTheLimitIsRefusedUnread() throws {
        let large = "{\"schema_version\": 2, \"as_of\": \"2026-06-01\", \"x\": \"" + String(repeating: "a", count: 17 << 20) + "\"}"
        let result = MemoryPortfolio(["Content/a.md": evidence(), "Snapshots/2026-06-01.json": large]).check()
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Snapshots/2026-06-01.json:1:1: error: this snapshot is 17.0 MB, more than the "
                    + "16.0 MB a snapshot of normfolio takes (about 10 MB for 10,000 documents); it is not read [file-too-large]"
            ])
    }

    @Test func aSymbolicLinkInSnapshotsThatLeadsOutIsReported() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Snapshots"), withIntermediateDirectories: true)
        try Data(evidence().utf8).write(to: root.appendingPathComponent("Content/a.md"))
        try Data(try snapshot(level: 2, asOf: "2026-06-01").utf8).write(to: work.appendingPathComponent("elders.json"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Snapshots/2026-06-01.json"),
            withDestinationURL: work.appendingPathComponent("elders.json"))
        let result = Normfolio.check(BuildOptions(portfolio: root.path), today: fixedToday)
        #expect(result.diagnostics.map(\.code) == ["outside-portfolio"])
        #expect(result.diagnostics.first?.location.path == "Snapshots/2026-06-01.json")
        #expect(result.portfolio?.snapshots.isEmpty == true)
    }
}
