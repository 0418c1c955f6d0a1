import Foundation

/// Entry points for coverage-guided fuzzing (`make fuzz`) and for replaying what fuzzing found
/// (the regression tests). Each takes arbitrary bytes and must return without crashing, whatever
/// the bytes are.
public enum Fuzzing {
    /// What a fuzz target exercises.
    public enum Target: String, CaseIterable, Sendable {
        /// The Markdown stage alone: analysis, HTML and the privacy guard on a body.
        case markdown
        /// One evidence document read and linked: front matter, YAML fields, body.
        case frontMatter = "front-matter"
        /// A whole portfolio read, linked, rendered and sealed. The input holds several files,
        /// separated by the byte 0xFF (never part of UTF-8 text): settings, an evidence document,
        /// an assessment, a free page, a second document, a text attachment and a template.
        case portfolio
    }

    /// The files of the `portfolio` target, in the order the input's parts fill them.
    static let portfolioFiles = [
        "normfolio.yml", "Content/a.md", "Content/norms/GO.02.md", "Content/pages/p.md", "Content/b/c.md",
        "Content/b/bijlage.txt", "Templates/page.mustache",
    ]

    /// Runs one input through a target.
    public static func run(_ target: Target, _ data: Data) {
        switch target {
        case .markdown:
            let text = String(decoding: data, as: UTF8.self)
            let source = MarkdownSource(text: text, firstLine: 1 + data.count % 3)
            _ = Markdown.analyze(source, path: "Content/a.md")
            _ = Markdown.html(
                source, normURL: { $0.hasPrefix("S") ? "../normen/\($0).html" : nil },
                resolve: { destination, _ in
                    switch destination.utf8.count % 3 {
                    case 0: .keep
                    case 1: .rewrite("../x/" + destination)
                    default: .unlink
                    }
                })
            _ = PrivacyGuard.scan(text)
        case .frontMatter:
            let io = FileIO.memory(["/p/Content/a.md": data, "/p/Content/b.md": Data("---\ntitle: B\nnorms: [GO.02]\n---\n".utf8)])
            _ = Normfolio.check(BuildOptions(portfolio: "/p"), io: io, today: fuzzDay)
        case .portfolio:
            var files: [String: Data] = [:]
            for (name, part) in zip(portfolioFiles, data.split(separator: 0xFF, omittingEmptySubsequences: false)) {
                files["/p/" + name] = Data(part)
            }
            let audience = Audience.allCases[data.count % Audience.allCases.count]
            _ = Normfolio.render(BuildOptions(portfolio: "/p", audience: audience), io: .memory(files), today: fuzzDay)
        }
    }

    private static let fuzzDay = Day("2026-12-01") ?? Day(Date(timeIntervalSince1970: 0))
}
