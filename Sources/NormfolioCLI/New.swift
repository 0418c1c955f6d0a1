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

    @Option(help: "openbaar, intern, vertrouwelijk or strikt-vertrouwelijk.")
    var classification: String = "intern"

    @Option(help: "The folder under Content/ to put it in.")
    var folder: String = "documenten"

    @Option(help: "The portfolio folder.", completion: .directory)
    var portfolio: String = "."

    func validate() throws {
        let catalog = Catalog.builtIn()
        for id in normIDs where !catalog.contains(id) {
            let hint = catalog.suggestion(for: id).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("unknown norm ID '\(id)'\(hint); 'normfolio norms' lists them")
        }
        if normIDs.isEmpty { throw ValidationError("give at least one norm ID with --norms") }
        let types = DocumentTypes.all
        guard types.contains(type) else { throw ValidationError("unknown type '\(type)'; use one of: \(types.joined(separator: ", "))") }
        guard Classification.allCases.map(\.name).contains(classification) else {
            throw ValidationError("unknown classification '\(classification)'")
        }
        guard !folder.contains(".."), !folder.hasPrefix("/"), !["norms", "pages"].contains(folder.split(separator: "/").first ?? "") else {
            throw ValidationError("choose a folder inside Content/ other than norms/ and pages/")
        }
    }

    var normIDs: [String] {
        norms.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let today = Day(Date())
        let name = Slug.make(title)
        let relative = "Content/\(folder)/\(name).md"
        let url = URL(fileURLWithPath: portfolio).appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            Output.printError("error: \(relative) already exists; nothing was written")
            throw ExitCode(1)
        }
        let quotedTitle = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let text = """
            ---
            title: \(quotedTitle)
            norms: [\(normIDs.joined(separator: ", "))]
            type: \(type)
            classification: \(classification)
            owner:                      # who is responsible for this document
            date: \(today)
            # approved_by: College van Bestuur   # who adopted it (adoption counts for level 3)
            # approved_on: \(today)
            review_by: \(Day(Calendar.current.date(byAdding: .year, value: 1, to: Date()) ?? Date()))
            # attachments: [bestanden/document.pdf]
            ---
            # \(title)

            Beschrijf hier het bewijs. Verwijs naar normen met hun ID, zoals \(normIDs[0]).

            """
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        print("Created \(relative)")
    }
}
