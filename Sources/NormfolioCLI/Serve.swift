import ArgumentParser
import Foundation
import NormfolioKit
import NormfolioServe
import Synchronization

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site while you write: serve it and rebuild when a file changes.",
        discussion: """
            Reads the portfolio into memory (nothing is written), serves it on http://127.0.0.1:PORT and \
            watches Content/, Templates/, Public/ and the files in the portfolio folder. After a save, \
            only the changed files are read again and pages are rendered as the browser asks for them; \
            open pages reload by themselves. While the content has errors, the terminal and the browser \
            list them. Stop with Ctrl-C.
            """)

    @Argument(help: "The portfolio folder.", completion: .directory)
    var portfolio: String = "."

    @Option(help: "The port to serve on.")
    var port: UInt16 = 4000

    @Option(help: "The address to listen on (IPv4 or IPv6); 127.0.0.1 or ::1 keeps the preview on this computer.")
    var host: String = "127.0.0.1"

    @Option(help: "Who the preview is for: intranet, accountant or auditor.")
    var audience: Audience = .auditor

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("The reference date.", valueName: "YYYY-MM-DD"),
        transform: Day.argument)
    var asOf: Day?

    @Option(
        name: .customLong("allow-host"),
        help: ArgumentHelp(
            "Another name the preview answers to (for example this computer's name on the network); repeat for more. "
                + "Requests for any other name are refused, so web pages cannot read the preview through DNS rebinding.",
            valueName: "NAME"))
    var allowedHosts: [String] = []

    @Flag(help: "Print how long each stage of every rebuild took.")
    var timings = false

    @Option(help: "The preview's language, nl or en (default: language in normfolio.yml).")
    var language: Language?

    @Option(
        help: ArgumentHelp(
            "Preview the edition of one school (an id of schools: in normfolio.yml), as build --school writes it.",
            valueName: "ID"))
    var school: String?

    @Flag(help: "Also serve the report and the handbook as PDF, each made when it is opened (a few seconds); needs WeasyPrint.")
    var pdf = false

    func validate() throws {
        Output.speak(portfolio: portfolio, override: language)
        try ContentOptions.validate(portfolio: portfolio)
    }

    func run() async throws {
        Output.speak(portfolio: portfolio, override: language)
        var settings = BuildOptions(portfolio: URL(fileURLWithPath: portfolio).standardizedFileURL.path, audience: audience, asOf: asOf)
        settings.language = language
        settings.school = school
        if pdf {
            guard WeasyPrint.isInstalled else {
                Output.printError("error: " + WeasyPrint.missing.replacingOccurrences(of: "build --pdf", with: "serve --pdf"))
                throw ExitCode(2)
            }
            settings.pdf = .archival
        }
        let options = settings
        if !host.hasPrefix("127.") && host != "localhost" && host != "::1" && host != "[::1]" && audience != .intranet {
            // The preview defaults to everything; on a network address everyone who can reach it sees that.
            Output.printError(
                Output.text(
                    "warning: serving the \(audience.rawValue) edition (documents up to \(audience.publishesUpTo.name)) "
                        + "on \(host), where others on the network can open it; --audience intranet publishes only up to intern",
                    nl: "warning: de editie \(audience.rawValue) (documenten tot en met \(audience.publishesUpTo.name)) "
                        + "wordt getoond op \(host), waar anderen in het netwerk haar kunnen openen; --audience intranet "
                        + "publiceert alleen tot en met intern"))
        }
        let server = PreviewServer(options: options, timings: timings, language: Output.language) { line in Output.printError(line) }
        let (host, allowedHosts) = (self.host, self.allowedHosts)
        // Ctrl-C ends the server cleanly. The handlers are in place before the server starts, so a
        // signal that comes the moment it is ready is not lost.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stopping = StopSwitch()
        let interrupts = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler { stopping.stop() }
            source.resume()
            return source
        }
        defer { interrupts.forEach { $0.cancel() } }
        let task = Task {
            try await server.run(host: host, port: port, allowedHosts: allowedHosts) { listening in
                // Standard error is unbuffered, so scripts and people see this line at once.
                let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                let address = "http://\(shownHost):\(listening)/"
                Output.printError(
                    Output.text(
                        "Serving \(options.portfolio) on \(address)  (Ctrl-C to stop)",
                        nl: "\(options.portfolio) is te zien op \(address)  (Ctrl-C om te stoppen)"))
            }
        }
        stopping.set(task)
        do {
            try await task.value
            print(Output.text("Stopped.", nl: "Gestopt."))
        } catch  where task.isCancelled {
            // Stopping cancels the server; whatever it throws on the way out is a clean stop.
            print(Output.text("Stopped.", nl: "Gestopt."))
        } catch {
            if "\(error)".contains("EADDRINUSE") || "\(error)".localizedCaseInsensitiveContains("in use") {
                Output.printError(
                    Output.text(
                        "error: port \(port) on \(host) is already in use; choose another with --port",
                        nl: "error: poort \(port) op \(host) is al in gebruik; kies een andere met --port"))
            } else {
                Output.printError(
                    Output.text("error: could not serve on \(host):\(port): ", nl: "error: kan niet serveren op \(host):\(port): ")
                        + "\(error)")
            }
            throw ExitCode(2)
        }
    }
}

/// Cancels the server's task when a signal asks to stop, also one that came before the task was there.
private final class StopSwitch: Sendable {
    private let state = Mutex<(task: Task<Void, any Error>?, stopped: Bool)>((nil, false))

    func set(_ task: Task<Void, any Error>) {
        let stopped = state.withLock { state in
            state.task = task
            return state.stopped
        }
        if stopped { task.cancel() }
    }

    func stop() {
        let task = state.withLock { state in
            state.stopped = true
            return state.task
        }
        task?.cancel()
    }
}
