import Foundation
import Synchronization

/// A site whose files are made when they are first asked for, and then kept: what the live
/// preview serves. Every file is byte for byte the one a whole build writes, but after an edit to
/// one document of thousands, only the pages someone looks at are rendered again.
public final class SiteOnDemand: Sendable {
    /// Where a file of the site comes from.
    enum Source: Sendable {
        case page(Renderer.Page)
        case exports
        case searchIndex
        case copy(Theme.StaticFile)
        /// The manifest and checksum list, which hash every other file.
        case integrity
    }

    private let renderer: Renderer
    private let searchEntries: SearchEntryMemo?
    private let sources: [String: Source]
    private let made = Mutex<[String: Data]>([:])
    /// How many pages the site has, as a whole build would write them.
    public let pageCount: Int

    /// The site `renderer` makes; `searchEntries` keeps search-index entries between sites.
    init(renderer: Renderer, searchEntries: SearchEntryMemo? = nil) {
        self.renderer = renderer
        self.searchEntries = searchEntries
        var sources: [String: Source] = [:]
        let pages = renderer.pages()
        // The same precedence as a whole render: pages, exports, the search index, copied files.
        for page in pages { sources[renderer.path(of: page)] = .page(page) }
        for path in [Renderer.csvPath, Renderer.jsonPath] where sources[path] == nil { sources[path] = .exports }
        if sources[Renderer.searchIndexPath] == nil { sources[Renderer.searchIndexPath] = .searchIndex }
        for file in renderer.copiedFiles() where sources[file.path] == nil { sources[file.path] = .copy(file.contents) }
        for path in [Integrity.manifestPath, Integrity.sumsPath] { sources[path] = .integrity }
        self.sources = sources
        self.pageCount = pages.count
    }

    /// Every path the site has, sorted.
    public var paths: [String] { sources.keys.sorted() }

    /// The bytes of the file at `path` in the site, or nil when the site has no such file.
    public func file(at path: String) -> Data? {
        if let known = made.withLock({ $0[path] }) { return known }
        guard let source = sources[path] else { return nil }
        var files: [(String, Data)] = []
        switch source {
        case .page(let page):
            files = [(path, renderer.renderAlone(page))]
        case .exports:
            files = renderer.exportFiles().compactMap { file in file.bytes(io: renderer.io).map { (file.path, $0) } }
        case .searchIndex:
            files = [renderer.searchIndexFile(memo: searchEntries)].compactMap { file in file.bytes(io: renderer.io).map { (file.path, $0) } }
        case .copy(let contents):
            // Copied files are read again each time: they may be large, and change on disk.
            return Site.File(path: path, contents: contents).bytes(io: renderer.io)
        case .integrity:
            let site = Integrity.seal(renderer.prepared().render(), portfolio: renderer.portfolio, audience: renderer.audience,
                                      version: renderer.version, io: renderer.io)
            files = site.files.compactMap { file in
                if case .file = file.contents { return nil }
                return file.bytes(io: renderer.io).map { (file.path, $0) }
            }
        }
        made.withLock { made in
            for (name, data) in files where sources[name] != nil { made[name] = data }
        }
        return files.first { $0.0 == path }?.1
    }
}
