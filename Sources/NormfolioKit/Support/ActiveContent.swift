/// File types a browser runs when it opens them: pages (HTML and its relatives), SVG, XML (with
/// its style sheets) and scripts. An attachment of such a type, opened on the site, would run with
/// the site's origin, beside every confidential page of it. So it is published only as a download:
/// under its name with `inertSuffix` added (every web server sends a `.txt` file as plain text,
/// which no browser runs), linked with `download` so that it is saved under its own name, never
/// shown as an image; `check` warns where it is used, and the preview sends it as a download.
public enum ActiveContent {
    static let extensions: Set<String> = [
        "htm", "html", "xhtml", "xht", "shtml", "mht", "mhtml", "hta", "svg", "svgz", "xml", "xsl",
        "xslt", "js", "mjs",
    ]
    /// Added to the name an active attachment is published under.
    static let inertSuffix = ".txt"

    /// Whether the file at `path` is of a type a browser runs.
    static func isActive(_ path: String) -> Bool {
        guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// The file's own name when the site file at `sitePath` is an active attachment published as
    /// a download (`bijlagen/…/verslag.html.txt` → `verslag.html`); nil for any other file.
    public static func downloadName(ofSitePath sitePath: String) -> String? {
        guard sitePath.hasPrefix(Routes.attachments), sitePath.hasSuffix(inertSuffix) else { return nil }
        let original = String(sitePath.dropLast(inertSuffix.count))
        return isActive(original) ? original.split(separator: "/").last.map(String.init) : nil
    }

    /// What a browser would make of it, for messages: "HTML", "SVG", "XML" or "a script".
    static func kind(of path: String) -> String {
        let ext = path.split(separator: ".").last?.lowercased() ?? ""
        switch ext {
        case "svg", "svgz": return "SVG"
        case "xml", "xsl", "xslt": return "XML"
        case "js", "mjs": return "a script"
        default: return "HTML"
        }
    }
}
