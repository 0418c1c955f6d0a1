/// What normfolio adds to CommonMark, applied to the tree libcmark made: the GitHub extensions
/// people type every day (task lists, strikethrough, bare URLs, footnotes), norm IDs as tokens of
/// their own, and an anchor for every heading. Plain Swift over `MarkdownDocument`; never inside
/// code, and bare URLs and norm IDs never inside links.
enum MarkdownExtensions {
    typealias Block = MarkdownDocument.Block
    typealias Inline = MarkdownDocument.Inline

    /// Which extensions a body can need at all, from its text: most bodies have no tildes, no
    /// footnote references and no web addresses, and their texts are not searched for them.
    struct Features {
        var addresses = true
        var footnotes = true
        var tildes = true
        var tasks = true

        init() {}

        init(_ text: String) {
            addresses = text.containsBytes("www.") || text.containsBytes("://")
            footnotes = text.containsBytes("[^")
            tildes = text.containsByte(UInt8(ascii: "~"))
            tasks = text.containsBytes("[ ]") || text.containsBytes("[x]") || text.containsBytes("[X]")
        }

        /// Nothing for the extensions to do but heading ids (norm IDs were split by the converter).
        var isPlain: Bool { !addresses && !footnotes && !tildes && !tasks }
    }

    /// Applies every extension. `definitions` are the footnotes the body defines, by label
    /// (see `Footnotes`); `reservedIDs` are the ids the page around the body uses already.
    static func apply(
        to document: inout MarkdownDocument, definitions: [String: [Block]], reservedIDs: Set<String>,
        features: Features = Features()
    ) {
        var footnotes = FootnoteNumbering(definitions: definitions, features: features)
        if !features.isPlain || !definitions.isEmpty { document.blocks = blocks(document.blocks, footnotes: &footnotes) }
        // Footnotes may refer to further footnotes; each is transformed once, in reference order.
        var index = 0
        while index < footnotes.order.count {
            let label = footnotes.order[index]
            let content = blocks(definitions[label] ?? [], footnotes: &footnotes)
            document.footnotes.append(MarkdownDocument.Footnote(label: label, blocks: content))
            index += 1
        }
        var ids = HeadingIDs(reserved: reservedIDs)
        document.blocks = ids.assign(document.blocks)
    }

    /// The labels of footnotes in the order they are first referred to.
    struct FootnoteNumbering {
        let definitions: [String: [Block]]
        /// Carried along the walk: what the body can hold.
        let features: Features
        private(set) var order: [String] = []

        init(definitions: [String: [Block]], features: Features) { (self.definitions, self.features) = (definitions, features) }

        /// Whether `label` is defined; the first time it is referred to, it gets its number.
        mutating func refer(to label: String) -> Bool {
            guard definitions[label] != nil else { return false }
            if !order.contains(label) { order.append(label) }
            return true
        }
    }

    // MARK: Blocks

    private static func blocks(_ list: [Block], footnotes: inout FootnoteNumbering) -> [Block] {
        list.map { block in
            switch block {
            case .paragraph(let content): return .paragraph(inlines(content, footnotes: &footnotes))
            case .heading(let level, let content, let id): return .heading(level: level, inlines(content, footnotes: &footnotes), id: id)
            case .quote(let children): return .quote(blocks(children, footnotes: &footnotes))
            case .list(var list):
                list.items = list.items.map { item in
                    var item = item
                    item.blocks = blocks(item.blocks, footnotes: &footnotes)
                    return taskItem(item)
                }
                return .list(list)
            case .table(var table):
                table.header = table.header.map { inlines($0, footnotes: &footnotes) }
                table.rows = table.rows.map { $0.map { inlines($0, footnotes: &footnotes) } }
                return .table(table)
            case .code, .html, .rule:
                return block
            }
        }
    }

    /// A list item that starts with `[ ]`, `[x]` or `[X]` and a space is a task (GFM 5.3).
    static func taskItem(_ item: MarkdownDocument.Item) -> MarkdownDocument.Item {
        guard case .paragraph(var content)? = item.blocks.first, case .text(let text)? = content.first,
            text.count >= 3, text.hasPrefix("["), text.dropFirst(2).hasPrefix("]")
        else { return item }
        let mark = text.dropFirst().first
        guard mark == " " || mark == "x" || mark == "X" else { return item }
        let rest = text.dropFirst(3)
        guard rest.isEmpty ? content.count == 1 || content[1] == .softBreak : rest.first == " " || rest.first == "\t" else { return item }
        var task = item
        let remaining = String(rest.dropFirst())
        if remaining.isEmpty { content.removeFirst() } else { content[0] = .text(remaining) }
        task.blocks[0] = .paragraph(content)
        task.task = mark != " "
        return task
    }

    // MARK: Inlines

    private static func inlines(_ list: [Inline], footnotes: inout FootnoteNumbering, inLink: Bool = false) -> [Inline] {
        var result: [Inline] = []
        for inline in list {
            switch inline {
            case .text(let text):
                result += inLink ? [inline] : textPieces(text, footnotes: &footnotes)
            case .emphasis(let children): result.append(.emphasis(inlines(children, footnotes: &footnotes, inLink: inLink)))
            case .strong(let children): result.append(.strong(inlines(children, footnotes: &footnotes, inLink: inLink)))
            case .strikethrough(let children): result.append(.strikethrough(inlines(children, footnotes: &footnotes, inLink: inLink)))
            case .link(let destination, let title, let children):
                result.append(.link(destination: destination, title: title, inlines(children, footnotes: &footnotes, inLink: true)))
            case .image(let destination, let title, let children):
                result.append(.image(destination: destination, title: title, description: inlines(children, footnotes: &footnotes, inLink: true)))
            case .code, .html, .softBreak, .lineBreak, .norm, .footnote:
                result.append(inline)
            }
        }
        return footnotes.features.tildes ? strikethrough(result) : result
    }

    /// A text outside links: bare URLs become links, `[^label]` a footnote reference, norm-ID-shaped
    /// words tokens of their own.
    private static func textPieces(_ text: String, footnotes: inout FootnoteNumbering) -> [Inline] {
        // The converter has split norm IDs already.
        if !footnotes.features.addresses, !footnotes.features.footnotes { return [.text(text)] }
        var result: [Inline] = []
        for piece in footnotes.features.addresses ? BareURL.split(text) : [.text(text)] {
            switch piece {
            case .url(let url, let visible):
                result.append(.link(destination: url, title: "", [.text(visible)]))
            case .text(let part):
                for reference in footnotes.features.footnotes ? footnoteReferences(part) : [.text(part)] {
                    switch reference {
                    case .footnote(let label) where footnotes.refer(to: label): result.append(.footnote(label))
                    case .footnote(let label): result += normPieces("[^\(label)]")
                    case .text(let plain): result += normPieces(plain)
                    }
                }
            }
        }
        return result
    }

    private enum ReferencePiece { case text(String), footnote(String) }

    /// Cuts `[^label]` references out of a text.
    private static func footnoteReferences(_ text: String) -> [ReferencePiece] {
        guard text.containsBytes("[^") else { return [.text(text)] }
        var pieces: [ReferencePiece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[^") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "]") else { break }
            let label = afterOpen[..<close]
            guard Footnotes.isLabel(label) else {
                pieces.append(.text(String(rest[..<open.upperBound])))
                rest = afterOpen
                continue
            }
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            pieces.append(.footnote(String(label)))
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return merged(pieces)
    }

    private static func merged(_ pieces: [ReferencePiece]) -> [ReferencePiece] {
        var result: [ReferencePiece] = []
        for piece in pieces {
            if case .text(let next) = piece, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(piece)
            }
        }
        return result
    }

    /// A text with its norm-ID-shaped words as tokens of their own.
    static func normPieces(_ text: String, tokens: [(id: String, offset: Int)]? = nil) -> [Inline] {
        let tokens = tokens ?? Markdown.normTokens(in: text)
        guard !tokens.isEmpty else { return [.text(text)] }
        var result: [Inline] = []
        let utf8 = text.utf8
        var position = utf8.startIndex
        for token in tokens {
            let start = utf8.index(utf8.startIndex, offsetBy: token.offset)
            if position < start { result.append(.text(String(text[position..<start]))) }
            result.append(.norm(token.id))
            position = utf8.index(start, offsetBy: token.id.utf8.count)
        }
        if position < text.endIndex { result.append(.text(String(text[position...]))) }
        return result
    }

    // MARK: Strikethrough

    /// `~~text~~` and `~text~` (GFM 6.5): runs of one or two tildes that open (a character other
    /// than a space follows) and close (one precedes) pair up with a run of the same length.
    static func strikethrough(_ list: [Inline]) -> [Inline] {
        guard list.contains(where: { if case .text(let text) = $0 { text.containsByte(0x7E) } else { false } }) else { return list }
        enum Piece {
            case inline(Inline)
            case tildes(Int, canOpen: Bool, canClose: Bool)
        }
        var pieces: [Piece] = []
        for (index, inline) in list.enumerated() {
            guard case .text(let text) = inline, text.containsByte(0x7E) else {
                pieces.append(.inline(inline))
                continue
            }
            let characters = Array(text)
            var i = 0, plain = ""
            while i < characters.count {
                guard characters[i] == "~" else {
                    plain.append(characters[i])
                    i += 1
                    continue
                }
                var j = i
                while j < characters.count, characters[j] == "~" { j += 1 }
                let before: Character? = i > 0 ? characters[i - 1] : (index > 0 ? Self.edge(of: list[index - 1], last: true) : nil)
                let after: Character? =
                    j < characters.count ? characters[j] : (index + 1 < list.count ? Self.edge(of: list[index + 1], last: false) : nil)
                let count = j - i
                if count <= 2 {
                    if !plain.isEmpty { pieces.append(.inline(.text(plain))); plain = "" }
                    pieces.append(
                        .tildes(
                            count, canOpen: after.map { !$0.isWhitespace } ?? false,
                            canClose: before.map { !$0.isWhitespace } ?? false))
                } else {
                    plain += String(repeating: "~", count: count)
                }
                i = j
            }
            if !plain.isEmpty { pieces.append(.inline(.text(plain))) }
        }
        // Pair closers with the nearest opener of the same length; what is left stays text.
        var output: [[Inline]] = [[]]
        var openers: [(count: Int, level: Int)] = []
        for piece in pieces {
            switch piece {
            case .inline(let inline):
                output[output.count - 1].append(inline)
            case .tildes(let count, let canOpen, let canClose):
                if canClose, let match = openers.lastIndex(where: { $0.count == count }) {
                    // Openers above the match stay text.
                    while openers.count > match + 1 {
                        let dropped = openers.removeLast()
                        let content = output.removeLast()
                        output[output.count - 1].append(.text(String(repeating: "~", count: dropped.count)))
                        output[output.count - 1] += content
                    }
                    openers.removeLast()
                    let content = output.removeLast()
                    output[output.count - 1].append(.strikethrough(content))
                } else if canOpen {
                    openers.append((count, output.count))
                    output.append([])
                } else {
                    output[output.count - 1].append(.text(String(repeating: "~", count: count)))
                }
            }
        }
        while let opener = openers.popLast() {
            let content = output.removeLast()
            output[output.count - 1].append(.text(String(repeating: "~", count: opener.count)))
            output[output.count - 1] += content
        }
        return mergedTexts(output[0])
    }

    /// The character at the start or end of an inline, for deciding whether tildes next to it flank.
    private static func edge(of inline: Inline, last: Bool) -> Character? {
        switch inline {
        case .text(let text), .code(let text), .norm(let text): last ? text.last : text.first
        case .softBreak, .lineBreak: " "
        default: "x"
        }
    }

    /// Adjacent texts joined into one.
    static func mergedTexts(_ list: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in list {
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }
}

/// Heading anchors: each heading gets the id GitHub would give it (lower case, punctuation
/// removed, letters of any language kept, spaces as hyphens), made unique in the page with "-1",
/// "-2", and never one the page's own template uses.
struct HeadingIDs {
    private var used: Set<String>

    init(reserved: Set<String>) { used = reserved }

    /// The slug of a heading's text, before it is made unique.
    static func slug(_ text: String) -> String {
        // ASCII (most headings): the same rule, byte by byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case 0x41...0x5A: bytes.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D: bytes.append(byte)
                case 0x20: bytes.append(0x2D)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar == "-" {
                slug.unicodeScalars.append(scalar)
            } else if scalar == " " {
                slug.append("-")
            }
        }
        return slug
    }

    /// The next unique id for a heading with this text.
    mutating func next(for text: String) -> String {
        let base = Self.slug(text).isEmpty ? "kop" : Self.slug(text)
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    mutating func assign(_ blocks: [MarkdownDocument.Block]) -> [MarkdownDocument.Block] {
        blocks.map { block in
            switch block {
            case .heading(let level, let content, _):
                return .heading(level: level, content, id: next(for: MarkdownDocument.Inline.plainText(content)))
            case .quote(let children):
                return .quote(assign(children))
            case .list(var list):
                list.items = list.items.map { item in
                    var item = item
                    item.blocks = assign(item.blocks)
                    return item
                }
                return .list(list)
            default:
                return block
            }
        }
    }
}
