import Foundation

// The schools of the board (`schools:` in normfolio.yml) and the `scope:` that evidence,
// assessments, actions and register entries name them by. The read stage reads both as written,
// each id with its place; the link stage (`Link/Scope.swift`) checks every id against the
// schools, so a misspelled id is one located error wherever it is written.

/// A school of the board (`schools:` in normfolio.yml).
public struct School: Sendable, Equatable {
    /// Short and stable: lower-case letters, digits and hyphens; it names the school's page and
    /// is what `scope:` and `build --school` name it by.
    public var id: String
    public var name: String
    /// Its BRIN number or location code (`12AB`, `12AB00`).
    public var brin: String?
    public var town: String?
    /// Where its `id` is written in normfolio.yml.
    public var location: SourceLocation

    /// Its name with its town, when the name does not say it already.
    public var label: String {
        guard let town, !name.localizedCaseInsensitiveContains(town) else { return name }
        return "\(name) (\(town))"
    }
}

/// A school id as `scope:` writes it, with its place.
public struct SchoolReference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
}

/// The schools a document, assessment, action or register entry is about (`scope:`). A thing
/// without one is board-wide: it counts for every school.
public struct Scope: Sendable, Hashable {
    public var references: [SchoolReference]
    /// Where `scope:` is written.
    public var location: SourceLocation

    /// The school ids, in the order written, each once.
    public var ids: [String] {
        var seen = Set<String>()
        return references.map(\.id).filter { seen.insert($0).inserted }
    }

    public func includes(_ school: String) -> Bool { references.contains { $0.id == school } }
}

extension Optional where Wrapped == Scope {
    /// Whether a thing with this scope counts for `school`: board-wide, or naming it.
    func includes(_ school: String) -> Bool { map { $0.includes(school) } ?? true }
}

extension School {
    static let keys = ["id", "name", "brin", "town"]

    /// The schools of `schools:` in normfolio.yml: each needs an id (unique, lower-case letters,
    /// digits and hyphens) and a name; a field other than `id`, `name`, `brin` and `town` is a
    /// warning with the closest one.
    static func readAll(_ fields: inout YAMLFields, diagnostics: inout [Diagnostic]) -> [School] {
        var schools: [School] = []
        var seen = Set<String>()
        for node in fields.list("schools") ?? [] {
            guard var school = YAMLFields(node: node, parent: fields, diagnostics: &diagnostics) else { continue }
            defer { diagnostics += school.diagnostics }
            school.warnUnknownKeys(keys)
            let name = school.requiredString("name", limit: Limits.nameCharacters)
            guard let id = school.requiredString("id", limit: Limits.idCharacters) else { continue }
            let location = school.location(ofValue: "id")
            let suggestion = String(id.map { $0 == "_" || $0 == "." ? " " : $0 }).slugified()
            guard suggestion == id, !id.contains(where: { $0 == "_" || $0 == "." }) else {
                school.report(.invalidID(id, suggestion: suggestion == "_" ? "" : suggestion, at: location))
                continue
            }
            guard seen.insert(id).inserted else {
                school.report(.duplicateEntry("school", id, at: location))
                continue
            }
            guard let name else { continue }
            schools.append(
                School(
                    id: id, name: name, brin: school.string("brin", limit: Limits.nameCharacters),
                    town: school.string("town", limit: Limits.nameCharacters), location: location))
        }
        return schools
    }
}

extension YAMLFields {
    /// `scope:`, a list of school ids (or one id, or ids separated by commas); nil when absent or
    /// blank (an empty CSV cell), which is board-wide. An empty list (`[]`) is an error: leaving
    /// it out says "the whole board".
    mutating func scope() -> Scope? {
        guard has("scope"), let items = stringList("scope") else { return nil }
        if items.isEmpty {
            report(.emptyScope(at: location(ofKey: "scope")))
            return nil
        }
        return Scope(references: items.map { SchoolReference(id: $0.text, location: $0.location) }, location: location(ofKey: "scope"))
    }
}
