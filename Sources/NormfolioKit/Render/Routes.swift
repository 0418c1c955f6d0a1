/// Where everything goes in a site: the only place that knows a path. Paths are relative to the
/// site's root ("normen/SM.02.html"); `link(to:from:)` makes the relative link one page writes to
/// another.
enum Routes {
    static let home = "index.html"
    static let catalog = "normen/index.html"
    static let documents = "documenten/index.html"
    static let coverage = "dekking.html"
    static let maturity = "volwassenheid.html"
    static let plan = "verbeterplan.html"
    static let report = "rapport.html"
    static let integrity = "integriteit.html"
    static let search = "zoeken.html"

    static func norm(_ id: String) -> String { "normen/\(id).html" }
    static func document(_ slug: String) -> String { "documenten/\(slug).html" }
    static func page(_ slug: String) -> String { "paginas/\(slug).html" }
    /// The folder attachments are published in; each name below it is made by the link stage.
    static let attachments = "bijlagen/"

    /// The anchor of a domain's section on the catalogue page.
    static func domainAnchor(_ code: String) -> String { "domein-\(code.lowercased())" }

    static let csv = "export/normen.csv"
    static let documentsCSV = "export/documenten.csv"
    static let workbook = "export/portfolio.xlsx"
    static let json = "export/portfolio.json"
    static let searchIndex = "assets/zoekindex.js"
    static let manifest = "export/manifest.json"
    static let sums = "export/SHA256SUMS"
    static let signature = "export/SHA256SUMS.sig"

    /// The way from a page back to the site's root: "" or "../".
    static func root(of page: String) -> String {
        String(repeating: "../", count: page.count { $0 == "/" })
    }

    /// The relative link from `page` to `target` (both paths in the site): "SM.03.html" between
    /// norm pages, "../normen/SM.02.html" from a document's page.
    static func link(to target: String, from page: String) -> String {
        var from = page.split(separator: "/").dropLast()[...]
        var to = target.split(separator: "/", omittingEmptySubsequences: false)[...]
        while let a = from.first, let b = to.first, a == b, to.count > 1 {
            from = from.dropFirst()
            to = to.dropFirst()
        }
        return String(repeating: "../", count: from.count) + to.joined(separator: "/")
    }
}
