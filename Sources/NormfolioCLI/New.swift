import ArgumentParser
import Foundation
import NormfolioKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new evidence document with complete front matter.",
        discussion: """
            Writes Content/<folder>/<name>.md in the portfolio, named after the title, with every \
            front-matter field filled in or ready to fill in. Existing files are never overwritten.
            """)

    @Argument(help: "The document's title.")
    var title: String

    @Option(help: ArgumentHelp("The norm IDs it supports, separated by commas.", valueName: "IDS"))
    var norms: String

    @Option(help: "The kind of document: beleid, procedure, register, rapport, testrapport, screenshot, contract, dpia, training, notulen or overig.")
    var type: String = "overig"

    @Option(help: NewDocumentOptions.classificationHelp)
    var classification: String = "intern"

    @Option(help: "The folder under Content/ to put it in.")
    var folder: String = "documenten"

    @Option(help: "The portfolio folder.", completion: .directory)
    var portfolio: String = "."

    func validate() throws {
        try NewDocumentOptions.validate(norms: normIDs, type: type, classification: classification, folder: folder)
    }

    var normIDs: [String] { NewDocumentOptions.normIDs(norms) }

    func run() throws {
        let today = Day(Date())
        let name = Slug.make(title)
        let relative = "Content/\(folder)/\(name).md"
        let url = URL(fileURLWithPath: portfolio).appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            Output.printError("error: \(relative) already exists; nothing was written")
            throw ExitCode(1)
        }
        let text = EvidenceTemplate.frontMatter(title: title, norms: normIDs, type: type.lowercased(),
                                                classification: NewDocumentOptions.classificationName(classification),
                                                date: today, reviewBy: today.adding(years: 1))
            + "# \(title)\n\nBeschrijf hier het bewijs. Verwijs naar normen met hun ID, zoals \(normIDs[0]).\n"
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        print("Created \(relative)")
    }
}
