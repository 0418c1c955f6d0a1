import Foundation
import NormfolioKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells when a portfolio's files change: the files in its folder, and everything below
/// `Content/`, `Templates/` and `Public/` (and the folder of a catalogue overlay). On Linux the
/// kernel reports changes as they happen (inotify); elsewhere the files are scanned three times a
/// second. A burst of changes (an editor saving in steps, a `git checkout`) is reported once,
/// when it has been quiet for a moment, with the paths that changed.
final class FileWatcher: @unchecked Sendable {
    /// The folders below the portfolio whose whole trees are watched.
    static let folders = ["Content", "Templates", "Public"]
    /// How long changes must be quiet before they are reported.
    static let quiet = 30

    private let root: String
    private let onChange: @Sendable ([String]) -> Void
    private let lock = NSLock()
    private var stopped = false
    private var thread: Thread?
    private var extraFolders: Set<String> = []

    /// Starts watching `root`; `onChange` is called on the watcher's own thread with the paths
    /// (relative to `root`) that changed.
    init(root: String, onChange: @escaping @Sendable ([String]) -> Void) {
        self.root = root
        self.onChange = onChange
        let thread = Thread { [weak self] in self?.watch() }
        thread.name = "normfolio file watcher"
        self.thread = thread
        thread.start()
    }

    /// Also watches `folder` (relative to the root), for a catalogue overlay kept outside the
    /// usual folders.
    func alsoWatch(folder: String) {
        lock.withLock { _ = extraFolders.insert(folder) }
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    #if os(Linux)
        /// inotify: one watch per folder, added for new folders as they appear.
        private func watch() {
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return poll() }
            defer { close(fd) }
            let mask = UInt32(
                IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                    | IN_DELETE_SELF | IN_MOVE_SELF)
            var folders: [Int32: String] = [:]
            var visited: Set<Int32> = []
            func add(_ relative: String, recursive: Bool) {
                let path = relative.isEmpty ? root : root + "/" + relative
                let descriptor = inotify_add_watch(fd, path, mask)
                guard descriptor >= 0 else { return }
                folders[descriptor] = relative
                // A folder seen before (a renamed folder, or a symbolic link loop) is not walked again.
                guard recursive, visited.insert(descriptor).inserted else { return }
                for name in Self.subfolders(of: path) { add(relative + "/" + name, recursive: true) }
            }
            /// Watches every folder, new ones included; after lost events, folders may have appeared unseen.
            func addAll() {
                visited = []
                add("", recursive: false)
                for folder in Self.folders { add(folder, recursive: true) }
            }
            addAll()
            var watchedExtras: Set<String> = []

            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var pending: [String] = []
            while !isStopped {
                for folder in lock.withLock({ extraFolders }) where !watchedExtras.contains(folder) {
                    add(folder, recursive: false)
                    watchedExtras.insert(folder)
                }
                var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                // Wait long when nothing is pending; once something changed, only until it is quiet.
                let ready = Glibc.poll(&request, 1, pending.isEmpty ? 250 : Int32(Self.quiet))
                if ready <= 0 {
                    if !pending.isEmpty {
                        onChange(Array(Set(pending)).sorted())
                        pending = []
                    }
                    continue
                }
                let count = read(fd, &buffer, buffer.count)
                guard count > 0 else { continue }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (descriptor, eventMask, nameLength) = buffer.withUnsafeBytes { raw in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let name = String(
                        decoding: buffer[nameStart..<min(count, nameStart + nameLength)].prefix { $0 != 0 },
                        as: UTF8.self)
                    offset = nameStart + nameLength
                    if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // Too many changes at once for the kernel's queue: look at everything again.
                        addAll()
                        pending.append("Content")
                        continue
                    }
                    if eventMask & UInt32(IN_IGNORED) != 0 {
                        folders[descriptor] = nil
                        visited.remove(descriptor)
                        continue
                    }
                    guard let folder = folders[descriptor] else { continue }
                    let path = folder.isEmpty ? name : name.isEmpty ? folder : folder + "/" + name
                    let isFolder = eventMask & UInt32(IN_ISDIR) != 0
                    if folder.isEmpty && isFolder && !Self.folders.contains(name) { continue }  // _site/ and others
                    if name.hasPrefix(".") { continue }  // hidden files, editors' swap files
                    if isFolder && eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { add(path, recursive: true) }
                    pending.append(path)
                }
            }
        }
    #else
        private func watch() { poll() }
    #endif

    /// Scans sizes and modification times, for systems without inotify.
    private func poll() {
        var last = snapshot()
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.3)
            let now = snapshot()
            if now != last {
                let changed = Set(now.keys).symmetricDifference(last.keys).union(now.keys.filter { now[$0] != last[$0] })
                last = now
                onChange(changed.sorted())
            }
        }
    }

    /// Size and modification time of every watched file, by path relative to the root.
    private func snapshot() -> [String: String] {
        var paths = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }
        for folder in Self.folders + lock.withLock({ Array(extraFolders) }) {
            paths += FileIO.live.listFiles(root + "/" + folder).map { folder + "/" + $0 }
        }
        var result: [String: String] = [:]
        for path in paths {
            var info = stat()
            guard stat(root + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            #if os(Linux)
                result[path] = "\(info.st_size):\(info.st_mtim.tv_sec):\(info.st_mtim.tv_nsec)"
            #else
                result[path] = "\(info.st_size):\(info.st_mtimespec.tv_sec):\(info.st_mtimespec.tv_nsec)"
            #endif
        }
        return result
    }

    /// The folders directly inside `path`, hidden ones left out.
    private static func subfolders(of path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder)
                && isFolder.boolValue
        }
    }
}
