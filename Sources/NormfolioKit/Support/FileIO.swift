import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is below a folder: its regular files, and what could not be read.
public struct FileListing: Sendable, Equatable {
    /// Regular files, as sorted paths relative to the folder ("/"-separated).
    public var files: [String] = []
    /// Entries that are there but could not be read, each with the reason (relative paths).
    public var unreadable: [Unreadable] = []
    /// Symbolic links (to files or folders) whose real place is outside the boundary the listing
    /// was asked for: listed, never followed. "." when the folder itself lies outside.
    public var outside: [Exit] = []
    /// Whether the folder itself exists.
    public var exists = true

    public struct Unreadable: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public struct Exit: Sendable, Equatable {
        public var path: String
        public var isFolder: Bool
    }

    public init(files: [String] = [], unreadable: [Unreadable] = [], outside: [Exit] = [], exists: Bool = true) {
        (self.files, self.unreadable, self.outside, self.exists) = (files, unreadable, outside, exists)
    }
}

/// The only way the read stage touches the disk: a small seam with a live and an in-memory
/// implementation, so the whole pipeline runs in tests without a disk.
public struct FileIO: Sendable {
    /// Every regular file below `folder`, every entry that could not be read, and every symbolic
    /// link that leads outside `boundary` (not followed). Hidden files and folders (starting with
    /// ".") are skipped; an absent folder gives an empty listing that says so.
    public var list: @Sendable (_ folder: String, _ boundary: String) -> FileListing
    /// The bytes of a file, or nil when it cannot be read.
    public var read: @Sendable (_ path: String) -> Data?
    /// The size of a regular file in bytes, or nil when there is none, so large files can be
    /// refused before they are read.
    public var size: @Sendable (_ path: String) -> Int?

    public init(
        list: @escaping @Sendable (String, String) -> FileListing,
        read: @escaping @Sendable (String) -> Data?,
        size: @escaping @Sendable (String) -> Int?
    ) {
        self.list = list
        self.read = read
        self.size = size
    }

    /// The regular files below `folder` that stay inside it (see `list`).
    public func listFiles(_ folder: String) -> [String] { list(folder, folder).files }

    /// Whether a regular file exists at `path`.
    public func fileExists(_ path: String) -> Bool { size(path) != nil }
}

extension FileIO {
    /// The real file system.
    public static let live = FileIO(
        list: { folder, boundary in
            var listing = FileListing()
            var info = stat()
            guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                listing.exists = false
                return listing
            }
            let walker = Walker(boundary: realPath(boundary) ?? boundary)
            guard let real = realPath(folder), walker.contains(real) else {
                listing.outside = [.init(path: ".", isFolder: true)]
                return listing
            }
            var visited = Set<FolderID>()
            walker.walk(folder, prefix: "", visited: &visited, into: &listing)
            listing.files.sort()
            listing.unreadable.sort { $0.path < $1.path }
            listing.outside.sort { $0.path < $1.path }
            return listing
        },
        read: { path in FileManager.default.contents(atPath: path) },
        size: { path in
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(info.st_size)
        }
    )

    /// The real path of `path` (every symbolic link followed), or nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Collects regular files below a folder with readdir: much faster than URL resource values
    /// for portfolios of thousands of files. Symbolic links inside the boundary are followed, those
    /// leading out of it are noted and not followed; hidden entries are skipped; a folder that
    /// cannot be opened, a broken link or a special file is noted, never skipped silently.
    private struct Walker {
        var boundary: String

        func contains(_ real: String) -> Bool { real == boundary || real.hasPrefix(boundary + "/") }

        func walk(_ folder: String, prefix: String, visited: inout Set<FolderID>, into listing: inout FileListing) {
            // A folder reached twice (through a symbolic link loop) is read only once.
            var info = stat()
            guard stat(folder, &info) == 0, visited.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
            else { return }
            guard let directory = opendir(folder) else {
                let reason = String(cString: strerror(errno))
                listing.unreadable.append(
                    .init(path: prefix.isEmpty ? "." : String(prefix.dropLast()), reason: "folder could not be read: \(reason)"))
                return
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = folder + "/" + name
                var kind = Int32(entry.pointee.d_type)
                if kind == Int32(DT_LNK) || kind == Int32(DT_UNKNOWN) {
                    var link = stat(), info = stat()
                    let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
                    guard stat(path, &info) == 0 else {
                        listing.unreadable.append(.init(path: prefix + name, reason: "broken symbolic link"))
                        continue
                    }
                    kind = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
                    if isLink, let real = FileIO.realPath(path), !contains(real) {
                        listing.outside.append(.init(path: prefix + name, isFolder: kind == Int32(DT_DIR)))
                        continue
                    }
                }
                if kind == Int32(DT_DIR) {
                    walk(path, prefix: prefix + name + "/", visited: &visited, into: &listing)
                } else if kind == Int32(DT_REG) {
                    listing.files.append(prefix + name)
                } else {
                    listing.unreadable.append(.init(path: prefix + name, reason: "not a regular file"))
                }
            }
        }
    }

    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// A file system held in memory: absolute path → contents. For tests.
    public static func memory(_ files: [String: Data]) -> FileIO {
        FileIO(
            list: { folder, _ in
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                let below = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
                return FileListing(
                    files: below.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted(),
                    exists: !below.isEmpty)
            },
            read: { files[$0] },
            size: { files[$0]?.count }
        )
    }

    /// A memory file system from text files, for tests: relative path → text, under `root`.
    public static func memory(root: String, _ texts: [String: String]) -> FileIO {
        var files: [String: Data] = [:]
        for (path, text) in texts { files[root + "/" + path] = Data(text.utf8) }
        return memory(files)
    }
}
