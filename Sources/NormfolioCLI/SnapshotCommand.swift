import ArgumentParser
import Foundation
import NormfolioKit

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record the portfolio's state at its reference date, to show progress later.",
        discussion: """
            Writes Snapshots/<as_of>.json: the computed model of export/portfolio.json for everything \
            (coverage, levels, targets, evidence, actions, the figures per part and domain), sealed with \
            its SHA-256, a checksum that shows accidental edits. With --sign KEY it is also signed with \
            the board's Ed25519 key (from normfolio keygen); when normfolio.yml names the public key \
            (snapshot_key: NAME.pub), builds use only snapshots signed with it, so figures edited by \
            anyone without the private key are never shown. Keep the snapshot with the portfolio (in git, commit it). Later builds show the \
            progress since, on the home page, the report, the Voortgang page and each norm page.
            """)

    @OptionGroup var content: ContentOptions

    @Flag(help: "Replace a snapshot of the same reference date.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "Sign the snapshot with this Ed25519 private key (made by 'normfolio keygen'); "
                + "builds check it with the public key snapshot_key names in normfolio.yml.", valueName: "KEY"),
        completion: .file())
    var sign: String?

    @Flag(
        name: .customLong("sign-existing"),
        help: ArgumentHelp(
            "Instead of writing a new snapshot, sign the snapshots in Snapshots/ that are not signed yet and whose checksum shows "
                + "them unchanged (with --sign)."))
    var signExisting = false

    func validate() throws {
        try content.validateSigningKey(sign)
        if signExisting && sign == nil {
            throw ValidationError(
                Output.text(
                    "--sign-existing needs the key to sign with: --sign KEY",
                    nl: "--sign-existing heeft de sleutel nodig om mee te ondertekenen: --sign SLEUTEL"))
        }
    }

    func run() throws {
        Output.speak(portfolio: content.portfolio)
        let key = try sign.map { try Output.readKey($0, as: "a signing key", SigningKey.init(pem:)) }
        let options = BuildOptions(
            portfolio: content.portfolio, audience: .auditor, asOf: content.asOf, strict: content.strict,
            signingKey: key)
        if signExisting, let key { return try signSnapshots(with: key, options: options) }
        let (result, asOf, text) = Normfolio.snapshot(options)
        Output.report(result.diagnostics)
        guard let asOf, let text else {
            Output.printError(
                Output.text(
                    "error: the portfolio has errors; no snapshot was written",
                    nl: "error: het portfolio heeft fouten; er is geen snapshot geschreven"))
            throw ExitCode(1)
        }
        try checkKey(key, against: result.portfolio?.snapshotKeyID)
        let relative = "\(Snapshot.folder)/\(asOf).json"
        let url = try place("\(asOf).json", in: options.portfolio)
        if PortfolioPlace.exists(url) && !force {
            Output.printError(
                Output.text(
                    "error: \(relative) already exists; use --force to replace it",
                    nl: "error: \(relative) bestaat al; gebruik --force om het te vervangen"))
            throw ExitCode(1)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
        print(
            Output.text(
                "Recorded the state at \(asOf) in \(relative)" + (key.map { ", signed with key \($0.publicKey.id)" } ?? ""),
                nl: "De stand op \(asOf) is vastgelegd in \(relative)"
                    + (key.map { ", ondertekend met sleutel \($0.publicKey.id)" } ?? "")))
        if let key, result.portfolio?.snapshotKeyID == nil {
            print(
                Output.text(
                    "Builds check the signature once normfolio.yml names the public key: "
                        + "snapshot_key: <the .pub file of key \(key.publicKey.id)>",
                    nl: "Builds controleren de handtekening zodra normfolio.yml de publieke sleutel noemt: "
                        + "snapshot_key: <het .pub-bestand van sleutel \(key.publicKey.id)>"))
        }
    }

    /// With the board's key configured, a snapshot must be signed with that key: builds use no other.
    private func checkKey(_ key: SigningKey?, against configured: String?) throws {
        guard let configured else { return }
        guard let key else {
            Output.printError(
                Output.text(
                    "error: normfolio.yml names the board's key \(configured) (snapshot_key), and builds use only "
                        + "snapshots signed with it; sign this one with --sign KEY. No snapshot was written",
                    nl: "error: normfolio.yml noemt de sleutel \(configured) van het bestuur (snapshot_key), en "
                        + "builds gebruiken alleen snapshots die daarmee ondertekend zijn; onderteken deze met "
                        + "--sign SLEUTEL. Er is geen snapshot geschreven"))
            throw ExitCode(1)
        }
        if key.publicKey.id != configured {
            Output.printError(
                Output.text(
                    "error: the key given with --sign is \(key.publicKey.id), not the board's key \(configured) "
                        + "that normfolio.yml names (snapshot_key); no snapshot was written",
                    nl: "error: de sleutel bij --sign is \(key.publicKey.id), niet de sleutel \(configured) van het "
                        + "bestuur die normfolio.yml noemt (snapshot_key); er is geen snapshot geschreven"))
            throw ExitCode(1)
        }
    }

    /// The real place of a file in `Snapshots/`: never through a link out of the portfolio.
    private func place(_ name: String, in portfolio: String) throws -> URL {
        do {
            return try PortfolioPlace.resolve(name, in: Snapshot.folder, portfolio: portfolio)
        } catch {
            Output.printError(
                "error: \(error.localizedDescription.escapingControlCharacters)"
                    + Output.text("; nothing was written", nl: "; er is niets geschreven"))
            throw ExitCode(1)
        }
    }

    /// Signs the snapshots that are sealed but not signed, and whose checksum holds.
    private func signSnapshots(with key: SigningKey, options: BuildOptions) throws {
        try checkKey(key, against: Normfolio.check(options).portfolio?.snapshotKeyID)
        let folder = URL(fileURLWithPath: options.portfolio).appendingPathComponent(Snapshot.folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.lowercased().hasSuffix(".json") }
        var signed = 0
        for name in names.sorted() {
            let shown = "\(Snapshot.folder)/\(name)".escapingControlCharacters
            let url = try place(name, in: options.portfolio)
            guard let text = try? String(contentsOf: url, encoding: .utf8), let signedText = Snapshot.signing(text, with: key) else {
                print(
                    Output.text(
                        "Not signed: \(shown) (signed already, not sealed by normfolio, or changed since it was sealed)",
                        nl: "Niet ondertekend: \(shown) (al ondertekend, niet door normfolio verzegeld, of veranderd "
                            + "sinds het verzegelen)"))
                continue
            }
            try Data(signedText.utf8).write(to: url, options: .atomic)
            print(Output.text("Signed \(shown) with key \(key.publicKey.id)", nl: "\(shown) ondertekend met sleutel \(key.publicKey.id)"))
            signed += 1
        }
        print(
            Output.text(
                "\(Output.count(signed, "snapshot", "snapshots")) signed.", nl: "\(Output.count(signed, "snapshot", "snapshots")) ondertekend."))
    }
}
