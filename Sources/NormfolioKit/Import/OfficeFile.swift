import CLibXML2
import Foundation
import ZIPFoundation

/// What `import` reads from a Word (`.docx`) or OpenDocument (`.odt`) file itself, besides what
/// pandoc converts: the title in the document's properties, and where cells of its tables are
/// merged (pandoc 2.17 keeps merged cells from Word files but flattens those of OpenDocument).
struct OfficeFile {
    enum Kind: String {
        case docx, odt
    }

    /// One position of a table's grid: a cell spanning rows and columns, or one covered by such a cell.
    enum Span: Equatable {
        case cell(rows: Int, columns: Int)
        case covered
    }

    let kind: Kind
    let url: URL
    /// The title in the document's properties, if it has one.
    var title: String?
    /// How many images the document's text shows.
    var imageCount = 0
    /// For each table in document order, its rows of grid positions (only filled for OpenDocument).
    var tables: [[[Span]]] = []
    /// For each table in document order, the text of its header rows by grid position (only
    /// filled for OpenDocument, whose header rows pandoc 2.17 drops).
    var headerRows: [[[String]]] = []
    /// What a reviewer left in the file: pending tracked changes and comments; and its dates.
    var review = Review()
    /// The archive, every size measured as it is read.
    let archive: BoundedArchive

    /// Why a file cannot be imported.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// Opens an office file: every part of it is unpacked once, measured against the archive's
    /// limits, before anything else (pandoc among them) reads it.
    init(url: URL) throws(Refusal) {
        guard let kind = Kind(rawValue: url.pathExtension.lowercased()) else {
            throw Refusal(description: "it is not a .docx or .odt file")
        }
        do {
            let archive = try BoundedArchive(url: url)
            try archive.measureAll()
            try self.init(kind: kind, url: url, archive: BoundedArchive(url: url))
        } catch {
            throw Refusal(description: error.description)
        }
    }

    /// An office file from an archive already opened (the fuzz target reads one from memory).
    init(kind: Kind, url: URL, archive: BoundedArchive) throws(BoundedArchive.Problem) {
        (self.kind, self.url, self.archive) = (kind, url, archive)
        switch kind {
        case .docx:
            title = try archive.read("docProps/core.xml").flatMap { Self.text(of: "title", in: $0) }
            imageCount = try archive.read("word/document.xml").map { Self.count("pic", in: $0) } ?? 0
        case .odt:
            title = try archive.read("meta.xml").flatMap { Self.text(of: "title", in: $0) }
            let content = try archive.read("content.xml")
            tables = content.map(Self.odtTables) ?? []
            headerRows = content.map(Self.odtHeaderRows) ?? []
            imageCount = content.map { Self.count("image", in: $0) } ?? 0
        }
        title = title?.trimmed.isEmpty == false ? title?.trimmed : nil
        review = try Self.review(kind: kind, archive: archive)
    }

    /// Copies the file stored at `path` in the document (as pandoc names it: relative to `word/`
    /// in a Word file) to `destination`; false when there is no such file or it breaks the limits.
    func extract(_ path: String, to destination: URL) -> Bool {
        let candidates = kind == .docx ? ["word/" + path, path] : [path]
        guard let data = candidates.lazy.compactMap({ try? self.archive.read($0) }).first else { return false }
        do {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: destination)
            return true
        } catch {
            return false
        }
    }

    // MARK: Hidden text

    /// The file without its hidden text (Word's "verborgen tekst", OpenDocument's hidden text,
    /// paragraphs and sections), written to `folder` for pandoc, which would publish it as visible
    /// text; with how many passages were left out. The file itself when it has none.
    func withoutHiddenText(in folder: URL) throws -> (url: URL, removed: Int) {
        guard let cleaned = try hiddenTextRemoved(), cleaned.removed > 0 else { return (url, 0) }
        let copy = folder.appendingPathComponent("zonder-verborgen-tekst." + kind.rawValue)
        let output = try Archive(url: copy, accessMode: .create, pathEncoding: nil)
        for path in archive.paths {
            if archive.isFolder(path) {
                try output.addEntry(with: path, type: .directory, uncompressedSize: Int64(0), provider: { _, _ in Data() })
                continue
            }
            let bytes = path == cleaned.part ? cleaned.data : (try archive.read(path) ?? Data())
            // OpenDocument wants its `mimetype` first and stored as it is.
            try output.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                compressionMethod: path == "mimetype" ? .none : .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<min(bytes.count, Int(position) + size))
            }
        }
        return (copy, cleaned.removed)
    }

    /// The part that holds the text, without its hidden passages, and how many there were; nil
    /// when the file has no such part or it cannot be parsed.
    func hiddenTextRemoved() throws(BoundedArchive.Problem) -> (part: String, data: Data, removed: Int)? {
        let part = kind == .docx ? "word/document.xml" : "content.xml"
        guard let data = try archive.read(part) else { return nil }
        let styleParts = [try archive.read(kind == .docx ? "word/styles.xml" : "styles.xml")].compactMap { $0 } + (kind == .odt ? [data] : [])
        let styles = Self.hiddenStyles(in: styleParts, kind: kind)
        return Self.removingHidden(from: data, kind: kind, styles: styles).map { (part, $0.0, $0.1) }
    }

    /// The styles that hide their text: Word's character and paragraph styles with `w:vanish`,
    /// OpenDocument's styles whose text properties say `text:display="none"`.
    private static func hiddenStyles(in parts: [Data], kind: Kind) -> Set<String> {
        var names = Set<String>()
        for part in parts {
            _ = withXML(part) { root -> Bool? in
                var stack = [root]
                while let node = stack.popLast() {
                    stack += elements(node)
                    switch (kind, localName(node)) {
                    case (.docx, "style"):
                        if let id = attribute("styleId", of: node), hides(node, kind: kind) { names.insert(id) }
                    case (.odt, "style"):
                        if let name = attribute("name", of: node), hides(node, kind: kind) { names.insert(name) }
                    default: break
                    }
                }
                return nil
            }
        }
        return names
    }

    /// Whether a run's or style's own properties hide its text.
    private static func hides(_ node: xmlNodePtr, kind: Kind) -> Bool {
        switch kind {
        case .docx:
            guard let properties = elements(node).first(where: { localName($0) == "rPr" }),
                let vanish = elements(properties).first(where: { localName($0) == "vanish" || localName($0) == "specVanish" })
            else { return false }
            return !["0", "false", "off"].contains(attribute("val", of: vanish) ?? "true")
        case .odt:
            return elements(node).contains { localName($0) == "text-properties" && attribute("display", of: $0) == "none" }
        }
    }

    /// Whether an element of the text is hidden: by its own properties or its style.
    private static func isHidden(_ node: xmlNodePtr, kind: Kind, styles: Set<String>) -> Bool {
        let name = localName(node)
        switch kind {
        case .docx:
            if name == "r" {
                if hides(node, kind: kind) { return true }
                let style = elements(node).first { localName($0) == "rPr" }.flatMap { elements($0).first { localName($0) == "rStyle" } }
                return style.flatMap { attribute("val", of: $0) }.map(styles.contains) ?? false
            }
            if name == "p" {
                let style = elements(node).first { localName($0) == "pPr" }.flatMap { elements($0).first { localName($0) == "pStyle" } }
                return style.flatMap { attribute("val", of: $0) }.map(styles.contains) ?? false
            }
            return false
        case .odt:
            // A hidden-paragraph field hides the paragraph it stands in.
            if ["p", "h"].contains(name), elements(node).contains(where: { localName($0) == "hidden-paragraph" }) { return true }
            if name == "hidden-text" { return true }
            if name == "section", attribute("display", of: node) == "none" { return true }
            return ["span", "p", "h"].contains(name) && (attribute("style-name", of: node).map(styles.contains) ?? false)
        }
    }

    /// The XML without its hidden elements, and how many were taken out; nil when it cannot be parsed.
    private static func removingHidden(from data: Data, kind: Kind, styles: Set<String>) -> (Data, Int)? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = data.withUnsafeBytes { raw in
            raw.baseAddress.flatMap { xmlReadMemory($0.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, options) }
        }
        guard let document = parsed, let root = xmlDocGetRootElement(document) else { return nil }
        defer { xmlFreeDoc(document) }
        var hidden: [xmlNodePtr] = []
        var stack = [root]
        while let node = stack.popLast() {
            if isHidden(node, kind: kind, styles: styles) { hidden.append(node) } else { stack += elements(node) }
        }
        guard !hidden.isEmpty else { return (data, 0) }
        for node in hidden {
            xmlUnlinkNode(node)
            xmlFreeNode(node)
        }
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(document, &buffer, &size, "UTF-8")
        guard let buffer else { return nil }
        // libxml2 allocates with malloc (its `xmlFree` is `free` unless a program sets its own
        // allocator, which normfolio never does; the global itself is not concurrency-safe to read).
        defer { free(buffer) }
        return (Data(bytes: buffer, count: Int(size)), hidden.count)
    }

    // MARK: XML

    /// Parses XML (never fetching anything from the network) and hands over its root element.
    static func withXML<T>(_ data: Data, _ body: (xmlNodePtr) -> T?) -> T? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = data.withUnsafeBytes { raw in
            raw.baseAddress.flatMap { xmlReadMemory($0.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, options) }
        }
        guard let document = parsed else { return nil }
        defer { xmlFreeDoc(document) }
        return xmlDocGetRootElement(document).flatMap(body)
    }

    static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.name.map({ String(cString: $0) }) == name, let text = current.pointee.children?.pointee.content {
                return String(cString: text)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The text of the first element named `name` (any namespace), depth first.
    static func text(of name: String, in data: Data) -> String? {
        withXML(data) { root in
            var stack = [root]
            while let node = stack.popLast() {
                if localName(node) == name {
                    var text = ""
                    var child = node.pointee.children
                    while let current = child {
                        if let content = current.pointee.content { text += String(cString: content) }
                        child = current.pointee.next
                    }
                    return text
                }
                stack += elements(node).reversed()
            }
            return nil
        }
    }

    /// How many elements named `name` (any namespace) there are.
    static func count(_ name: String, in data: Data) -> Int {
        withXML(data) { root in
            var (count, stack) = (0, [root])
            while let node = stack.popLast() {
                if localName(node) == name { count += 1 }
                stack += elements(node)
            }
            return count
        } ?? 0
    }

    /// The grid of each table in an OpenDocument text: where cells span rows or columns.
    private static func odtTables(_ data: Data) -> [[[Span]]] {
        withXML(data) { root -> [[[Span]]] in
            var tables: [[[Span]]] = []
            var stack = [root]
            while let node = stack.popLast() {
                if localName(node) == "table" {
                    tables.append(
                        rows(of: node).map { row in
                            elements(row).flatMap { cell -> [Span] in
                                let repeated = max(1, Int(attribute("number-columns-repeated", of: cell) ?? "1") ?? 1)
                                switch localName(cell) {
                                case "table-cell":
                                    let columns = max(1, Int(attribute("number-columns-spanned", of: cell) ?? "1") ?? 1)
                                    let rows = max(1, Int(attribute("number-rows-spanned", of: cell) ?? "1") ?? 1)
                                    return Array(repeating: .cell(rows: rows, columns: columns), count: min(repeated, 1024))
                                case "covered-table-cell":
                                    return Array(repeating: .covered, count: min(repeated, 1024))
                                default:
                                    return []
                                }
                            }
                        })
                    continue  // tables inside tables are not looked into
                }
                stack += elements(node).reversed()
            }
            return tables
        } ?? []
    }

    /// The rows of a table, also those inside header-row and row groups.
    static func rows(of table: xmlNodePtr) -> [xmlNodePtr] {
        elements(table).flatMap { child -> [xmlNodePtr] in
            switch localName(child) {
            case "table-row": [child]
            case "table-header-rows", "table-rows", "table-row-group": rows(of: child)
            default: []
            }
        }
    }
}
