import Foundation

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
            let base = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
            guard let walker = FileManager.default.enumerator(
                at: base, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])
            else { return [] }
            let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
            var files: [String] = []
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
                else { continue }
                let path = url.standardizedFileURL.path
                if path.hasPrefix(prefix) { files.append(String(path.dropFirst(prefix.count))) }
            }
            return files.sorted()
        },
        read: { path in FileManager.default.contents(atPath: path) },
        fileExists: { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        },
        resolvedPath: { path in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
    )

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
