import Foundation
import SwiftCSV

/// A register (`Content/registers/<kind>.yml` or `.csv`): its entries, and what it is evidence
/// for. See `RegisterSchema.swift` for the fields of each kind.
public struct Register: Sendable {
    public var kind: RegisterKind
    /// The file it was read from ("Content/registers/verwerkingen.yml"), and its entries' file
    /// when they are kept in a CSV beside it.
    public var source: String
    public var entriesSource: String
    public var title: String?
    /// The norms it is evidence for, like a document's.
    public var norms: [String]
    public var classification: Classification
    public var owner: String?
    public var reviewBy: Day?
    public var reviewByLocation: SourceLocation
    public var entries: [RegisterEntry]
    /// The SHA-256 of the file(s) as read, for the manifest.
    public var sourceSHA256 = ""
    /// Fields of the register file left empty from its template (judged by the link stage).
    public var placeholders: [Placeholder] = []
    /// Whether its review date lies before the reference date (set by the link stage).
    public internal(set) var isStale = false
}

/// One entry of a register: its id, its values by field name, and where each is written.
public struct RegisterEntry: Sendable {
    public var id: String
    public var location: SourceLocation
    /// Its own classification, or the register's; never less than the register's.
    public var classification: Classification
    public var values: [String: RegisterValue]
    public var locations: [String: SourceLocation]
    /// The schools it is for (`scope:`); nil for the whole board.
    public var scope: Scope? = nil

    /// The entry's name (its `naam` or `titel`).
    func name(in kind: RegisterKind) -> String { values[kind.nameField]?.text ?? id }

    func date(_ field: String) -> Day? {
        if case .date(let day)? = values[field] { return day }
        return nil
    }

    func flag(_ field: String) -> Bool {
        if case .flag(let flag)? = values[field] { return flag }
        return false
    }

    /// A finding's follow-up as an improvement action (`actie`, `actie_eigenaar`,
    /// `actie_uiterlijk`, `actie_status`), with whether it is overdue (set by the link stage);
    /// nil when the entry names no follow-up.
    public internal(set) var followUp: Action?

    /// The follow-up an entry's fields name, not yet judged against the reference date.
    func namedFollowUp() -> Action? {
        guard values["actie"] != nil || values["actie_uiterlijk"] != nil else { return nil }
        let status = values["actie_status"]?.text.flatMap(Action.Status.init(name:)) ?? .open
        return Action(
            title: values["actie"]?.text ?? name(in: .bevindingen), owner: values["actie_eigenaar"]?.text,
            due: date("actie_uiterlijk"), status: status, location: location,
            dueLocation: locations["actie_uiterlijk"] ?? location)
    }

    /// Whether it is the example entry a register template writes (its id starts with
    /// `voorbeeld`): a placeholder to replace.
    var isExample: Bool { id.hasPrefix("voorbeeld") }

    func ids(_ field: String) -> [String] {
        switch values[field] {
        case .reference(let id)?: [id]
        case .references(let ids)?: ids
        default: []
        }
    }
}

/// A value of an entry, as its field's kind says.
public enum RegisterValue: Sendable, Hashable {
    case text(String)
    case list([String])
    case date(Day)
    case flag(Bool)
    case number(Int)
    case choice(String)
    case reference(String)
    case references([String])
    case norms([String])
    case actions([Action])

    var text: String? {
        switch self {
        case .text(let text), .choice(let text): text
        default: nil
        }
    }
}

extension Register {
    /// The keys of a register file besides its entries.
    static let keys = ["title", "norms", "classification", "owner", "review_by", "entries", "bron"]

    /// Where registers live under Content/.
    static let folder = "registers/"

    /// The register kind a file under Content/ holds, from its name (`registers/verwerkers.csv`),
    /// or nil for a file that is no register.
    static func kind(ofFile file: String) -> RegisterKind? {
        guard file.hasPrefix(folder), !file.dropFirst(folder.count).contains("/") else { return nil }
        let name = file.dropFirst(folder.count)
        guard let dot = name.lastIndex(of: "."), ["yml", "yaml", "csv"].contains(name[name.index(after: dot)...].lowercased())
        else { return nil }
        return RegisterKind(rawValue: String(name[..<dot]).lowercased())
    }

    /// Whether a file under Content/ is read as (part of) a register: a YAML or CSV file directly
    /// in `registers/`.
    static func isRegisterFile(_ file: String) -> Bool {
        guard file.hasPrefix(folder), !file.dropFirst(folder.count).contains("/") else { return false }
        let lower = file.lowercased()
        return lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") || lower.hasSuffix(".csv")
    }

    /// Whether a file under Content/ looks like a register but is not read as one: a YAML or CSV
    /// file in a subfolder of `registers/`, or in a folder of that name in other letters
    /// (`Registers/`). Unnoticed, it would be no register, and a link would publish it as it is.
    static func isMisplacedRegisterFile(_ file: String) -> Bool {
        guard let slash = file.firstIndex(of: "/"), file[..<slash].lowercased() == "registers" else { return false }
        let lower = file.lowercased()
        return !isRegisterFile(file) && (lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") || lower.hasSuffix(".csv"))
    }

    /// Reads the registers among `texts` (by path under Content/), each with its CSV when it keeps
    /// its entries in one. `files` are all register files, also those that could not be read
    /// (whose problem is reported where they are read). Problems are located errors and warnings.
    static func readAll(
        _ texts: [String: String], files: Set<String>, catalog: Catalog,
        diagnostics: inout [Diagnostic]
    ) -> [Register] {
        var registers: [Register] = []
        var usedCSV = Set<String>()
        // YAML files first: a CSV they name as `bron` is theirs.
        for file in texts.keys.sorted() where !file.lowercased().hasSuffix(".csv") {
            let path = "Content/" + file
            guard let kind = kind(ofFile: file) else {
                diagnostics.append(.unknownRegister(file, suggestion: suggestion(for: file), at: SourceLocation(path: path)))
                continue
            }
            guard var fields = YAMLFields.parse(texts[file] ?? "", path: path, lineOffset: 0, diagnostics: &diagnostics) else { continue }
            var register = readHeader(kind, path: path, fields: &fields, catalog: catalog)
            if let bron = fields.string("bron") {
                let csvFile = folder + bron
                if !bron.lowercased().hasSuffix(".csv") || bron.contains("/") || bron.contains("\\") {
                    fields.report(.invalidBron(suggestion: kind.rawValue + ".csv", at: fields.location(ofValue: "bron")))
                } else if let text = texts[csvFile] {
                    usedCSV.insert(csvFile)
                    register.entriesSource = "Content/" + csvFile
                    register.entries = readCSV(
                        text, kind: kind, path: register.entriesSource, register: register, catalog: catalog,
                        diagnostics: &diagnostics)
                } else if !files.contains(csvFile) {
                    fields.report(.missingFile(csvFile, at: fields.location(ofValue: "bron")))
                }
                if fields.has("entries") { fields.report(.entriesTwice(at: fields.location(ofKey: "entries"))) }
            } else if let nodes = fields.list("entries") {
                register.entries = nodes.compactMap { node in
                    readEntry(node, kind: kind, parent: fields, register: register, catalog: catalog, diagnostics: &diagnostics)
                }
            }
            diagnostics += fields.diagnostics
            registers.append(register)
        }
        for file in texts.keys.sorted() where file.lowercased().hasSuffix(".csv") && !usedCSV.contains(file) {
            let path = "Content/" + file
            guard let kind = kind(ofFile: file) else {
                diagnostics.append(.unknownRegister(file, suggestion: suggestion(for: file), at: SourceLocation(path: path)))
                continue
            }
            var register = Register(
                kind: kind, source: path, entriesSource: path, title: nil, norms: [],
                classification: .vertrouwelijk, owner: nil, reviewBy: nil,
                reviewByLocation: SourceLocation(path: path), entries: [])
            register.entries = readCSV(
                texts[file] ?? "", kind: kind, path: path, register: register, catalog: catalog,
                diagnostics: &diagnostics)
            registers.append(register)
        }
        // One register per kind: entries of one kind refer to each other by id.
        var seen: [RegisterKind: String] = [:]
        let kept = registers.filter { register in
            if let first = seen[register.kind] {
                diagnostics.append(.duplicateRegister(register.kind.rawValue, first: first, at: SourceLocation(path: register.source)))
                return false
            }
            seen[register.kind] = register.source
            return true
        }.sorted { $0.kind < $1.kind }
        // Ids are unique within a register: other entries refer to them.
        for register in registers {
            var ids = Set<String>()
            for entry in register.entries where !ids.insert(entry.id).inserted {
                diagnostics.append(.duplicateEntry("entry", entry.id, at: entry.location))
            }
        }
        return kept
    }

    private static func suggestion(for file: String) -> String? {
        let name = String(file.dropFirst(folder.count).split(separator: ".").first ?? "")
        return Suggestion.closest(to: name, in: RegisterKind.allCases.map(\.rawValue), maxDistance: 3)
    }

    /// The register-level fields of a YAML register file.
    private static func readHeader(_ kind: RegisterKind, path: String, fields: inout YAMLFields, catalog: Catalog) -> Register {
        fields.warnUnknownKeys(keys)
        let norms = fields.norms("norms", catalog: catalog)?.ids ?? []
        var register = Register(
            kind: kind, source: path, entriesSource: path, title: fields.string("title", limit: Limits.nameCharacters),
            norms: norms, classification: fields.classification(default: .vertrouwelijk), owner: fields.string("owner"),
            reviewBy: fields.day("review_by"), reviewByLocation: fields.location(ofValue: "review_by"), entries: [])
        register.placeholders = ["owner"].filter(fields.isBlank).map { Placeholder(what: .emptyField($0), location: fields.location(ofKey: $0)) }
        return register
    }

    /// One entry, checked against its kind's fields.
    static func readEntry(
        _ node: FieldNode, kind: RegisterKind, parent: YAMLFields, register: Register, catalog: Catalog,
        diagnostics: inout [Diagnostic]
    ) -> RegisterEntry? {
        guard var fields = YAMLFields(node: node, parent: parent, diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += fields.diagnostics }
        fields.warnUnknownKeys(["id", "classification", "scope"] + kind.fields.map(\.name))
        guard let id = fields.requiredString("id", limit: Limits.idCharacters) else { return nil }
        // Lower-case letters and digits, with single hyphens between them: the id names the
        // entry's page file, and is written in links and references.
        let suggestion = String(id.map { $0 == "_" || $0 == "." ? " " : $0 }).slugified()
        guard suggestion == id, !id.contains(where: { $0 == "_" || $0 == "." }) else {
            fields.report(.invalidID(id, suggestion: suggestion == "_" ? "" : suggestion, at: fields.location(ofValue: "id")))
            return nil
        }
        var entry = RegisterEntry(
            id: id, location: fields.location,
            classification: max(register.classification, fields.classification(default: register.classification)),
            values: [:], locations: [:])
        entry.scope = fields.scope()
        for field in kind.fields {
            guard fields.has(field.name) else {
                if field.required { fields.report(.missingField(field.name, at: fields.location)) }
                continue
            }
            entry.locations[field.name] = fields.location(ofValue: field.name)
            if let value = read(field, from: &fields, catalog: catalog) { entry.values[field.name] = value }
        }
        if kind == .datalekken, !fields.has("gemeld_ap_op"), !fields.has("niet_gemeld_reden") {
            fields.report(.missingField("gemeld_ap_op' or 'niet_gemeld_reden", at: fields.location))
        }
        return entry
    }

    /// A field's value as its kind says, with an error at the value when it does not fit.
    private static func read(_ field: RegisterField, from fields: inout YAMLFields, catalog: Catalog) -> RegisterValue? {
        let name = field.name
        switch field.kind {
        case .text:
            return fields.string(name).map(RegisterValue.text)
        case .list:
            return fields.stringList(name).map { .list($0.map(\.text)) }
        case .date:
            return fields.day(name).map(RegisterValue.date)
        case .flag:
            return fields.bool(name).map(RegisterValue.flag)
        case .number:
            return fields.integer(name, in: 0...100_000_000).map(RegisterValue.number)
        case .choice(let choices):
            guard let text = fields.string(name) else { return nil }
            let lower = text.lowercased()
            if let choice = choices.first(where: { $0.isNamed(lower) }) { return .choice(choice.value) }
            let values = choices.map(\.value)
            fields.report(
                .unknownValue(
                    name, text, allowed: values,
                    suggestion: Suggestion.closest(to: text, in: values + choices.flatMap(\.aliases)),
                    severity: .error, code: "invalid-value", at: fields.location(ofValue: name)))
            return nil
        case .reference:
            return fields.string(name).map(RegisterValue.reference)
        case .references:
            // An id listed twice is one reference (as a norm listed twice is one norm).
            guard let items = fields.stringList(name) else { return nil }
            var seen = Set<String>()
            return .references(items.map(\.text).filter { seen.insert($0).inserted })
        case .norms:
            return fields.norms(name, catalog: catalog).map { .norms($0.ids) }
        case .actions:
            // As in an assessment; a plain text (a CSV cell) lists open actions by title.
            if let titles = fields.node(name)?.scalar.map({ _ in fields.stringList(name) ?? [] }) {
                return .actions(
                    titles.map {
                        Action(
                            title: $0.text, owner: nil, due: nil, status: .open, location: $0.location,
                            dueLocation: $0.location)
                    })
            }
            var actions: [Action] = []
            var problems: [Diagnostic] = []
            for node in fields.list(name) ?? [] {
                if let action = ContentReader.readAction(node, parent: fields, diagnostics: &problems) { actions.append(action) }
            }
            problems.forEach { fields.report($0) }
            return .actions(actions)
        }
    }
}
