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
            its SHA-256. Commit it. Later builds show the progress since, on the home page, the report, \
            the Voortgang page and each norm page; a snapshot edited by hand is reported.
            """)

    @OptionGroup var content: ContentOptions

    @Flag(help: "Replace a snapshot of the same reference date.")
    var force = false

    func run() throws {
        let options = BuildOptions(portfolio: content.portfolio, audience: .auditor, asOf: content.asOf, strict: content.strict)
        let (result, asOf, text) = Normfolio.snapshot(options)
        Output.report(result.diagnostics)
        guard let asOf, let text else {
            Output.printError("error: the portfolio has errors; no snapshot was written")
            throw ExitCode(1)
        }
        let relative = "\(Snapshot.folder)/\(asOf).json"
        let url = URL(fileURLWithPath: options.portfolio).appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) && !force {
            Output.printError("error: \(relative) already exists; use --force to replace it")
            throw ExitCode(1)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
        print("Recorded the state at \(asOf) in \(relative)")
    }
}
