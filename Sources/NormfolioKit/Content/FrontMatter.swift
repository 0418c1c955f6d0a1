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
    /// is `---` or `...`.
    init(splitting text: String) {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard let first = lines.first, Self.isFence(first, closing: false) else {
            self.yaml = nil
            self.body = MarkdownSource(text: text, firstLine: 1)
            return
        }
        lines = lines.dropFirst()
        var lineNumber = 1
        for line in lines {
            lineNumber += 1
            if Self.isFence(line, closing: true) {
                let yamlStart = first.endIndex < text.utf8.endIndex ? text.utf8.index(after: first.endIndex) : first.endIndex
                self.yaml = String(text[yamlStart..<line.startIndex])
                let bodyStart = line.endIndex < text.utf8.endIndex ? text.utf8.index(after: line.endIndex) : line.endIndex
                self.body = MarkdownSource(text: String(text[bodyStart...]), firstLine: lineNumber + 1)
                return
            }
        }
        self.yaml = nil
        self.body = MarkdownSource(text: "", firstLine: lineNumber + 1)
        self.unclosed = true
    }

    private static func isFence(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            bytes = bytes.dropLast()
        }
        return bytes.elementsEqual("---".utf8) || (closing && bytes.elementsEqual("...".utf8))
    }
}
