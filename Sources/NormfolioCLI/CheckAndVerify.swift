import ArgumentParser
import Foundation
import NormfolioKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report every problem in the portfolio without writing anything.",
        discussion: "Exit code 0: no errors (warnings allowed unless --strict); 1: the content has problems.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @OptionGroup var content: ContentOptions

    @Option(
        help:
            "text: one line per problem on standard error; json: an array on standard output; sarif: a SARIF 2.1.0 log on standard output, for code-review tools (see docs/ci.md)."
    )
    var format: Format = .text

    func run() throws {
        Output.speak(portfolio: content.portfolio)
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
            let read = Output.count(documents, "document", "documents", nl: "document", "documenten")
            if diagnostics.isEmpty {
                print(Output.text("No problems found (\(read)).", nl: "Geen problemen gevonden (\(read))."))
            } else {
                print(Output.problems(diagnostics) + Output.text(" (\(read) read).", nl: " (\(read) gelezen)."))
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

    @Option(
        help: ArgumentHelp(
            "The fingerprint the builder gave you, passed on separately from the site.",
            valueName: "FINGERPRINT"))
    var expect: String?

    @Option(
        help: ArgumentHelp(
            "The builder's Ed25519 public key (NAME.pub from 'normfolio keygen'): the site must be signed with it.",
            valueName: "PUBLIC-KEY"), completion: .file())
    var key: String?

    func run() throws {
        // A site is no portfolio: verify speaks the language of the locale (or NORMFOLIO_LANGUAGE).
        let verifyingKey = try key.map { try Output.readKey($0, as: "a public key", VerifyingKey.init(pem:)) }
        let report: Integrity.Report
        do {
            var isFolder: ObjCBool = false
            let zipped = FileManager.default.fileExists(atPath: site, isDirectory: &isFolder) && !isFolder.boolValue
            report =
                zipped
                ? try Integrity.verify(zip: site, expectedFingerprint: expect, key: verifyingKey)
                : try Integrity.verify(site: site, expectedFingerprint: expect, key: verifyingKey)
        } catch {
            Output.printError("error: \(error)")
            throw ExitCode(2)
        }
        for path in report.changed { Output.printError(Output.text("changed: ", nl: "gewijzigd: ") + path.escapingControlCharacters) }
        for path in report.missing { Output.printError(Output.text("missing: ", nl: "ontbreekt: ") + path.escapingControlCharacters) }
        for path in report.extra { Output.printError(Output.text("extra: ", nl: "extra: ") + path.escapingControlCharacters) }
        for line in report.invalidLines {
            Output.printError(
                Output.text("invalid line in export/SHA256SUMS: ", nl: "ongeldige regel in export/SHA256SUMS: ")
                    + line.escapingControlCharacters)
        }
        for problem in report.manifestProblems { Output.printError("manifest: \(problem.escapingControlCharacters)") }
        print(
            Output.text("Fingerprint (SHA-256 of export/SHA256SUMS): ", nl: "Vingerafdruk (SHA-256 van export/SHA256SUMS): ")
                + report.fingerprint)
        if let sources = report.sourcesFingerprint {
            print(
                Output.text(
                    "Sources fingerprint (as on the cover of the PDFs): ",
                    nl: "Vingerafdruk van de bronnen (zoals op het "
                        + "voorblad van de pdf's): ") + sources)
        }
        switch report.fingerprintMatches {
        case true?: print(Output.text("The fingerprint is the one expected.", nl: "De vingerafdruk is de verwachte."))
        case false?:
            Output.printError(Output.text("fingerprint: not the one expected", nl: "vingerafdruk: niet de verwachte") + " (\(expect ?? ""))")
        case nil: break
        }
        if let verifyingKey {
            if report.signatureIsValid == true {
                print(
                    Output.text(
                        "Signed with key \(verifyingKey.id): the signature is valid.",
                        nl: "Ondertekend met sleutel \(verifyingKey.id): de handtekening is geldig."))
            } else {
                Output.printError(
                    Output.text("signature: ", nl: "handtekening: ")
                        + (report.signatureProblem ?? Output.text("not valid", nl: "ongeldig")))
            }
        }
        let problems =
            report.changed.count + report.missing.count + report.extra.count + report.invalidLines.count
            + report.manifestProblems.count
        if report.isIntact {
            print(
                Output.text(
                    "Intact: \(Output.count(report.checked, "file", "files")) match export/SHA256SUMS and the manifest.",
                    nl: "Intact: \(Output.count(report.checked, "bestand", "bestanden")) kloppen met export/SHA256SUMS en "
                        + "het manifest."))
        } else {
            let disagree = problems > report.changed.count + report.missing.count + report.extra.count
            print(
                Output.text(
                    "Not intact: \(report.changed.count) changed, \(report.missing.count) missing, \(report.extra.count) extra"
                        + (disagree ? ", the lists disagree" : "")
                        + (report.fingerprintMatches == false ? ", unexpected fingerprint" : "")
                        + (report.signatureIsValid == false ? ", no valid signature" : "") + ".",
                    nl: "Niet intact: \(report.changed.count) gewijzigd, \(report.missing.count) ontbrekend, "
                        + "\(report.extra.count) extra" + (disagree ? ", de lijsten verschillen" : "")
                        + (report.fingerprintMatches == false ? ", onverwachte vingerafdruk" : "")
                        + (report.signatureIsValid == false ? ", geen geldige handtekening" : "") + "."))
            throw ExitCode(1)
        }
    }
}
