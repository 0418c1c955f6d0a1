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
        subcommands: [Build.self, Check.self, Serve.self, Verify.self, Keygen.self, Norms.self, Init.self, New.self, Import.self, Approve.self, SnapshotCommand.self,
                      Docs.self]
    )

    public init() {}
}

/// Options shared by `build` and `check`.
struct ContentOptions: ParsableArguments {
    @Argument(help: "The portfolio folder.", completion: .directory)
    var portfolio: String = "."

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The reference date (peildatum) for stale evidence.", valueName: "YYYY-MM-DD"),
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

    func validate() throws { try Self.validate(portfolio: portfolio) }

    /// Refuses a portfolio folder that is not there, for every command that reads one.
    static func validate(portfolio: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: portfolio, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("portfolio folder '\(portfolio.escapingControlCharacters)' does not exist")
        }
    }

    /// Refuses a private key (`--sign`) inside the portfolio, where it could be committed or published.
    func validateSigningKey(_ sign: String?) throws {
        guard let sign else { return }
        let key = URL(fileURLWithPath: sign).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: portfolio).standardizedFileURL.resolvingSymlinksInPath().path
        if key.hasPrefix(root + "/") {
            throw ValidationError("the signing key '\(sign.escapingControlCharacters)' lies inside the portfolio; "
                                  + "keep it elsewhere, where it is never committed or published")
        }
    }
}

extension Audience: ExpressibleByArgument {}

extension Language: ExpressibleByArgument {}

extension Day {
    /// A date on the command line (`--as-of`), with the message every command gives for one that is not.
    static func argument(_ text: String) throws -> Day {
        guard let day = Day(text) else { throw ValidationError("'\(text)' is not a date; write YYYY-MM-DD") }
        return day
    }
}

enum Output {
    /// What a command made, kept until the process exits: freeing ten thousand parsed documents
    /// one by one takes a tenth of a second that nobody needs (the operating system takes the
    /// memory back at once).
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keepUntilExit(_ value: Any) { kept.append(value) }

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
        FileHandle.standardError.write(Data(diagnostics.map { $0.formatted + "\n" }.joined().utf8))
    }

    /// A key read from a PEM file; a file that cannot be used is a usage error (exit 64).
    static func readKey<Key>(_ path: String, as what: String, _ make: (String) throws -> Key) throws -> Key {
        do {
            return try make(try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            printError("error: cannot use '\(path.escapingControlCharacters)' as \(what): \(error.localizedDescription)")
            throw ExitCode(64)
        }
    }

    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "%.2f s", ms / 1000)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the portfolio and write its website.",
        discussion: """
            Writes nothing when the content has errors (or warnings with --strict): every problem is \
            printed as path:line:col: severity: message [code] and the exit code is 1. The site is \
            written to a new folder and swapped in, so a failed build leaves the previous site as it was.
            """)

    @OptionGroup var content: ContentOptions

    @Option(name: [.short, .customLong("output")], help: "The output folder (default: _site inside the portfolio).",
            completion: .directory)
    var output: String?

    @Option(help: "Who the site is for: intranet (up to intern), accountant (up to vertrouwelijk) or auditor (everything).")
    var audience: Audience = .intranet

    @Option(help: "The site's language, nl or en (default: language in normfolio.yml): both languages' editions from one portfolio.")
    var language: Language?

    @Option(help: ArgumentHelp("Compare with this portfolio.json (a snapshot, or export/portfolio.json of an earlier site) "
                               + "beside the snapshots in Snapshots/.", valueName: "FILE"), completion: .file(extensions: ["json"]))
    var compare: String?

    @Option(help: ArgumentHelp("Also write the site as a zip archive, for handing over (the same input gives the same bytes).",
                               valueName: "FILE"), completion: .file(extensions: ["zip"]))
    var zip: String?

    @Option(help: ArgumentHelp("Sign the site's fingerprint with this Ed25519 private key (made by 'normfolio keygen'); "
                               + "verify --key checks it.", valueName: "KEY"), completion: .file())
    var sign: String?

    @Flag(help: ArgumentHelp("Also write the report and the handbook as PDF (export/rapport.pdf, export/handboek.pdf), "
                             + "archivable (PDF/A-3b); needs WeasyPrint."))
    var pdf = false

    @Flag(help: "With --pdf: make tagged PDFs (PDF/UA-1) for screen readers instead of archivable ones.")
    var pdfTagged = false

    @Option(help: ArgumentHelp("Write the edition of one school (an id of schools: in normfolio.yml): what is board-wide and "
                               + "what is scoped to that school, for its own intranet.", valueName: "ID"))
    var school: String?

    func validate() throws { try content.validateSigningKey(sign) }

    func run() throws {
        let start = ContinuousClock.now
        let signingKey = try sign.map { try Output.readKey($0, as: "a signing key", SigningKey.init(pem:)) }
        var options = BuildOptions(portfolio: content.portfolio, output: output, audience: audience,
                                   asOf: content.asOf, strict: content.strict, zip: zip, signingKey: signingKey)
        options.compare = compare
        options.language = language
        options.school = school
        if pdf || pdfTagged { options.pdf = pdfTagged ? .tagged : .archival }
        let result: BuildResult
        do {
            result = try Normfolio.build(options)
            Output.keepUntilExit(result)
        } catch {
            Output.printError("error: \(error)")
            throw ExitCode(2)
        }
        Output.report(result.diagnostics)
        content.printTimings(result)
        let problems = [Output.count(result.diagnostics.errorCount, "error", "errors"),
                        Output.count(result.diagnostics.warningCount, "warning", "warnings")].joined(separator: ", ")
        guard let site = result.site else {
            Output.printError("Build failed: \(problems); nothing was written.")
            throw ExitCode(1)
        }
        var documents = Output.count(site.publishedDocuments, "document", "documents")
        if site.withheldDocuments > 0 { documents += " (\(site.withheldDocuments) withheld for \(audience.rawValue))" }
        if let school { documents += " for school \(school.escapingControlCharacters)" }
        print("Built \(Output.count(site.pageCount, "page", "pages")), \(documents), " +
              "\(Output.count(result.diagnostics.warningCount, "warning", "warnings")) in \(Output.seconds(since: start))" +
              " → \(options.outputFolder.escapingControlCharacters)")
        if let zip {
            // The zip's own hash, to pass on with it: sha256sum or Get-FileHash checks it before unpacking.
            let hash = (try? Data(contentsOf: URL(fileURLWithPath: zip))).map(Integrity.sha256) ?? ""
            print("Zip: \(zip.escapingControlCharacters) (SHA-256 \(hash))")
        }
        if let fingerprint = Integrity.fingerprint(of: site) {
            print("Fingerprint (SHA-256 of export/SHA256SUMS): \(fingerprint)")
        }
        if let signingKey { print("Signed with key \(signingKey.publicKey.id) (export/SHA256SUMS.sig)") }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report every problem in the portfolio without writing anything.",
        discussion: "Exit code 0: no errors (warnings allowed unless --strict); 1: the content has problems.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @OptionGroup var content: ContentOptions

    @Option(help: "text: one line per problem on standard error; json: an array on standard output; sarif: a SARIF 2.1.0 log on standard output, for code-review tools (see docs/ci.md).")
    var format: Format = .text

    func run() throws {
        let options = BuildOptions(portfolio: content.portfolio, asOf: content.asOf, strict: content.strict)
        let result = Normfolio.check(options)
        Output.keepUntilExit(result)
        content.printTimings(result)
        let diagnostics = result.diagnostics
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(diagnostics)) ?? Data("[]".utf8)
            print(String(decoding: data, as: UTF8.self))
        case .sarif:
            print(String(decoding: SARIF.log(diagnostics, root: URL(fileURLWithPath: content.portfolio)), as: UTF8.self))
        case .text:
            Output.report(diagnostics)
            let documents = result.portfolio?.documents.count ?? 0
            if diagnostics.isEmpty {
                print("No problems found (\(Output.count(documents, "document", "documents"))).")
            } else {
                print("\(Output.count(diagnostics.errorCount, "error", "errors")), " +
                      "\(Output.count(diagnostics.warningCount, "warning", "warnings")) " +
                      "(\(Output.count(documents, "document", "documents")) read).")
            }
        }
        if diagnostics.fail(strict: content.strict) { throw ExitCode(1) }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that a built site is exactly as normfolio wrote it.",
        discussion: """
            Re-computes the SHA-256 of every file listed in the site's export/SHA256SUMS, reports every \
            changed, missing or extra file, checks that export/manifest.json lists the same files with \
            the same hashes, and prints the site's fingerprint. On its own this proves the site is \
            consistent; with --expect it proves it is the site whose fingerprint the builder handed \
            over, and with --key that the holder of the private key signed it (see docs/exports.md). \
            Exit code 0: intact; 1: something differs; 2: not a normfolio site.
            """)

    @Argument(help: "The site folder (the one with index.html), or the zip of a site (build --zip).", completion: .file())
    var site: String

    @Option(help: ArgumentHelp("The fingerprint the builder gave you, passed on separately from the site.",
                               valueName: "FINGERPRINT"))
    var expect: String?

    @Option(help: ArgumentHelp("The builder's Ed25519 public key (NAME.pub from 'normfolio keygen'): the site must be signed with it.",
                               valueName: "PUBLIC-KEY"), completion: .file())
    var key: String?

    func run() throws {
        let verifyingKey = try key.map { try Output.readKey($0, as: "a public key", VerifyingKey.init(pem:)) }
        let report: Integrity.Report
        do {
            var isFolder: ObjCBool = false
            let zipped = FileManager.default.fileExists(atPath: site, isDirectory: &isFolder) && !isFolder.boolValue
            report = zipped ? try Integrity.verify(zip: site, expectedFingerprint: expect, key: verifyingKey)
                : try Integrity.verify(site: site, expectedFingerprint: expect, key: verifyingKey)
        } catch {
            Output.printError("error: \(error)")
            throw ExitCode(2)
        }
        for path in report.changed { Output.printError("changed: \(path.escapingControlCharacters)") }
        for path in report.missing { Output.printError("missing: \(path.escapingControlCharacters)") }
        for path in report.extra { Output.printError("extra: \(path.escapingControlCharacters)") }
        for line in report.invalidLines { Output.printError("invalid line in export/SHA256SUMS: \(line.escapingControlCharacters)") }
        for problem in report.manifestProblems { Output.printError("manifest: \(problem.escapingControlCharacters)") }
        print("Fingerprint (SHA-256 of export/SHA256SUMS): \(report.fingerprint)")
        if let sources = report.sourcesFingerprint { print("Sources fingerprint (as on the cover of the PDFs): \(sources)") }
        switch report.fingerprintMatches {
        case true?: print("The fingerprint is the one expected.")
        case false?: Output.printError("fingerprint: not the one expected (\(expect ?? ""))")
        case nil: break
        }
        if let verifyingKey {
            if report.signatureIsValid == true {
                print("Signed with key \(verifyingKey.id): the signature is valid.")
            } else {
                Output.printError("signature: \(report.signatureProblem ?? "not valid")")
            }
        }
        let problems = report.changed.count + report.missing.count + report.extra.count + report.invalidLines.count
            + report.manifestProblems.count
        if report.isIntact {
            print("Intact: \(Output.count(report.checked, "file", "files")) match export/SHA256SUMS and the manifest.")
        } else {
            print("Not intact: \(report.changed.count) changed, \(report.missing.count) missing, \(report.extra.count) extra"
                  + (problems > report.changed.count + report.missing.count + report.extra.count ? ", the lists disagree" : "")
                  + (report.fingerprintMatches == false ? ", unexpected fingerprint" : "")
                  + (report.signatureIsValid == false ? ", no valid signature" : "") + ".")
            throw ExitCode(1)
        }
    }
}

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make an Ed25519 key pair for signing sites (build --sign) and checking them (verify --key).",
        discussion: """
            Writes NAME.key, the private key (readable by you alone; keep it outside the portfolio), and \
            NAME.pub, the public key to give to whoever checks the sites. Both are PEM files that \
            OpenSSL reads too. Existing files are never overwritten.
            """)

    @Argument(help: "Where to write the keys, without extension (for example ~/sleutels/normfolio).")
    var name: String

    func run() throws {
        let key = SigningKey()
        let privatePath = name + ".key", publicPath = name + ".pub"
        // A private key in a folder a build publishes or reads would be published with the next build.
        if let problem = PortfolioPlace.problemWithKey(at: privatePath) {
            Output.printError("error: \(problem.escapingControlCharacters); keep the private key outside the portfolio and its sites "
                              + "(for example ~/sleutels/normfolio)")
            throw ExitCode(1)
        }
        for path in [privatePath, publicPath] where PortfolioPlace.exists(URL(fileURLWithPath: path)) {
            Output.printError("error: '\(path.escapingControlCharacters)' exists; choose another name or remove it first")
            throw ExitCode(1)
        }
        do {
            // The private key is created readable by its owner alone.
            guard FileManager.default.createFile(atPath: privatePath, contents: Data(key.pem.utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw WriteError(description: "could not create '\(privatePath)'")
            }
            try Data(key.publicKey.pem.utf8).write(to: URL(fileURLWithPath: publicPath), options: .withoutOverwriting)
        } catch {
            Output.printError("error: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let (shownPrivate, shownPublic) = (privatePath.escapingControlCharacters, publicPath.escapingControlCharacters)
        print("Private key: \(shownPrivate) (keep it secret, outside the portfolio; build --sign \(shownPrivate))")
        print("Public key:  \(shownPublic) (give it to the auditor; verify --key \(shownPublic))")
        print("Key ID:      \(key.publicKey.id)")
    }
}

struct Norms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the normenkader, one norm a line: ID, domain and title.",
        discussion: "Titles marked (werktitel) are normfolio's working titles, not yet confirmed against the official text.")

    enum Part: String, ExpressibleByArgument, CaseIterable { case informatiebeveiliging, privacy }

    @Option(help: "Only the norms of this part.")
    var part: Part?

    @Option(help: ArgumentHelp("Only the norms whose ID, title or description contains all these words.", valueName: "WORDS"))
    var search: String?

    func run() {
        let catalog = Catalog.builtIn()
        let words = (search ?? "").lowercased().split(separator: " ").map(String.init)
        var lines: [String] = []
        for norm in catalog.norms {
            guard let domain = catalog.domain(norm.domain), part == nil || domain.part == part?.rawValue else { continue }
            let haystack = [norm.id, norm.title, norm.titleEN ?? "", norm.description, domain.title].joined(separator: " ")
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            guard words.allSatisfy({ haystack.contains($0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)) })
            else { continue }
            let mark = norm.titleVerified ? "" : " (werktitel)"
            lines.append("\(norm.id)\t\(domain.title)\t\(norm.title)\(mark)")
        }
        if lines.isEmpty, search != nil {
            Output.printError("No norm matches '\((search ?? "").escapingControlCharacters)'.")
            return
        }
        print(lines.joined(separator: "\n"))
    }
}
