import Foundation

/// A place in a portfolio file: the path relative to the portfolio and a 1-based line and column.
///
/// Columns count Unicode scalars, as editors do; a column of 0 means "the whole line" and a line
/// of 0 means "the whole file".
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
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
    public var message: String
    /// A stable, greppable identifier such as `unknown-norm`; scripts and tests depend on it.
    public var code: String

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    /// The compiler-style line: `path:line:col: error: message [code]`.
    public var formatted: String {
        var place = location.path
        if location.line > 0 {
            place += ":\(location.line)"
            if location.column > 0 { place += ":\(location.column)" }
        }
        return "\(place): \(severity.rawValue): \(message) [\(code)]"
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
