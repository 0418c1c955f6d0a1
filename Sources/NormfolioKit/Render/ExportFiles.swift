import Foundation
import Synchronization

/// The exports of one edition, made once and shared: the site's files, and the list of them
/// (with size and SHA-256) that the home and integrity pages show.
final class ExportFiles: Sendable {
    private let edition: Edition
    private let made = Mutex<[Site.File]?>(nil)

    init(edition: Edition) { self.edition = edition }

    /// The export files, made the first time they are asked for (a second caller waits).
    func files() -> [Site.File] {
        made.withLock { made in
            if let made { return made }
            let files = Exports(edition: edition).files()
            made = files
            return files
        }
    }

    /// An export as the home and integrity pages list it.
    struct Listed: TemplateView {
        var title: String
        var href: String
        var size: String
        var sha256: String
    }

    /// Every export, with what it holds, its size and its SHA-256, linked from `page`.
    func listing(on page: String) -> [Listed] {
        files().map { file in
            let data = file.bytes() ?? Data()
            return Listed(title: title(of: file.path), href: Routes.link(to: file.path, from: page), size: edition.byteCount(data.count),
                          sha256: Integrity.sha256(data))
        }
    }

    private func title(of path: String) -> String {
        if let register = edition.portfolio.registers.first(where: { Routes.registerCSV($0.kind) == path }) {
            return edition.strings.format("export_register_csv", ["register": edition.registerTitle(register)])
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return edition.strings["export_title_" + name.replacingOccurrences(of: ".", with: "_"), default: name]
    }
}
