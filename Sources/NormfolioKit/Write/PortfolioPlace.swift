import Foundation

/// Where the commands that write into a portfolio (`new`, `import`, `approve`, `snapshot`) and
/// `keygen` may write. One rule, the one `build` reads by: the real place of a path, with every
/// symbolic link of it followed, must lie inside the portfolio's folder for it. A link such as
/// `Content/X` that leads out of the portfolio is refused, never written through.
public enum PortfolioPlace {
    /// The real place of `relative` (a path inside `folder`, such as `beleid/x.md` in `Content`) in
    /// the portfolio at `portfolio`: symbolic links followed where the path exists, the rest as
    /// written. Throws when that place lies outside the portfolio's real `folder`.
    public static func resolve(_ relative: String, in folder: String, portfolio: String) throws -> URL {
        let root = SiteWriter.resolve(portfolio)
        let base = root.appendingPathComponent(folder).path
        let target = SiteWriter.resolve(root.path + "/" + folder + "/" + relative)
        guard target.path.hasPrefix(base + "/") else {
            throw WriteError(
                description: "'\(folder)/\(relative)' leads out of the portfolio's \(folder)/ folder through a symbolic link "
                    + "(to '\(target.path)'); normfolio writes only inside the portfolio")
        }
        return target
    }

    /// Whether anything is at `url`, a broken symbolic link included.
    public static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Where a document given on the command line lies: the portfolio (the folder that holds the
    /// `Content/` folder of its path: the innermost one beside a `normfolio.yml`, else the
    /// innermost) and its path there (`Content/…`). Nil when the path has no `Content/` folder above it.
    public static func document(_ path: String) -> (portfolio: String, source: String)? {
        let components = URL(fileURLWithPath: Normfolio.absolute(path)).pathComponents
        let candidates = components.indices.dropFirst().dropLast().filter { components[$0] == "Content" }.reversed()
        func root(_ index: Int) -> String { NSString.path(withComponents: Array(components[..<index])) }
        let settled = candidates.first { exists(URL(fileURLWithPath: root($0)).appendingPathComponent("normfolio.yml")) }
        guard let index = settled ?? candidates.first else { return nil }
        return (root(index), components[index...].joined(separator: "/"))
    }

    /// Why a private key must not be written at `path` (without extension): a folder a build
    /// publishes or reads (a portfolio's `Content/`, `Public/` or `Templates/`) or a site's folder
    /// (one with `.normfolio-site`), symbolic links followed; nil when it may.
    public static func problemWithKey(at path: String) -> String? {
        var folder = SiteWriter.resolve(path).deletingLastPathComponent()
        while true {
            if exists(folder.appendingPathComponent(SiteWriter.marker)) {
                return "'\(folder.path)' is a site normfolio built, which is published as it is"
            }
            let name = folder.lastPathComponent
            let parent = folder.deletingLastPathComponent()
            if ["Content", "Public", "Templates"].contains(name),
                exists(parent.appendingPathComponent("Content")) || exists(parent.appendingPathComponent("normfolio.yml"))
            {
                return "'\(folder.path)' is the \(name)/ folder of a portfolio, which builds read and publish"
            }
            if folder.path == "/" || parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
