import ArgumentParser
import Foundation
import NormfolioKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new evidence document with complete front matter, or a new register.",
        discussion: """
            Writes Content/<folder>/<name>.md in the portfolio, named after the title, with every \
            front-matter field filled in or ready to fill in. With --register, writes \
            Content/registers/<register>.yml instead: the register's fields and one example entry with \
            every field explained. Existing files are never overwritten.
            """)

    @Argument(help: "The document's title.")
    var title: String?

    @Option(help: ArgumentHelp("The norm IDs it supports, separated by commas.", valueName: "IDS"))
    var norms: String?

    @Option(
        help: ArgumentHelp(
            "Write a new register instead: verwerkingen, verwerkers, dpia, datalekken or bevindingen.",
            valueName: "REGISTER"))
    var register: String?

    @Option(help: "The kind of document: beleid, procedure, register, rapport, testrapport, screenshot, contract, dpia, training, notulen or overig.")
    var type: String = "overig"

    @Option(help: NewDocumentOptions.classificationHelp)
    var classification: String = "intern"

    @Option(help: "The folder under Content/ to put it in.")
    var folder: String = "documenten"

    @Option(help: "The portfolio folder.", completion: .directory)
    var portfolio: String = "."

    func validate() throws {
        Output.speak(portfolio: portfolio)
        if let register {
            guard RegisterKind(rawValue: register.lowercased()) != nil else {
                throw ValidationError(
                    Output.text(
                        "unknown register '\(register)'; use one of: ",
                        nl: "onbekend register '\(register)'; "
                            + "gebruik een van: ") + RegisterKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return
        }
        guard title != nil else {
            throw ValidationError(
                Output.text(
                    "give the document's title (or --register to write a register)",
                    nl: "geef de titel van het document (of --register om een register te schrijven)"))
        }
        try NewDocumentOptions.validate(norms: normIDs, type: type, classification: classification, folder: folder)
    }

    var normIDs: [String] { NewDocumentOptions.normIDs(norms ?? "") }

    func run() throws {
        Output.speak(portfolio: portfolio)
        let today = Day(Date())
        if let register, let kind = RegisterKind(rawValue: register.lowercased()) {
            try write("registers/\(kind.rawValue).yml", RegisterTemplate.yaml(kind, today: today, language: Output.language))
            if kind == .dpia {
                print(
                    Output.text(
                        "Fill in 'verwerking' with the id of a processing activity in Content/registers/verwerkingen.yml.",
                        nl: "Vul bij 'verwerking' de id in van een verwerking in Content/registers/verwerkingen.yml."))
            }
            return
        }
        let title = title ?? ""
        let name = Slug.make(title)
        let text =
            EvidenceTemplate.frontMatter(
                title: title, norms: normIDs, type: type.lowercased(),
                classification: NewDocumentOptions.classificationName(classification),
                date: today, reviewBy: today.adding(years: 1), language: Output.language)
            + EvidenceTemplate.body(title: title, norm: normIDs.first)
        try write("\(folder)/\(name).md", text)
    }

    /// Writes a new file at `relative` under Content/; an existing file (or a link) is never
    /// overwritten, and nothing is written through a symbolic link that leads out of the portfolio.
    private func write(_ relative: String, _ text: String) throws {
        let shown = ("Content/" + relative).escapingControlCharacters
        let url: URL
        do {
            url = try PortfolioPlace.resolve(relative, in: "Content", portfolio: portfolio)
        } catch {
            Output.printError(
                "error: \(error.localizedDescription.escapingControlCharacters)"
                    + Output.text("; nothing was written", nl: "; er is niets geschreven"))
            throw ExitCode(1)
        }
        guard !PortfolioPlace.exists(url) else {
            Output.printError(
                Output.text(
                    "error: \(shown) already exists; nothing was written",
                    nl: "error: \(shown) bestaat al; er is niets geschreven"))
            throw ExitCode(1)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        print(Output.text("Created", nl: "Gemaakt:") + " \(shown)")
    }
}
