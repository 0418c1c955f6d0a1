import ArgumentParser
import Foundation
import NormfolioKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the portfolio and write its website.",
        discussion: """
            Writes nothing when the content has errors (or warnings with --strict): every problem is \
            printed as path:line:col: severity: message [code] and the exit code is 1. The site is \
            written to a new folder and swapped in, so a failed build leaves the previous site as it was.
            """)

    @OptionGroup var content: ContentOptions

    @Option(
        name: [.short, .customLong("output")], help: "The output folder (default: _site inside the portfolio).",
        completion: .directory)
    var output: String?

    @Option(help: "Who the site is for: intranet (up to intern), accountant (up to vertrouwelijk) or auditor (everything).")
    var audience: Audience = .intranet

    @Option(help: "The site's language, nl or en (default: language in normfolio.yml): both languages' editions from one portfolio.")
    var language: Language?

    @Option(
        help: ArgumentHelp(
            "Compare with this portfolio.json (a snapshot, or export/portfolio.json of an earlier site) "
                + "beside the snapshots in Snapshots/.", valueName: "FILE"), completion: .file(extensions: ["json"]))
    var compare: String?

    @Option(
        help: ArgumentHelp(
            "Also write the site as a zip archive, for handing over (the same input gives the same bytes).",
            valueName: "FILE"), completion: .file(extensions: ["zip"]))
    var zip: String?

    @Option(
        help: ArgumentHelp(
            "Sign the site's fingerprint with this Ed25519 private key (made by 'normfolio keygen'); "
                + "verify --key checks it.", valueName: "KEY"), completion: .file())
    var sign: String?

    @Flag(
        help: ArgumentHelp(
            "Also write the report and the handbook as PDF (export/rapport.pdf, export/handboek.pdf), "
                + "archivable (PDF/A-3b); needs WeasyPrint."))
    var pdf = false

    @Flag(help: "With --pdf: make tagged PDFs (PDF/UA-1) for screen readers instead of archivable ones.")
    var pdfTagged = false

    @Option(
        help: ArgumentHelp(
            "Write the edition of one school (an id of schools: in normfolio.yml): what is board-wide and "
                + "what is scoped to that school, for its own intranet.", valueName: "ID"))
    var school: String?

    func validate() throws { try content.validateSigningKey(sign) }

    func run() throws {
        let start = ContinuousClock.now
        Output.speak(portfolio: content.portfolio, override: language)
        let signingKey = try sign.map { try Output.readKey($0, as: "a signing key", SigningKey.init(pem:)) }
        var options = BuildOptions(
            portfolio: content.portfolio, output: output, audience: audience,
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
        let problems = Output.problems(result.diagnostics)
        guard let site = result.site else {
            Output.printError(
                Output.text(
                    "Build failed: \(problems); nothing was written.",
                    nl: "Bouwen mislukt: \(problems); er is niets geschreven."))
            throw ExitCode(1)
        }
        var documents = Output.count(site.publishedDocuments, "document", "documents", nl: "document", "documenten")
        if site.withheldDocuments > 0 {
            documents += Output.text(
                " (\(site.withheldDocuments) withheld for \(audience.rawValue))",
                nl: " (\(site.withheldDocuments) achtergehouden voor \(audience.rawValue))")
        }
        if let school {
            documents += Output.text(" for school \(school.escapingControlCharacters)", nl: " voor school \(school.escapingControlCharacters)")
        }
        let warnings = Output.count(result.diagnostics.warningCount, "warning", "warnings", nl: "waarschuwing", "waarschuwingen")
        print(
            Output.text(
                "Built \(Output.count(site.pageCount, "page", "pages")), \(documents), \(warnings) in \(Output.seconds(since: start))",
                nl: "Gebouwd: \(Output.count(site.pageCount, "pagina", "pagina's")), \(documents), \(warnings) in "
                    + Output.seconds(since: start).replacingOccurrences(of: ".", with: ","))
                + " → \(options.outputFolder.escapingControlCharacters)")
        if let zip {
            // The zip's own hash, to pass on with it: sha256sum or Get-FileHash checks it before unpacking.
            let hash = (try? Data(contentsOf: URL(fileURLWithPath: zip))).map(Integrity.sha256) ?? ""
            print("Zip: \(zip.escapingControlCharacters) (SHA-256 \(hash))")
        }
        if let fingerprint = Integrity.fingerprint(of: site) {
            print(
                Output.text("Fingerprint (SHA-256 of export/SHA256SUMS): ", nl: "Vingerafdruk (SHA-256 van export/SHA256SUMS): ")
                    + fingerprint)
        }
        if let signingKey {
            print(Output.text("Signed with key", nl: "Ondertekend met sleutel") + " \(signingKey.publicKey.id) (export/SHA256SUMS.sig)")
        }
    }
}
