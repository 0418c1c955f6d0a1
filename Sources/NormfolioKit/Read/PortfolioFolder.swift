/// The files of one of a portfolio's folders (`Content/`, `Templates/`, `Public/`), with the rule
/// every source obeys: nothing is read or published through a symbolic link that leads outside the
/// portfolio, and an entry that cannot be read is reported, never skipped silently.
struct PortfolioFolder: Sendable {
    /// Regular files inside the portfolio, as sorted paths relative to the folder.
    var files: [String]
    /// Symbolic links below the folder that lead outside the portfolio (files or folders, not followed).
    var exits: [FileListing.Exit]
    /// Whether the folder exists.
    var exists: Bool

    /// Whether `path` (relative to the folder) is, or lies below, a link that leads outside.
    func leadsOutside(_ path: String) -> Bool {
        exits.contains { $0.path == "." || $0.path == path || path.hasPrefix($0.path + "/") }
    }
}

extension FileIO {
    /// Lists `name` (a folder of the portfolio at `root`), reporting what cannot be read.
    func portfolioFolder(_ name: String, root: String, diagnostics: inout [Diagnostic]) -> PortfolioFolder {
        let listing = list(root + "/" + name, root)
        for entry in listing.unreadable {
            let path = entry.path == "." ? name : name + "/" + entry.path
            diagnostics.append(.unreadable(listed: entry.reason, at: SourceLocation(path: path)))
        }
        return PortfolioFolder(files: listing.files, exits: listing.outside, exists: listing.exists)
    }
}

extension FileListing.Exit {
    /// The exit's path under the portfolio, for messages ("Public/etc", or "Public" itself).
    func path(in folder: String) -> String { path == "." ? folder : folder + "/" + path }
}
