import Foundation
import TestSupport
import Testing

@testable import NormfolioKit

/// The search index and the search script, run under node as the browser would run it.
@Suite struct SearchTests {
    /// The index file of an edition, and the key its search page holds, the only place that holds it.
    func indexAndKey(_ audience: Audience) throws -> (index: String, key: String) {
        let site = try #require(Normfolio.render(BuildOptions(portfolio: portfolioFixture.path, audience: audience), today: fixedToday).site)
        let key = try #require(page(site, Routes.search).components(separatedBy: "data-sleutel=\"").dropFirst().first?.prefix(32))
        return (page(site, Routes.searchIndex), String(key))
    }

    func index(_ audience: Audience) throws -> String { try indexAndKey(audience).index }

    /// Runs `normfolioSearch(index, query)` from Public/assets/search.js and returns the titles found.
    func search(_ query: String, in index: String, key: String) throws -> [String] {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(index.utf8).write(to: work.appendingPathComponent("index.js"))
        let script = """
            const fs = require("fs"), vm = require("vm");
            const { normfolioSearch } = require(\(String(reflecting: themeFolder.appendingPathComponent("assets/search.js").path)));
            // As on the search page: search.js's receiver gives the page's key, then takes the entries.
            const context = { index: null };
            context.normfolioReceiveIndex = function (entries) {
              if (arguments.length === 0) { return process.argv[3]; }
              context.index = entries;
            };
            vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8"), context);
            for (const entry of normfolioSearch(context.index, process.argv[2])) console.log(entry.t);
            """
        let (status, data) = try runTool(["node", "-e", script, work.appendingPathComponent("index.js").path, query, key])
        #expect(status == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(.needs("node (sudo apt-get install nodejs)", probe: ["node", "--version"]))
    func onlyPublishedContentIsIndexed() throws {
        let model = try #require(Normfolio.check(BuildOptions(portfolio: portfolioFixture.path), today: fixedToday).portfolio)
        let intranet = try index(.intranet), auditor = try index(.auditor)
        #expect(intranet.contains("\"use strict\";\n(function () {\n  var receive = typeof normfolioReceiveIndex === \"function\""))
        #expect(!intranet.contains("var NORMFOLIO_INDEX"))
        for document in model.documents {
            let title = "\"t\": \"\(document.title)\""
            #expect(intranet.contains(title) == (document.classification <= .intern), "\(document.title)")
            #expect(auditor.contains(title), "\(document.title)")
        }
        #expect(!intranet.contains("<"))
    }

    @Test(.needs("node (sudo apt-get install nodejs)", probe: ["node", "--version"]))
    func findsByBodyWordsIgnoringCaseAndAccentsTitlesFirst() throws {
        let (index, key) = try indexAndKey(.intranet)
        func search(_ query: String, in index: String) throws -> [String] { try self.search(query, in: index, key: key) }
        // "klikte" occurs only in the body of the awareness programme.
        #expect(try search("KLIKTE", in: index) == ["Bewustwordingsprogramma 2026"])
        // Accents and case do not matter, and title matches come first: two titles contain
        // "continuïteitsplan", BC.02 only mentions it in its description.
        #expect(
            try search("continuiteitsplan", in: index)
                == ["BC.01 Continuïteitsplanning", "Continuïteitsplan ICT", "BC.02 Testen van uitwijk en herstel"])
        #expect(try search("patchmanagement", in: index) == ["Patchmanagement werkplekken en servers", "SM.06 Patchmanagement"])
        // Every word must match; norm IDs and owners are found too.
        #expect(try search("SM.02 ICT-coördinator", in: index).contains("Invoering meerfactorauthenticatie"))
        #expect(try search("zzzz", in: index).isEmpty)
    }

    /// Any page can include the index as a script: it defines nothing, and hands its entries only to
    /// a receiver that gives the key of its own search page (see the Chromium test for the browser).
    @Test(.needs("node (sudo apt-get install nodejs)", probe: ["node", "--version"]))
    func theIndexHandsItsEntriesOnlyToAPageThatHoldsItsKey() throws {
        let (index, key) = try indexAndKey(.auditor)
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(index.utf8).write(to: work.appendingPathComponent("index.js"))
        let script = """
            const fs = require("fs"), vm = require("vm");
            const code = fs.readFileSync(process.argv[1], "utf8");
            const results = [];
            for (const guess of [null, "", "0".repeat(32), process.argv[2].toUpperCase(), { toString() { return process.argv[2]; } }, process.argv[2]]) {
              const context = { got: null, calls: 0 };
              if (guess !== null) {
                context.normfolioReceiveIndex = function (entries) {
                  context.calls++;
                  if (arguments.length === 0) { return guess; }
                  context.got = entries;
                };
              }
              const before = Object.keys(context).length;
              vm.runInNewContext(code, context);
              results.push((context.got ? context.got.length : 0) + "/" + (Object.keys(context).length - before));
            }
            console.log(results.join(" "));
            """
        let (status, output) = try runTool(["node", "-e", script, work.appendingPathComponent("index.js").path, key])
        #expect(status == 0)
        let counts = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        // No receiver, wrong keys, a key in other case and an object that prints as the key: nothing,
        // and no global left behind. The page's own key: every entry.
        #expect(counts.dropLast() == ["0/0", "0/0", "0/0", "0/0", "0/0"])
        #expect(counts.last.map { Int($0.split(separator: "/")[0]) ?? 0 } ?? 0 > 100)
    }
}
