/// The tags of raw HTML as written, with where each tag and attribute starts: libxml2 says what
/// the HTML means but not where in the text it is, and a diagnostic must point at the attribute.
enum HTMLSource {
    struct Attribute: Equatable {
        var name: String
        /// Byte offset of the attribute's name in the HTML.
        var offset: Int
        /// The attribute as written, from its name to the end of its value.
        var written: String
    }

    struct Tag: Equatable {
        /// Lower-cased.
        var name: String
        /// Byte offset of the tag's `<` in the HTML.
        var offset: Int
        /// The `<` and the name as written (`<IMG`).
        var written: String
        var attributes: [Attribute]
    }

    /// The start tags in `html`, in order; comments and end tags are skipped.
    static func tags(in html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var i = 0
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || c == UInt8(ascii: ":")
                || c == UInt8(ascii: "_")
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                var end = i + 4
                while end < bytes.count, !bytes[end...].starts(with: Array("-->".utf8)) { end += 1 }
                i = end + 3
                continue
            }
            let start = i
            var j = i + 1
            guard j < bytes.count, (bytes[j] >= 65 && bytes[j] <= 90) || (bytes[j] >= 97 && bytes[j] <= 122) else { i += 1; continue }
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            var tag = Tag(name: text((start + 1)..<j).lowercased(), offset: start, written: text(start..<j), attributes: [])
            // Attributes until the tag's `>`.
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                if isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1; continue }
                let nameStart = j
                while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">") { j += 1 }
                let name = text(nameStart..<j).lowercased()
                var k = j
                while k < bytes.count, isSpace(bytes[k]) { k += 1 }
                if k < bytes.count, bytes[k] == UInt8(ascii: "=") {
                    k += 1
                    while k < bytes.count, isSpace(bytes[k]) { k += 1 }
                    if k < bytes.count, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                        let quote = bytes[k]
                        k += 1
                        while k < bytes.count, bytes[k] != quote { k += 1 }
                        k = min(k + 1, bytes.count)
                    } else {
                        while k < bytes.count, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">") { k += 1 }
                    }
                    j = k
                }
                if !name.isEmpty { tag.attributes.append(Attribute(name: name, offset: nameStart, written: text(nameStart..<j))) }
            }
            tags.append(tag)
            i = j + 1
        }
        return tags
    }

    /// The attribute of each link and image in `html`, in order: `href` of `a`, `src` of `img`.
    static func linkAttributes(in html: String) -> [(attribute: Attribute, isImage: Bool)] {
        tags(in: html).compactMap { tag in
            let wanted = tag.name == "a" ? "href" : tag.name == "img" ? "src" : nil
            guard let wanted, let attribute = tag.attributes.first(where: { $0.name == wanted }) else { return nil }
            return (attribute, tag.name == "img")
        }
    }
}
