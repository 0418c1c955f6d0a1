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

    init?(url: URL) {
        guard let kind = Kind(rawValue: url.pathExtension.lowercased()),
            let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil)
        else { return nil }
        (self.kind, self.url) = (kind, url)
        switch kind {
        case .docx:
            title = Self.read("docProps/core.xml", from: archive).flatMap { Self.text(of: "title", in: $0) }
            imageCount = Self.read("word/document.xml", from: archive).map { Self.count("pic", in: $0) } ?? 0
        case .odt:
            title = Self.read("meta.xml", from: archive).flatMap { Self.text(of: "title", in: $0) }
            let content = Self.read("content.xml", from: archive)
            tables = content.map(Self.odtTables) ?? []
            imageCount = content.map { Self.count("image", in: $0) } ?? 0
        }
        title = title?.trimmed.isEmpty == false ? title?.trimmed : nil
    }

    /// Copies the file stored at `path` in the document (as pandoc names it: relative to `word/`
    /// in a Word file) to `destination`; false when there is no such file or it is too large.
    func extract(_ path: String, to destination: URL) -> Bool {
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else { return false }
        let candidates = kind == .docx ? ["word/" + path, path] : [path]
        guard let data = candidates.lazy.compactMap({ Self.read($0, from: archive) }).first else { return false }
        do {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: destination)
            return true
        } catch {
            return false
        }
    }

    private static func read(_ path: String, from archive: Archive) -> Data? {
        guard let entry = archive[path], entry.uncompressedSize < 32 << 20 else { return nil }
        var data = Data()
        _ = try? archive.extract(entry, skipCRC32: true) { data.append($0) }
        return data
    }

    // MARK: XML

    /// Parses XML (never fetching anything from the network) and hands over its root element.
    private static func withXML<T>(_ data: Data, _ body: (xmlNodePtr) -> T?) -> T? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = data.withUnsafeBytes { raw in
            raw.baseAddress.flatMap { xmlReadMemory($0.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, options) }
        }
        guard let document = parsed else { return nil }
        defer { xmlFreeDoc(document) }
        return xmlDocGetRootElement(document).flatMap(body)
    }

    private static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
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
    private static func text(of name: String, in data: Data) -> String? {
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
    private static func count(_ name: String, in data: Data) -> Int {
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
                    tables.append(rows(of: node).map { row in
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
                    continue    // tables inside tables are not looked into
                }
                stack += elements(node).reversed()
            }
            return tables
        } ?? []
    }

    /// The rows of a table, also those inside header-row and row groups.
    private static func rows(of table: xmlNodePtr) -> [xmlNodePtr] {
        elements(table).flatMap { child -> [xmlNodePtr] in
            switch localName(child) {
            case "table-row": [child]
            case "table-header-rows", "table-rows", "table-row-group": rows(of: child)
            default: []
            }
        }
    }
}
