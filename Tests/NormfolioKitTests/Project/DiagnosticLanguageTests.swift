import Foundation
import Testing

@testable import NormfolioKit

/// Every diagnostic has its message in English and in Dutch (issue 21, item 4): the terminal of a
/// Dutch portfolio shows the Dutch one, everything else (the site, the exports, JSON and SARIF)
/// the English one.
@Suite struct DiagnosticLanguageTests {
    /// The text of each `Diagnostic(…)` made in the sources, from the call to its `at:`.
    static func constructions() -> [(place: String, code: String, text: String)] {
        let pattern = try! NSRegularExpression(pattern: #"Diagnostic\(\s*(?:\.error|\.warning|severity)\s*,\s*("[a-z0-9-]+"|code)\s*,"#)
        var found: [(String, String, String)] = []
        for (path, text) in DiagnosticCodeTests.swiftSources(under: "Sources") where !path.hasSuffix("Diagnostics/Diagnostic.swift") {
            let ns = text as NSString
            for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let rest = ns.substring(from: match.range.location)
                let end = rest.range(of: "at: ")?.lowerBound ?? rest.endIndex
                let line = ns.substring(to: match.range.location).count { $0 == "\n" } + 1
                found.append(("\(path):\(line)", ns.substring(with: match.range(at: 1)), String(rest[..<end])))
            }
        }
        return found
    }

    @Test func everyDiagnosticIsMadeWithAnEnglishAndADutchMessage() {
        let made = Self.constructions()
        #expect(made.count > 90, "the pattern finds too few diagnostics: \(made.count)")
        for (place, code, text) in made {
            #expect(text.contains("en: "), "\(place): [\(code)] has no English message (en:)")
            #expect(text.contains("nl: "), "\(place): [\(code)] has no Dutch message (nl:)")
            #expect(!text.contains(#"nl: """#), "\(place): [\(code)] has an empty Dutch message")
        }
        // Every documented code is among them (or passed as `code:` to a factory that has both).
        let codes = Set(made.map(\.code))
        let passed = (try? DiagnosticCodeTests.emittedCodes()) ?? []
        for code in (try? DiagnosticCodeTests.documentedCodes()) ?? [] {
            #expect(codes.contains(code) || passed.contains(code), "[\(code)] is made nowhere with both texts")
        }
    }

    @Test func everyFactoryGivesBothTexts() throws {
        let sources = DiagnosticCodeTests.swiftSources(under: "Sources/NormfolioKit/Diagnostics").filter { $0.key.contains("/Messages") }
        #expect(sources.count >= 7)
        var factories = 0
        for (path, text) in sources {
            // Each factory runs from its `static func` to the next.
            for body in text.components(separatedBy: "static func ").dropFirst() {
                let signature = body.prefix { $0 != "{" }
                guard signature.contains("-> Diagnostic") else { continue }
                factories += 1
                let name = body.prefix { $0 != "(" }
                #expect(body.contains("nl: ") || body.contains("nl:"), "\(path): \(name) has no Dutch text")
            }
        }
        #expect(factories > 90, "\(factories) factories")
    }

    @Test func theDutchTextOfADiagnosticIsWhatTheTerminalShows() {
        let location = SourceLocation(path: "Content/a.md", line: 3, column: 9)
        let unknown = Diagnostic.unknownNorm("SM.20", suggestion: "SM.02", at: location)
        #expect(unknown.formatted == "Content/a.md:3:9: error: unknown norm ID 'SM.20' (did you mean 'SM.02'?) [unknown-norm]")
        #expect(unknown.formatted(in: .en) == unknown.formatted)
        #expect(unknown.formatted(in: .nl) == "Content/a.md:3:9: error: onbekende norm-ID 'SM.20' (bedoelde je 'SM.02'?) [unknown-norm]")
        let link = Diagnostic.brokenLink("a/", hint: .init(en: "did you mean 'a.md'?", nl: "bedoelde je 'a.md'?"), at: location)
        #expect(link.message(in: .nl) == "link naar 'a/', dat niet bestaat (bedoelde je 'a.md'?)")
        // Control characters are escaped in Dutch as in English.
        #expect(Diagnostic.duplicateKey("a\u{1B}b", at: location).formatted(in: .nl).contains("a\\u{1B}b"))
    }

    @Test func theTerminalsLanguageComesFromTheOverrideThePortfolioAndTheLocale() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normfolio-language-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = folder.appendingPathComponent("normfolio.yml")
        let dutchLocale = ["LANG": "nl_NL.UTF-8"], englishLocale = ["LANG": "en_GB.UTF-8"]

        // No normfolio.yml: the locale (LC_ALL before LC_MESSAGES before LANG).
        #expect(Language.terminal(portfolio: folder.path, environment: dutchLocale) == .nl)
        #expect(Language.terminal(portfolio: folder.path, environment: englishLocale) == .en)
        #expect(Language.terminal(portfolio: nil, environment: ["LC_ALL": "C", "LANG": "nl_NL.UTF-8"]) == .en)
        #expect(Language.terminal(portfolio: nil, environment: ["LC_MESSAGES": "nl_BE", "LANG": "C"]) == .nl)
        #expect(Language.terminal(portfolio: nil, environment: [:]) == .en)

        // A portfolio without `language:` is Dutch, as its site.
        try Data("organisation: X\n".utf8).write(to: settings)
        #expect(Language.terminal(portfolio: folder.path, environment: englishLocale) == .nl)
        try Data("organisation: X\nlanguage: en\n".utf8).write(to: settings)
        #expect(Language.terminal(portfolio: folder.path, environment: dutchLocale) == .en)
        // --language, then NORMFOLIO_LANGUAGE above everything; an empty one is no choice.
        #expect(Language.terminal(portfolio: folder.path, override: .nl, environment: englishLocale) == .nl)
        #expect(Language.terminal(portfolio: folder.path, override: .nl, environment: ["NORMFOLIO_LANGUAGE": "en"]) == .en)
        #expect(Language.terminal(portfolio: folder.path, environment: ["NORMFOLIO_LANGUAGE": ""]) == .en)
        // normfolio.yml that cannot be read, or names another language: the locale.
        try Data("language: [\n".utf8).write(to: settings)
        #expect(Language.terminal(portfolio: folder.path, environment: dutchLocale) == .nl)
        #expect(Language.terminal(portfolio: folder.path, environment: englishLocale) == .en)
        try Data("language: fr\n".utf8).write(to: settings)
        #expect(Language.terminal(portfolio: folder.path, environment: dutchLocale) == .nl)
    }
}
