import ArgumentParser
import Foundation
import NormfolioKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new portfolio: normfolio.yml, two example documents, one assessment and a register of processing activities.",
        discussion: """
            Existing files are never overwritten. With --theme, the built-in templates and styles are \
            copied to Templates/, Public/ and Strings/ so you can adapt them; without it the site always uses \
            the theme of the installed normfolio.
            """)

    @Argument(help: "The folder to create the portfolio in.", completion: .directory)
    var directory: String = "."

    @Flag(help: "Also copy the built-in theme (Templates/, Public/, Strings/) for customising.")
    var theme = false

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        var files = Starter.files(today: Day(Date()), language: Output.language)
        if theme { files.merge(Starter.themeFiles(), uniquingKeysWith: { a, _ in a }) }
        let existing = files.keys.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        if !existing.isEmpty {
            let names = existing.sorted().joined(separator: ", ")
            Output.printError(
                Output.text(
                    "error: '\(directory.escapingControlCharacters)' already has \(names); nothing was written",
                    nl: "error: '\(directory.escapingControlCharacters)' heeft al \(names); er is niets geschreven"))
            throw ExitCode(1)
        }
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let shown = directory == "." ? "" : " \(directory.escapingControlCharacters)"
        let pad = String(repeating: " ", count: max(1, 24 - shown.count))
        print(
            Output.text(
                """
                Created a portfolio in \(directory.escapingControlCharacters) with \(files.count) files.

                Next steps:
                  normfolio check\(shown)\(pad)report problems in the content
                  normfolio build\(shown)\(pad)write the site to _site/, then open _site/index.html
                  normfolio norms                         list the norm IDs to use in 'norms: [...]'

                Add evidence as Markdown files under Content/, one per document, and your own assessment
                of a norm as Content/norms/<ID>.md.
                """,
                nl: """
                    Portfolio gemaakt in \(directory.escapingControlCharacters) met \(files.count) bestanden.

                    Volgende stappen:
                      normfolio check\(shown)\(pad)meld problemen in de inhoud
                      normfolio build\(shown)\(pad)schrijf de site naar _site/ en open _site/index.html
                      normfolio norms                         toon de norm-ID's voor 'norms: [...]'

                    Zet bewijsstukken als Markdown-bestanden in Content/, één per document, en je eigen
                    beoordeling van een norm in Content/norms/<ID>.md.
                    """))
    }
}

/// The files `normfolio init` writes.
enum Starter {
    static func themeFiles() -> [String: Data] {
        var files: [String: Data] = [:]
        for (name, data) in Theme.builtInFiles(under: "Templates") { files["Templates/" + name] = data }
        for (name, data) in Theme.builtInFiles(under: "Public") { files["Public/" + name] = data }
        for (name, data) in Theme.builtInFiles(under: "Strings") { files["Strings/" + name] = data }
        return files
    }

    /// The example files, dated around `today` so a new portfolio starts without expired evidence,
    /// with their comments in `language` (the terminal's); the texts of the examples are Dutch.
    static func files(today: Day, language: Language = .en) -> [String: Data] {
        let dutch = language == .nl
        let adopted = dutch ? "wie het vaststelde: leg dat vast met normfolio approve" : "who adopted it: record it with normfolio approve"
        func date(years: Int = 0, months: Int = 0) -> String {
            let total = today.year * 12 + (today.month - 1) + years * 12 + months
            let (year, month) = (total / 12, total % 12 + 1)
            return Day(String(format: "%04d-%02d-%02d", year, month, min(today.day, 28)))?.description ?? today.description
        }
        let (lastMonth, inTwoYears, inAYear, inHalfAYear) = (date(months: -1), date(years: 2), date(years: 1), date(months: 6))
        return [
            "normfolio.yml": Data(
                (dutch
                    ? settingsNL
                    : """
                    # normfolio settings. Every key is optional.
                    organisation: Mijn schoolbestuur   # shown on every page
                    title: IBP-portfolio                # the site's title
                    language: nl                        # nl (default) or en: the site's interface language
                    target: 3                           # default target maturity level per norm (1-5)
                    # as_of: 2026-12-01                 # reference date (peildatum); default: the day of the build
                    # catalog: extra-norms.yml          # optional: add norms or correct titles
                    # board: College van Bestuur        # the board as it is named as owner: its actions are on the agenda
                    # intranet: [verwerkingen]          # what the intranet edition shows besides its documents and pages
                    # contacts:                         # whom staff can contact, on the home page
                    #   - role: Functionaris gegevensbescherming
                    #     email: fg@example.org
                    # breach_instructions: Meld een (vermoedelijk) datalek direct bij de servicedesk.

                    """).utf8),
            "Content/beleid/informatiebeveiligingsbeleid.md": Data(
                """
                ---
                title: Informatiebeveiligings- en privacybeleid
                norms: [GO.02, GO.01]
                type: beleid
                classification: openbaar
                owner: Bestuurssecretaris
                date: \(lastMonth)
                # approved_by: College van Bestuur   # \(adopted)
                # approved_on: \(lastMonth)
                review_by: \(inTwoYears)
                ---
                # Doel

                \(EvidenceTemplate.exampleSentences[1])
                Verwijs naar normen met hun ID, zoals GO.02 en GO.01.

                Zie ook de [procedure voor datalekken](../procedures/datalekken.md).

                """.utf8),
            "Content/procedures/datalekken.md": Data(
                """
                ---
                title: Procedure datalekken
                norms: [GB.01, GB.02]
                type: procedure
                classification: intern
                owner: Functionaris gegevensbescherming
                date: \(lastMonth)
                review_by: \(inAYear)
                ---
                # Melden en afhandelen

                \(EvidenceTemplate.exampleSentences[2])
                Denk aan: wie meldt waar, wie beoordeelt of het lek bij de Autoriteit Persoonsgegevens
                gemeld moet worden (GB.02), en binnen welke tijd.

                """.utf8),
            "Content/registers/verwerkingen.yml": Data(RegisterTemplate.yaml(.verwerkingen, today: today, language: language).utf8),
            "Content/norms/GO.02.md": Data(
                """
                ---
                level: 2
                target: 3
                owner: Bestuurssecretaris
                reviewed_on: \(lastMonth)
                next_review: \(inAYear)
                actions:
                  - title: Beleid bespreken in alle teams
                    owner: Bestuurssecretaris
                    due: \(inHalfAYear)
                    status: open
                ---
                \(EvidenceTemplate.exampleSentences[3])

                """.utf8),
        ]
    }

    /// normfolio.yml with its comments in Dutch.
    static let settingsNL = """
        # Instellingen van normfolio. Elke sleutel is optioneel.
        organisation: Mijn schoolbestuur   # op elke pagina
        title: IBP-portfolio                # de titel van de site
        language: nl                        # nl (standaard) of en: de taal van de site
        target: 3                           # het standaard doelniveau per norm (1-5)
        # as_of: 2026-12-01                 # de peildatum; standaard de dag van de build
        # catalog: extra-norms.yml          # optioneel: normen toevoegen of titels verbeteren
        # board: College van Bestuur        # het bestuur zoals het als eigenaar heet: zijn acties staan op de agenda
        # intranet: [verwerkingen]          # wat de intranetversie toont naast de documenten en pagina's
        # contacts:                         # bij wie medewerkers terechtkunnen, op de startpagina
        #   - role: Functionaris gegevensbescherming
        #     email: fg@example.org
        # breach_instructions: Meld een (vermoedelijk) datalek direct bij de servicedesk.

        """
}
