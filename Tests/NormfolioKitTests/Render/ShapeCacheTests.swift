import Foundation
import Testing

@testable import NormfolioKit

/// Shape-cached rendering must give exactly what plain Mustache rendering gives.
@Suite struct ShapeCacheTests {
    static let nasty = [
        "<script>alert(1)</script>", "Tom & Jerry", "\"quoted\" 'single'", "{{title}}", "{{{body}}}",
        "\u{E000}0&\u{E001}", "\u{E000}1&amp;\u{E001}", "ë ü 🙂", "", " ", "a\nb",
    ]

    func theme(_ templates: [String: String]) throws -> Theme {
        let files = Dictionary(uniqueKeysWithValues: templates.map { ("Templates/\($0.key).mustache", $0.value) })
        let (theme, diagnostics) = Theme.load(root: "/p", io: .memory(root: "/p", files))
        #expect(diagnostics.isEmpty)
        return theme.specialized(constants: ["t.label": "Label & co", "site.title": "\u{E000}0&\u{E001}"])
    }

    func randomView(_ rng: inout some RandomNumberGenerator) -> TemplateValue {
        func text() -> TemplateValue { Bool.random(using: &rng) ? .text(Self.nasty.randomElement(using: &rng)!) : .absent }
        return .object([
            "title": .text(Self.nasty.randomElement(using: &rng)!),
            "body": .text("<p>\(Self.nasty.randomElement(using: &rng)!)</p>"),
            "owner": text(),
            "stale": .flag(Bool.random(using: &rng)),
            "count": .number(Int.random(in: 0...3, using: &rng)),
            "norms": .list((0..<Int.random(in: 0...2, using: &rng)).map { i in .object(["id": .text("SM.0\(i)"), "title": text()]) }),
        ])
    }

    var constants: [String: Any] { ["t": ["label": "Label"]] }

    @Test func splicedPagesEqualPlainRendering() throws {
        let theme = try theme([
            "document": """
            <h1>{{title}}</h1>{{site.title}} {{t.label}}
            {{#owner}}<p title="{{.}}">{{owner}}</p>{{/owner}}{{^owner}}-{{/owner}}
            {{#stale}}<b>{{title}}</b>{{/stale}} {{count}}
            <ul>{{#norms}}<li data-id="{{id}}">{{title}} {{#title}}({{.}}){{/title}}</li>{{/norms}}</ul>
            {{{body}}}
            """
        ])
        var cache = ShapeCache(theme: theme)
        var rng = SeededGenerator(seed: 42)
        var shapes = Set<String>()
        for _ in 0..<400 {
            let view = randomView(&rng)
            #expect(
                cache.render("document", view, constants: constants, theme: theme)
                    == ShapeCache.plain("document", view, constants: constants, theme: theme))
            guard case .list(let norms)? = view["norms"] else { continue }
            shapes.insert("\(view["stale"]!)\(view["owner"] == .absent)\(norms.count)")
        }
        #expect(shapes.count > 4)
    }

    /// Every rendering trick (constants written into templates, layout frames, rendering by
    /// shape, shared rows) sits behind `RenderEngine`'s one switch. With it off, every page is
    /// plain Mustache over its view; with it on, every file must be byte for byte the same. Checked
    /// on the test fixtures and on the sample portfolio, in every audience and both languages.
    @Test(arguments: [
        "Tests/NormfolioKitTests/Fixtures/portfolio", "Tests/NormfolioKitTests/Fixtures/site",
        "Tests/NormfolioKitTests/Fixtures/evidence", ".",
    ])
    func fastRenderingWritesTheSameBytesAsPlainRendering(_ folder: String) throws {
        let root = packageRoot.appendingPathComponent(folder).standardizedFileURL.path
        for language in Language.allCases {
            // The portfolio as it is, with its settings' language replaced.
            let settingsPath = root + "/normfolio.yml"
            let settings = try String(contentsOfFile: settingsPath, encoding: .utf8)
            let replaced = Data((settings.replacingOccurrences(of: "language: nl", with: "") + "\nlanguage: \(language.rawValue)\n").utf8)
            var io = FileIO.live
            let read = io.read
            io.read = { path in path == settingsPath ? replaced : read(path) }
            for audience in Audience.allCases {
                var options = BuildOptions(portfolio: root, audience: audience)
                options.fastRendering = true
                let fast = try #require(Normfolio.render(options, io: io, today: fixedToday).site, "\(folder) \(language) \(audience)")
                options.fastRendering = false
                let plain = try #require(Normfolio.render(options, io: io, today: fixedToday).site)
                #expect(fast.files.map(\.path) == plain.files.map(\.path))
                #expect(fast.pageCount > 5)
                let home = fast.files.first { $0.path == "index.html" }.flatMap { $0.bytes(io: io) } ?? Data()
                #expect(String(decoding: home, as: UTF8.self).contains("<html lang=\"\(language.rawValue)\">"))
                for (a, b) in zip(fast.files, plain.files) {
                    #expect(a.bytes(io: io) == b.bytes(io: io), "\(folder) \(language) \(audience): \(a.path)")
                }
            }
        }
    }

    @Test func templatesWithTransformsAreRenderedPlainly() throws {
        let theme = try theme(["document": "<h1>{{uppercased(title)}}</h1>"])
        #expect(theme.usesTransforms)
        var cache = ShapeCache(theme: theme)
        for title in ["ABC", "abc", "Def"] {
            let view = TemplateValue.object(["title": .text(title)])
            #expect(cache.render("document", view, constants: [:], theme: theme) == "<h1>\(title.uppercased())</h1>")
        }
    }
}

/// A small deterministic random number generator (SplitMix64) for repeatable tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
