import ArgumentParser
import Foundation

extension NormfolioCommand {
    /// Runs the command line. Every command but `serve` runs on the main thread and returns;
    /// only `serve` starts the main dispatch queue, which it needs for its signals and its tasks.
    ///
    /// An `async` main would drain the main queue (in `dispatch_main`) for every command, and
    /// valgrind cannot run a program that does: with this, `make bench` counts the instructions
    /// of a build under callgrind (docs/performance.md).
    public static func launch(_ arguments: [String]? = nil) -> Never {
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        guard let asynchronous = command as? AsyncParsableCommand else {
            do {
                try command.run()
                exit()
            } catch {
                exit(withError: error)
            }
        }
        // The command is handed to the one task that runs it, and used nowhere else.
        nonisolated(unsafe) var running = asynchronous
        Task { @MainActor in
            do {
                try await running.run()
                exit()
            } catch {
                exit(withError: error)
            }
        }
        dispatchMain()
    }
}
