import ArgumentParser
import Foundation
import NormfolioKit

/// The `normfolio` command tree.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct NormfolioCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "normfolio",
        abstract: "Build a school board's IBP compliance portfolio (Normenkader IBP) as a static website.",
        discussion: """
            A portfolio is a folder with Markdown evidence under Content/, tagged with norm IDs \
            (norms: [GO.02, SM.02]). normfolio checks it, cross-links it to the normenkader and \
            writes a static HTML site that works from a web server, a zip or file://.
            """,
        version: Normfolio.version,
        subcommands: [
            Build.self, Check.self, Serve.self, Verify.self, Keygen.self, Norms.self, Init.self, New.self, Import.self, Approve.self,
            SnapshotCommand.self,
            Docs.self,
        ]
    )

    public init() {}
}

/// Options shared by `build` and `check`.
struct ContentOptions: ParsableArguments {
    @Argument(help: "The portfolio folder.", completion: .directory)
    var portfolio: String = "."

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("The reference date (peildatum) for stale evidence.", valueName: "YYYY-MM-DD"),
        transform: Day.argument)
    var asOf: Day?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print how long each stage took (to standard error).")
    var timings = false

    func printTimings(_ result: BuildResult) {
        guard timings else { return }
        for (stage, seconds) in result.timings {
            Output.printError(stage.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%7.3f s", seconds))
        }
    }

    func validate() throws {
        Output.speak(portfolio: portfolio)
        try Self.validate(portfolio: portfolio)
    }

    /// Refuses a portfolio folder that is not there, for every command that reads one.
    static func validate(portfolio: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: portfolio, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError(
                Output.text(
                    "portfolio folder '\(portfolio.escapingControlCharacters)' does not exist",
                    nl: "de portfoliomap '\(portfolio.escapingControlCharacters)' bestaat niet"))
        }
    }

    /// Refuses a private key (`--sign`) inside the portfolio, where it could be committed or published.
    func validateSigningKey(_ sign: String?) throws {
        guard let sign else { return }
        let key = URL(fileURLWithPath: sign).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: portfolio).standardizedFileURL.resolvingSymlinksInPath().path
        if key.hasPrefix(root + "/") {
            throw ValidationError(
                Output.text(
                    "the signing key '\(sign.escapingControlCharacters)' lies inside the portfolio; "
                        + "keep it elsewhere, where it is never committed or published",
                    nl: "de sleutel om te ondertekenen '\(sign.escapingControlCharacters)' staat in het "
                        + "portfolio; bewaar hem ergens anders, waar hij nooit wordt vastgelegd of gepubliceerd"))
        }
    }
}

extension Audience: ExpressibleByArgument {}

extension Language: ExpressibleByArgument {}

extension Day {
    /// A date on the command line (`--as-of`), with the message every command gives for one that is not.
    static func argument(_ text: String) throws -> Day {
        guard let day = Day(text) else {
            throw ValidationError(Output.text("'\(text)' is not a date; write YYYY-MM-DD", nl: "'\(text)' is geen datum; schrijf JJJJ-MM-DD"))
        }
        return day
    }
}

enum Output {
    /// What a command made, kept until the process exits: freeing ten thousand parsed documents
    /// one by one takes a tenth of a second that nobody needs (the operating system takes the
    /// memory back at once).
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keepUntilExit(_ value: Any) { kept.append(value) }

    /// The language of the terminal (`Language.terminal`): the locale's until a command names its
    /// portfolio with `speak(portfolio:)`.
    nonisolated(unsafe) private(set) static var language = Language.terminal(portfolio: nil)

    /// Speaks the language of the portfolio in `folder` (or `override`, `--language`) from now on.
    static func speak(portfolio folder: String?, override: Language? = nil) {
        language = Language.terminal(portfolio: folder, override: override)
    }

    /// The English or the Dutch text, in the terminal's language.
    static func text(_ en: String, nl: String) -> String { language == .nl ? nl : en }

    /// Prints to standard error. Every control character but the line breaks a message is made of
    /// is written as an escape, so no terminal sequence, carriage return or bidirectional override
    /// in a name reaches the terminal; names themselves are escaped where they are put in a
    /// message (`escapingControlCharacters`), so a line break in one cannot start a line.
    static func printError(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControlCharacters }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Prints diagnostics to standard error, one compiler-style line each.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        FileHandle.standardError.write(Data(diagnostics.map { $0.formatted(in: language) + "\n" }.joined().utf8))
    }

    /// A key read from a PEM file; a file that cannot be used is a usage error (exit 64).
    static func readKey<Key>(_ path: String, as what: String, _ make: (String) throws -> Key) throws -> Key {
        do {
            return try make(try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            let whatNL = what == "a public key" ? "publieke sleutel" : "sleutel om te ondertekenen"
            printError(
                text(
                    "error: cannot use '\(path.escapingControlCharacters)' as \(what): \(error.localizedDescription)",
                    nl: "error: '\(path.escapingControlCharacters)' is niet te gebruiken als \(whatNL): \(error.localizedDescription)"))
            throw ExitCode(64)
        }
    }

    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }

    /// A number of things in the terminal's language: `count(2, "error", "errors", nl: "fout", "fouten")`.
    static func count(_ n: Int, _ singular: String, _ plural: String, nl singularNL: String, _ pluralNL: String) -> String {
        language == .nl ? count(n, singularNL, pluralNL) : count(n, singular, plural)
    }

    /// "2 errors, 1 warning" / "2 fouten, 1 waarschuwing".
    static func problems(_ diagnostics: [Diagnostic]) -> String {
        count(diagnostics.errorCount, "error", "errors", nl: "fout", "fouten") + ", "
            + count(diagnostics.warningCount, "warning", "warnings", nl: "waarschuwing", "waarschuwingen")
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "%.2f s", ms / 1000)
    }
}
