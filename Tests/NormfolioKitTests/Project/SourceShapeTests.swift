import Foundation
import Testing

@testable import NormfolioKit

/// The shape the sources keep: files a reader can take in (at most 400 lines each, split along a
/// seam a reader would name), and normfolio's own formats read back through their types only.
@Suite struct SourceShapeTests {
    static let limit = 400

    static func swiftFiles() -> [URL] {
        let sources = packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        return (files?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    @Test func noSourceFileIsOverTheLimit() throws {
        let files = Self.swiftFiles()
        #expect(files.count > 100)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(
                lines <= Self.limit,
                "\(file.path.dropFirst(packageRoot.path.count + 1)) has \(lines) lines, more than \(Self.limit): split it along a seam")
        }
    }

    /// The manifest, the snapshots and the exports are read with their Codable types
    /// (`Write/ExportModel.swift`), never as untyped JSON.
    @Test func normfoliosOwnJSONIsNotReadUntyped() throws {
        for file in Self.swiftFiles() where !file.path.contains("/Import/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("JSONSerialization"), "\(file.lastPathComponent) reads JSON untyped")
        }
    }
}
