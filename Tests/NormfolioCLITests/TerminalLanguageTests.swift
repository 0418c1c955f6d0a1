import Foundation
import NormfolioKit
import Testing

@testable import NormfolioServe

/// The terminal speaks the portfolio's language (issue 21, item 4): diagnostics and command output
/// in Dutch for a Dutch portfolio, with the `path:line:col: error: … [code]` form and the codes
/// as they are; English for an English one; outside a portfolio, the locale; `NORMFOLIO_LANGUAGE`
/// above all.
@Suite struct TerminalLanguageTests {
    let commands = CommandTests()

    /// A portfolio with four errors and two warnings (as in CommandTests), in `language` (none: the default, Dutch).
    func portfolio(language: String?) throws -> URL {
        let portfolio = try commands.temporaryFolder()
        var files = [
            "Content/evidence/mfa.md": "---\ntitle: MFA\nnorms: [SM.20]\nnorm: x\n---\nZie [beleid](beleid.md) en XY.12.\n",
            "Content/norms/GO.02.md": "---\nlevel: 6\n---\n",
            "Content/pages/over.md": "---\ntitle: [\n---\n",
        ]
        files["normfolio.yml"] = "organisation: Testbestuur\n" + (language.map { "language: \($0)\n" } ?? "")
        for (path, text) in files {
            let url = portfolio.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return portfolio
    }

    /// The environment of a run that leaves the language to the portfolio and `LANG`.
    func locale(_ lang: String, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["NORMFOLIO_LANGUAGE"] = ""
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = lang
        return environment.merging(extra) { _, new in new }
    }

    /// "path:line:col: severity:" and "[code]" of each line: what tools read, the same in every language.
    func shape(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            return "\(parts[0]) \(parts[1]) \(parts.last!)"
        }
    }

    @Test func aDutchPortfolioIsCheckedInDutchWithTheSamePlacesSeveritiesAndCodes() throws {
        let portfolio = try portfolio(language: nil)
        defer { try? FileManager.default.removeItem(at: portfolio) }
        let dutch = try commands.run(["check", portfolio.path], environment: locale("en_US.UTF-8"))
        #expect(dutch.status == 1)
        #expect(
            dutch.stderr == """
                Content/evidence/mfa.md:3:9: error: onbekende norm-ID 'SM.20' (bedoelde je 'SM.02'?) [unknown-norm]
                Content/evidence/mfa.md:4:1: warning: onbekend veld 'norm' (bedoelde je 'norms'?); het wordt genegeerd [unknown-key]
                Content/evidence/mfa.md:6:5: error: link naar 'beleid.md', dat niet bestaat [broken-link]
                Content/evidence/mfa.md:6:28: warning: 'XY.12' lijkt een norm-ID, maar staat niet in de catalogus; er komt geen link [unknown-norm-reference]
                Content/norms/GO.02.md:2:8: error: 'level' is 6, buiten 1-5 [level-out-of-range]
                Content/pages/over.md:3:1: error: onjuiste YAML: while parsing a flow node did not find expected node content [yaml-syntax]

                """)
        #expect(dutch.stdout == "4 fouten, 2 waarschuwingen (1 document gelezen).\n")

        let english = try commands.run(["check", portfolio.path])
        #expect(shape(english.stderr) == shape(dutch.stderr))
        #expect(english.stderr.contains("error: unknown norm ID 'SM.20' (did you mean 'SM.02'?) [unknown-norm]"))

        // Machine-readable output stays English.
        let json = try commands.run(["check", portfolio.path, "--format", "json"], environment: locale("nl_NL.UTF-8"))
        #expect(json.stdout.contains("unknown norm ID 'SM.20'"))
        #expect(!json.stdout.contains("onbekende"))

        let build = try commands.run(["build", portfolio.path], environment: locale("en_US.UTF-8"))
        #expect(build.status == 1)
        #expect(build.stderr.hasSuffix("Bouwen mislukt: 4 fouten, 2 waarschuwingen; er is niets geschreven.\n"))
        // --language chooses the edition, and with it the terminal's language.
        let englishBuild = try commands.run(["build", portfolio.path, "--language", "en"], environment: locale("nl_NL.UTF-8"))
        #expect(englishBuild.stderr.hasSuffix("Build failed: 4 errors, 2 warnings; nothing was written.\n"))
    }

    @Test func anEnglishPortfolioIsCheckedInEnglishWhateverTheLocale() throws {
        let portfolio = try portfolio(language: "en")
        defer { try? FileManager.default.removeItem(at: portfolio) }
        let check = try commands.run(["check", portfolio.path], environment: locale("nl_NL.UTF-8"))
        #expect(check.stderr.hasPrefix("Content/evidence/mfa.md:3:9: error: unknown norm ID 'SM.20' (did you mean 'SM.02'?) [unknown-norm]\n"))
        #expect(check.stdout == "4 errors, 2 warnings (1 document read).\n")
        // NORMFOLIO_LANGUAGE is above the portfolio.
        let dutch = try commands.run(["check", portfolio.path], environment: locale("en_US.UTF-8", ["NORMFOLIO_LANGUAGE": "nl"]))
        #expect(dutch.stdout == "4 fouten, 2 waarschuwingen (1 document gelezen).\n")
    }

    @Test func outsideAPortfolioTheLocaleDecides() throws {
        let folder = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nergens").path
        let dutch = try commands.run(["check", missing], environment: locale("nl_NL.UTF-8"))
        #expect(dutch.status == 64)
        #expect(dutch.stderr.contains("de portfoliomap '\(missing)' bestaat niet"))
        let english = try commands.run(["check", missing], environment: locale("C"))
        #expect(english.stderr.contains("portfolio folder '\(missing)' does not exist"))
        let overridden = try commands.run(["check", missing], environment: locale("C", ["NORMFOLIO_LANGUAGE": "nl"]))
        #expect(overridden.stderr.contains("bestaat niet"))
        // A folder without normfolio.yml is no portfolio to take a language from: init speaks the locale.
        let created = try commands.run(["init", folder.appendingPathComponent("nieuw").path], environment: locale("nl_BE.UTF-8"))
        #expect(created.status == 0)
        #expect(created.stdout.hasPrefix("Portfolio gemaakt in "))
        // Its files' comments are Dutch too, and the portfolio checks without errors.
        let nieuw = folder.appendingPathComponent("nieuw")
        let settings = try String(contentsOf: nieuw.appendingPathComponent("normfolio.yml"), encoding: .utf8)
        #expect(settings.hasPrefix("# Instellingen van normfolio. Elke sleutel is optioneel.\n"))
        let register = try String(contentsOf: nieuw.appendingPathComponent("Content/registers/verwerkingen.yml"), encoding: .utf8)
        #expect(register.contains("waarom de gegevens worden verwerkt") && !register.contains("why the data"))
        let check = try commands.run(["check", nieuw.path], environment: locale("C"))
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("Geen problemen gevonden") || check.stdout.hasPrefix("0 fouten"), "\(check.stdout)")
    }

    @Test func thePreviewsErrorPageGivesTheMessagesInItsOwnLanguage() {
        let shown = [
            Diagnostic(
                .error, "unknown-norm", en: "unknown norm ID 'ZZ.99'", nl: "onbekende norm-ID 'ZZ.99'",
                at: SourceLocation(path: "Content/a.md", line: 3, column: 9))
        ]
        let dutch = PreviewServer.problemPage(shown, texts: InterfaceTexts(language: .nl))
        #expect(dutch.contains("<li><code>Content/a.md:3:9: error: onbekende norm-ID &#39;ZZ.99&#39; [unknown-norm]</code></li>"))
        let english = PreviewServer.problemPage(shown, texts: InterfaceTexts(language: .en))
        #expect(english.contains("<li><code>Content/a.md:3:9: error: unknown norm ID &#39;ZZ.99&#39; [unknown-norm]</code></li>"))
    }

    @Test func commandsOfADutchPortfolioReportInDutch() throws {
        let folder = try commands.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try commands.run(["init", folder.path]).status == 0)
        let environment = locale("C")
        let new = try commands.run(["new", "Wachtwoordbeleid", "--norms", "SM.02", "--portfolio", folder.path], environment: environment)
        #expect(new.stdout == "Gemaakt: Content/documenten/wachtwoordbeleid.md\n")
        let document = try String(contentsOf: folder.appendingPathComponent("Content/documenten/wachtwoordbeleid.md"), encoding: .utf8)
        #expect(document.contains("owner:                      # wie verantwoordelijk is voor dit document\n"))
        let dpia = try commands.run(["new", "--register", "dpia", "--portfolio", folder.path], environment: environment)
        #expect(
            dpia.stdout == "Gemaakt: Content/registers/dpia.yml\n"
                + "Vul bij 'verwerking' de id in van een verwerking in Content/registers/verwerkingen.yml.\n")
        let register = try String(contentsOf: folder.appendingPathComponent("Content/registers/dpia.yml"), encoding: .utf8)
        #expect(register.contains("# verplicht; de id van een regel in verwerkingen"), "\(register)")
        // The portfolio of `init` above was made in English (the tests' default): English comments.
        let settings = try String(contentsOf: folder.appendingPathComponent("normfolio.yml"), encoding: .utf8)
        #expect(settings.hasPrefix("# normfolio settings. Every key is optional.\n"))
        let again = try commands.run(["new", "Wachtwoordbeleid", "--norms", "SM.02", "--portfolio", folder.path], environment: environment)
        #expect(again.stderr == "error: Content/documenten/wachtwoordbeleid.md bestaat al; er is niets geschreven\n")
        let unknown = try commands.run(["new", "X", "--norms", "SM.20", "--portfolio", folder.path], environment: environment)
        #expect(unknown.stderr.contains("onbekende norm-ID 'SM.20' (bedoelde je 'SM.02'?)"))
    }
}
