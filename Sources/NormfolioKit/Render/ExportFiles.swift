import Foundation
import Synchronization

/// The exports of one edition, made once and shared: the site's files, and the list of them
/// (with size and SHA-256) that the home and integrity pages show. With papers, also the PDFs:
/// in a build they are made with the other exports; in the live preview (`lazyPapers`) only
/// when asked for, since WeasyPrint takes seconds.
final class ExportFiles: Sendable {
    private let edition: Edition
    private let papers: PaperMaker?
    private let lazyPapers: Bool
    private let made = Mutex<[Site.File]?>(nil)
    /// Each paper, made once: its own lock, so the two are made side by side and a second
    /// caller waits for the first instead of making it again.
    private let madePapers = Dictionary(uniqueKeysWithValues: Paper.allCases.map { ($0, Slot()) })

    /// A paper's bytes once made.
    private final class Slot: Sendable {
        let made = Mutex<Data?>(nil)
    }
    /// The size and SHA-256 of each export once hashed, by path: the home and integrity pages
    /// list them, and the manifest takes them from here instead of hashing the files again.
    private let digests = Mutex<[String: Digest]>([:])
    /// What went wrong making a paper, for the build to report.
    let problems = Mutex<[String]>([])

    init(edition: Edition, papers: PaperMaker? = nil, lazyPapers: Bool = false) {
        (self.edition, self.papers, self.lazyPapers) = (edition, papers, lazyPapers)
    }

    /// The paths of the papers this site has.
    var paperPaths: [String] { papers == nil ? [] : Paper.allCases.map(\.path) }

    /// The export files, made the first time they are asked for (a second caller waits); the
    /// papers too, unless they are made only when asked for.
    func files() -> [Site.File] {
        let exports = made.withLock { made in
            if let made { return made }
            let files = Exports(edition: edition).files()
            made = files
            return files
        }
        guard papers != nil, !lazyPapers else { return exports }
        let pdfs = Paper.allCases.parallelMap { paper in Site.File(path: paper.path, contents: .data(self.pdf(paper))) }
        return exports + pdfs
    }

    /// A paper's PDF, made once; empty (with the problem noted) when WeasyPrint failed.
    func pdf(_ paper: Paper) -> Data {
        guard let papers, let slot = madePapers[paper] else { return Data() }
        return slot.made.withLock { made in
            if let made { return made }
            let data: Data
            do {
                data = try papers.pdf(paper, exports: self)
            } catch {
                problems.withLock { $0.append(String(describing: error)) }
                data = Data()
            }
            made = data
            return data
        }
    }

    /// An export as the home and integrity pages list it.
    struct Listed: TemplateView {
        var title: String
        var href: String
        var size: String
        var sha256: String
    }

    /// Every export, with what it holds, its size and its SHA-256, linked from `page`. In the
    /// live preview a paper is not made for the list: it says that opening it takes a few seconds.
    func listing(on page: String) -> [Listed] {
        let files = files()
        let later =
            lazyPapers
            ? paperPaths.map {
                Listed(
                    title: title(of: $0), href: Routes.link(to: $0, from: page),
                    size: edition.text("paper_made_on_request"), sha256: "")
            } : []
        return files.map { file in
            let digest = digest(of: file)
            return Listed(
                title: title(of: file.path), href: Routes.link(to: file.path, from: page), size: edition.byteCount(digest.size),
                sha256: digest.sha256)
        } + later
    }

    /// The size and SHA-256 of an export (each is made once, so its path names its bytes).
    private func digest(of file: Site.File) -> Digest {
        if let known = digests.withLock({ $0[file.path] }) { return known }
        let data = file.bytes() ?? Data()
        let digest = Digest(size: data.count, sha256: Integrity.sha256(data))
        digests.withLock { $0[file.path] = digest }
        return digest
    }

    /// The exports hashed so far, by path.
    var knownDigests: [String: Digest] { digests.withLock { $0 } }

    private func title(of path: String) -> String {
        if let register = edition.portfolio.registers.first(where: { Routes.registerCSV($0.kind) == path }) {
            return edition.strings.format("export_register_csv", ["register": edition.registerTitle(register)])
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return edition.strings["export_title_" + name.replacingOccurrences(of: ".", with: "_"), default: name]
    }
}
