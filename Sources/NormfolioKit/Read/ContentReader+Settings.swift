import Foundation

/// Reading `normfolio.yml`: the portfolio's settings.
extension ContentReader {
    // MARK: Settings

    static let settingsKeys = [
        "organisation", "title", "language", "target", "as_of", "catalog", "email_allowlist", "accept_keys",
        "board", "intranet", "contacts", "breach_instructions", "controller", "dpo", "snapshot_key", "schools",
    ]
    static let contactKeys = ["role", "name", "email", "phone"]
    static let partyKeys = ["name", "address", "email", "phone"]

    static func readSettings(root: String, io: FileIO, diagnostics: inout [Diagnostic]) -> Settings {
        var settings = Settings()
        let path = "normfolio.yml"
        guard io.fileExists(root + "/" + path),
            let text = readText(root + "/" + path, path: path, io: io, limit: Limits.settingsFileBytes, diagnostics: &diagnostics),
            var fields = YAMLFields.parse(text, path: path, lineOffset: 0, diagnostics: &diagnostics)
        else { return settings }
        defer { diagnostics += fields.diagnostics }
        fields.warnUnknownKeys(settingsKeys)
        settings.organisation = fields.string("organisation", limit: Limits.nameCharacters) ?? settings.organisation
        settings.title = fields.string("title", limit: Limits.nameCharacters) ?? settings.title
        if let language = fields.string("language") {
            if let known = Language(rawValue: language) {
                settings.language = known
            } else {
                fields.report(
                    .unknownValue(
                        "language", language, allowed: Language.allCases.map(\.rawValue), suggestion: nil,
                        severity: .error, code: "invalid-value", at: fields.location(ofValue: "language")))
            }
        }
        settings.target = fields.integer("target", in: 1...5, code: "level-out-of-range") ?? settings.target
        settings.asOf = fields.day("as_of")
        if let catalog = fields.string("catalog") {
            settings.catalog = PathReference(path: catalog, location: fields.location(ofValue: "catalog"))
        }
        if let key = fields.string("snapshot_key") {
            settings.snapshotKey = PathReference(path: key, location: fields.location(ofValue: "snapshot_key"))
        }
        settings.emailAllowlist = (fields.stringList("email_allowlist") ?? []).map(\.text)
        settings.acceptedKeys = (fields.stringList("accept_keys") ?? []).map(\.text)
        settings.board = fields.string("board", limit: Limits.nameCharacters) ?? settings.board
        // What the intranet shows beyond its documents fails closed: a name normfolio does not know
        // is an error, never a part shown or left out by guess.
        let names = EditionPart.names.map(\.name)
        for item in fields.stringList("intranet") ?? [] {
            if let parts = EditionPart.names.first(where: { $0.name == item.text.lowercased() })?.parts {
                settings.intranet.formUnion(parts)
            } else {
                fields.report(
                    .unknownValue(
                        "intranet part", item.text, allowed: names,
                        suggestion: Suggestion.closest(to: item.text.lowercased(), in: names), severity: .error,
                        code: "invalid-value", at: item.location))
            }
        }
        for node in fields.list("contacts") ?? [] {
            guard var contact = YAMLFields(node: node, parent: fields, diagnostics: &diagnostics) else { continue }
            contact.warnUnknownKeys(contactKeys)
            if let role = contact.requiredString("role", limit: Limits.nameCharacters) {
                settings.contacts.append(
                    Contact(
                        role: role, name: contact.string("name", limit: Limits.nameCharacters),
                        email: contact.string("email", limit: Limits.nameCharacters),
                        phone: contact.string("phone", limit: Limits.nameCharacters)))
            }
            diagnostics += contact.diagnostics
        }
        settings.breachInstructions = fields.string("breach_instructions")
        for key in ["controller", "dpo"] {
            guard let node = fields.node(key) else { continue }
            guard var party = YAMLFields(node: node, parent: fields, diagnostics: &diagnostics) else { continue }
            party.warnUnknownKeys(partyKeys)
            if let name = party.requiredString("name", limit: Limits.nameCharacters) {
                let details = Party(
                    name: name, address: party.string("address", limit: Limits.nameCharacters),
                    email: party.string("email", limit: Limits.nameCharacters), phone: party.string("phone", limit: Limits.nameCharacters))
                if key == "controller" { settings.controller = details } else { settings.dpo = details }
            }
            diagnostics += party.diagnostics
        }
        settings.schools = School.readAll(&fields, diagnostics: &diagnostics)
        return settings
    }
}
