import Foundation
import Testing
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
}
