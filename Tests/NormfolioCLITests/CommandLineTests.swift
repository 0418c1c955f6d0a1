import ArgumentParser
import Foundation
import Testing

@testable import NormfolioCLI
@testable import NormfolioKit

/// The command line parsed in the test's own process, without running anything: which options a
/// command takes, and the message a wrong one gets.
@Suite struct CommandLineTests {
    /// A portfolio folder that exists (commands check that first).
    static let portfolio = CommandTests.fixtures.appendingPathComponent("portfolio").path

    /// The terminal in English for the commands parsed in this process (the fixtures' portfolios
    /// are Dutch, and the messages asserted English), set once before the first parse.
    static let english: Void = { setenv("NORMFOLIO_LANGUAGE", "en", 1) }()

    func parse(_ arguments: [String]) throws -> ParsableCommand {
        Self.english
        return try NormfolioCommand.parseAsRoot(arguments)
    }

    /// The message a user sees for `arguments`, as the command prints it.
    func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try parse(arguments)
            return nil
        } catch {
            return NormfolioCommand.message(for: error)
        }
    }

    @Test func buildTakesItsOptions() throws {
        let build = try #require(
            try parse([
                "build", Self.portfolio, "--as-of", "2026-12-01", "--audience", "auditor", "--zip", "p.zip", "-o", "out",
                "--pdf", "--strict",
            ]) as? Build)
        #expect(build.content.portfolio == Self.portfolio && build.content.asOf == Day("2026-12-01") && build.content.strict)
        #expect(build.audience == .auditor && build.zip == "p.zip" && build.output == "out" && build.pdf && !build.pdfTagged)
        let plain = try #require(try parse(["build"]) as? Build)
        #expect(plain.content.portfolio == "." && plain.audience == .intranet && plain.content.asOf == nil)
    }

    /// One parser for a date on the command line: every command that takes `--as-of` says the same.
    @Test func aWrongDateGetsTheSameMessageEverywhere() {
        for command in [["build"], ["check"], ["serve"], ["snapshot"]] {
            let message = refusal(command + ["--as-of", "2026-13-45"])
            #expect(message?.contains("'2026-13-45' is not a date; write YYYY-MM-DD") == true, "\(command): \(message ?? "accepted")")
        }
    }

    @Test func aWrongAudienceNamesTheChoices() {
        let message = refusal(["build", "--audience", "bestuur"]) ?? ""
        #expect(message.contains("bestuur") && message.contains("intranet") && message.contains("accountant") && message.contains("auditor"))
    }

    @Test func checkTakesAFormat() throws {
        #expect((try parse(["check", "--format", "sarif"]) as? Check)?.format == .sarif)
        #expect(refusal(["check", "--format", "xml"])?.contains("xml") == true)
    }

    @Test func importRefusesTwoChoicesForTrackedChanges() {
        let message = refusal(["import", "a.docx", "--norms", "GO.02", "--accept-changes", "--reject-changes"])
        #expect(message?.contains("choose one of --accept-changes and --reject-changes") == true, "\(message ?? "accepted")")
    }

    @Test func anUnknownCommandOrOptionIsRefused() {
        #expect(refusal(["bouw"]) != nil)
        #expect(
            refusal(["build", Self.portfolio, "--audiense", "auditor"])?.contains("Unknown option '--audiense'. Did you mean '--audience'?") == true)
        #expect(refusal(["build", "/nergens"])?.contains("portfolio folder '/nergens' does not exist") == true)
    }
}
