import Foundation
import Mustache

/// The templates and static files a site is rendered with: the built-in theme embedded in the
/// binary, overridden file by file by the portfolio's own `Templates/` and `Public/`.
public struct Theme: Sendable {
    /// A static file for the site root: embedded bytes or a file to copy.
    public enum StaticFile: Sendable, Equatable {
        case data(Data)
        case file(String)
        /// An attachment: a file to copy, but only with the bytes the read stage hashed (their
        /// SHA-256), never what a file, or a symbolic link swapped in, holds by the time it is copied.
        case checked(String, sha256: String)
    }

    var library: MustacheLibrary
    /// Template name → source text, kept to specialise the theme for one build.
    var sources: [String: String]
    /// Whether any template applies a transform or lambda (`{{uppercased(title)}}`): then a
    /// page's HTML may depend on its text in ways `ShapeCache` cannot splice.
    var usesTransforms: Bool {
        sources.values.contains { text in
            text.components(separatedBy: "{{").dropFirst().contains { tag in
                tag.prefix { $0 != "}" }.contains("(")
            }
        }
    }
    /// Site path → file, from the built-in `Public/` and the portfolio's `Public/`.
    var staticFiles: [String: StaticFile]
    /// The interface texts of the site's language: the built-in ones, changed by the portfolio's
    /// own `Strings/<language>.yml`.
    var strings: Strings

    /// The text of a file embedded in the binary ("Templates/page.mustache").
    static func builtInText(_ name: String) -> String? {
        builtInData(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of a file embedded in the binary ("Hyphenation/hyph_nl_NL.dic").
    static func builtInData(_ name: String) -> Data? {
        EmbeddedFiles.base64[name].flatMap { Data(base64Encoded: $0) }
    }

    /// Every embedded file under `folder/`, by its path below it.
    public static func builtInFiles(under folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for (name, base64) in EmbeddedFiles.base64 where name.hasPrefix(folder + "/") {
            files[String(name.dropFirst(folder.count + 1))] = Data(base64Encoded: base64)
        }
        return files
    }

    /// The built-in theme, decoded and parsed once: every check, build and preview rebuild starts from it.
    private static let builtIn: (templates: [String: BuiltInTemplate], publicFiles: [String: Data]) = {
        var templates: [String: BuiltInTemplate] = [:]
        for (name, data) in builtInFiles(under: "Templates") where name.hasSuffix(".mustache") {
            let text = String(decoding: data, as: UTF8.self)
            let key = String(name.dropLast(".mustache".count))
            // The built-in theme is tested to parse; a template that did not would be left out.
            guard let template = try? MustacheTemplate(string: text) else { continue }
            templates[key] = BuiltInTemplate(
                text: text, path: "<built-in>/Templates/\(name)", template: template,
                scan: TemplateStructure.scan(key, text))
        }
        return (templates, builtInFiles(under: "Public"))
    }()

    private struct BuiltInTemplate: Sendable {
        var text: String
        var path: String
        var template: MustacheTemplate
        var scan: TemplateStructure.Scan
    }

    /// Loads the theme for a portfolio; template syntax errors are reported at their line and column.
    static func load(root: String, io: FileIO, language: Language = .nl) -> (Theme, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var strings = language.strings
        let stringsPath = "Strings/\(language.rawValue).yml"
        if io.fileExists(root + "/" + stringsPath),
            let text = ContentReader.readText(
                root + "/" + stringsPath, path: stringsPath, io: io, limit: Limits.settingsFileBytes,
                diagnostics: &diagnostics)
        {
            strings = strings.merging(text, path: stringsPath, known: language.strings, diagnostics: &diagnostics)
        }
        var sources = builtIn.templates.mapValues { (text: $0.text, path: $0.path) }
        let templates = io.portfolioFolder("Templates", root: root, diagnostics: &diagnostics)
        let publicFolder = io.portfolioFolder("Public", root: root, diagnostics: &diagnostics)
        // Theme files obey the rule attachments do: nothing from outside the portfolio.
        for (folder, listing) in [("Templates", templates), ("Public", publicFolder)] {
            for exit in listing.exits {
                diagnostics.append(.symbolicLinkOutside(exit.path(in: folder), at: SourceLocation(path: exit.path(in: folder))))
            }
        }
        for name in templates.files where name.hasSuffix(".mustache") {
            let path = "Templates/" + name
            if let text = ContentReader.readText(
                root + "/" + path, path: path, io: io, limit: Limits.settingsFileBytes,
                diagnostics: &diagnostics)
            {
                sources[String(name.dropLast(".mustache".count))] = (text, path)
            }
        }
        // A template that includes itself, directly or through others, would never finish.
        var scans: [String: TemplateStructure.Scan] = [:]
        for (name, source) in sources {
            let builtInScan = builtIn.templates[name].flatMap { $0.path == source.path ? $0.scan : nil }
            scans[name] = builtInScan ?? TemplateStructure.scan(name, source.text)
        }
        let structure = TemplateStructure(scans)
        diagnostics += structure.problems.map { problem in
            let path = sources[problem.template]?.path ?? problem.template
            return .templateSyntax(problem.message, at: SourceLocation(path: path, line: problem.line, column: problem.column))
        }
        for template in structure.unusable { sources[template] = nil }
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            texts[name] = source.text
            if let parsed = builtIn.templates[name], parsed.path == source.path {
                library.register(parsed.template, named: name)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .templateSyntax(
                        describe(error.error),
                        at: SourceLocation(path: source.path, line: error.context.lineNumber, column: error.context.columnNumber + 1)))
            } catch {
                diagnostics.append(.templateSyntax("\(error)", at: SourceLocation(path: source.path)))
            }
        }

        var staticFiles: [String: StaticFile] = [:]
        for (name, data) in builtIn.publicFiles { staticFiles[name] = .data(data) }
        for name in publicFolder.files {
            // Copied as named: a name that is not a plain path in the site is refused, not mangled.
            guard SitePath.isContained(name) else {
                diagnostics.append(.unsafeName("Public/" + name, at: SourceLocation(path: "Public/" + name)))
                continue
            }
            staticFiles[name] = .file(root + "/Public/" + name)
        }
        return (Theme(library: library, sources: texts, staticFiles: staticFiles, strings: strings), diagnostics)
    }

    /// A file in the portfolio's `Public/` may replace a file of the built-in theme (its
    /// stylesheet), never a file normfolio makes: a page, an export or an attachment, whose place it
    /// would take silently (the attachment's page would still show the original's SHA-256).
    func collisions(with portfolio: Portfolio) -> [Diagnostic] {
        let generated = LazySite.generatedFiles(of: portfolio)
        return staticFiles.keys.sorted().compactMap { path in
            guard case .file = staticFiles[path], let what = generated[path] else { return nil }
            return .publicCollision(path, replacing: what, at: SourceLocation(path: "Public/" + path))
        }
    }

    /// The theme with values that are the same on every page of a build (`{{t.key}}` labels,
    /// `{{site.key}}` settings) written into the templates, so pages do not look them up one by
    /// one. Values are escaped as Mustache would, and their braces too, so a value can never
    /// become a tag. A template that changes its delimiters is left as it is.
    func specialized(constants: [String: String]) -> Theme {
        FastHTML.register()
        var texts: [String: String] = [:]
        for (name, text) in sources {
            let specialized = text.contains("{{=") ? text : FastHTML.pragma + Self.substitute(constants, in: text)
            texts[name] = (try? MustacheTemplate(string: specialized)) == nil ? text : specialized
        }
        return Theme(library: library, sources: texts, staticFiles: staticFiles, strings: strings).reparsed()
    }

    /// The same theme with freshly parsed templates. Each rendering thread takes its own copy, so
    /// threads do not contend on the reference counts of shared parsed templates.
    func reparsed() -> Theme {
        var copy = self
        for (name, text) in sources {
            if let template = try? MustacheTemplate(string: text) { copy.library.register(template, named: name) }
        }
        return copy
    }

    private static func substitute(_ constants: [String: String], in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = afterOpen[..<close.lowerBound].trimmed
            if afterOpen.first != "{", let value = constants[name] {
                result += value.htmlEscaped.replacingOccurrences(of: "{", with: "&#123;").replacingOccurrences(of: "}", with: "&#125;")
            } else {
                result += rest[open.lowerBound..<close.upperBound]
            }
            rest = afterOpen[close.upperBound...]
        }
        result += rest
        return result
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed with '}}'"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "malformed set-delimiter tag"
        default: "\(error)"
        }
    }

    /// Renders one template; nil when the theme has no template of that name.
    func render(_ name: String, _ context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)
    }
}

/// The same escaping as Mustache's HTML content type, byte by byte instead of character by
/// character: the difference shows on sites of thousands of pages.
private struct FastHTML: MustacheContentType {
    static let name = "NORMFOLIO_HTML"
    /// Put in front of a template to select this escaper; it renders as nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    private static let registration: Void = MustacheContentTypes.register(FastHTML(), named: name)

    static func register() { _ = registration }

    func escapeText(_ text: String) -> String { text.htmlEscaped }
}
