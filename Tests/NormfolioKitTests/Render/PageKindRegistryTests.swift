import Foundation
import Testing

@testable import NormfolioKit

/// The page kinds are listed by the build (EmbedTool reads Render/Pages/ and writes
/// `PageKinds.all`). This test looks at the folder another way, by every word `PageKind` in a
/// declaration whatever its form, and fails when the two disagree: a kind declared `public`, as a
/// `final class`, with its conformances in another order or in an extension is never left out in
/// silence. It also holds each kind to the rest of what a kind needs: its own template, and a
/// place no other kind's pages take.
@Suite struct PageKindRegistryTests {
    static let pagesFolder = packageRoot.appendingPathComponent("Sources/NormfolioKit/Render/Pages")

    /// Every type declared (up to its `{`, over any number of lines) with `PageKind` after a colon.
    static func kinds(in text: String) -> [String] {
        text.components(separatedBy: "{").compactMap { declaration in
            let words = declaration.split { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != ":" }.map(String.init)
            guard let colon = declaration.lastIndex(of: ":"), declaration[colon...].contains("PageKind"),
                let keyword = words.lastIndex(where: { ["struct", "class", "enum", "extension"].contains($0) }),
                keyword + 1 < words.count
            else { return nil }
            return String(words[keyword + 1].prefix { $0 != ":" })
        }
    }

    static func declaredKinds() throws -> Set<String> {
        var kinds = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: pagesFolder.path) where file.hasSuffix(".swift") {
            kinds.formUnion(Self.kinds(in: try String(contentsOf: pagesFolder.appendingPathComponent(file), encoding: .utf8)))
        }
        return kinds
    }

    @Test func everyKindDeclaredInThePagesFolderIsRegistered() throws {
        let registered = Set(PageKinds.all.map { String(describing: type(of: $0)) })
        let declared = try Self.declaredKinds()
        #expect(declared.count >= 18)
        #expect(
            registered == declared,
            "registered but not declared: \(registered.subtracting(declared)); declared but not registered: \(declared.subtracting(registered))")
    }

    @Test func everyKindHasItsTemplate() throws {
        let templates = packageRoot.appendingPathComponent("Templates")
        for kind in PageKinds.all {
            #expect(
                FileManager.default.fileExists(atPath: templates.appendingPathComponent(kind.template + ".mustache").path),
                "\(type(of: kind)) renders with Templates/\(kind.template).mustache, which does not exist")
        }
    }

    /// No two kinds make a page at the same path, in any edition of a portfolio with registers.
    @Test func noTwoKindsClaimOnePath() throws {
        let portfolio = try #require(ExportModelTests.withRegister.check().portfolio)
        for audience in Audience.allCases {
            let edition = Edition(
                portfolio: portfolio, audience: audience, version: "test",
                strings: Theme.load(root: "/p", io: ExportModelTests.withRegister.io).0.strings)
            var owner: [String: String] = [:]
            for kind in PageKinds.all {
                for page in kind.pages(in: edition) {
                    let name = String(describing: type(of: kind))
                    #expect(owner[page.path] == nil, "\(page.path) is made by \(owner[page.path] ?? "") and \(name)")
                    owner[page.path] = name
                }
            }
        }
    }

    /// The test's own scan sees each form of declaration, so it is not a test that cannot fail.
    @Test func theScanSeesEveryFormOfDeclaration() {
        #expect(Self.kinds(in: "public struct A: Sendable, PageKind {}") == ["A"])
        #expect(Self.kinds(in: "final class B:\n    PageKind {}") == ["B"])
        #expect(Self.kinds(in: "extension C: PageKind {}") == ["C"])
        #expect(Self.kinds(in: "struct D: TemplateView {}").isEmpty)
    }
}

/// Which file is at a path is decided by one table (`LazySite.sources`), for the build and the
/// live preview alike.
@Suite struct SiteSourceTests {
    @Test func aPageWinsThenAMadeFileThenACopiedOneAndTheIntegrityFilesAreNormfolios() throws {
        let p = ExportModelTests.withRegister
        let portfolio = try #require(p.check().portfolio)
        var theme = Theme.load(root: "/p", io: p.io).0
        for path in [Routes.coverage, Routes.json, Routes.searchIndex, Routes.manifest, "assets/eigen.css"] {
            theme.staticFiles[path] = .data(Data("theme".utf8))
        }
        let edition = Edition(portfolio: portfolio, audience: .auditor, version: "test", strings: theme.strings)
        let site = LazySite(edition: edition, theme: theme, io: p.io)
        #expect(!String(decoding: try #require(site.file(at: Routes.coverage)), as: UTF8.self).hasPrefix("theme"))
        for path in [Routes.json, Routes.searchIndex, Routes.manifest] {
            #expect(site.file(at: path) != Data("theme".utf8), "\(path)")
        }
        #expect(site.file(at: "assets/eigen.css") == Data("theme".utf8))
        // The whole site, as a build writes it, holds the same file at every path.
        let whole = site.sealed()
        #expect(whole.files.map(\.path) == site.paths)
        for file in whole.files where [Routes.coverage, Routes.json, Routes.searchIndex, "assets/eigen.css"].contains(file.path) {
            #expect(file.bytes(io: p.io) == site.file(at: file.path), "\(file.path)")
        }
    }
}
