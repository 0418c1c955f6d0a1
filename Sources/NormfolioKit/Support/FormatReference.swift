import Foundation

/// The portfolio format's reference (`docs/format.md`), embedded so that `normfolio docs` shows
/// it where no copy of the docs is at hand: its sections by name, or the row of a diagnostic code.
public enum FormatReference {
    public struct Section: Sendable, Equatable {
        public var title: String
        /// The name to ask for it by: its title in lower case, words joined by hyphens
        /// ("norm-assessments" for "Norm assessments (`Content/norms/<ID>.md`)").
        public var name: String
        public var text: String
    }

    /// The whole reference, as Markdown.
    public static var text: String { Theme.builtInText("docs/format.md") ?? "" }

    /// The reference's second-level sections, in order.
    public static func sections(of text: String = text) -> [Section] {
        var sections: [Section] = []
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("## ") {
                let title = String(line.dropFirst(3))
                sections.append(Section(title: title, name: name(of: title), text: ""))
            }
            if !sections.isEmpty { sections[sections.count - 1].text += line + "\n" }
        }
        return sections
    }

    /// A title's name: its words before any parenthesis, in lower case, joined by hyphens.
    static func name(of title: String) -> String {
        let words = title.prefix { $0 != "(" }.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "." }
        return words.joined(separator: "-")
    }

    /// What `topic` asks for: the section of that name (or whose name starts with it), or the
    /// line of the diagnostics table for a code. Nil when nothing matches.
    public static func lookup(_ topic: String, in text: String = text) -> String? {
        let wanted = topic.lowercased()
        let all = sections(of: text)
        if let section = all.first(where: { $0.name == wanted }) ?? all.first(where: { $0.name.hasPrefix(wanted) }) {
            return section.text
        }
        // A row of the table names one code or several in its first cell.
        let row = text.split(separator: "\n").first { line in
            line.hasPrefix("| `") && line.dropFirst(2).prefix { $0 != "|" }.contains("`\(wanted)`")
        }
        return row.map { "## Diagnostics\n\n| code | severity | when |\n|---|---|---|\n\($0)\n" }
    }
}
