import Foundation
import Testing

@testable import NormfolioKit

/// Every diagnostic of the read and link stages: its code, and where it points.
@Suite struct ReadingTests {
    /// Asserts that `result` holds exactly one diagnostic with `code`, at `location`.
    func expectOne(
        _ result: BuildResult, _ code: String, at location: SourceLocation,
        severity: Diagnostic.Severity = .error, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let found = result.diagnostics.filter { $0.code == code }
        #expect(
            found.count == 1, "expected one [\(code)], got \(result.diagnostics.map(\.formatted))",
            sourceLocation: sourceLocation)
        #expect(found.first?.location == location, "\(found.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(found.first?.severity == severity, sourceLocation: sourceLocation)
    }

    @Test func aValidDocumentHasNoDiagnostics() {
        let result = MemoryPortfolio(["Content/a.md": evidence()]).check()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(result.portfolio?.documents.first?.title == "Beleid")
    }

    @Test func unknownNormInFrontMatterIsAnErrorWithDidYouMean() {
        let p = MemoryPortfolio(["Content/evidence/mfa.md": "---\ntitle: MFA\nnorms: [1️⃣SM.20, 2️⃣sm.02]\n---\n"])
        let result = p.check()
        let unknown = result.diagnostics.filter { $0.code == "unknown-norm" }
        #expect(
            unknown.map(\.location) == [
                p.location("1️⃣", in: "Content/evidence/mfa.md"),
                p.location("2️⃣", in: "Content/evidence/mfa.md"),
            ])
        #expect(
            unknown.first?.formatted
                == "Content/evidence/mfa.md:3:9: error: unknown norm ID 'SM.20' (did you mean 'SM.02'?) [unknown-norm]")
        #expect(unknown.last?.message.contains("did you mean 'SM.02'") == true)
    }

    @Test func missingTitleAndNormsAreReportedTogether() {
        let p = MemoryPortfolio(["Content/a.md": "---\n1️⃣owner: ICT\n---\nTekst\n"])
        let result = p.check()
        let missing = result.diagnostics.filter { $0.code == "missing-field" }
        #expect(missing.count == 2)
        #expect(missing.allSatisfy { $0.location == p.location("1️⃣", in: "Content/a.md") })
        #expect(
            Set(missing.map(\.message)) == [
                "required field 'title' is missing or empty",
                "required field 'norms' is missing or empty",
            ])
    }

    @Test func emptyNormsListIsMissing() {
        let p = MemoryPortfolio(["Content/a.md": "---\ntitle: A\n1️⃣norms: []\n---\n"])
        expectOne(p.check(), "missing-field", at: p.location("1️⃣", in: "Content/a.md"))
    }

    @Test func malformedYAMLIsLocatedInTheFile() {
        // The list is never closed: the parser gives up at the colon, where a list item cannot go on.
        let p = MemoryPortfolio(["Content/a.md": "---\ntitle: A\nnorms: [GO.02\nowner1️⃣: x\n---\n"])
        let result = p.check()
        expectOne(result, "yaml-syntax", at: p.location("1️⃣", in: "Content/a.md"))
        #expect(result.diagnostics.map(\.message) == ["malformed YAML: while parsing a flow sequence did not find expected ',' or ']'"])
    }

    @Test func unclosedFrontMatter() {
        let p = MemoryPortfolio(["Content/a.md": "1️⃣---\ntitle: A\nnorms: [GO.02]\n"])
        expectOne(p.check(), "unclosed-front-matter", at: p.location("1️⃣", in: "Content/a.md"))
    }

    /// A field given twice is refused by the YAML reader, which names the field at the first place
    /// it is given; the rest of the front matter is not read.
    @Test func aFieldGivenTwiceIsAnError() {
        let p = MemoryPortfolio(["Content/a.md": "---\n1️⃣title: A\nnorms: [GO.02]\ntitle: B\n---\nTekst.\n"])
        let result = p.check()
        expectOne(result, "duplicate-key", at: p.location("1️⃣", in: "Content/a.md"))
        #expect(result.diagnostics.map(\.formatted) == ["Content/a.md:2:1: error: field 'title' is given more than once [duplicate-key]"])
        #expect(result.portfolio?.documents.isEmpty == true)
    }

    /// Keys YAML tells apart by their tag but normfolio reads as the same field: normfolio's own
    /// check reports the second one and keeps the first.
    @Test func aFieldGivenTwiceUnderDifferentTagsIsAnErrorAtTheSecond() throws {
        let p = MemoryPortfolio([
            "Content/a.md": "---\ntitle: A\nnorms: [GO.02]\nclassification: openbaar\n1️⃣!tekst title: B\n---\n",
            "Content/norms/GO.02.md": "---\nactions:\n  - title: X\n    2️⃣!tekst title: Y\n---\n",
        ])
        let result = p.check()
        #expect(result.diagnostics.map(\.code) == ["duplicate-key", "duplicate-key"], "\(result.diagnostics.map(\.formatted))")
        #expect(
            result.diagnostics.map(\.location) == [
                p.location("1️⃣", in: "Content/a.md"),
                p.location("2️⃣", in: "Content/norms/GO.02.md"),
            ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error && $0.message == "field 'title' is given more than once" })
        #expect(try #require(result.portfolio).documents.first?.title == "A")
    }

    @Test func frontMatterThatIsNotFieldsIsAnError() {
        let p = MemoryPortfolio([
            "Content/lijst.md": "---\n1️⃣- title: A\n- norms: [GO.02]\n---\n",
            "Content/sleutel.md": "---\ntitle: B\nnorms: [GO.02]\n2️⃣[a, b]: c\n---\n",
            "Content/norms/GO.02.md": "---\nactions:\n  - title: X\n  - 3️⃣alleen tekst\n---\n",
        ])
        let result = p.check()
        let invalid = result.diagnostics.filter { $0.code == "invalid-front-matter" }
        // In file order: Content/lijst.md, Content/norms/GO.02.md, Content/sleutel.md.
        #expect(
            invalid.map(\.location) == [
                p.location("1️⃣", in: "Content/lijst.md"), p.location("3️⃣", in: "Content/norms/GO.02.md"),
                p.location("2️⃣", in: "Content/sleutel.md"),
            ],
            "\(result.diagnostics.map(\.formatted))")
        #expect(invalid.allSatisfy { $0.severity == .error })
        #expect(invalid.first { $0.location.path == "Content/lijst.md" }?.message == "expected fields written as 'key: value'")
        #expect(invalid.first { $0.location.path == "Content/sleutel.md" }?.message == "a field name must be plain text")
        #expect(invalid.first { $0.location.path == "Content/norms/GO.02.md" }?.message == "expected fields written as 'key: value'")
    }

    /// A file the system lists but will not hand over (no permission, gone in between) is reported
    /// at its start; tests run as root, who may read anything, so the refusal is simulated.
    @Test func aFileThatCannotBeReadIsReportedAtItsStart() {
        let files = MemoryPortfolio(["Content/a.md": evidence(), "Content/geheim.md": evidence("Geheim")]).io
        let io = FileIO(list: files.list, read: { $0.hasSuffix("/geheim.md") ? nil : files.read($0) }, size: files.size)
        let result = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fixedToday)
        expectOne(result, "unreadable-file", at: SourceLocation(path: "Content/geheim.md", line: 1, column: 1))
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Content/geheim.md:1:1: error: file could not be read; normfolio cannot use it, so it is not part of the portfolio [unreadable-file]"
            ])
        #expect(result.portfolio?.documents.map(\.title) == ["Beleid"])
    }

    /// A text attachment too large for the privacy guard is not read at all (so the BSN in it is
    /// not found): a warning at its start says so.
    @Test func aTextAttachmentTooLargeToScanIsAWarning() {
        let p = MemoryPortfolio(["Content/a.md": evidence(), "Content/bestanden/export.csv": "naam;bsn\nx;123456782\n"])
        let files = p.io
        let big = "/p/Content/bestanden/export.csv"
        let io = FileIO(
            list: files.list, read: { $0 == big ? nil : files.read($0) },
            size: { $0 == big ? Limits.scannedAttachmentBytes + 1 : files.size($0) })
        let result = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fixedToday)
        expectOne(result, "not-scanned", at: SourceLocation(path: "Content/bestanden/export.csv", line: 1, column: 1), severity: .warning)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Content/bestanden/export.csv:1:1: warning: file is 64.0 MB, more than the 64.0 MB the privacy guard scans; it was not checked for personal data [not-scanned]"
            ])
        // One byte less is scanned, and the number in it found.
        let scanned = FileIO(list: files.list, read: files.read, size: { $0 == big ? Limits.scannedAttachmentBytes : files.size($0) })
        #expect(Normfolio.check(BuildOptions(portfolio: "/p"), io: scanned, today: fixedToday).diagnostics.map(\.code) == ["personal-data-bsn"])
    }

    @Test func evidenceWithoutFrontMatter() {
        let p = MemoryPortfolio(["Content/notes.md": "1️⃣# Alleen tekst\n"])
        expectOne(p.check(), "missing-front-matter", at: p.location("1️⃣", in: "Content/notes.md"))
    }

    @Test func invalidDatesAreLocatedAtTheValue() {
        let p = MemoryPortfolio(["Content/a.md": evidence(extra: "date: 1️⃣2026-02-30\nreview_by: 2️⃣volgend jaar\n")])
        let result = p.check()
        let dates = result.diagnostics.filter { $0.code == "invalid-date" }
        #expect(dates.map(\.location) == [p.location("1️⃣", in: "Content/a.md"), p.location("2️⃣", in: "Content/a.md")])
    }

    @Test func levelOutsideOneToFive() {
        let p = MemoryPortfolio(["Content/norms/GO.02.md": "---\nlevel: 1️⃣7\ntarget: 2️⃣0\n---\n"])
        let result = p.check()
        let levels = result.diagnostics.filter { $0.code == "level-out-of-range" }
        #expect(
            levels.map(\.location) == [
                p.location("1️⃣", in: "Content/norms/GO.02.md"),
                p.location("2️⃣", in: "Content/norms/GO.02.md"),
            ])
        #expect(levels.first?.message == "'level' is 7, outside 1-5")
    }

    @Test func assessmentMustBeNamedAfterANorm() {
        let p = MemoryPortfolio(["Content/norms/GO.2.md": "---\nlevel: 2\n---\n", "Content/norms/sm.02.md": "---\nlevel: 2\n---\n"])
        let result = p.check()
        let unknown = result.diagnostics.filter { $0.code == "unknown-assessment" }
        #expect(unknown.map(\.location.path) == ["Content/norms/GO.2.md", "Content/norms/sm.02.md"])
        #expect(unknown.last?.message.contains("did you mean 'SM.02'") == true)
    }

    /// Documents imported from elsewhere carry fields normfolio does not know: one warning per field
    /// for the whole portfolio, at its first place, unless the settings accept it.
    @Test func unknownKeysThatAreNoTypoAreReportedOncePerPortfolio() {
        var files = ["normfolio.yml": "accept_keys: [permalink]\n"]
        for index in 0..<5 {
            files["Content/\(index).md"] = "---\ntitle: D\(index)\nnorms: [GO.02]\nlayout: post\npermalink: /x\(index)/\n---\n"
        }
        let diagnostics = MemoryPortfolio(files).check().diagnostics.filter { $0.code == "unknown-key" }
        #expect(
            diagnostics.map(\.formatted) == [
                "Content/0.md:4:1: warning: unknown field 'layout' (and in 4 more files); it is ignored; list it under accept_keys in normfolio.yml to accept it [unknown-key]"
            ])
    }

    @Test func unknownKeysAreWarningsWithDidYouMean() {
        let p = MemoryPortfolio(["Content/a.md": "---\ntitle: A\nnorms: [GO.02]\n1️⃣norm: [GO.01]\n2️⃣zzz: 1\n---\n"])
        let result = p.check()
        let unknown = result.diagnostics.filter { $0.code == "unknown-key" }
        #expect(unknown.map(\.location) == [p.location("1️⃣", in: "Content/a.md"), p.location("2️⃣", in: "Content/a.md")])
        #expect(unknown.first?.message == "unknown field 'norm' (did you mean 'norms'?); it is ignored")
        #expect(unknown.last?.message == "unknown field 'zzz'; it is ignored; list it under accept_keys in normfolio.yml to accept it")
        #expect(unknown.allSatisfy { $0.severity == .warning })
        #expect(!result.diagnostics.fail(strict: false))
        #expect(result.diagnostics.fail(strict: true))
    }

    @Test func unknownTypeIsAWarningAndUnknownClassificationAnError() {
        let p = MemoryPortfolio(["Content/a.md": "---\ntitle: A\nnorms: [GO.02]\ntype: 1️⃣beleidd\nclassification: 2️⃣geheim\n---\n"])
        let result = p.check()
        expectOne(result, "unknown-type", at: p.location("1️⃣", in: "Content/a.md"), severity: .warning)
        expectOne(result, "unknown-classification", at: p.location("2️⃣", in: "Content/a.md"))
    }

    @Test func missingClassificationFailsClosed() throws {
        let result = MemoryPortfolio(["Content/a.md": "---\ntitle: A\nnorms: [GO.02]\n---\n"]).check()
        let document = try #require(result.portfolio?.documents.first)
        #expect(document.classification == .vertrouwelijk)
    }

    @Test func aliasesAreAccepted() throws {
        let result = MemoryPortfolio([
            "Content/a.md": "---\ntitle: A\nnorms: GO.02, SM.02\nclassification: secret\n---\n",
            "Content/norms/GO.02.md": "---\nactions:\n  - title: X\n    status: done\n---\n",
        ]).check()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let portfolio = try #require(result.portfolio)
        #expect(portfolio.documents.first?.classification == .striktVertrouwelijk)
        #expect(portfolio.documents.first?.norms == ["GO.02", "SM.02"])
        #expect(portfolio.assessments["GO.02"]?.actions.first?.status == .gereed)
    }

    @Test func brokenLinksAndMissingAttachmentsAreLocated() {
        let p = MemoryPortfolio([
            "Content/a/doc.md": evidence(
                extra: "attachments: [1️⃣bestanden/weg.pdf]\n",
                body: "Zie 2️⃣[dit](../b.md) en 3️⃣![x](plaatje.png).\n\nEn ééé 4️⃣[ver weg](../../../etc/passwd).\n")
        ])
        let result = p.check()
        let path = "Content/a/doc.md"
        expectOne(result, "missing-attachment", at: p.location("1️⃣", in: path))
        let broken = result.diagnostics.filter { $0.code == "broken-link" }
        #expect(broken.map(\.location) == [p.location("2️⃣", in: path), p.location("3️⃣", in: path)])
        #expect(broken.first?.message == "link to '../b.md', which does not exist")
        expectOne(result, "outside-portfolio", at: p.location("4️⃣", in: path))
    }

    @Test func unknownNormInBodyIsAWarningNotInCode() {
        let p = MemoryPortfolio(["Content/a.md": evidence(body: "Zie 1️⃣SM.20 en 2️⃣sm.02.\n\n`SM.21` en [SM.22](https://x.nl) en nr.12.\n\n    SM.23\n")]
        )
        let result = p.check()
        let mentions = result.diagnostics.filter { $0.code == "unknown-norm-reference" }
        #expect(mentions.map(\.location) == [p.location("1️⃣", in: "Content/a.md"), p.location("2️⃣", in: "Content/a.md")])
        #expect(mentions.allSatisfy { $0.severity == .warning })
        #expect(mentions.first?.message.contains("did you mean 'SM.02'") == true)
    }

    @Test func columnsCountCharactersNotBytes() {
        let p = MemoryPortfolio(["Content/a.md": evidence(body: "Één privacyregel: zie 1️⃣XY.99.\n")])
        let result = p.check()
        #expect(result.diagnostics.first { $0.code == "unknown-norm-reference" }?.location == p.location("1️⃣", in: "Content/a.md"))
    }

    @Test func documentsThatWouldShareAPage() {
        let result = MemoryPortfolio(["Content/Beleid/IB.md": evidence(), "Content/beleid/ib.md": evidence()]).check()
        let collisions = result.diagnostics.filter { $0.code == "page-collision" }
        #expect(collisions.count == 1)
        #expect(collisions.first?.location.path == "Content/beleid/ib.md")
        #expect(collisions.first?.message.contains("Content/Beleid/IB.md") == true)
    }

    @Test func invalidUTF8IsLocated() throws {
        var bytes = Data(evidence(body: "Regel een\nRegel twée ").utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        let io = FileIO.memory(["/p/Content/a.md": bytes])
        let result = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fixedToday)
        let error = try #require(result.diagnostics.first { $0.code == "invalid-utf8" })
        #expect(error.location == SourceLocation(path: "Content/a.md", line: 7, column: 12))
    }

    @Test func binaryFileNamedMarkdown() {
        let io = FileIO.memory(["/p/Content/scan.md": Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01])])
        let result = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fixedToday)
        #expect(result.diagnostics.map(\.code) == ["binary-file"])
        #expect(result.diagnostics.first?.location == SourceLocation(path: "Content/scan.md"))
    }

    @Test func allProblemsInAllFilesAreReportedOnceInReadingOrder() {
        let result = MemoryPortfolio([
            "Content/b.md": "---\ntitle: B\nnorms: [SM.20]\n---\n",
            "Content/a.md": "---\nnorms: [GO.02]\n---\n[x](nope.md)\n",
            "Content/norms/XX.01.md": "---\nlevel: 9\n---\n",
        ]).check()
        #expect(result.diagnostics.map(\.code) == ["missing-field", "broken-link", "unknown-norm", "unknown-assessment"])
        #expect(result.diagnostics.map(\.location.path) == ["Content/a.md", "Content/a.md", "Content/b.md", "Content/norms/XX.01.md"])
    }

    @Test func emptyHugeAndDeeplyNestedFilesDoNotCrash() throws {
        let nested =
            String(repeating: "> ", count: 5_000) + "diep\n" + String(repeating: "- ", count: 2_000) + "lijst\n"
            + String(repeating: "[", count: 10_000) + String(repeating: "*", count: 10_000) + "\n"
        let paragraph =
            String(repeating: "Een gewone zin over informatiebeveiliging en privacy op school, zonder opmaak.\n", count: 99)
            + "Met een verwijzing naar SM.02 en een [link](https://example.org).\n\n"
        let huge = String(repeating: paragraph, count: 480)
        let p = MemoryPortfolio([
            "Content/empty.md": "",
            "Content/nested.md": evidence(body: nested),
            "Content/huge.md": evidence(body: huge),
            "Content/too-large.md": evidence(body: huge + huge),
            "Content/pages/leeg.md": "",
        ])
        // The largest file normfolio reads, and one it refuses unread, with the reason at 1:1.
        #expect((3_500_000..<Limits.markdownFileBytes).contains(p.files["Content/huge.md"]!.utf8.count))
        let result = p.render(audience: .auditor)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "Content/empty.md:1:1: error: evidence document has no front matter; start the file with '---', a 'title:' and 'norms:', and '---' [missing-front-matter]",
                "Content/too-large.md:1:1: error: file is 7.2 MB, more than the 4.0 MB normfolio reads; split it into smaller documents or attach it as a file [file-too-large]",
            ])
        let checked = p.check()
        #expect(checked.portfolio?.documents.count == 2)
    }

    @Test func settingsAreValidated() {
        let p = MemoryPortfolio([
            "normfolio.yml": "organisation: X\nlanguage: 1️⃣fr\ntarget: 2️⃣6\nas_of: 3️⃣gisteren\n4️⃣titel: Y\n",
            "Content/a.md": evidence(),
        ])
        let result = p.check()
        expectOne(result, "invalid-value", at: p.location("1️⃣", in: "normfolio.yml"))
        expectOne(result, "level-out-of-range", at: p.location("2️⃣", in: "normfolio.yml"))
        expectOne(result, "invalid-date", at: p.location("3️⃣", in: "normfolio.yml"))
        expectOne(result, "unknown-key", at: p.location("4️⃣", in: "normfolio.yml"), severity: .warning)
    }

    @Test func asOfComesFromOptionsThenSettingsThenToday() {
        let p = MemoryPortfolio(["normfolio.yml": "as_of: 2026-06-01\n", "Content/a.md": evidence()])
        #expect(p.check().portfolio?.asOf == Day("2026-06-01"))
        #expect(p.check(asOf: Day("2027-01-01")).portfolio?.asOf == Day("2027-01-01"))
        #expect(MemoryPortfolio(["Content/a.md": evidence()]).check().portfolio?.asOf == fixedToday)
    }

    @Test func actionsAreReadWithStatusesAndErrors() throws {
        let p = MemoryPortfolio([
            "Content/norms/SM.02.md": """
            ---
            level: 2
            actions:
              - title: MFA
                owner: ICT
                due: 2027-03-01
                status: bezig
              - title: Tweede
                status: 1️⃣klaar
              - 2️⃣owner: zonder titel
            ---
            """
        ])
        let result = p.check()
        expectOne(result, "unknown-status", at: p.location("1️⃣", in: "Content/norms/SM.02.md"))
        expectOne(result, "missing-field", at: p.location("2️⃣", in: "Content/norms/SM.02.md"))
        let actions = try #require(result.portfolio?.assessments["SM.02"]?.actions)
        #expect(actions.map(\.title) == ["MFA", "Tweede"])
        #expect(actions.first?.status == .bezig)
        #expect(actions.first?.due == Day("2027-03-01"))
    }
}
