/// Where everything goes in a site: the only place that knows a path. Paths are relative to the
/// site's root ("normen/SM.02.html"); `link(to:from:)` makes the relative link one page writes to
/// another. A test (`RoutesTests`) fails for a path written anywhere else in the sources.
public enum Routes {
    public static let home = "index.html"
    static let catalog = "normen/index.html"
    static let documents = "documenten/index.html"
    static let coverage = "dekking.html"
    static let maturity = "volwassenheid.html"
    static let plan = "verbeterplan.html"
    static let report = "rapport.html"
    static let integrity = "integriteit.html"
    static let search = "zoeken.html"
    static let progress = "voortgang.html"
    static let attention = "aandachtspunten.html"
    static let calendar = "kalender.html"

    static func norm(_ id: String) -> String { "normen/\(id).html" }
    static let documentFolder = "documenten/"
    static func document(_ slug: String) -> String { documentFolder + slug + ".html" }
    static func page(_ slug: String) -> String { "paginas/\(slug).html" }
    /// The folder attachments are published in; each name below it is made by the link stage.
    public static let attachments = "bijlagen/"

    static let registers = "registers/index.html"
    static func register(_ kind: RegisterKind) -> String { "registers/\(kind.rawValue).html" }
    static func registerEntry(_ kind: RegisterKind, _ id: String) -> String { "registers/\(kind.rawValue)/\(id).html" }

    /// A school's page (`schools:` in normfolio.yml).
    static func school(_ id: String) -> String { "scholen/\(id).html" }
    /// The anchor of the school matrix on the coverage page.
    static let schoolMatrixAnchor = "scholen"

    /// The anchor of a domain's section on the catalogue page.
    static func domainAnchor(_ code: String) -> String { "domein-\(code.lowercased())" }

    static let csv = "export/normen.csv"
    static let documentsCSV = "export/documenten.csv"
    /// Coverage per school and domain, for a portfolio with schools.
    static let schoolsCSV = "export/scholen.csv"
    static func registerCSV(_ kind: RegisterKind) -> String { "export/\(kind.rawValue).csv" }
    static let workbook = "export/portfolio.xlsx"
    static let json = "export/portfolio.json"
    static let calendarICS = "export/kalender.ics"
    static let manifest = "export/manifest.json"
    static let sums = "export/SHA256SUMS"
    static let signature = "export/SHA256SUMS.sig"
    /// A paper of `build --pdf` (`export/rapport.pdf`), and the paged HTML it is typeset from.
    static func paper(_ name: String) -> String { "export/\(name).pdf" }
    static func paperSource(_ name: String) -> String { "export/\(name).html" }

    static let searchIndex = "assets/zoekindex.js"
    static let stylesheet = "assets/normfolio.css"
    /// Narrows a register's table to one school's entries (in a portfolio with schools).
    static let schoolFilterScript = "assets/scholenfilter.js"

    /// Whether a path is a page (HTML), rather than a file of another kind.
    public static func isPage(_ path: String) -> Bool { path.hasSuffix(".html") }

    /// Whether a path is the index page of a section (`normen/index.html`).
    static func isSectionIndex(_ path: String) -> Bool { path.hasSuffix("/" + home) }

    /// The way from a page back to the site's root: "" or "../".
    static func root(of page: String) -> String {
        String(repeating: "../", count: page.count { $0 == "/" })
    }

    /// The way back to the root from a page one folder deep (`documenten/…`, `export/…`), where
    /// the rows shared by many pages are made.
    static let fromFolder = root(of: documents)

    /// The relative link from `page` to `target` (both paths in the site): "SM.03.html" between
    /// norm pages, "../normen/SM.02.html" from a document's page.
    static func link(to target: String, from page: String) -> String {
        // Site paths are ASCII but for an attachment's name now and then: those bytes are the
        // characters, and comparing them is what the general way below does, forty times faster.
        if page.utf8.allSatisfy({ $0 < 0x80 }), target.utf8.allSatisfy({ $0 < 0x80 }) {
            let slash = UInt8(ascii: "/")
            let from = page.utf8.split(separator: slash).dropLast()
            let to = target.utf8.split(separator: slash, omittingEmptySubsequences: false)
            var common = 0
            while common < from.count, common < to.count - 1, from[common].elementsEqual(to[common]) { common += 1 }
            return String(repeating: "../", count: from.count - common) + String(target[to[common].startIndex...])
        }
        var from = page.split(separator: "/").dropLast()[...]
        var to = target.split(separator: "/", omittingEmptySubsequences: false)[...]
        while let a = from.first, let b = to.first, a == b, to.count > 1 {
            from = from.dropFirst()
            to = to.dropFirst()
        }
        return String(repeating: "../", count: from.count) + to.joined(separator: "/")
    }
}
