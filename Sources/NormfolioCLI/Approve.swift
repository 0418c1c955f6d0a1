import ArgumentParser
import Foundation
import NormfolioKit

struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that a document's text was adopted, consented to or advised on.",
        discussion: """
            Writes approved_by, approved_on and approved_sha256 into the document's front matter \
            (with --as consent: consent_*, the (G)MR's consent; --as advice: advice_*, the FG's advice). \
            The hash binds the record to the text as it is now: when the body or any other field changes \
            later, check and build warn that the approval no longer holds, and an adoption no longer counts.
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
        guard Approval.Kind(rawValue: kind) != nil else { throw ValidationError("--as must be approved, consent or advice") }
        if let on, Day(on) == nil { throw ValidationError("'\(on)' is not a date; write YYYY-MM-DD") }
        guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--by needs a name") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            Output.printError("error: \(path) cannot be read as UTF-8 text")
            throw ExitCode(1)
        }
        // An approval of example text would record an adoption of nothing.
        if Placeholder.holdsExampleText(text) {
            Output.printError("error: \(path.escapingControlCharacters) still holds the example text normfolio wrote; replace it with "
                              + "the document's own text before it is approved; nothing was written")
            throw ExitCode(1)
        }
        let day = on.flatMap(Day.init) ?? Day(Date())
        guard let kind = Approval.Kind(rawValue: kind),
              let updated = Approval.recording(kind, by: by.trimmingCharacters(in: .whitespaces), on: day, in: text, path: path) else {
            Output.printError("error: \(path) has no front matter that can be read; nothing was written")
            throw ExitCode(1)
        }
        try Data(updated.utf8).write(to: url, options: .atomic)
        let digest = Approval.digest(ofMarkdown: updated, path: path) ?? ""
        print("Recorded in \(path): \(kind.rawValue)_by \(by), \(kind.rawValue)_on \(day), sha256 \(digest.prefix(12))…")
    }
}
