import CLibXML2
import Foundation

/// What a Word or OpenDocument file says about its own state, read before it is converted:
/// tracked changes still pending, reviewers' comments, and when it was written.
extension OfficeFile {
    struct Review: Equatable {
        /// Pending tracked insertions (Word's `w:ins` and `w:moveTo`, OpenDocument's insertion regions).
        var insertions = 0
        /// Pending tracked deletions (`w:del` and `w:moveFrom`, deletion regions).
        var deletions = 0
        /// Pending changes of formatting only (OpenDocument's format-change regions).
        var formatChanges = 0
        /// Reviewers' comments (Word's opmerkingen, OpenDocument's annotations).
        var comments = 0
        /// The day the file was last saved, by its own properties; else the day it was created.
        var date: Day?
        /// Which property `date` came from.
        var dateProperty: String?

        /// Whether accepting or rejecting the changes would change the text.
        var hasPendingChanges: Bool { insertions + deletions + formatChanges > 0 }
    }

    /// The review state of a file, from its parts.
    static func review(kind: Kind, archive: BoundedArchive) throws(BoundedArchive.Problem) -> Review {
        var review = Review()
        switch kind {
        case .docx:
            if let document = try archive.read("word/document.xml") {
                let counts = names(in: document, ["ins", "moveTo", "del", "moveFrom"])
                review.insertions = counts["ins", default: 0] + counts["moveTo", default: 0]
                review.deletions = counts["del", default: 0] + counts["moveFrom", default: 0]
            }
            review.comments = try archive.read("word/comments.xml").map { count("comment", in: $0) } ?? 0
            if let core = try archive.read("docProps/core.xml") {
                (review.date, review.dateProperty) = firstDay(in: core, [("modified", "dcterms:modified"), ("created", "dcterms:created")])
            }
        case .odt:
            if let content = try archive.read("content.xml") {
                let counts = names(in: content, ["insertion", "deletion", "format-change", "annotation"])
                review.insertions = counts["insertion", default: 0]
                review.deletions = counts["deletion", default: 0]
                review.formatChanges = counts["format-change", default: 0]
                review.comments = counts["annotation", default: 0]
            }
            if let meta = try archive.read("meta.xml") {
                (review.date, review.dateProperty) = firstDay(in: meta, [("date", "dc:date"), ("creation-date", "meta:creation-date")])
            }
        }
        return review
    }

    /// How often each of `wanted` occurs as an element name (any namespace).
    private static func names(in data: Data, _ wanted: Set<String>) -> [String: Int] {
        withXML(data) { root -> [String: Int] in
            var counts: [String: Int] = [:]
            var stack = [root]
            while let node = stack.popLast() {
                let name = localName(node)
                if wanted.contains(name) { counts[name, default: 0] += 1 }
                stack += elements(node)
            }
            return counts
        } ?? [:]
    }

    /// The first of the named properties that holds a date (`2016-06-23T13:59:00Z`), with the name it is shown by.
    private static func firstDay(in data: Data, _ properties: [(name: String, shown: String)]) -> (Day?, String?) {
        for property in properties {
            if let text = text(of: property.name, in: data)?.trimmed, let day = Day(String(text.prefix(10))) {
                return (day, property.shown)
            }
        }
        return (nil, nil)
    }

    /// For each table of an OpenDocument text (in the order of `odtTables`), the text of the cells
    /// of its header rows by grid position, empty for covered positions.
    static func odtHeaderRows(_ data: Data) -> [[[String]]] {
        withXML(data) { root -> [[[String]]] in
            var tables: [[[String]]] = []
            var stack = [root]
            while let node = stack.popLast() {
                if localName(node) == "table" {
                    let head = elements(node).filter { localName($0) == "table-header-rows" }.flatMap(rows(of:))
                    tables.append(
                        head.map { row in
                            elements(row).flatMap { cell -> [String] in
                                let repeated = min(1024, max(1, Int(attribute("number-columns-repeated", of: cell) ?? "1") ?? 1))
                                switch localName(cell) {
                                case "table-cell": return Array(repeating: plainText(of: cell), count: repeated)
                                case "covered-table-cell": return Array(repeating: "", count: repeated)
                                default: return []
                                }
                            }
                        })
                    continue
                }
                stack += elements(node).reversed()
            }
            return tables
        } ?? []
    }

    /// The text inside an element, paragraphs joined by spaces.
    static func plainText(of node: xmlNodePtr) -> String {
        var parts: [String] = []
        func collect(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                    parts.append(String(cString: content))
                } else if current.pointee.type == XML_ELEMENT_NODE {
                    if ["s", "tab", "line-break"].contains(localName(current)) { parts.append(" ") }
                    if ["p", "h"].contains(localName(current)), !parts.isEmpty { parts.append(" ") }
                    collect(current)
                }
                child = current.pointee.next
            }
        }
        collect(node)
        return parts.joined().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
