import Foundation
import Testing
@testable import NormfolioKit

/// The search index and the search script, run under node as the browser would run it.
@Suite struct SearchTests {
    func index(_ audience: Audience) throws -> String {
        let site = try #require(Normfolio.render(BuildOptions(portfolio: portfolioFixture.path, audience: audience), today: fixedToday).site)
        return page(site, Routes.searchIndex)
    }

    /// Runs `normfolioSearch(index, query)` from Public/assets/search.js and returns the titles found.
    func search(_ query: String, in index: String) throws -> [String] {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(index.utf8).write(to: work.appendingPathComponent("index.js"))
        let script = """
            const fs = require("fs"), vm = require("vm");
            const { normfolioSearch } = require(\(String(reflecting: themeFolder.appendingPathComponent("assets/search.js").path)));
            const context = {};
            vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8") + "; this.index = NORMFOLIO_INDEX;", context);
            for (const entry of normfolioSearch(context.index, process.argv[2])) console.log(entry.t);
            """
        let (status, data) = try runTool(["node", "-e", script, work.appendingPathComponent("index.js").path, query])
        #expect(status == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func onlyPublishedContentIsIndexed() throws {
        let model = try #require(Normfolio.check(BuildOptions(portfolio: portfolioFixture.path), today: fixedToday).portfolio)
        let intranet = try index(.intranet), auditor = try index(.auditor)
        #expect(intranet.hasPrefix("var NORMFOLIO_INDEX = ["))
        for document in model.documents {
            let title = "\"t\": \"\(document.title)\""
            #expect(intranet.contains(title) == (document.classification <= .intern), "\(document.title)")
            #expect(auditor.contains(title), "\(document.title)")
        }
        #expect(!intranet.contains("<"))
    }

    @Test func findsByBodyWordsIgnoringCaseAndAccentsTitlesFirst() throws {
        let index = try index(.intranet)
        // "klikte" occurs only in the body of the awareness programme.
        #expect(try search("KLIKTE", in: index) == ["Bewustwordingsprogramma 2026"])
        // Accents and case do not matter, and title matches come first: two titles contain
        // "continuïteitsplan", BC.02 only mentions it in its description.
        #expect(try search("continuiteitsplan", in: index)
                == ["BC.01 Continuïteitsplanning", "Continuïteitsplan ICT", "BC.02 Testen van uitwijk en herstel"])
        #expect(try search("patchmanagement", in: index) == ["Patchmanagement werkplekken en servers", "SM.06 Patchmanagement"])
        // Every word must match; norm IDs and owners are found too.
        #expect(try search("SM.02 ICT-coördinator", in: index).contains("Invoering meerfactorauthenticatie"))
        #expect(try search("zzzz", in: index).isEmpty)
    }
}
