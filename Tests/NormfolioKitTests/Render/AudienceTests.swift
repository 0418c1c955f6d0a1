import Foundation
import Testing
import ZIPFoundation

@testable import NormfolioKit

/// What each audience may see, checked in the bytes of every file written (site and zip).
@Suite struct AudienceTests {
    static let levels: [(name: String?, marker: String)] = [
        ("openbaar", "MARKER-OPENBAAR-91A"), ("intern", "MARKER-INTERN-92B"), ("vertrouwelijk", "MARKER-VERTROUWELIJK-93C"),
        ("strikt-vertrouwelijk", "MARKER-STRIKT-94D"), (nil, "MARKER-ZONDER-KLASSE-95E"),
    ]

    /// The files among `files` (path → bytes) that hold `marker`, as written or folded to lower
    /// case (the search index holds folded text).
    func files(_ files: [String: Data], containing marker: String) -> [String] {
        files.filter { $0.value.range(of: Data(marker.utf8)) != nil || $0.value.range(of: Data(marker.lowercased().utf8)) != nil }
            .keys.sorted()
    }

    /// Every file of a zip, path (without the zip's folder) → bytes.
    func unzipped(_ zip: URL) throws -> [String: Data] {
        let archive = try Archive(url: zip, accessMode: .read, pathEncoding: nil)
        var files: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[String(entry.path.split(separator: "/", maxSplits: 1).last ?? "")] = data
        }
        return files
    }

    /// For every classification and every audience, in the bytes of the site and of the zip:
    /// documents with their attachments, free pages with the attachments they link to,
    /// assessments with their text and actions, attachment names, and the search index.
    @Test func eachAudienceSeesExactlyItsClassifications() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let portfolio = work.appendingPathComponent("p")
        func write(_ text: String, to path: String) throws {
            let url = portfolio.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        // The intranet shows assessments and registers only when asked to: here it is, so that
        // their classifications are what decides.
        try write("intranet: [beoordelingen, registers]\n", to: "normfolio.yml")
        let names = ["Verslag.txt", "verslag.txt", "VERSLAG.txt", "verslag .txt", "Verslag .txt"]
        for (index, level) in Self.levels.enumerated() {
            let classification = level.name.map { "classification: \($0)\n" } ?? ""
            let marker = level.marker
            try write(
                "---\ntitle: Titel \(marker)\nnorms: [SM.0\(index + 1)]\n\(classification)owner: Eigenaar \(marker)\n"
                    + "attachments: [bijlage-\(marker).txt, ../namen/\(names[index])]\n---\nTekst \(marker).\n",
                to: "Content/doc\(index)/document.md")
            try write("Bijlage \(marker)\n", to: "Content/doc\(index)/bijlage-\(marker).txt")
            try write("Naam \(marker)\n", to: "Content/namen/\(names[index])")
            try write(
                "---\ntitle: Pagina P\(index)\n\(classification)---\nPagina PAGINA-\(marker), zie [bijlage](../pagina-\(marker).txt).\n",
                to: "Content/pages/p\(index).md")
            try write("Paginabijlage PAGINABIJLAGE-\(marker)\n", to: "Content/pagina-\(marker).txt")
            try write(
                "---\nlevel: 1\nowner: Eigenaar BEOORDELING-\(marker)\n\(classification)actions:\n  - title: Actie ACTIE-\(marker)\n"
                    + "    due: 2027-01-01\n---\nToelichting TOELICHTING-\(marker).\n", to: "Content/norms/GO.0\(index + 1).md")
        }
        // Register entries at every level, in a register for everyone, and referred to from an
        // entry everyone sees; and a breach log, which is vertrouwelijk unless it says otherwise.
        var suppliers = "classification: openbaar\nentries:\n"
        for (index, level) in Self.levels.enumerated() {
            suppliers +=
                "  - {id: v\(index), naam: Leverancier LEVERANCIER-\(level.marker), overeenkomst: mvo-4.0"
                + (level.name.map { ", classification: \($0)" } ?? "") + "}\n"
        }
        try write(suppliers, to: "Content/registers/verwerkers.yml")
        try write(
            "classification: openbaar\nentries:\n  - {id: a, naam: Activiteit, doelen: [x], betrokkenen: [y], gegevens: [z], "
                + "grondslag: c, bewaartermijn: 1 jaar, verwerkers: [v0, v1, v2, v3, v4]}\n", to: "Content/registers/verwerkingen.yml")
        try write(
            "entries:\n  - {id: lek, titel: Lek DATALEK-91f, ontdekt_op: 2026-01-01, niet_gemeld_reden: Geen risico}\n",
            to: "Content/registers/datalekken.yml")
        let visible: [Audience: Set<String?>] = [
            .intranet: ["openbaar", "intern"], .accountant: ["openbaar", "intern", "vertrouwelijk", nil],
            .auditor: ["openbaar", "intern", "vertrouwelijk", "strikt-vertrouwelijk", nil],
        ]
        // Free pages and assessments without a classification are for everyone.
        let visibleWithoutDefault: [Audience: Set<String?>] = [
            .intranet: ["openbaar", "intern", nil], .accountant: ["openbaar", "intern", "vertrouwelijk", nil],
            .auditor: ["openbaar", "intern", "vertrouwelijk", "strikt-vertrouwelijk", nil],
        ]
        for audience in Audience.allCases {
            let output = work.appendingPathComponent("out-\(audience.rawValue)")
            let zip = work.appendingPathComponent("zip-\(audience.rawValue)/site.zip")
            let result = try Normfolio.build(
                BuildOptions(portfolio: portfolio.path, output: output.path, audience: audience, zip: zip.path),
                today: fixedToday)
            #expect(result.site != nil, "\(result.diagnostics.map(\.formatted))")
            var site = contents(of: output)
            site[".normfolio-site"] = nil
            let zipped = try unzipped(zip)
            #expect(Set(zipped.keys) == Set(site.keys))
            for (bytes, place) in [(site, "site"), (zipped, "zip")] {
                for level in Self.levels {
                    let documentVisible = visible[audience]!.contains(level.name)
                    let pageVisible = visibleWithoutDefault[audience]!.contains(level.name)
                    for marker in ["Titel", "Eigenaar", "Tekst", "Bijlage", "Naam"].map({ "\($0) \(level.marker)" }) {
                        #expect(files(bytes, containing: marker).isEmpty != documentVisible, "\(audience) \(place): \(marker)")
                    }
                    for marker in ["PAGINA-", "PAGINABIJLAGE-", "BEOORDELING-", "ACTIE-", "TOELICHTING-", "LEVERANCIER-"].map({ $0 + level.marker }) {
                        #expect(files(bytes, containing: marker).isEmpty != pageVisible, "\(audience) \(place): \(marker)")
                    }
                }
                #expect(files(bytes, containing: "DATALEK-91f").isEmpty == (audience == .intranet), "\(audience) \(place)")
                // Names are made for the edition alone: no gap in the numbering tells of a withheld file.
                let published = bytes.keys.filter { $0.hasPrefix("bijlagen/namen/") }.sorted()
                let count = Self.levels.count { visible[audience]!.contains($0.name) }
                #expect(
                    published == (1...count).map { $0 == 1 ? "bijlagen/namen/verslag.txt" : "bijlagen/namen/verslag-\($0).txt" }.sorted(),
                    "\(audience) \(place)")
            }
            // The search index is one of the files checked above, and holds what the edition shows.
            #expect(site["assets/zoekindex.js"].map { String(decoding: $0, as: UTF8.self).contains("marker-openbaar-91a") } == true)
        }
    }

    @Test func theIntranetEditionOfAWholePortfolioHoldsNothingAboveIntern() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let model = try #require(Normfolio.check(BuildOptions(portfolio: portfolioFixture.path), today: fixedToday).portfolio)
        let confidential = model.documents.filter { $0.classification > .intern }
        #expect(confidential.count == 11)
        for audience in [Audience.intranet, .auditor] {
            let output = work.appendingPathComponent(audience.rawValue)
            _ = try Normfolio.build(BuildOptions(portfolio: portfolioFixture.path, output: output.path, audience: audience))
            let everything = contents(of: output).values.reduce(into: Data()) { $0.append($1) }
            for document in confidential {
                let present =
                    everything.range(of: Data(document.title.htmlEscaped.utf8)) != nil
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
