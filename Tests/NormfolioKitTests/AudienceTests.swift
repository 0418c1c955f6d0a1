import Foundation
import Testing
@testable import NormfolioKit

/// What each audience may see, checked in the bytes of every file written (site and zip).
@Suite struct AudienceTests {
    static let levels: [(name: String?, marker: String)] = [
        ("openbaar", "MARKER-OPENBAAR-91A"), ("intern", "MARKER-INTERN-92B"), ("vertrouwelijk", "MARKER-VERTROUWELIJK-93C"),
        ("strikt-vertrouwelijk", "MARKER-STRIKT-94D"), (nil, "MARKER-ZONDER-KLASSE-95E"),
    ]

    /// Every file below a folder, read as bytes, searched for `marker`.
    func files(in folder: URL, containing marker: String) -> [String] {
        contents(of: folder).filter { $0.value.range(of: Data(marker.utf8)) != nil }.keys.sorted()
    }

    @Test func eachAudienceSeesExactlyItsClassifications() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let portfolio = work.appendingPathComponent("p")
        for (index, level) in Self.levels.enumerated() {
            let folder = portfolio.appendingPathComponent("Content/doc\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let classification = level.name.map { "classification: \($0)\n" } ?? ""
            try Data("---\ntitle: Titel \(level.marker)\nnorms: [SM.0\(index + 1)]\n\(classification)owner: Eigenaar \(level.marker)\nattachments: [bijlage-\(level.marker).txt]\n---\nTekst \(level.marker).\n".utf8)
                .write(to: folder.appendingPathComponent("document.md"))
            try Data("Bijlage \(level.marker)\n".utf8).write(to: folder.appendingPathComponent("bijlage-\(level.marker).txt"))
        }
        // An attachment shared by a public and a secret document is as secret as the secret one:
        // published only to the auditor; the public document's link is text elsewhere.
        try Data("Gedeeld MARKER-GEDEELD-96F\n".utf8).write(to: portfolio.appendingPathComponent("Content/gedeeld.txt"))
        for (index, _) in [0, 3].enumerated() {
            let file = portfolio.appendingPathComponent("Content/doc\([0, 3][index])/document.md")
            let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Tekst", with: "Zie [gedeeld](../gedeeld.txt). Tekst")
            try Data(text.utf8).write(to: file)
        }
        let visible: [Audience: Set<String?>] = [
            .intranet: ["openbaar", "intern"], .accountant: ["openbaar", "intern", "vertrouwelijk", nil],
            .auditor: ["openbaar", "intern", "vertrouwelijk", "strikt-vertrouwelijk", nil],
        ]
        for audience in Audience.allCases {
            let output = work.appendingPathComponent("out-\(audience.rawValue)")
            let zip = work.appendingPathComponent("zip-\(audience.rawValue)/site.zip")
            try FileManager.default.createDirectory(at: zip.deletingLastPathComponent(), withIntermediateDirectories: true)
            let result = try Normfolio.build(BuildOptions(portfolio: portfolio.path, output: output.path, audience: audience, zip: zip.path))
            #expect(result.site != nil)
            let zipBytes = try Data(contentsOf: zip)
            for level in Self.levels {
                let found = files(in: output, containing: level.marker)
                // The zip stores the text compressed, so check the folder's files and the zip's names.
                let inZipNames = zipBytes.range(of: Data("bijlage-\(level.marker)".lowercased().utf8)) != nil
                if visible[audience]!.contains(level.name) {
                    #expect(!found.isEmpty, "\(audience): \(level.marker) should be published")
                    #expect(inZipNames, "\(audience): \(level.marker) should be in the zip")
                } else {
                    #expect(found.isEmpty, "\(audience): \(level.marker) leaks into \(found)")
                    #expect(!inZipNames, "\(audience): \(level.marker) leaks into the zip")
                }
            }
            #expect(files(in: output, containing: "MARKER-GEDEELD-96F") == (audience == .auditor ? ["bijlagen/gedeeld.txt"] : []))
            #expect((zipBytes.range(of: Data("bijlagen/gedeeld.txt".utf8)) != nil) == (audience == .auditor))
            let publicPage = try String(contentsOf: output.appendingPathComponent("documenten/doc0-document.html"), encoding: .utf8)
            #expect(publicPage.contains("Zie gedeeld. Tekst") == (audience != .auditor))
            #expect(publicPage.contains("href=\"../bijlagen/gedeeld.txt\"") == (audience == .auditor))
        }
    }

    @Test func theSampleIntranetEditionHoldsNothingAboveIntern() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let model = try #require(Normfolio.check(BuildOptions(portfolio: packageRoot.path), today: fixedToday).portfolio)
        let confidential = model.documents.filter { $0.classification > .intern }
        #expect(confidential.count == 11)
        for audience in [Audience.intranet, .auditor] {
            let output = work.appendingPathComponent(audience.rawValue)
            _ = try Normfolio.build(BuildOptions(portfolio: packageRoot.path, output: output.path, audience: audience))
            let everything = contents(of: output).values.reduce(into: Data()) { $0.append($1) }
            for document in confidential {
                let present = everything.range(of: Data(document.title.htmlEscaped.utf8)) != nil
                    || everything.range(of: Data(document.slug.utf8)) != nil
                #expect(present == (audience == .auditor), "\(audience): \(document.title)")
            }
        }
    }

    @Test func attachmentNamesAreMadeSafeWithoutCollisions() {
        let paths = Linker.sitePaths(for: ["a/Verslag 1.PDF", "a/verslag-1.pdf", "a/verslag_1.pdf", "B/Één & twee.txt", ".htaccess"])
        #expect(paths["a/Verslag 1.PDF"] == "bijlagen/a/verslag-1.pdf")
        #expect(paths["a/verslag-1.pdf"] == "bijlagen/a/verslag-1-2.pdf")
        #expect(paths["a/verslag_1.pdf"] == "bijlagen/a/verslag_1.pdf")
        #expect(paths["B/Één & twee.txt"] == "bijlagen/b/een-twee.txt")
        #expect(Set(paths.values).count == paths.count)
    }
}
