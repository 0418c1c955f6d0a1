/// A new register file, as `normfolio new --register` writes it: the register's own fields, and
/// one example entry with every field of its kind, each with a word on what it holds. References
/// to other registers are left as comments to fill in; a DPIA's `verwerking`, which is required,
/// must be filled in before the register passes `normfolio check`. The comments are in `language`
/// (the terminal's, as `new --register` writes it); the fields and values are the same in both.
public enum RegisterTemplate {
    public static func yaml(_ kind: RegisterKind, today: Day, language: Language = .en) -> String {
        let dutch = language == .nl
        var lines = [
            "# \(kind.rawValue): " + (dutch ? "'normfolio docs registers' noemt alle velden." : "'normfolio docs registers' lists every field."),
            "title: \(title[kind] ?? kind.rawValue)",
            "norms: [\(norms[kind] ?? "")]       # "
                + (dutch ? "de normen waarvoor dit register bewijs is" : "the norms this register is evidence for"),
            "classification: \(kind == .datalekken || kind == .dpia ? "vertrouwelijk" : "intern")",
            "owner:                 # " + (dutch ? "wie het register bijhoudt" : "who keeps the register"),
            "review_by: \(today.adding(years: 1))",
            "entries:",
            "  - id: \(example[kind] ?? "voorbeeld")          # "
                + (dutch ? "vast: kleine letters, cijfers en koppeltekens" : "stable: lower-case letters, digits and hyphens"),
        ]
        for field in kind.fields {
            let value = sample(field, kind: kind, today: today)
            let line = "\(field.name): \(value)"
            let comment =
                dutch
                ? (field.required ? "verplicht; " : "") + (helpNL[field.name] ?? describeNL(field.kind))
                : (field.required ? "required; " : "") + (help[field.name] ?? describe(field.kind))
            // A reference needs an entry in another register: left for the author to fill in.
            let prefix = field.target != nil ? "# " : ""
            lines.append("    \(prefix)\(line)" + String(repeating: " ", count: max(1, 40 - line.count - prefix.count)) + "# " + comment)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func sample(_ field: RegisterField, kind: RegisterKind, today: Day) -> String {
        if let value = samples[field.name] { return value }
        switch field.kind {
        case .text: return field.name == kind.nameField ? (names[kind] ?? "Voorbeeld") : ""
        case .list: return "[]"
        // A date something runs until or is due by lies ahead; others are today.
        case .date:
            let ahead = field.name.hasSuffix("_tot") || ["herzien_voor", "herbeoordeling_op", "actie_uiterlijk", "hertest_op"].contains(field.name)
            return (ahead ? today.adding(years: 1) : today).description
        case .flag: return "nee"
        case .number: return "0"
        case .choice(let choices): return choices.first?.value ?? ""
        case .reference: return "voorbeeld"
        case .references: return "[voorbeeld]"
        case .norms: return "[]"
        case .actions: return "[]"
        }
    }

    private static func describe(_ kind: RegisterField.Kind) -> String {
        switch kind {
        case .text: "text"
        case .list: "a list: [a, b]"
        case .date: "a date, YYYY-MM-DD"
        case .flag: "ja or nee"
        case .number: "a whole number"
        case .choice(let choices): "one of: " + choices.map(\.value).joined(separator: ", ")
        case .reference(let target): "the id of an entry in \(target.rawValue)"
        case .references(let target): "ids of entries in \(target.rawValue): [a, b]"
        case .norms: "norm IDs: [SM.02]"
        case .actions: "actions: - {title: …, owner: …, due: YYYY-MM-DD, status: open}"
        }
    }

    private static func describeNL(_ kind: RegisterField.Kind) -> String {
        switch kind {
        case .text: "tekst"
        case .list: "een lijst: [a, b]"
        case .date: "een datum, JJJJ-MM-DD"
        case .flag: "ja of nee"
        case .number: "een geheel getal"
        case .choice(let choices): "een van: " + choices.map(\.value).joined(separator: ", ")
        case .reference(let target): "de id van een regel in \(target.rawValue)"
        case .references(let target): "id's van regels in \(target.rawValue): [a, b]"
        case .norms: "norm-ID's: [SM.02]"
        case .actions: "acties: - {title: …, owner: …, due: JJJJ-MM-DD, status: open}"
        }
    }

    private static let title: [RegisterKind: String] = [
        .verwerkingen: "Register van verwerkingen", .verwerkers: "Verwerkers en verwerkersovereenkomsten", .dpia: "DPIA's",
        .datalekken: "Datalekkenregister", .bevindingen: "Bevindingen",
    ]
    private static let norms: [RegisterKind: String] = [
        .verwerkingen: "PR.03", .verwerkers: "SC.02", .dpia: "", .datalekken: "GB.01, GB.02", .bevindingen: "",
    ]
    /// The example entries' ids: each starts with `voorbeeld`, which makes the entry a
    /// placeholder (a finding) until it is replaced.
    private static let example: [RegisterKind: String] = [
        .verwerkingen: "voorbeeld-verwerking", .verwerkers: "voorbeeld-verwerker", .dpia: "voorbeeld-dpia",
        .datalekken: "voorbeeld-datalek", .bevindingen: "voorbeeld-bevinding",
    ]
    private static let names: [RegisterKind: String] = [
        .verwerkingen: "Voorbeeld van een verwerking", .verwerkers: "Voorbeeld van een leverancier", .dpia: "Voorbeeld van een DPIA",
        .datalekken: "Voorbeeld van een datalek", .bevindingen: "Voorbeeld van een bevinding",
    ]
    /// Example values that read well and pass the checks.
    private static let samples: [String: String] = [
        "doelen": "[Inschrijving, Bekostiging]", "betrokkenen": "[leerlingen, ouders]", "gegevens": "[NAW-gegevens]",
        "grondslag": "c", "bewaartermijn": "5 jaar na uitschrijving",
        "overeenkomst": "mvo-4.0", "uitkomst": "uitvoeren", "bron": "zelfevaluatie", "ernst": "laag", "actie_status": "open",
    ]
    /// What the fields hold, where the kind of value alone does not say it.
    private static let help: [String: String] = [
        "doelen": "why the data is processed", "betrokkenen": "categories of people: leerlingen, ouders, medewerkers",
        "gegevens": "categories of personal data, never the data itself", "bijzondere_gegevens": "special categories, such as health",
        "grondslag": "AVG art. 6(1): a to f", "bewaartermijn": "how long the data is kept", "ontvangers": "who receives the data",
        "verwerkers": "ids of entries in verwerkers", "systemen": "the systems used", "buiten_eer": "transfer outside the EEA",
        "hoog_risico": "high risk: then a DPIA is needed", "dpia": "the id of an entry in dpia",
        "herzien_voor": "review this entry before this date", "producten": "the products used",
        "overeenkomst": "the processing agreement: mvo-4.0, algemeen, eigen or geen",
        "privacybijsluiter": "the address of the product's privacybijsluiter", "certificering": "such as ROSA certificeringsschema, ISO 27001",
        "certificering_tot": "the certificate is valid until", "verwerking": "the id of an entry in verwerkingen",
        "fg_advies": "the advice of the FG", "maatregelen": "the measures",
        "gemeld_ap_op": "reported to the AP on (or give niet_gemeld_reden)", "niet_gemeld_reden": "why it was not reported",
        "te_laat_reden": "why the report came after 72 hours", "categorieen": "categories of people and data, never names",
        "normen": "the norms the finding concerns", "actie": "the follow-up", "hertest_resultaat": "the result of the retest",
    ]
    /// The same in Dutch.
    private static let helpNL: [String: String] = [
        "doelen": "waarom de gegevens worden verwerkt", "betrokkenen": "groepen mensen: leerlingen, ouders, medewerkers",
        "gegevens": "soorten persoonsgegevens, nooit de gegevens zelf", "bijzondere_gegevens": "bijzondere gegevens, zoals over gezondheid",
        "grondslag": "AVG art. 6 lid 1: a tot en met f", "bewaartermijn": "hoe lang de gegevens bewaard worden",
        "ontvangers": "wie de gegevens ontvangt", "verwerkers": "id's van regels in verwerkers", "systemen": "de gebruikte systemen",
        "buiten_eer": "doorgifte buiten de EER", "hoog_risico": "hoog risico: dan is een DPIA nodig", "dpia": "de id van een regel in dpia",
        "herzien_voor": "herzie deze regel vóór deze datum", "producten": "de gebruikte producten",
        "overeenkomst": "de verwerkersovereenkomst: mvo-4.0, algemeen, eigen of geen",
        "privacybijsluiter": "het adres van de privacybijsluiter van het product", "certificering": "zoals ROSA certificeringsschema, ISO 27001",
        "certificering_tot": "het certificaat is geldig tot", "verwerking": "de id van een regel in verwerkingen",
        "fg_advies": "het advies van de FG", "maatregelen": "de maatregelen",
        "gemeld_ap_op": "gemeld bij de AP op (of geef niet_gemeld_reden)", "niet_gemeld_reden": "waarom het niet is gemeld",
        "te_laat_reden": "waarom de melding na 72 uur kwam", "categorieen": "soorten mensen en gegevens, nooit namen",
        "normen": "de normen waar de bevinding over gaat", "actie": "de opvolging", "hertest_resultaat": "het resultaat van de hertest",
    ]
}
