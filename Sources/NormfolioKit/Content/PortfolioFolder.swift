/// The files of one of a portfolio's folders (`Content/`, `Templates/`, `Public/`), with the rule
/// every source obeys: a file whose real path (symbolic links followed) lies outside the
/// portfolio is never read or published, and an entry that cannot be read is reported, never
/// skipped silently.
struct PortfolioFolder: Sendable {
    /// Regular files, as sorted paths relative to the folder.
    var files: [String]
    /// Files that resolve to a place outside the portfolio.
    var outside: Set<String>
    /// Whether the folder exists.
    var exists: Bool

    /// The files that may be used: every file that stays inside the portfolio.
    var inside: [String] { outside.isEmpty ? files : files.filter { !outside.contains($0) } }
}

extension FileIO {
    /// Lists `name` (a folder of the portfolio at `root`), reporting what cannot be read.
    func portfolioFolder(_ name: String, root: String, diagnostics: inout [Diagnostic]) -> PortfolioFolder {
        let listing = list(root + "/" + name)
        for entry in listing.unreadable {
            let path = entry.path == "." ? name : name + "/" + entry.path
            diagnostics.append(.unreadable(entry.reason, at: SourceLocation(path: path)))
        }
        let resolvedRoot = resolvedPath(root)
        let outside = listing.files.parallelMap { file -> String? in
            resolvedPath(root + "/" + name + "/" + file).hasPrefix(resolvedRoot + "/") ? nil : file
        }
        return PortfolioFolder(files: listing.files, outside: Set(outside.compactMap { $0 }), exists: listing.exists)
    }
}
