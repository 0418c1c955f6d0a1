/// The diagnostics about schools (`schools:` in normfolio.yml) and `scope:`.
extension Diagnostic {
    /// `scope:` written without a school: leaving it out is how a thing says "the whole board".
    static func emptyScope(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "invalid-value",
            en: "'scope' names no school; leave it out for the whole board, or list school ids from normfolio.yml",
            nl: "'scope' noemt geen school; laat het weg voor het hele bestuur, of noem school-id's uit normfolio.yml", at: location)
    }

    /// A school id that `schools:` in normfolio.yml does not define, in `scope:` or `build --school`.
    static func unknownSchool(_ id: String, suggestion: String?, known: [String], at location: SourceLocation) -> Diagnostic {
        let shown = known.count > 12 ? known.prefix(12).joined(separator: ", ") + ", …" : known.joined(separator: ", ")
        let list = known.isEmpty ? "normfolio.yml defines no schools (schools:)" : "expected one of: " + shown
        let listNL = known.isEmpty ? "normfolio.yml noemt geen scholen (schools:)" : "verwacht wordt een van: " + shown
        return Diagnostic(
            .error, "unknown-school", en: "unknown school '\(quote(id))'\(didYouMean(suggestion)); \(list)",
            nl: "onbekende school '\(quote(id))'\(didYouMean(suggestion, .nl)); \(listNL)", at: location)
    }

    /// A level claimed for schools (the whole board, or those of the assessment's `scope:`) whose
    /// current evidence covers the norm for only some of them.
    static func levelNotForEverySchool(_ id: String, level: Int, missing: [String], of total: Int, at location: SourceLocation) -> Diagnostic {
        let names = missing.map(quote).joined(separator: ", ")
        return Diagnostic(
            .warning, "level-not-for-every-school",
            en: "level \(level) is claimed for \(id) for \(total) schools, but \(missing.count) of them have no current "
                + "evidence for it: " + names,
            nl: "voor \(id) wordt niveau \(level) geclaimd voor \(total) scholen, maar \(missing.count) daarvan hebben er "
                + "geen actueel bewijs voor: " + names, at: location)
    }
}
