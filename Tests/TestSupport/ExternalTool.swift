import Foundation
import Testing

/// Test infrastructure both test targets share.
///
/// A test that needs a program besides normfolio (python3 with a module, node, openssl,
/// WeasyPrint) says so with `.needs(…)`: where the program is missing the test is skipped with a
/// message that names it and how to install it. `make test` and CI install every one of them and
/// set `NORMFOLIO_REQUIRE_TOOLS=1`, which turns a missing program into a failure instead, so a
/// test is never skipped there in silence.
public enum ExternalTool {
    /// Whether `arguments` (a program on the PATH and its arguments) runs and exits with status 0.
    public static func works(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Whether missing programs fail tests instead of skipping them.
    public static var required: Bool { ProcessInfo.processInfo.environment["NORMFOLIO_REQUIRE_TOOLS"] == "1" }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where `probe` (a command line) succeeds, or where programs are required.
    /// `what` names the program and how to get it: "python3 with openpyxl (pip install openpyxl)".
    public static func needs(_ what: String, probe: [String]) -> Self {
        .enabled("needs \(what); make test installs it") { ExternalTool.required || ExternalTool.works(probe) }
    }
}
