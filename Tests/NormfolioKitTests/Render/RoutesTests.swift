import Foundation
import Testing

@testable import NormfolioKit

/// Every path in a site is made by `Routes`. A path written anywhere else in the sources (a folder
/// of the site, a page name, a hand-made way back to the root) fails here with its place.
@Suite struct RoutesTests {
    /// What a site path looks like in Swift source: a site folder at the start of a string, a
    /// string ending in `.html`, or a string starting with `../`.
    static let sitePath = try! NSRegularExpression(
        pattern: #""(documenten|paginas|normen|bijlagen|export|assets|scholen)/|registers/[^"]*\.html"|\.html"|"\.\./"#)

    @Test func noSitePathIsWrittenOutsideRoutes() throws {
        let sources = packageRoot.appendingPathComponent("Sources")
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" && file.lastPathComponent != "Routes.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                let range = NSRange(code.startIndex..., in: code)
                if Self.sitePath.firstMatch(in: code, range: range) != nil {
                    found.append("\(file.path.dropFirst(sources.path.count + 1)):\(number + 1): \(code)")
                }
            }
        }
        #expect(found.isEmpty, "site paths written outside Routes:\n\(found.joined(separator: "\n"))")
    }

    /// The scan would see a path if one were written: it is not a test that cannot fail.
    @Test func theScanSeesPaths() {
        for line in [#"let p = "normen/" + id"#, #"root: "../""#, #"home = "index.html""#, #""registers/\(kind).html""#] {
            #expect(Self.sitePath.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil, "\(line)")
        }
        for line in [#"write("registers/\(kind).yml")"#, #"folder = "registers/""#] {
            #expect(Self.sitePath.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) == nil, "\(line)")
        }
    }

    @Test func linksBetweenPages() {
        #expect(Routes.link(to: Routes.norm("SM.03"), from: Routes.norm("SM.02")) == "SM.03.html")
        #expect(Routes.link(to: Routes.norm("SM.02"), from: Routes.document("beleid")) == "../normen/SM.02.html")
        #expect(Routes.link(to: Routes.registerEntry(.verwerkingen, "v1"), from: Routes.home) == "registers/verwerkingen/v1.html")
        #expect(Routes.link(to: Routes.home, from: Routes.registerEntry(.verwerkingen, "v1")) == "../../index.html")
        #expect(Routes.root(of: Routes.home).isEmpty && Routes.fromFolder == "../")
    }
}
