import Foundation

/// A program on this machine that normfolio runs as a separate process (never links): found on
/// the PATH, run in a folder, its output and messages read without either pipe filling up.
struct ExternalProgram: Sendable {
    let executable: URL

    /// The program called `name` on the PATH, or nil.
    static func locate(_ name: String) -> ExternalProgram? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for folder in paths {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return ExternalProgram(executable: candidate) }
        }
        return nil
    }

    struct Output: Sendable {
        var status: Int32
        var output: Data
        var messages: String
    }

    /// Runs the program with `arguments` in `folder`, with `environment` added to this process's.
    func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Messages are read beside the output: the program may fill one pipe before it is done with the other.
        let messages = MessageBuffer()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { messages.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return Output(status: process.terminationStatus, output: output, messages: String(decoding: messages.data, as: UTF8.self))
    }
}

/// Bytes one thread reads for another; the dispatch group's wait orders the write before the read.
private final class MessageBuffer: @unchecked Sendable {
    var data = Data()
}
