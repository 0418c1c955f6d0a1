/// Bare URLs in text (`https://…`, `http://…`, `www.…`), found as GitHub does (GFM 6.9,
/// extended www and url autolinks): after the start, a space or `*`, `_`, `~`, `(`; a domain with
/// a dot and no underscore in its last two parts; the path up to a space or `<`, without trailing
/// punctuation, an unmatched `)` or an entity-like `&…;` at the end.
enum BareURL {
    enum Piece: Equatable {
        case text(String)
        /// A link: its destination (`http://` added to a `www.` address) and the text shown.
        case url(String, visible: String)
    }

    static func split(_ text: String) -> [Piece] {
        guard text.containsBytes("www.") || text.containsBytes("http://") || text.containsBytes("https://") else { return [.text(text)] }
        let characters = Array(text)
        var pieces: [Piece] = []
        var plain = ""
        var i = 0
        while i < characters.count {
            if isBoundary(before: i, in: characters), let end = linkEnd(from: i, in: characters) {
                if !plain.isEmpty { pieces.append(.text(plain)); plain = "" }
                let visible = String(characters[i..<end])
                pieces.append(.url(visible.hasPrefix("www.") ? "http://" + visible : visible, visible: visible))
                i = end
            } else {
                plain.append(characters[i])
                i += 1
            }
        }
        if !plain.isEmpty { pieces.append(.text(plain)) }
        return pieces
    }

    private static func isBoundary(before index: Int, in characters: [Character]) -> Bool {
        guard index > 0 else { return true }
        let previous = characters[index - 1]
        return previous.isWhitespace || "*_~(".contains(previous)
    }

    /// Where a URL starting at `start` ends, if one does.
    private static func linkEnd(from start: Int, in characters: [Character]) -> Int? {
        var domainStart = start
        for scheme in ["https://", "http://", "www."] {
            let prefix = Array(scheme)
            if characters.count - start >= prefix.count, Array(characters[start..<start + prefix.count]) == prefix {
                // "www." is part of the domain; a scheme is not.
                domainStart = scheme == "www." ? start : start + prefix.count
                break
            }
            if scheme == "www." { return nil }
        }
        // The domain: letters, digits, '_' and '-' in parts between dots.
        var end = domainStart
        while end < characters.count, characters[end].isLetter || characters[end].isNumber || "_-.".contains(characters[end]) {
            end += 1
        }
        // At least two parts (three with "www."), none empty, no '_' in the last two; a full stop
        // after the domain is the sentence's.
        var domainEnd = end
        while domainEnd > domainStart, characters[domainEnd - 1] == "." { domainEnd -= 1 }
        let parts = String(characters[domainStart..<domainEnd]).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= (domainStart == start ? 3 : 2), parts.allSatisfy({ !$0.isEmpty }),
            !parts.suffix(2).contains(where: { $0.contains("_") })
        else { return nil }
        // The path: anything up to a space or '<'.
        while end < characters.count, !characters[end].isWhitespace, characters[end] != "<" { end += 1 }
        // Trailing punctuation is the sentence's, not the URL's.
        while end > domainStart {
            let last = characters[end - 1]
            if "?!.,:*_~".contains(last) {
                end -= 1
            } else if last == ")" {
                let opened = characters[start..<end].count { $0 == "(" }, closed = characters[start..<end].count { $0 == ")" }
                guard closed > opened else { break }
                end -= 1
            } else if last == ";", let ampersand = characters[start..<end].lastIndex(of: "&"),
                characters[(ampersand + 1)..<(end - 1)].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), ampersand + 1 < end - 1
            {
                end = ampersand
            } else {
                break
            }
        }
        return end > domainStart ? end : nil
    }
}
