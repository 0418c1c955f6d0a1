/// A Markdown file cut into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML between the `---` lines, or nil when the file has no front matter.
    var yaml: String?
    var body: MarkdownSource
    /// Set when the file opens front matter but never closes it.
    var unclosed = false

    /// Lines before the YAML text in the file (the opening `---`).
    static let yamlLineOffset = 1

    /// Splits `text`: front matter starts with a first line `---` and ends at the next line that
    /// is `---` or `...`. Only the front matter's lines are scanned, not the whole body.
    init(splitting text: String) {
        let utf8 = text.utf8
        let newline = UInt8(ascii: "\n")
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex || (lineNumber == 0 && lineStart == utf8.endIndex) {
            lineNumber += 1
            let lineEnd = utf8[lineStart...].firstIndex(of: newline) ?? utf8.endIndex
            let line = utf8[lineStart..<lineEnd]
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if let start = yamlStart {
                if Self.isFence(line, closing: true) {
                    self.yaml = String(text[start..<lineStart])
                    self.body = MarkdownSource(text: String(text[next...]), firstLine: lineNumber + 1)
                    return
                }
            } else if Self.isFence(line, closing: false) {
                yamlStart = next
            } else {
                break
            }
            if next == lineEnd { break }
            lineStart = next
        }
        self.yaml = nil
        if yamlStart == nil {
            self.body = MarkdownSource(text: text, firstLine: 1)
        } else {
            self.body = MarkdownSource(text: "", firstLine: lineNumber + 1)
            self.unclosed = true
        }
    }

    private static func isFence(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            bytes = bytes.dropLast()
        }
        return bytes.elementsEqual("---".utf8) || (closing && bytes.elementsEqual("...".utf8))
    }
}
