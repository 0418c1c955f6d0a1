import ArgumentParser
import Foundation
import NormfolioKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn Word (.docx) and OpenDocument (.odt) files into evidence documents.",
        discussion: """
            Converts each file with pandoc (install it with 'sudo apt-get install pandoc') into \
            Content/<folder>/<name>.md with complete front matter: the title from the document's \
            properties or its first heading, the norms you give, and the classification vertrouwelijk \
            unless you give another. Images are saved next to it in <name>-bestanden/; tables become \
            pipe tables, or HTML tables when cells are merged. What could not be converted is listed. \
            A file with pending tracked changes is refused unless you decide them with --accept-changes \
            or --reject-changes; comments are left out (and counted) unless you use --keep-comments. \
            Existing documents are not replaced unless you use --force.
            """)

    @Argument(help: "The .docx or .odt files.", completion: .file(extensions: ["docx", "odt"]))
    var files: [String]

    @Option(help: ArgumentHelp("The norm IDs the documents support, separated by commas.", valueName: "IDS"))
    var norms: String

    @Option(help: "The kind of document: beleid, procedure, register, rapport, testrapport, screenshot, contract, dpia, training, notulen or overig.")
    var type: String = "overig"

    @Option(
        help: ArgumentHelp(NewDocumentOptions.classificationHelp.abstract + " The default, vertrouwelijk, publishes nothing more widely by accident.")
    )
    var classification: String = "vertrouwelijk"

    @Option(help: "The folder under Content/ to put them in.")
    var folder: String = "geimporteerd"

    @Option(help: "The portfolio folder.", completion: .directory)
    var portfolio: String = "."

    @Flag(help: "Replace documents that exist already.")
    var force = false

    @Flag(help: "Accept the pending tracked changes of the files (the choice is written in the front matter).")
    var acceptChanges = false

    @Flag(help: "Reject the pending tracked changes of the files (the choice is written in the front matter).")
    var rejectChanges = false

    @Flag(help: "Keep reviewers' comments as notes in the documents (without their authors' names).")
    var keepComments = false

    @Flag(help: "Keep each file itself as an attachment of its document, with its SHA-256.")
    var keepOriginal = false

    func validate() throws {
        Output.speak(portfolio: portfolio)
        try NewDocumentOptions.validate(norms: normIDs, type: type, classification: classification, folder: folder)
        if acceptChanges && rejectChanges {
            throw ValidationError(
                Output.text(
                    "choose one of --accept-changes and --reject-changes",
                    nl: "kies een van --accept-changes en --reject-changes"))
        }
        for file in files where !["docx", "odt"].contains(URL(fileURLWithPath: file).pathExtension.lowercased()) {
            throw ValidationError(
                Output.text(
                    "'\(file.escapingControlCharacters)' is not a .docx or .odt file",
                    nl: "'\(file.escapingControlCharacters)' is geen .docx- of .odt-bestand"))
        }
    }

    var normIDs: [String] { NewDocumentOptions.normIDs(norms) }

    func run() throws {
        Output.speak(portfolio: portfolio)
        let options = OfficeImport.Options(
            norms: normIDs, type: type.lowercased(), classification: NewDocumentOptions.classificationName(classification), folder: folder,
            overwrite: force,
            changes: acceptChanges ? .accept : rejectChanges ? .reject : nil, keepComments: keepComments,
            keepOriginal: keepOriginal)
        var failed = false
        var imported = 0
        for file in files {
            do {
                let report = try OfficeImport.run(URL(fileURLWithPath: file), portfolio: URL(fileURLWithPath: portfolio), options: options)
                imported += 1
                print(
                    Output.text("Imported", nl: "Geïmporteerd:")
                        + " \(file.escapingControlCharacters) → \(report.document.escapingControlCharacters) "
                        + "(\"\(report.title.escapingControlCharacters)\")")
                Output.report(report.diagnostics)
                for line in ImportSummary.lines(of: report, portfolio: portfolio) { print("  " + line.escapingControlCharacters) }
            } catch let failure as OfficeImport.Failure where failure.diagnostic != nil {
                Output.report([failure.diagnostic!])
                failed = true
            } catch {
                Output.printError("error: \(file.escapingControlCharacters): \(error.localizedDescription.escapingControlCharacters)")
                failed = true
            }
        }
        if imported > 0 { print(ImportSummary.editions(classification: options.classification, count: imported)) }
        if failed { throw ExitCode(1) }
        let place = portfolio == "." ? "" : " " + portfolio.escapingControlCharacters
        print(Output.text("Check the result with:", nl: "Controleer het resultaat met:") + " normfolio check" + place)
    }
}

/// The checks `new` and `import` share for what they are asked to write.
enum NewDocumentOptions {
    /// The help text of `--classification`: every name front matter accepts.
    static let classificationHelp = ArgumentHelp(
        "openbaar, intern, vertrouwelijk or strikt-vertrouwelijk; the English public, internal, confidential and secret work too.")

    /// How front matter is written for a classification given by any accepted name: its Dutch name.
    static func classificationName(_ given: String) -> String { Classification(name: given)?.name ?? given }

    static func normIDs(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func validate(norms: [String], type: String, classification: String, folder: String) throws {
        let catalog = Catalog.builtIn()
        for id in norms where !catalog.contains(id) {
            let suggestion = catalog.suggestion(for: id)
            throw ValidationError(
                Output.text(
                    "unknown norm ID '\(id)'\(suggestion.map { " (did you mean '\($0)'?)" } ?? ""); "
                        + "'normfolio norms' lists them",
                    nl: "onbekende norm-ID '\(id)'\(suggestion.map { " (bedoelde je '\($0)'?)" } ?? ""); "
                        + "'normfolio norms' toont ze"))
        }
        if norms.isEmpty {
            throw ValidationError(Output.text("give at least one norm ID with --norms", nl: "geef minstens één norm-ID met --norms"))
        }
        let types = DocumentTypes.all
        guard types.contains(type.lowercased()) else {
            throw ValidationError(
                Output.text("unknown type '\(type)'; use one of: ", nl: "onbekend type '\(type)'; gebruik een van: ")
                    + types.joined(separator: ", "))
        }
        guard Classification(name: classification) != nil else {
            throw ValidationError(
                Output.text(
                    "unknown classification '\(classification)'; use openbaar, intern, vertrouwelijk or "
                        + "strikt-vertrouwelijk (or public, internal, confidential, secret)",
                    nl: "onbekende classificatie '\(classification)'; gebruik openbaar, intern, vertrouwelijk "
                        + "of strikt-vertrouwelijk"))
        }
        guard !folder.contains(".."), !folder.hasPrefix("/"), !["norms", "pages"].contains(folder.split(separator: "/").first ?? "") else {
            throw ValidationError(
                Output.text(
                    "choose a folder inside Content/ other than norms/ and pages/",
                    nl: "kies een map in Content/, maar niet norms/ of pages/"))
        }
    }
}
