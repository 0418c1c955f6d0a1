import ArgumentParser
import NormfolioKit

/// `normfolio docs`: the portfolio format's reference, from the binary itself.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the portfolio format's reference (docs/format.md), whole or one section.",
        discussion: """
            Without a topic it lists the sections. A topic is a section's name (registers, \
            evidence-documents, normfolio.yml, snapshots, diagnostics, …) or the start of one, or a \
            diagnostic's code (unknown-norm), which shows what that problem means.
            """)

    @Argument(help: "A section's name, the start of one, or a diagnostic's code.")
    var topic: String?

    func run() throws {
        guard let topic else {
            print("The sections of the portfolio format (normfolio docs <section>):")
            for section in FormatReference.sections() { print("  \(section.name)") }
            return
        }
        guard let text = FormatReference.lookup(topic) else {
            Output.printError(
                "error: the format's reference has no section or code '\(topic.escapingControlCharacters)'; "
                    + "'normfolio docs' lists the sections")
            throw ExitCode(1)
        }
        print(text, terminator: "")
    }
}
