/// What a theme's templates include, read from their tags, to refuse templates that could never
/// finish rendering: a template that includes itself (directly or through others) and sections
/// nested deeper than `Limits.templateNesting`. normfolio's pages hold no recursive data, so no
/// template needs to include itself. Partials whose name comes from the data (`{{>*name}}`) are
/// refused too: a value in the portfolio could name the template they stand in.
struct TemplateStructure {
    struct Problem: Equatable {
        var template: String
        var line: Int
        var column: Int
        var message: String
    }

    /// A template's tag that names another template (`{{> name}}` or `{{< name}}`), with its place.
    private struct Include {
        var name: String
        var line: Int
        var column: Int
    }

    private(set) var problems: [Problem] = []
    /// Templates that must not be rendered.
    private(set) var unusable: Set<String> = []

    /// Reads the tags of every template (name → source text).
    init(_ sources: [String: String]) {
        var includes: [String: [Include]] = [:]
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            includes[name] = scan(name, Array(text.utf8))
        }
        // Depth-first search for cycles; each cycle is reported once, at its first template's tag.
        var state: [String: Bool] = [:]    // false: on the current path; true: done
        var path: [(name: String, include: Include?)] = []
        func visit(_ name: String) {
            state[name] = false
            for include in includes[name] ?? [] where includes[include.name] != nil {
                path.append((name, include))
                if state[include.name] == false, let start = path.firstIndex(where: { $0.name == include.name }) {
                    let cycle = path[start...].map(\.name) + [include.name]
                    let first = path[start]
                    problems.append(Problem(
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
        for name in includes.keys.sorted() where state[name] == nil { visit(name) }
    }

    /// The includes of one template, following set-delimiter tags as Mustache does.
    private mutating func scan(_ template: String, _ text: [UInt8]) -> [Include] {
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var includes: [Include] = []
        var depth = 0
        var line = 1, lineStart = 0, scanned = 0
        func position(of offset: Int) -> (Int, Int) {
            while scanned < offset {
                if text[scanned] == 0x0A { line += 1; lineStart = scanned + 1 }
                scanned += 1
            }
            return (line, text[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1)
        }
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, start + needle.count <= text.count else { return nil }
            return (start...(text.count - needle.count)).first { text[$0..<$0 + needle.count].elementsEqual(needle) }
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
            let (tagLine, tagColumn) = position(of: tag)
            switch sigil {
            case "=":
                // {{=<% %>=}}: the new opening and closing delimiters.
                let parts = content.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 { (open, close) = (Array(parts[0].utf8), Array(parts[1].utf8)) }
            case ">", "<":
                if name.hasPrefix("*") {
                    problems.append(Problem(template: template, line: tagLine, column: tagColumn,
                                            message: "a partial named by the data ('\(content)') is not supported; name the template"))
                    unusable.insert(template)
                } else {
                    includes.append(Include(name: name, line: tagLine, column: tagColumn))
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
                problems.append(Problem(template: template, line: tagLine, column: tagColumn,
                                        message: "sections are nested more than \(Limits.templateNesting) deep"))
                unusable.insert(template)
                break
            }
        }
        return includes
    }
}
