import Foundation
import Testing
import ZIPFoundation
@testable import NormfolioKit

/// Regression tests of issue 18, the second round of hardening, named after what each protects.
/// (The CSV rule, approvals, snapshots, the preview and the privacy guard have suites of their own.)
@Suite struct HardeningSecondRoundTests {
    /// An attachment that cannot be read passed `check` and then failed `build`: now it is an error
    /// at every place that uses it, in `check` as in `build`.
    @Test func anUnreadableAttachmentIsAnErrorInCheckAsInBuild() {
        let p = MemoryPortfolio([
            "Content/a.md": evidence(extra: "attachments: [1️⃣geheim.pdf]\n", body: "Zie 2️⃣[het besluit](geheim.pdf).\n"),
            "Content/geheim.pdf": "%PDF",
        ])
        let memory = p.io
        // The file is listed, but reading it fails (no permission, as for a user who is not its owner).
        let io = FileIO(list: memory.list, read: { $0.hasSuffix("/geheim.pdf") ? nil : memory.read($0) }, size: memory.size)
        let checked = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fixedToday)
        let unreadable = checked.diagnostics.filter { $0.code == "unreadable-file" }
        #expect(unreadable.map(\.location) == [p.location("1️⃣", in: "Content/a.md"), p.location("2️⃣", in: "Content/a.md")])
        #expect(unreadable.allSatisfy { $0.severity == .error && $0.message.hasPrefix("the attachment 'geheim.pdf' cannot be read") })
        #expect(Normfolio.render(BuildOptions(portfolio: "/p"), io: io, today: fixedToday).site == nil)
    }

    /// A zip in memory with these entries, deflated.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// Import measured what it unpacked only against what the file declared: now every entry is
    /// counted while it is extracted, against a limit per entry, for all of them, and on the ratio.
    @Test func everySizeReadFromAnArchiveIsMeasuredWhileExtracting() throws {
        let budget = BoundedArchive.Budget(entryBytes: 10_000, totalBytes: 15_000, ratio: 20, ratioFloor: 1_000)
        var generator = SeededGenerator(seed: 6)
        let text = Data((0..<9_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let small = try BoundedArchive(data: try Self.zip([("a.xml", text), ("b.xml", text)]), budget: budget)
        #expect(try small.read("a.xml") == text)
        // Two entries within their own limit, together over the total.
        #expect(throws: BoundedArchive.Problem.totalTooLarge(limit: 15_000)) { try small.read("b.xml") }
        let large = try BoundedArchive(data: try Self.zip([("c.xml", text + text)]), budget: budget)
        #expect(throws: BoundedArchive.Problem.entryTooLarge("c.xml", limit: 10_000)) { try large.measureAll() }
        // Zeros pack a hundredfold: refused on the ratio long before the entry's limit.
        let zeros = try BoundedArchive(data: try Self.zip([("d.png", Data(count: 9_000))]), budget: budget)
        #expect(throws: BoundedArchive.Problem.ratio("d.png", limit: 20)) { try zeros.read("d.png") }
        #expect(throws: BoundedArchive.Problem.notAnArchive) { try BoundedArchive(data: Data("PK geen zip".utf8)) }
    }

    /// Word's hidden text comes three ways: on the run, through a character style, through a
    /// paragraph style; `w:vanish w:val="0"` shows a run again. The fuzz seed holds all four.
    @Test func hiddenTextIsFoundOnRunsAndThroughStyles() throws {
        let seed = try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Fuzz/Seeds/archive/hidden.docx")).dropFirst()
        let office = try OfficeFile(kind: .docx, url: URL(fileURLWithPath: "/x.docx"), archive: BoundedArchive(data: Data(seed)))
        #expect(office.title == "Titel")
        let cleaned = try #require(try office.hiddenTextRemoved())
        #expect(cleaned.part == "word/document.xml" && cleaned.removed == 3)
        let text = String(decoding: cleaned.data, as: UTF8.self)
        #expect(text.contains("Zichtbaar") && text.contains("Toch zichtbaar"))
        #expect(!text.contains("Verborgen") && !text.contains("Ook verborgen") && !text.contains("Alinea"))
    }
}
