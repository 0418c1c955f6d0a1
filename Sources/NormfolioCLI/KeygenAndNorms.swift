import ArgumentParser
import Foundation
import NormfolioKit

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
            Output.printError(
                "error: \(problem.escapingControlCharacters); keep the private key outside the portfolio and its sites "
                    + "(for example ~/sleutels/normfolio)")
            throw ExitCode(1)
        }
        for path in [privatePath, publicPath] where PortfolioPlace.exists(URL(fileURLWithPath: path)) {
            Output.printError(
                Output.text(
                    "error: '\(path.escapingControlCharacters)' exists; choose another name or remove it first",
                    nl: "error: '\(path.escapingControlCharacters)' bestaat al; kies een andere naam of verwijder het eerst"))
            throw ExitCode(1)
        }
        do {
            // The private key is created readable by its owner alone.
            guard
                FileManager.default.createFile(
                    atPath: privatePath, contents: Data(key.pem.utf8),
                    attributes: [.posixPermissions: 0o600])
            else {
                throw WriteError(description: "could not create '\(privatePath)'")
            }
            try Data(key.publicKey.pem.utf8).write(to: URL(fileURLWithPath: publicPath), options: .withoutOverwriting)
        } catch {
            Output.printError("error: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let (shownPrivate, shownPublic) = (privatePath.escapingControlCharacters, publicPath.escapingControlCharacters)
        print(
            Output.text(
                "Private key: \(shownPrivate) (keep it secret, outside the portfolio; build --sign \(shownPrivate))",
                nl: "Privésleutel:     \(shownPrivate) (houd hem geheim, buiten het portfolio; build --sign \(shownPrivate))"))
        print(
            Output.text(
                "Public key:  \(shownPublic) (give it to the auditor; verify --key \(shownPublic))",
                nl: "Publieke sleutel: \(shownPublic) (geef hem aan de auditor; verify --key \(shownPublic))"))
        print(Output.text("Key ID:      ", nl: "Sleutel-ID:       ") + key.publicKey.id)
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
