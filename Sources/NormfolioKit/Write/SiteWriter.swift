import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a site could not be written, in words a user can act on.
public struct WriteError: Error, CustomStringConvertible, LocalizedError {
    public var description: String
    public var errorDescription: String? { description }

    public init(description: String) { self.description = description }

    /// The reason behind a system error: the operating system's own words for a file-system error
    /// ("Permission denied", "No space left on device"), never an error's type name.
    static func reason(_ error: any Error) -> String {
        if let error = error as? WriteError { return error.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}

/// Paths inside a site, proven to stay there: every path written to a folder or a zip passes here.
enum SitePath {
    /// Whether `path` names a place inside the folder it is written to: relative, "/"-separated,
    /// no component empty, "." or "..", and no backslash (a separator for Windows unzip tools),
    /// control character or NUL anywhere.
    static func isContained(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(isSafeComponent)
    }

    /// Whether `name` is one safe path component (see `isContained`).
    static func isSafeComponent(_ name: Substring) -> Bool {
        !name.isEmpty && name != "." && name != ".."
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }
    }

    /// Refuses to write a site with a path that would leave its folder.
    static func check(_ files: [Site.File]) throws {
        if let bad = files.first(where: { !isContained($0.path) }) {
            throw WriteError(description: "refusing to write '\(bad.path.escapingControlCharacters)': it would not stay inside the site")
        }
    }
}

/// The write stage: writes a site into a fresh folder beside the output and swaps it in, so a
/// failed or interrupted build leaves the previous site as it was. It never loses a file it did
/// not write: a folder holding anything its previous build did not write is refused, with a list.
enum SiteWriter {
    /// A file in every site root, so normfolio only ever replaces folders it wrote itself.
    static let marker = ".normfolio-site"
    /// What the marker holds, byte for byte: `verify` accepts nothing else in it.
    static let markerText = Data("Written by normfolio. This folder is replaced by every build.\n".utf8)

    /// An output folder that passed every check, resolved to its real place.
    struct Target {
        var folder: URL
        /// Whether the folder exists (and holds a site of normfolio's, or nothing).
        var exists: Bool
    }

    /// Checks where a site is to be written, before anything is rendered: not the portfolio or a
    /// folder around it, not inside its sources (symbolic links followed), and not a folder with
    /// files normfolio did not write.
    static func target(_ output: String, portfolio: String) throws -> Target {
        let folder = resolve(output)
        try checkOutput(folder.path, portfolio: resolve(portfolio).path)
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return Target(folder: folder, exists: false) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw WriteError(description: "output '\(output)' exists and is not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if !entries.isEmpty {
            guard entries.contains(marker) else {
                throw WriteError(
                    description:
                        "output folder '\(output)' is not empty and was not written by normfolio; choose another folder or empty it")
            }
            let foreign = try foreignEntries(in: folder)
            if !foreign.isEmpty {
                let shown = foreign.prefix(10).map { "  " + $0.escapingControlCharacters }.joined(separator: "\n")
                let more = foreign.count > 10 ? "\n  … and \(foreign.count - 10) more" : ""
                throw WriteError(
                    description: """
                        output folder '\(output)' holds files that normfolio's last build did not write; \
                        a build replaces the whole folder, so move them elsewhere first (or choose another folder):
                        \(shown)\(more)
                        """)
            }
        }
        return Target(folder: folder, exists: true)
    }

    static func write(_ site: Site, to output: String, portfolio: String, io: FileIO = .live) throws {
        try SitePath.check(site.files)
        // Checked again right before writing: the folder may have changed while the site rendered.
        let target = try target(output, portfolio: portfolio)
        let out = target.folder
        let fm = FileManager.default
        let parent = out.deletingLastPathComponent()
        try makeFolder(parent)
        Leftovers.clean(in: parent, of: out.lastPathComponent)
        let stamp = Leftovers.stamp()
        let staging = parent.appendingPathComponent(".\(out.lastPathComponent).new-\(stamp)")
        let previous = parent.appendingPathComponent(".\(out.lastPathComponent).old-\(stamp)")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            // The marker first: a staging folder left by a killed build is recognisably normfolio's.
            try markerText.write(to: staging.appendingPathComponent(marker))
            try writeFiles(site, into: staging, io: io)
            if target.exists { try fm.moveItem(at: out, to: previous) }
            do {
                try fm.moveItem(at: staging, to: out)
            } catch {
                if target.exists { try? fm.moveItem(at: previous, to: out) }
                throw error
            }
            if target.exists { try? fm.removeItem(at: previous) }
        } catch {
            try? fm.removeItem(at: staging)
            throw WriteError(description: "could not write the site to '\(output)': \(WriteError.reason(error))")
        }
    }

    /// Makes `folder` and the folders above it, saying which one is in the way when one cannot be made.
    static func makeFolder(_ folder: URL) throws {
        var missing: [URL] = []
        var current = folder
        var info = stat()
        while stat(current.path, &info) != 0, current.path != "/" {
            missing.insert(current, at: 0)
            current.deleteLastPathComponent()
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw WriteError(description: "could not create '\(folder.path)': '\(current.path)' is a file, not a folder")
        }
        for folder in missing where mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(description: "could not create '\(folder.path)': \(String(cString: strerror(errno)))")
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

    /// The real place of `path`: absolute, with every symbolic link of the part that exists
    /// followed (so a link cannot lead a build into the portfolio), and the rest appended.
    static func resolve(_ path: String) -> URL {
        var existing = URL(fileURLWithPath: Normfolio.absolute(path))
        var rest: [String] = []
        while existing.path != "/", realpath(existing.path, nil) == nil {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var resolved = URL(
            fileURLWithPath: realpath(existing.path, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? existing.path)
        for component in rest { resolved.appendPathComponent(component) }
        return resolved.standardizedFileURL
    }

    /// What the site in `folder` holds besides what its last build wrote (its manifest lists that):
    /// files, links, and folders with none of the build's files in them. Hidden entries included.
    static func foreignEntries(in folder: URL) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Integrity.manifestPath).path),
            case .success(let manifest) = OwnJSON.read(Manifest.self, from: data)
        else {
            throw WriteError(
                description: """
                    output folder '\(folder.path)' was written by normfolio, but its \(Integrity.manifestPath) is missing or \
                    damaged, so normfolio cannot tell its files from others; empty the folder or choose another
                    """)
        }
        var written = Set(manifest.files.map(\.path))
        written.formUnion([Integrity.manifestPath, Integrity.sumsPath, Integrity.signaturePath, marker])
        var folders = Set<String>()
        for path in written {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        var foreign: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? folder.path : folder.path + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                foreign.append(relative + "/")
                return
            }
            for name in names.sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(folder.path + "/" + child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG where written.contains(child): break
                case S_IFDIR where folders.contains(child): walk(child)
                case S_IFDIR: foreign.append(child + "/")
                default: foreign.append(child)
                }
            }
        }
        walk("")
        return foreign
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
            guard let data = file.bytes(io: io) else {
                return "\(file.path): its source could not be read, or changed after it was checked; build again"
            }
            return writeFile(data, to: target) ? nil : "\(file.path): \(String(cString: strerror(errno)))"
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(description: failure) }
    }

    /// Writes a new file with plain POSIX calls: thousands of small pages are written much faster
    /// than through Foundation, and the staging folder already makes the whole site atomic.
    /// `O_EXCL` and `O_NOFOLLOW`: the file is new, in a folder normfolio just made.
    static func writeFile(_ data: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return false }
        let ok = data.write(toDescriptor: descriptor)
        // A full disk can show only when the file is closed.
        return close(descriptor) == 0 && ok
    }
}

extension Data {
    /// Writes all the bytes to an open file or socket, however many calls that takes; false when
    /// one fails (`errno` says why). A socket whose peer has gone needs SIGPIPE ignored.
    public func write(toDescriptor descriptor: Int32) -> Bool {
        withUnsafeBytes { raw -> Bool in
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

/// What a build that was killed leaves beside its output: `.NAME.new-PID-N` (the site it was
/// writing) and `.NAME.old-PID-N` (the previous site it was swapping out). The next build removes
/// those whose process has ended, never those of a build still running.
enum Leftovers {
    /// A name part that is unique to this write: the process and a random number.
    static func stamp() -> String {
        "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Removes the leftovers of `name` in `folder`.
    static func clean(in folder: URL, of name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for entry in entries {
            guard let pid = processID(inLeftover: entry, of: name), !isRunning(pid) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
        }
    }

    /// The process that made `entry`, when it is a leftover of `name` (`.NAME.new-PID-N`, `.NAME.old-PID-N`).
    static func processID(inLeftover entry: String, of name: String) -> Int32? {
        for kind in [".new-", ".old-"] {
            let prefix = "." + name + kind
            guard entry.hasPrefix(prefix) else { continue }
            let rest = entry.dropFirst(prefix.count).split(separator: "-")
            guard rest.count == 2, let pid = Int32(rest[0]), UInt32(rest[1]) != nil else { return nil }
            return pid
        }
        return nil
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM
    }
}
