/// Footnotes as GitHub writes them: `[^label]` in the text refers to a paragraph that starts with
/// `[^label]: ` (at the start of a line, outside code). They are numbered in the order they are
/// first referred to and shown at the end of the body, each with a way back to its reference.
///
/// CommonMark would read a definition such as `[^1]: https://example.org` as a link reference
/// definition and drop it, so before cmark parses a body the `[` that starts each definition is
/// escaped (`\[^1]: …`); the places of everything on that line are moved back by that one byte.
enum Footnotes {
    /// A footnote label: up to 100 characters, no spaces or brackets.
    static func isLabel(_ label: Substring) -> Bool {
        !label.isEmpty && label.count <= 100 && !label.contains { $0.isWhitespace || $0 == "[" || $0 == "]" }
    }

    /// A body made ready for cmark, with what the footnotes need to report problems.
    struct Prepared {
        /// The body with each definition's `[` escaped.
        var text: String
        /// Byte offsets in `text` of the backslashes added, in order.
        var insertions: [Int] = []
        /// Every definition (label, 1-based line and column in the body), in order.
        var definitions: [(label: String, line: Int, column: Int)] = []
        /// Every reference (label, 1-based line and column in the body), in order.
        var references: [(label: String, line: Int, column: Int)] = []
    }

    /// Escapes the definitions of a body and finds its references, outside fenced code and code spans.
    static func prepare(_ text: String) -> Prepared {
        guard text.containsBytes("[^") else { return Prepared(text: text) }
        var prepared = Prepared(text: "")
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        var fence: (character: UInt8, length: Int)?
        var lineNumber = 0
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineNumber > 1 { output.append(0x0A) }
            let bytes = Array(line)
            let indent = bytes.prefix { $0 == 0x20 }.count
            // Fenced code: a line of three or more backticks or tildes opens and closes it.
            if indent <= 3, let first = bytes.dropFirst(indent).first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                let run = bytes.dropFirst(indent).prefix { $0 == first }.count
                if run >= 3 {
                    if let open = fence {
                        if open.character == first, run >= open.length,
                            bytes.dropFirst(indent + run).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
                        {
                            fence = nil
                        }
                    } else {
                        fence = (first, run)
                    }
                    output += bytes
                    continue
                }
            }
            if fence != nil {
                output += bytes
                continue
            }
            var start = 0
            if indent <= 3, let label = definitionLabel(in: bytes[indent...]) {
                prepared.definitions.append((label, lineNumber, indent + 1))
                output += bytes[..<indent]
                prepared.insertions.append(output.count)
                output.append(UInt8(ascii: "\\"))
                output += bytes[indent..<(indent + 2 + label.utf8.count + 2)]
                start = indent + 2 + label.utf8.count + 2
            }
            references(in: bytes, from: start, line: lineNumber, into: &prepared.references)
            output += bytes[start...]
        }
        prepared.text = String(decoding: output, as: UTF8.self)
        return prepared
    }

    /// The label of a definition (`[^label]:`) at the start of `bytes`.
    private static func definitionLabel(in bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.starts(with: "[^".utf8), let close = bytes.firstIndex(of: UInt8(ascii: "]")),
            bytes.index(after: close) < bytes.endIndex, bytes[bytes.index(after: close)] == UInt8(ascii: ":")
        else { return nil }
        let label = String(decoding: bytes[(bytes.startIndex + 2)..<close], as: UTF8.self)
        return isLabel(Substring(label)) ? label : nil
    }

    /// The `[^label]` references on a line, outside code spans.
    private static func references(
        in bytes: [UInt8], from start: Int, line: Int,
        into references: inout [(label: String, line: Int, column: Int)]
    ) {
        var index = start
        var inCode = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "`") {
                let run = bytes[index...].prefix { $0 == UInt8(ascii: "`") }.count
                inCode = inCode == 0 ? run : (inCode == run ? 0 : inCode)
                index += run
                continue
            }
            if inCode == 0, bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "^"),
                let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "]"))
            {
                let label = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                if isLabel(Substring(label)) {
                    let column = bytes[..<index].count { $0 & 0xC0 != 0x80 } + 1
                    references.append((label, line, column))
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
    }

    /// Takes the definitions out of a parsed body: the paragraphs that start with `[^label]:`.
    static func extractDefinitions(from blocks: [MarkdownDocument.Block]) -> (
        blocks: [MarkdownDocument.Block],
        definitions: [String: [MarkdownDocument.Block]]
    ) {
        var definitions: [String: [MarkdownDocument.Block]] = [:]
        func visit(_ blocks: [MarkdownDocument.Block]) -> [MarkdownDocument.Block] {
            var kept: [MarkdownDocument.Block] = []
            for block in blocks {
                switch block {
                case .paragraph(let content):
                    // Each line that starts with `[^label]:` starts a definition, also right after
                    // the text of another paragraph or definition.
                    for part in lines(content, splitAt: { definition($0) != nil }) {
                        if let (label, rest) = definition(part) {
                            // The first definition of a label counts, as for link references.
                            if definitions[label] == nil { definitions[label] = rest.isEmpty ? [] : [.paragraph(rest)] }
                        } else {
                            kept.append(.paragraph(part))
                        }
                    }
                case .quote(let children):
                    kept.append(.quote(visit(children)))
                case .list(var list):
                    list.items = list.items.map { MarkdownDocument.Item(blocks: visit($0.blocks), task: $0.task) }
                    kept.append(.list(list))
                default:
                    kept.append(block)
                }
            }
            return kept
        }
        let remaining = visit(blocks)
        return (remaining, definitions)
    }

    /// A paragraph's inlines cut before every line for which `startsPart` holds.
    private static func lines(
        _ content: [MarkdownDocument.Inline],
        splitAt startsPart: ([MarkdownDocument.Inline]) -> Bool
    ) -> [[MarkdownDocument.Inline]] {
        var parts: [[MarkdownDocument.Inline]] = [[]]
        for (index, inline) in content.enumerated() {
            if inline == .softBreak, index + 1 < content.count, startsPart(Array(content[(index + 1)...].prefix(1))) {
                parts.append([])
                continue
            }
            parts[parts.count - 1].append(inline)
        }
        return parts.filter { !$0.isEmpty }
    }

    /// The label and the rest of a paragraph that is a footnote definition.
    private static func definition(_ content: [MarkdownDocument.Inline]) -> (String, [MarkdownDocument.Inline])? {
        guard case .text(let text)? = content.first, text.hasPrefix("[^"), let close = text.firstIndex(of: "]"),
            text[text.index(after: close)...].hasPrefix(":")
        else { return nil }
        let label = text[text.index(text.startIndex, offsetBy: 2)..<close]
        guard isLabel(label) else { return nil }
        let rest = text[text.index(close, offsetBy: 2)...].drop { $0 == " " || $0 == "\t" }
        var inlines = content
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(String(rest)) }
        while inlines.first == .softBreak { inlines.removeFirst() }
        return (String(label), inlines)
    }
}
