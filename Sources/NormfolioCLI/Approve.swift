import ArgumentParser
import Foundation
import NormfolioKit

struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that a document's text was adopted, consented to or advised on.",
        discussion: """
            Writes approved_by, approved_on and approved_sha256 into the document's front matter \
            (with --as consent: consent_*, the (G)MR's consent; --as advice: advice_*, the FG's advice). \
            The hash binds the record to the document as it is now: its body, every other field, and \
            every attachment and image it uses. When any of them changes later, check and build warn \
            that the approval no longer holds, and an adoption no longer counts. The document is read \
            as check reads it; a document with errors is not approved.
            """)

    @Argument(help: "The evidence document (a Markdown file under Content/).", completion: .file(extensions: ["md"]))
    var path: String

    @Option(help: "Who approved it, such as \"College van Bestuur\".")
    var by: String

    @Option(help: ArgumentHelp("The day it was approved (YYYY-MM-DD); today when not given.", valueName: "DATE"))
    var on: String?

    @Option(name: .customLong("as"), help: "approved (adopted by the board, the default), consent ((G)MR) or advice (FG).")
    var kind: String = "approved"

    func validate() throws {
        guard Approval.Kind(rawValue: kind) != nil else {
            throw ValidationError(Output.text("--as must be approved, consent or advice", nl: "--as moet approved, consent of advice zijn"))
        }
        if let on, Day(on) == nil {
            let shown = on.escapingControlCharacters
            throw ValidationError(Output.text("'\(shown)' is not a date; write YYYY-MM-DD", nl: "'\(shown)' is geen datum; schrijf JJJJ-MM-DD"))
        }
        guard !by.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(Output.text("--by needs a name", nl: "--by heeft een naam nodig"))
        }
        // A name is one line: a line break or another control character would be a name no one can read back.
        guard by.escapingControlCharacters == by else {
            throw ValidationError(
                Output.text(
                    "--by '\(by.escapingControlCharacters)' holds a line break or another control character; "
                        + "give the name on one line",
                    nl: "--by '\(by.escapingControlCharacters)' bevat een regeleinde of een ander stuurteken; "
                        + "geef de naam op één regel"))
        }
    }

    func run() throws {
        let shown = path.escapingControlCharacters
        guard let place = PortfolioPlace.document(path) else {
            Output.printError(
                Output.text(
                    "error: \(shown) is not a document under the Content/ folder of a portfolio; nothing was written",
                    nl: "error: \(shown) is geen document in de map Content/ van een portfolio; er is niets geschreven"))
            throw ExitCode(1)
        }
        Output.speak(portfolio: place.portfolio)
        let nothing = Output.text("; nothing was written", nl: "; er is niets geschreven")
        // Written where the document really is: a symbolic link stays a link, and one that leads out of
        // the portfolio is refused, as build refuses to read through it.
        let target: URL
        do {
            target = try PortfolioPlace.resolve(String(place.source.dropFirst("Content/".count)), in: "Content", portfolio: place.portfolio)
        } catch {
            Output.printError("error: \(shown): \(error.localizedDescription.escapingControlCharacters)" + nothing)
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: target.path) else {
            Output.printError("error: \(shown)" + Output.text(" cannot be read", nl: " kan niet worden gelezen") + nothing)
            throw ExitCode(1)
        }
        // An approval of example text would record an adoption of nothing.
        if Placeholder.holdsExampleText(String(decoding: data, as: UTF8.self)) {
            Output.printError(
                "error: \(shown)"
                    + Output.text(
                        " still holds the example text normfolio wrote; replace it with "
                            + "the document's own text before it is approved",
                        nl: " bevat nog de voorbeeldtekst die normfolio schreef; vervang die door "
                            + "de eigen tekst van het document voordat het wordt vastgesteld") + nothing)
            throw ExitCode(1)
        }
        let day = on.flatMap(Day.init) ?? Day(Date())
        let checked = Normfolio.check(BuildOptions(portfolio: place.portfolio))
        guard let kind = Approval.Kind(rawValue: kind) else { throw ExitCode(64) }
        let recorded: (data: Data, digest: String)
        do {
            recorded = try Approval.recording(
                kind, by: by.trimmingCharacters(in: .whitespaces), on: day, in: data,
                source: place.source, checked: checked)
        } catch {
            if case .errors(let found) = error { Output.report(found) }
            if case .notADocument(let found) = error { Output.report(found.filter { $0.severity == .error }) }
            Output.printError("error: \(shown) \(Output.text(error.description, nl: error.descriptionNL))" + nothing)
            throw ExitCode(1)
        }
        try recorded.data.write(to: target, options: .atomic)
        print(
            Output.text("Recorded in", nl: "Vastgelegd in")
                + " \(shown): \(kind.rawValue)_by \(by.escapingControlCharacters), \(kind.rawValue)_on \(day), "
                + "sha256 \(recorded.digest.prefix(12))…")
    }
}
