import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a site could not be written.
public struct WriteError: Error, CustomStringConvertible {
    public var description: String
}

/// The write stage: writes a site into a fresh folder beside the output and swaps it in, so a
/// failed or interrupted build leaves the previous site as it was.
enum SiteWriter {
    /// A file in every site root, so normfolio only ever replaces folders it wrote itself.
    static let marker = ".normfolio-site"

    static func write(_ site: Site, to output: String, portfolio: String, io: FileIO = .live) throws {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        let root = URL(fileURLWithPath: portfolio).standardizedFileURL.resolvingSymlinksInPath()
        try checkOutput(out.path, portfolio: root.path)

        var isFolder: ObjCBool = false
        let exists = fm.fileExists(atPath: out.path, isDirectory: &isFolder)
        if exists {
            guard isFolder.boolValue else { throw WriteError(description: "output '\(output)' exists and is not a folder") }
            let entries = (try? fm.contentsOfDirectory(atPath: out.path)) ?? []
            if !entries.isEmpty && !entries.contains(marker) {
                throw WriteError(description:
                    "output folder '\(output)' is not empty and was not written by normfolio; choose another folder or empty it")
            }
        }
        let parent = out.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(out.lastPathComponent).new-\(stamp)")
        let previous = parent.appendingPathComponent(".\(out.lastPathComponent).old-\(stamp)")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            try writeFiles(site, into: staging, io: io)
            try Data("Written by normfolio. This folder is replaced by every build.\n".utf8)
                .write(to: staging.appendingPathComponent(marker))
            if exists { try fm.moveItem(at: out, to: previous) }
            do {
                try fm.moveItem(at: staging, to: out)
            } catch {
                if exists { try? fm.moveItem(at: previous, to: out) }
                throw error
            }
            if exists { try? fm.removeItem(at: previous) }
        } catch {
            try? fm.removeItem(at: staging)
            throw WriteError(description: "could not write the site to '\(output)': \(error.localizedDescription)")
        }
    }

    /// Refuses an output folder that is, or contains, the portfolio, or lies inside its sources.
    static func checkOutput(_ output: String, portfolio: String) throws {
        func isInside(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }
        if isInside(portfolio, output) {
            throw WriteError(description: "output folder '\(output)' is or contains the portfolio; choose a folder such as _site")
        }
        for source in ["Content", "Templates", "Public"] where isInside(output, portfolio + "/" + source) {
            throw WriteError(description: "output folder '\(output)' lies inside the portfolio's \(source)/ folder")
        }
    }

    private static func writeFiles(_ site: Site, into folder: URL, io: FileIO) throws {
        let fm = FileManager.default
        let folders = Set(site.files.map { ($0.path as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
        for sub in folders.sorted() {
            try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let base = folder.path
        let failures = site.files.parallelMap { file -> String? in
            let target = base + "/" + file.path
            guard let data = file.bytes(io: io) else { return "\(file.path): could not read its source" }
            return writeFile(data, to: target) ? nil : "\(file.path): \(String(cString: strerror(errno)))"
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(description: failure) }
    }

    /// Writes a new file with plain POSIX calls: thousands of small pages are written much faster
    /// than through Foundation, and the staging folder already makes the whole site atomic.
    private static func writeFile(_ data: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return data.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var remaining = raw.count
            while remaining > 0 {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, pointer, remaining)
                #else
                let written = Darwin.write(descriptor, pointer, remaining)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                pointer += written
                remaining -= written
            }
            return true
        }
    }
}
