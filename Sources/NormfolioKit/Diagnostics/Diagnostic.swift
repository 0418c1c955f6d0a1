import Foundation

/// A place in a portfolio file: the path relative to the portfolio and a 1-based line and column.
///
/// Columns count Unicode scalars, as editors do. A problem with a whole file is placed at its
/// first line and column (1:1).
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One problem found in a portfolio, with its place and a stable code.
public struct Diagnostic: Hashable, Sendable {
    /// How bad a problem is: errors stop a build, warnings do not (unless `--strict`).
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The message in English: what the site, the exports, `check --format json` and SARIF show.
    public var message: String
    /// The same message in Dutch, for the terminal of a Dutch portfolio (`formatted(in: .nl)`).
    public var messageNL: String
    /// A stable, greppable identifier such as `unknown-norm`; scripts and tests depend on it.
    public var code: String

    /// A diagnostic with its message in both languages: every factory in `Messages*.swift` makes
    /// one this way (`DiagnosticLanguageTests` fails for one that does not).
    public init(_ severity: Severity, _ code: String, en message: String, nl messageNL: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.messageNL = messageNL
        self.location = location
    }

    /// A diagnostic with an English message only (for tests and tools outside normfolio): the
    /// Dutch terminal shows the English text.
    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation) {
        self.init(severity, code, en: message, nl: message, at: location)
    }

    /// The message in `language`.
    public func message(in language: Language) -> String {
        language == .nl ? messageNL : message
    }

    /// The compiler-style line: `path:line:col: error: message [code]`. Control characters in the
    /// path and the message (from file names and values in the portfolio) are escaped, so every
    /// diagnostic is exactly one line and no value can pass for a diagnostic of its own.
    public var formatted: String { formatted(in: .en) }

    /// The compiler-style line with the message in `language`. The path, the place, the severity
    /// word (`error`, `warning`) and the code stay as they are in every language: tools read them.
    public func formatted(in language: Language) -> String {
        "\(location.path.escapingControlCharacters):\(location.line):\(location.column): \(severity.rawValue): "
            + "\(message(in: language).escapingControlCharacters) [\(code)]"
    }
}

extension String {
    /// The text with control characters, line and paragraph separators and bidirectional
    /// overrides written as escapes (`\n`, `\u{1B}`), for printing a value on one line as it is.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where Self.needsEscape(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in reading order: by file, line, column, then code.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.location, $0.code, $0.message) < ($1.location, $1.code, $1.message) }
    }

    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Whether these diagnostics fail a run; under `strict`, warnings do too.
    public func fail(strict: Bool) -> Bool {
        contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }
}

/// A JSON form of diagnostics for editors and scripts (`check --format json`).
extension Diagnostic: Encodable {
    private enum CodingKeys: String, CodingKey { case path, line, column, severity, code, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location.path, forKey: .path)
        try container.encode(location.line, forKey: .line)
        try container.encode(location.column, forKey: .column)
        try container.encode(severity.rawValue, forKey: .severity)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
    }
}
