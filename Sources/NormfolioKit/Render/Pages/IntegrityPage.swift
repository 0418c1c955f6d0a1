/// How to check the site (`integriteit.html`): what was recorded, and the commands to verify it.
struct IntegrityPage: PageKind {
    struct View: TemplateView {
        var gitCommit: String?
        var manifest: String
        var sums: String
        /// Every export of the edition with its size and SHA-256.
        var exports: [ExportFiles.Listed]
        var hasExports: Bool
    }

    let template = "integrity"

    func pages(in edition: Edition) -> [PageRoute] { [PageRoute(path: Routes.integrity)] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("integrity") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let exports = context.exports.listing(on: page.path)
        return View(
            gitCommit: context.edition.portfolio.gitCommit, manifest: Routes.manifest, sums: Routes.sums, exports: exports,
            hasExports: !exports.isEmpty)
    }
}
