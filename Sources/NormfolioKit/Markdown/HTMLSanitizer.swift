import CLibXML2
import Foundation

/// Raw HTML in Markdown, made safe by parsing it with libxml2's HTML parser and writing back only
/// a safe subset: elements on the allow-list with their allowed attributes; links and images
/// resolved like Markdown's own (an unsafe or withheld target loses its link); everything else
/// removed, keeping the text inside it, except the contents of `script`, `style` and other
/// elements whose text is not text. Comments are dropped. No script, no event handler, no
/// `style`, no `javascript:` or `data:` URL can come through.
///
/// The read stage uses `inspect` to report what will be removed and to find links and images;
/// the render stage runs a body that holds raw HTML through `sanitize` as a whole, so elements
/// opened in one HTML block and closed in another (`<details>`) keep their structure.
enum HTMLSanitizer {
    /// Elements kept, with the attributes each may keep. normfolio's own markup (tables, task
    /// lists, footnotes, heading anchors) is on the list too, since a body with raw HTML is
    /// sanitized after it is rendered.
    static let allowed: [String: Set<String>] = [
        "a": ["href", "title", "class", "rel", "id", "aria-label", "download"],
        "abbr": ["title"], "aside": [], "b": [], "blockquote": [], "br": [], "caption": [], "cite": [],
        "code": ["class"], "col": ["span"], "colgroup": ["span"], "dd": [], "del": [], "details": ["open"], "dl": [], "dt": [], "em": [],
        "figcaption": [], "figure": [],
        "h2": ["id"], "h3": ["id"], "h4": ["id"], "h5": ["id"], "h6": ["id"], "hr": [], "i": [],
        "img": ["src", "alt", "title", "width", "height"], "ins": [], "kbd": [], "li": ["id", "class"], "mark": [],
        "ol": ["start"], "p": [], "pre": [], "q": [], "s": [], "samp": [], "small": [], "span": [], "strong": [],
        "sub": [], "summary": [], "sup": ["class"], "table": [], "tbody": [], "td": ["colspan", "rowspan", "class"],
        "tfoot": [], "th": ["colspan", "rowspan", "scope", "class"], "thead": [], "tr": [], "u": [], "ul": ["class"],
        "var": [],
        // normfolio's own: the scrolling region around a table, task checkboxes, footnotes.
        "div": ["class", "role", "tabindex", "aria-label"], "input": ["type", "disabled", "checked", "aria-label"],
        "section": ["class", "aria-label"],
    ]

    /// Elements removed with everything inside them: their content is not text a reader should see.
    static let removedWithContent: Set<String> = [
        "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "textarea", "select",
        "head", "title", "frameset", "frame", "applet", "audio", "video", "canvas",
    ]

    /// Elements of HTML5 that libxml2's HTML 4 parser does not know by name.
    private static let html5: Set<String> = [
        "article", "aside", "audio", "bdi", "canvas", "data", "details", "dialog", "figcaption", "figure", "footer", "header",
        "main", "mark", "meter", "nav", "output", "picture", "progress", "rp", "rt", "ruby", "section", "slot", "source",
        "summary", "template", "time", "video", "wbr", "svg", "math",
    ]

    /// Whether `name` is an element of HTML at all. Anything else in angle brackets is a
    /// placeholder such as `<insert e-mail address here>`, shown as the text it is.
    static func isElement(_ name: String) -> Bool {
        html5.contains(name) || allowed[name] != nil || htmlTagLookup(name) != nil
    }

    /// Elements that are void (have no content and no end tag).
    private static let void: Set<String> = ["br", "col", "hr", "img", "input"]

    /// The attribute that marks the links and images normfolio wrote itself (already resolved) in
    /// a body that goes through `sanitize`; it never reaches the page.
    static let ownMarker = "data-normfolio"

    /// Whether an element is kept with these attributes: normfolio's own `div`, `input` and
    /// `section` only in the form it writes them.
    private static func keeps(_ name: String, attributes: [String: String]) -> Bool {
        guard allowed[name] != nil else { return false }
        switch name {
        case "div": return attributes["class"] == "table-wrap"
        case "input": return attributes["type"] == "checkbox" && attributes["disabled"] != nil
        case "section": return attributes["class"] == "footnotes"
        default: return true
        }
    }

    // MARK: Reading

    /// Whether raw HTML is only a comment (`<!-- … -->`), which is dropped without a word.
    static func isComment(_ html: String) -> Bool {
        let trimmed = html.trimmed
        return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") && !trimmed.dropFirst(4).dropLast(3).contains("-->")
    }

    /// What the read stage learns from one piece of raw HTML: the elements that will be removed
    /// (by name, with how often) and the links and images it holds.
    struct Inspection: Equatable {
        var removed: [String] = []
        /// Tags that are not HTML, shown as text.
        var shownAsText: [String] = []
        var links: [(destination: String, isImage: Bool)] = []
        /// The ids of anchors, `<a id="…">`, where links may lead.
        var anchors: [String] = []

        static func == (a: Inspection, b: Inspection) -> Bool {
            a.removed == b.removed && a.shownAsText == b.shownAsText && a.links.map(\.destination) == b.links.map(\.destination)
                && a.links.map(\.isImage) == b.links.map(\.isImage)
        }
    }

    static func inspect(_ html: String) -> Inspection {
        var inspection = Inspection()
        withParsed(html) { root in
            walk(root) { node, name, attributes in
                if !isElement(name) {
                    inspection.shownAsText.append(name)
                    return true
                }
                if removedWithContent.contains(name) {
                    inspection.removed.append(name)
                    return false
                }
                if name == "a", let id = attributes["id"], !id.isEmpty, keeps(name, attributes: attributes) {
                    inspection.anchors.append(id)
                }
                if !keeps(name, attributes: attributes) {
                    inspection.removed.append(name)
                } else if name == "a", let href = attributes["href"] {
                    inspection.links.append((href, false))
                } else if name == "img", let src = attributes["src"] {
                    inspection.links.append((src, true))
                }
                return true
            }
        }
        return inspection
    }

    // MARK: Writing

    /// A rendered body with raw HTML in it, written back with only the safe subset. Links and
    /// images that normfolio did not write are resolved with `resolve`.
    static func sanitize(
        _ html: String, remoteImage: String = "afbeelding",
        resolve: (_ destination: String, _ isImage: Bool) -> Markdown.LinkTarget
    ) -> String {
        withoutActuallyEscaping(resolve) { resolve in
            var out = ""
            withParsed(html) { root in
                var writer = Writer(resolve: resolve, remoteImage: remoteImage)
                writer.children(of: root)
                out = writer.out
            }
            // What was removed at the start leaves its line break behind.
            return String(out.drop { $0 == "\n" })
        }
    }

    private struct Writer {
        let resolve: (String, Bool) -> Markdown.LinkTarget
        /// The word a remote image's link starts with.
        let remoteImage: String
        var out = ""

        mutating func children(of node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                self.node(current)
                child = current.pointee.next
            }
        }

        mutating func node(_ node: xmlNodePtr) {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                out += HTMLSanitizer.escaped(HTMLSanitizer.content(of: node))
            case XML_ELEMENT_NODE:
                element(node)
            default:
                // Comments, processing instructions and the like are dropped.
                break
            }
        }

        mutating func element(_ node: xmlNodePtr) {
            let name = HTMLSanitizer.name(of: node)
            if HTMLSanitizer.removedWithContent.contains(name) { return }
            guard HTMLSanitizer.isElement(name) else {
                // Not HTML but a placeholder in angle brackets: the reader sees it as written.
                let words = [name] + HTMLSanitizer.attributeNames(of: node)
                out += HTMLSanitizer.escaped("<" + words.joined(separator: " ") + ">")
                children(of: node)
                return
            }
            var attributes = HTMLSanitizer.attributes(of: node)
            guard HTMLSanitizer.keeps(name, attributes: attributes) else {
                children(of: node)
                return
            }
            let own = attributes.removeValue(forKey: HTMLSanitizer.ownMarker) != nil
            // Links and images are resolved as Markdown's are, unless normfolio wrote them.
            if name == "a", let href = attributes["href"], !own {
                switch resolve(href, false) {
                case .keep: break
                case .rewrite(let url): attributes["href"] = url
                case .download(let url, let filename):
                    attributes["href"] = url
                    attributes["download"] = filename
                case .unlink:
                    children(of: node)
                    return
                }
            }
            if name == "img", let src = attributes["src"], !own {
                let alt = attributes["alt"] ?? ""
                switch resolve(src, true) {
                case .keep: break
                case .rewrite(let url): attributes["src"] = url
                case .download(let url, let filename):
                    out +=
                        "<a href=\"" + HTMLSanitizer.escaped(url) + "\" download=\"" + HTMLSanitizer.escaped(filename) + "\">"
                        + HTMLSanitizer.escaped(alt.isEmpty ? filename : alt) + "</a>"
                    return
                case .unlink:
                    out += HTMLSanitizer.escaped(alt)
                    return
                }
                // The site loads nothing from the internet: a remote image is a link to it.
                if let url = attributes["src"], HTMLSanitizer.isRemote(url) {
                    out +=
                        "<a rel=\"noopener noreferrer\" href=\"" + HTMLSanitizer.escaped(url) + "\">"
                        + HTMLSanitizer.escaped(HTMLSanitizer.remoteImageText(alt: alt, url: url, label: remoteImage)) + "</a>"
                    return
                }
            }
            for url in ["href", "src"] where attributes[url].map(HTMLSanitizer.isSafeURL) == false {
                attributes[url] = nil
            }
            if name == "a", let href = attributes["href"], HTMLSanitizer.isRemote(href) { attributes["rel"] = "noopener noreferrer" }
            let kept = HTMLSanitizer.allowed[name] ?? []
            out += "<" + name
            // Attributes in the order they were written, then any that were added.
            let written = HTMLSanitizer.attributeNames(of: node)
            for attribute in written + attributes.keys.sorted().filter({ !written.contains($0) })
            where kept.contains(attribute) {
                guard let value = attributes[attribute] else { continue }
                out += " " + attribute + "=\"" + HTMLSanitizer.escaped(value) + "\""
            }
            if HTMLSanitizer.void.contains(name) {
                out += " />"
                return
            }
            out += ">"
            children(of: node)
            out += "</" + name + ">"
        }
    }

    // MARK: libxml2

    /// Parses `html` as the content of a page's body and hands over the body element. (Not a
    /// wrapper element: a stray end tag in the HTML could close that early.)
    private static func withParsed(_ html: String, _ body: (xmlNodePtr) -> Void) {
        let wrapped = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        var bytes = Array(wrapped.utf8)
        let parsed = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options)
            }
        }
        guard let document = parsed else { return }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return }
        var child = root.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, name(of: node) == "body" {
                body(node)
                return
            }
            child = node.pointee.next
        }
    }

    /// Visits every element below `root` in document order; `visit` returns false to skip what
    /// is inside an element.
    private static func walk(_ root: xmlNodePtr, _ visit: (xmlNodePtr, String, [String: String]) -> Bool) {
        var stack: [xmlNodePtr] = []
        var child = root.pointee.children
        while true {
            if let node = child {
                if node.pointee.type == XML_ELEMENT_NODE, visit(node, name(of: node), attributes(of: node)),
                    let first = node.pointee.children
                {
                    stack.append(node)
                    child = first
                    continue
                }
                child = node.pointee.next
            } else if let parent = stack.popLast() {
                child = parent.pointee.next
            } else {
                return
            }
        }
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private static func content(of node: xmlNodePtr) -> String {
        node.pointee.content.map { String(cString: $0) } ?? ""
    }

    /// The names of an element's attributes, lower-cased, in the order they were written.
    private static func attributeNames(of node: xmlNodePtr) -> [String] {
        var names: [String] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name.map({ String(cString: $0).lowercased() }), !names.contains(name) { names.append(name) }
            attribute = current.pointee.next
        }
        return names
    }

    /// An element's attributes, names lower-cased; a value is the text of the attribute's children.
    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            var value = ""
            var child = current.pointee.children
            while let text = child {
                value += text.pointee.content.map { String(cString: $0) } ?? ""
                child = text.pointee.next
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
            attribute = current.pointee.next
        }
        return attributes
    }

    // MARK: Text and URLs

    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// The text of the link a remote image becomes, which reads as what it is in a sentence:
    /// "afbeelding: Aantal meldingen", or with the site's name when the image has no description.
    static func remoteImageText(alt: String, url: String, label: String) -> String {
        let description = alt.trimmed
        if !description.isEmpty { return "\(label): \(description)" }
        let host = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst(url.hasPrefix("//") ? 0 : 1).first
        return host.map { "\(label) (\($0))" } ?? label
    }

    /// Whether a link leads to another site: `http:`, `https:` or `//host`, in any case. One rule
    /// for links written in Markdown and in HTML alike.
    static func isRemote(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
    }

    /// Relative URLs, fragments and http(s), mailto and tel are safe; any other scheme is not.
    static func isSafeURL(_ url: String) -> Bool {
        let trimmed = url.trimmed.lowercased().filter { !$0.isWhitespace && $0 != "\u{0}" }
        guard let colon = trimmed.firstIndex(of: ":") else { return true }
        let scheme = trimmed[..<colon]
        // A colon after a slash, '?' or '#' is part of a path, not a scheme.
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        return ["http", "https", "mailto", "tel"].contains(String(scheme))
    }
}
