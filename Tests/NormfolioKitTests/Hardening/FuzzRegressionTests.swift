import Foundation
import Testing

@testable import NormfolioKit

/// Every input that fuzzing found a crash with (`Tests/Fuzz/Regressions/<target>/`) and every seed
/// runs through its fuzz target again on each test run: a crash fixed once stays fixed.
@Suite struct FuzzRegressionTests {
    static let fuzzFolder = packageRoot.appendingPathComponent("Tests/Fuzz")

    static func inputs(_ folder: String) -> [(target: Fuzzing.Target, file: URL)] {
        Fuzzing.Target.allCases.flatMap { target in
            let base = fuzzFolder.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
            return FileIO.live.listFiles(base.path).map { (target, base.appendingPathComponent($0)) }
        }
    }

    /// Every file under `Tests/Fuzz/<folder>/` is replayed: by a test here when its subfolder names a
    /// target of `Fuzzing`, by PreviewServerTests when it is `http/`. A file in a folder no test
    /// reads (a misspelt target) would never run again.
    func expectEveryFileReplayed(
        _ folder: String, by cases: [(target: Fuzzing.Target, file: URL)],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let base = Self.fuzzFolder.appendingPathComponent(folder)
        let stored = FileIO.live.listFiles(base.path).filter { !$0.hasPrefix("http/") }
        let replayed = cases.map { "\($0.target.rawValue)/\($0.file.lastPathComponent)" }
        #expect(!stored.isEmpty, "no inputs under Tests/Fuzz/\(folder)", sourceLocation: sourceLocation)
        #expect(replayed.sorted() == stored.sorted(), "Tests/Fuzz/\(folder) holds inputs no test replays", sourceLocation: sourceLocation)
    }

    @Test func everyCrashFuzzingFoundStaysFixed() throws {
        let cases = Self.inputs("Regressions")
        expectEveryFileReplayed("Regressions", by: cases)
        for (target, file) in cases {
            Fuzzing.run(target, try Data(contentsOf: file))
        }
    }

    @Test func everySeedRuns() throws {
        let seeds = Self.inputs("Seeds")
        #expect(Set(seeds.map(\.target)) == Set(Fuzzing.Target.allCases))
        expectEveryFileReplayed("Seeds", by: seeds)
        for (target, file) in seeds {
            Fuzzing.run(target, try Data(contentsOf: file))
        }
    }

    /// The three shapes of Markdown that crashed every command, with the places cmark's inline
    /// positions get wrong: the norm ID after a hard break, after a link reference definition, and
    /// after carriage returns, found where it really is.
    @Test func normIDsAfterBreaksAndDefinitionsAreFoundWhereTheyStand() {
        let cases = [
            "Zie\\\n1️⃣SM.02 voor meer.\n",
            "[ref]: https://example.org\nNa de definitie 1️⃣SM.02.\n",
            "Zie  \n   1️⃣SM.02 b\n",
            "> a\n> b\n> c 1️⃣SM.02\n",
        ]
        for text in cases {
            let marked = MarkedText(text)
            let analysis = Markdown.analyze(MarkdownSource(text: marked.text, firstLine: 3), path: "x.md")
            let expected = marked.location("1️⃣", in: "x.md")
            #expect(
                analysis.mentions.map(\.location) == [SourceLocation(path: "x.md", line: expected.line + 2, column: expected.column)],
                "\(text.debugDescription)")
        }
    }

    @Test func carriageReturnsEndLinesAsTheyDoForCmark() {
        // CR alone, CRLF and LF all end a line, in the analysis as in the read stage.
        let analysis = Markdown.analyze(MarkdownSource(text: "a\rb\r\nc SM.02\n[x](y.md)\r", firstLine: 1), path: "x.md")
        #expect(analysis.mentions.map(\.location) == [SourceLocation(path: "x.md", line: 3, column: 3)])
        #expect(analysis.links.map(\.location) == [SourceLocation(path: "x.md", line: 4, column: 1)])
    }
}
