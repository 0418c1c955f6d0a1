import Foundation
import Testing
import ZIPFoundation

@testable import NormfolioKit

/// normfolio's SourceLocation, not Swift Testing's.
typealias SourceLocation = NormfolioKit.SourceLocation

/// The test target's folder, for fixtures and snapshots (this file is in its `Support/`).
let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let fixtures = testsFolder.appendingPathComponent("Fixtures")
/// A whole portfolio: a frozen copy of the sample, whose figures the tests counted by hand
/// (see its README). Tests never read the sample itself (the package's Content/).
let portfolioFixture = fixtures.appendingPathComponent("portfolio")
/// The package root: the docs, the sources and the theme's Public/.
let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

/// A small site with a point of attention of most kinds: the golden files are made from it.
let siteFixture = fixtures.appendingPathComponent("site").path

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("normfolio-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file below `folder`, path → bytes.
func contents(of folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = walker?.nextObject() as? URL {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try? Data(contentsOf: url)
        }
    }
    return files
}

/// A fixed "today" so no test depends on the clock.
let fixedToday = Day("2026-12-01")!

/// Text with position markers (1️⃣, 2️⃣, …) removed, and the 1-based line and column of each.
struct MarkedText {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]
    var text = ""
    var positions: [String: (line: Int, column: Int)] = [:]

    init(_ marked: String) {
        // Every marker ends in U+20E3 (combining keycap); most texts have none.
        guard marked.unicodeScalars.contains("\u{20E3}") else {
            text = marked
            return
        }
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for marker in Self.markers where rest.hasPrefix(marker) {
                positions[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(character)
            // LF, CRLF (one Character in Swift) and CR alone end a line, as they do for the reader.
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            rest = rest.dropFirst()
        }
    }

    func location(_ marker: String, in path: String) -> SourceLocation {
        let position = positions[marker]!
        return SourceLocation(path: path, line: position.line, column: position.column)
    }
}

/// Builds an in-memory portfolio under /p from relative path → text (markers allowed in the text).
struct MemoryPortfolio {
    var files: [String: String]
    var marked: [String: MarkedText] = [:]

    init(_ files: [String: String]) {
        var plain: [String: String] = [:]
        for (path, text) in files {
            let marks = MarkedText(text)
            marked[path] = marks
            plain[path] = marks.text
        }
        self.files = plain
    }

    var io: FileIO { .memory(root: "/p", files) }

    func check(asOf: Day? = nil) -> BuildResult {
        Normfolio.check(BuildOptions(portfolio: "/p", asOf: asOf), io: io, today: fixedToday)
    }

    func render(audience: Audience = .intranet) -> BuildResult {
        Normfolio.render(BuildOptions(portfolio: "/p", audience: audience), io: io, today: fixedToday)
    }

    /// Where marker `marker` stands in the file at `path`.
    func location(_ marker: String, in path: String) -> SourceLocation {
        marked[path]!.location(marker, in: path)
    }
}

/// The site fixture rendered for `audience`, from a copy whose `normfolio.yml` adds `intranet:`
/// parts (the intranet edition shows only the parts it names).
func renderSiteFixture(_ audience: Audience, intranet: String) throws -> Site {
    let work = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: work) }
    let copy = work.appendingPathComponent("site")
    try FileManager.default.copyItem(atPath: siteFixture, toPath: copy.path)
    let settings = copy.appendingPathComponent("normfolio.yml")
    try Data((try String(contentsOf: settings, encoding: .utf8) + "intranet: \(intranet)\n").utf8).write(to: settings)
    let result = Normfolio.render(BuildOptions(portfolio: copy.path, audience: audience), today: fixedToday)
    // Attachments are read when the site is written: keep their bytes before the copy goes.
    var site = try #require(result.site)
    site.files = site.files.map { file in Site.File(path: file.path, contents: .data(file.bytes() ?? Data())) }
    return site
}

/// Every entry of a zip (a workbook), unpacked and joined, for searching its text.
func unpacked(_ zip: Data) throws -> Data {
    let archive = try Archive(data: zip, accessMode: .read, pathEncoding: nil)
    var all = Data()
    for entry in archive { _ = try archive.extract(entry) { all.append($0) } }
    return all
}

/// A minimal valid evidence document.
func evidence(_ title: String = "Beleid", norms: String = "[GO.02]", extra: String = "", body: String = "Tekst.\n") -> String {
    "---\ntitle: \(title)\nnorms: \(norms)\nclassification: openbaar\n\(extra)---\n\(body)"
}

/// The page text of a rendered site file.
func page(_ site: Site, _ path: String, io: FileIO = .live) -> String {
    guard let file = site.files.first(where: { $0.path == path }), let data = file.bytes(io: io) else {
        Issue.record("no file \(path) in the site")
        return ""
    }
    return String(decoding: data, as: UTF8.self)
}

/// The built-in theme's static files (the repository's `Public/`), by path in the site.
let themeFolder = packageRoot.appendingPathComponent("Public")

/// Site files a snapshot does not hold, because they follow from other files: the integrity files
/// (checked by verifying them instead) and the theme's static files (checked against `Public/`).
/// The search index, `assets/zoekindex.js`, is made from the portfolio and stays in the snapshot.
func filesNotSnapshotted() -> (copied: Set<String>, integrity: Set<String>) {
    let copied = Set(FileIO.live.listFiles(themeFolder.path)).subtracting([Routes.searchIndex])
    return (copied, [Integrity.sumsPath, Integrity.manifestPath, Integrity.signaturePath])
}

/// Asserts what a snapshot leaves out: every static file of the built-in theme is in the site,
/// byte for byte as in `Public/`, and the site's integrity files are there and verify (every file
/// written to a folder, then checked as `normfolio verify` checks it).
func assertCopiedAndIntegrityFiles(
    _ site: Site, io: FileIO = .live,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let (copied, _) = filesNotSnapshotted()
    #expect(!copied.isEmpty, "no theme files found in \(themeFolder.path)", sourceLocation: sourceLocation)
    for path in copied.sorted() {
        let source = try Data(contentsOf: themeFolder.appendingPathComponent(path))
        guard let file = site.files.first(where: { $0.path == path }) else {
            Issue.record("the site lacks \(path), a file of the theme's Public/", sourceLocation: sourceLocation)
            continue
        }
        #expect(file.bytes(io: io) == source, "\(path) is not a byte-for-byte copy of Public/\(path)", sourceLocation: sourceLocation)
    }
    let paths = Set(site.files.map(\.path))
    for path in [Integrity.sumsPath, Integrity.manifestPath] where !paths.contains(path) {
        Issue.record("the site lacks \(path)", sourceLocation: sourceLocation)
    }
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for file in site.files {
        let target = folder.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try #require(file.bytes(io: io), "\(file.path) cannot be read", sourceLocation: sourceLocation).write(to: target)
    }
    let report = try Integrity.verify(site: folder.path)
    #expect(report.isIntact, "\(report)", sourceLocation: sourceLocation)
    // Every file but the checksum list itself (and its signature) is listed and was checked.
    #expect(report.checked == paths.subtracting([Integrity.sumsPath, Integrity.signaturePath]).count, sourceLocation: sourceLocation)
    #expect(report.fingerprint == Integrity.fingerprint(of: site), sourceLocation: sourceLocation)
}

/// Compares every file of `site` with the snapshot folder; a missing or unexpected file fails.
/// `RECORD_SNAPSHOTS=1` writes the snapshot instead, and fails the test so that a recording run
/// never passes: review the change with `git diff`, then run the tests again without it.
/// `only` limits the comparison to those files of the site. Without it, the theme's static files
/// and the integrity files are not compared (nor recorded) but checked by
/// `assertCopiedAndIntegrityFiles`, so a change to the stylesheet or to normfolio's version
/// number does not touch every snapshot.
func assertSnapshot(
    _ site: Site, named name: String, only: Set<String>? = nil, io: FileIO = .live,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let files: [Site.File]
    if let only {
        files = site.files.filter { only.contains($0.path) }
    } else {
        try assertCopiedAndIntegrityFiles(site, io: io, sourceLocation: sourceLocation)
        let (copied, integrity) = filesNotSnapshotted()
        files = site.files.filter { !copied.contains($0.path) && !integrity.contains($0.path) }
    }
    var contents: [String: Data] = [:]
    for file in files { contents[file.path] = try #require(file.bytes(io: io), sourceLocation: sourceLocation) }
    assertGoldenFiles(contents, named: name, sourceLocation: sourceLocation)
}

/// Compares files (path → bytes) with the golden folder `Snapshots/<name>`: every file must be
/// there with the same bytes, and the folder must hold nothing else. `RECORD_SNAPSHOTS=1` writes
/// the folder instead and fails, so that a recording run never passes.
func assertGoldenFiles(_ files: [String: Data], named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let folder = testsFolder.appendingPathComponent("Snapshots").appendingPathComponent(name)
    let fm = FileManager.default
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? fm.removeItem(at: folder)
        for (path, data) in files {
            let target = folder.appendingPathComponent(path)
            try? fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? data.write(to: target)
        }
        Issue.record(
            "recorded snapshot \(name) (RECORD_SNAPSHOTS=1): review it with git diff, then run the tests without it",
            sourceLocation: sourceLocation)
        return
    }
    let recorded = Set(FileIO.live.listFiles(folder.path))
    let produced = Set(files.keys)
    for missing in recorded.subtracting(produced).sorted() {
        Issue.record("snapshot \(name) has \(missing), which the build no longer writes", sourceLocation: sourceLocation)
    }
    for extra in produced.subtracting(recorded).sorted() {
        Issue.record(
            "the build writes \(extra), which snapshot \(name) lacks (RECORD_SNAPSHOTS=1 to record)",
            sourceLocation: sourceLocation)
    }
    for (path, actual) in files.sorted(by: { $0.key < $1.key }) where recorded.contains(path) {
        let expected = (try? Data(contentsOf: folder.appendingPathComponent(path))) ?? Data()
        if expected != actual {
            let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            let want = line < e.count ? String(e[line]) : "<end>"
            let got = line < a.count ? String(a[line]) : "<end>"
            Issue.record(
                "\(path) differs from snapshot \(name) at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)",
                sourceLocation: sourceLocation)
        }
    }
}

/// Runs a program found on the PATH (`python3`, `node`) and returns its exit status and standard output.
func runTool(_ arguments: [String]) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
}
