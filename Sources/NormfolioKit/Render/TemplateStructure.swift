import Foundation

/// What a theme's templates include, read from their tags, to refuse templates that could never
/// finish rendering: a template that includes itself (directly or through others) and sections
/// nested deeper than `Limits.templateNesting`. normfolio's pages hold no recursive data, so no
/// template needs to include itself. Partials whose name comes from the data (`{{>*name}}`) are
/// refused too: a value in the portfolio could name the template they stand in.
struct TemplateStructure {
    struct Problem: Equatable, Sendable {
        var template: String
        var line: Int
        var column: Int
        var message: String
    }

    /// A template's tag that names another template (`{{> name}}` or `{{< name}}`), with its place.
    fileprivate struct Include: Sendable {
        var name: String
        var line: Int
        var column: Int
    }

    private(set) var problems: [Problem] = []
    /// Templates that must not be rendered.
    private(set) var unusable: Set<String> = []

    /// What one template's tags say: what it includes, and what is wrong with it on its own.
    struct Scan: Sendable {
        fileprivate var includes: [Include] = []
        fileprivate var problems: [Problem] = []
    }

    /// Reads the tags of one template.
    static func scan(_ name: String, _ text: String) -> Scan {
        var scan = Scan()
        scan.read(name, Array(text.utf8))
        return scan
    }

    /// Checks a theme: `scans` of its templates by name (built-in ones can be scanned once).
    init(_ scans: [String: Scan]) {
        for name in scans.keys.sorted() {
            problems += scans[name]?.problems ?? []
            if !(scans[name]?.problems.isEmpty ?? true) { unusable.insert(name) }
        }
        // Depth-first search for cycles; each cycle is reported once, at its first template's tag.
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var path: [(name: String, include: Include?)] = []
        func visit(_ name: String) {
            state[name] = false
            for include in scans[name]?.includes ?? [] where scans[include.name] != nil {
                path.append((name, include))
                if state[include.name] == false, let start = path.firstIndex(where: { $0.name == include.name }) {
                    let cycle = path[start...].map(\.name) + [include.name]
                    let first = path[start]
                    problems.append(
                        Problem(
                            template: first.name, line: first.include?.line ?? 1, column: first.include?.column ?? 1,
                            message: "template '\(first.name)' includes itself (\(cycle.joined(separator: " → "))), so it would never finish"))
                    unusable.formUnion(cycle)
                } else if state[include.name] == nil {
                    visit(include.name)
                }
                path.removeLast()
            }
            state[name] = true
        }
        for name in scans.keys.sorted() where state[name] == nil { visit(name) }
    }
}

extension TemplateStructure.Scan {
    /// The includes of one template, following set-delimiter tags as Mustache does. Delimiters are
    /// found with memchr: this runs over every template of every theme, every build.
    fileprivate mutating func read(_ template: String, _ text: [UInt8]) {
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var depth = 0
        var line = 1, lineStart = 0, scanned = 0
        func position(of offset: Int) -> (Int, Int) {
            while scanned < offset {
                if text[scanned] == 0x0A { line += 1; lineStart = scanned + 1 }
                scanned += 1
            }
            var column = 1
            for byte in text[lineStart..<offset] where byte & 0xC0 != 0x80 { column += 1 }
            return (line, column)
        }
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard let first = needle.first, start + needle.count <= text.count else { return nil }
            return text.withUnsafeBufferPointer { buffer -> Int? in
                guard let base = buffer.baseAddress else { return nil }
                var from = start
                let last = text.count - needle.count
                while from <= last, let hit = memchr(base + from, Int32(first), last - from + 1) {
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if text[offset..<offset + needle.count].elementsEqual(needle) { return offset }
                    from = offset + 1
                }
                return nil
            }
        }
        var index = 0
        while let tag = find(open, from: index) {
            var contentStart = tag + open.count
            var closing = close
            // The triple mustache {{{name}}} closes with one more brace.
            if open == Array("{{".utf8), contentStart < text.count, text[contentStart] == UInt8(ascii: "{") {
                contentStart += 1
                closing = Array("}}}".utf8)
            }
            guard let end = find(closing, from: contentStart) else { break }
            index = end + closing.count
            let content = String(decoding: text[contentStart..<end], as: UTF8.self).trimmed
            guard let sigil = content.first else { continue }
            let name = content.dropFirst().trimmed
            switch sigil {
            case "=":
                // {{=<% %>=}}: the new opening and closing delimiters.
                let parts = content.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 { (open, close) = (Array(parts[0].utf8), Array(parts[1].utf8)) }
            case ">", "<":
                let (tagLine, tagColumn) = position(of: tag)
                if name.hasPrefix("*") {
                    problems.append(
                        .init(
                            template: template, line: tagLine, column: tagColumn,
                            message: "a partial named by the data ('\(content)') is not supported; name the template"))
                } else {
                    includes.append(.init(name: name, line: tagLine, column: tagColumn))
                }
                if sigil == "<" { depth += 1 }
            case "#", "^", "$":
                depth += 1
            case "/":
                depth -= 1
            default:
                break
            }
            if depth > Limits.templateNesting {
                let (tagLine, tagColumn) = position(of: tag)
                problems.append(
                    .init(
                        template: template, line: tagLine, column: tagColumn,
                        message: "sections are nested more than \(Limits.templateNesting) deep"))
                break
            }
        }
    }
}
