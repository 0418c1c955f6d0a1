import Foundation

extension String {
    /// The text escaped for HTML text and quoted attributes, exactly as Mustache's `{{value}}` does.
    public var htmlEscaped: String {
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x26: bytes += "&amp;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27: bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `needle` occurs in the text, compared byte for byte (Foundation's `contains` is
    /// much slower on long texts).
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first, let base = h.baseAddress, let pattern = n.baseAddress, n.count <= h.count else {
                    return n.isEmpty
                }
                var start = 0
                let last = h.count - n.count
                // Jump to each occurrence of the first byte, then compare the rest.
                while start <= last, let found = memchr(base + start, Int32(first), last - start + 1) {
                    let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, pattern, n.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }

    /// Whether the byte occurs in the text's UTF-8 (with `memchr`, not byte by byte).
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// The text without line breaks at its end.
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }

    /// A URL- and file-system-safe name: lower case, accents folded, runs of other characters
    /// turned into single hyphens ("Beleid & Privacy 2026" → "beleid-privacy-2026"). It holds only
    /// ASCII letters, digits, `-`, `_` and `.`, never starts with a dot, and is never empty, so it is
    /// always one path component that stays in its folder.
    func slugified() -> String {
        // Folding accents needs Foundation; plain ASCII names (the usual case) skip it.
        let folded =
            utf8.allSatisfy({ $0 < 128 })
            ? self.lowercased() : self.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == "_" || (scalar == "." && !slug.isEmpty) {
                // Never a leading dot: no hidden file, and no "." or ".." that would leave a folder.
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "_" : slug
    }
}

/// Page and file names made from titles.
public enum Slug {
    /// A URL- and file-system-safe name for a title ("Beleid & Privacy 2026" → "beleid-privacy-2026").
    public static func make(_ text: String) -> String { text.slugified() }
}

/// Suggestions for misspelled names ("did you mean …?").
enum Suggestion {
    /// The candidate closest to `word`: an exact match ignoring case wins, then the smallest edit
    /// distance (at most `maxDistance`, counting a swap of neighbours as one edit, and at most a
    /// third of the longer word's letters), preferring candidates
    /// made of the same characters (a swapped pair) and then the earliest in `candidates`.
    static func closest(to word: String, in candidates: [String], maxDistance: Int = 2) -> String? {
        let lower = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lower }) { return exact }
        var best: (score: (Int, Int), candidate: String)?
        let length = lower.count
        var sortedWord: [Character]?
        for candidate in candidates {
            // The distance is at least the difference in length: a far longer or shorter word is
            // no typo, and comparing it would cost its length times the candidate's.
            guard abs(candidate.count - length) <= maxDistance else { continue }
            let distance = editDistance(lower, candidate.lowercased())
            // Plausible only when most of the word stays: `name` is no typo of `date` (two of four
            // letters changed), `norm` is one of `norms`.
            guard distance <= maxDistance, distance < max(length, 2), distance * 3 <= max(length, candidate.count) else { continue }
            if sortedWord == nil { sortedWord = lower.sorted() }
            let score = (distance, candidate.lowercased().sorted() == sortedWord ? 0 : 1)
            if score < best?.score ?? (Int.max, Int.max) { best = (score, candidate) }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without leading and trailing spaces, tabs and line breaks (fast: no Foundation).
    var trimmed: String {
        let bytes = utf8
        // Fast path: most values have nothing to trim.
        if let first = bytes.first, let last = bytes.last, first > 32, first < 128, last > 32, last < 128 {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
