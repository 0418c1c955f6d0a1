/// The diagnostics about schools (`schools:` in normfolio.yml) and `scope:`.
extension Diagnostic {
    /// `scope:` written without a school: leaving it out is how a thing says "the whole board".
    static func emptyScope(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "invalid-value", "'scope' names no school; leave it out for the whole board, or list school ids from normfolio.yml",
                   at: location)
    }

    /// A school id that `schools:` in normfolio.yml does not define, in `scope:` or `build --school`.
    static func unknownSchool(_ id: String, suggestion: String?, known: [String], at location: SourceLocation) -> Diagnostic {
        let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
        let list = known.isEmpty ? "normfolio.yml defines no schools (schools:)"
            : "expected one of: " + (known.count > 12 ? known.prefix(12).joined(separator: ", ") + ", …" : known.joined(separator: ", "))
        return Diagnostic(.error, "unknown-school", "unknown school '\(quote(id))'\(hint); \(list)", at: location)
    }

    /// A level claimed for schools (the whole board, or those of the assessment's `scope:`) whose
    /// current evidence covers the norm for only some of them.
    static func levelNotForEverySchool(_ id: String, level: Int, missing: [String], of total: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "level-not-for-every-school",
                   "level \(level) is claimed for \(id) for \(total) schools, but \(missing.count) of them have no current evidence for it: "
                   + missing.map(quote).joined(separator: ", "), at: location)
    }
}
