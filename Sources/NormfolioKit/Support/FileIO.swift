import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only way the read stage touches the disk: a small seam with a live and an in-memory
/// implementation, so the whole pipeline runs in tests without a disk.
public struct FileIO: Sendable {
    /// Every regular file below `folder`, as sorted paths relative to it ("/"-separated).
    /// Hidden files and folders (starting with ".") are skipped. Returns [] when the folder is absent.
    public var listFiles: @Sendable (_ folder: String) -> [String]
    /// The bytes of a file, or nil when it cannot be read.
    public var read: @Sendable (_ path: String) -> Data?
    /// Whether a regular file exists at `path`.
    public var fileExists: @Sendable (_ path: String) -> Bool
    /// The fully resolved path (symbolic links followed), for containment checks.
    public var resolvedPath: @Sendable (_ path: String) -> String

    public init(
        listFiles: @escaping @Sendable (String) -> [String],
        read: @escaping @Sendable (String) -> Data?,
        fileExists: @escaping @Sendable (String) -> Bool,
        resolvedPath: @escaping @Sendable (String) -> String
    ) {
        self.listFiles = listFiles
        self.read = read
        self.fileExists = fileExists
        self.resolvedPath = resolvedPath
    }
}

extension FileIO {
    /// The real file system.
    public static let live = FileIO(
        listFiles: { folder in
            var files: [String] = []
            var visited = Set<FolderID>()
            walk(folder, prefix: "", visited: &visited, into: &files)
            return files.sorted()
        },
        read: { path in FileManager.default.contents(atPath: path) },
        fileExists: { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        },
        resolvedPath: { path in
            guard let resolved = realpath(path, nil) else { return path }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    )

    /// Collects regular files below `folder` with readdir: much faster than URL resource values
    /// for portfolios of thousands of files. Symbolic links are followed; hidden entries skipped.
    private static func walk(_ folder: String, prefix: String, visited: inout Set<FolderID>, into files: inout [String]) {
        // A folder reached twice (through a symbolic link loop) is read only once.
        var info = stat()
        guard stat(folder, &info) == 0, visited.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted,
            let directory = opendir(folder)
        else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_LNK) || kind == Int32(DT_UNKNOWN) {
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
            }
            if kind == Int32(DT_DIR) {
                walk(path, prefix: prefix + name + "/", visited: &visited, into: &files)
            } else if kind == Int32(DT_REG) {
                files.append(prefix + name)
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
            listFiles: { folder in
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                return files.keys.filter { $0.hasPrefix(prefix) }
                    .map { String($0.dropFirst(prefix.count)) }
                    .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                    .sorted()
            },
            read: { files[$0] },
            fileExists: { files[$0] != nil },
            resolvedPath: { NSString(string: $0).standardizingPath }
        )
    }

    /// A memory file system from text files, for tests: relative path → text, under `root`.
    public static func memory(root: String, _ texts: [String: String]) -> FileIO {
        var files: [String: Data] = [:]
        for (path, text) in texts { files[root + "/" + path] = Data(text.utf8) }
        return memory(files)
    }
}
