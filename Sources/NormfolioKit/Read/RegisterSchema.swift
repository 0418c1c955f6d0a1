/// The five registers a board keeps beside its documents, and the fields of their entries. The
/// schema is data: reading, checking, the pages and the exports all follow it, so a field is added
/// to a register here (and its label in the string tables). docs/format.md documents every field.
public enum RegisterKind: String, Sendable, CaseIterable, Comparable {
    /// Processing activities (AVG article 30).
    case verwerkingen
    /// Processors and suppliers, with their agreements and certificates.
    case verwerkers
    /// Data protection impact assessments.
    case dpia
    /// The log of data breaches (AVG article 33(5)).
    case datalekken
    /// Findings of audits, penetration tests and self-assessments.
    case bevindingen

    public static func < (a: RegisterKind, b: RegisterKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The field that names an entry.
    var nameField: String { self == .verwerkingen || self == .verwerkers ? "naam" : "titel" }

    /// The fields of an entry besides `id` and `classification`, in the order pages show them.
    var fields: [RegisterField] {
        switch self {
        case .verwerkingen:
            [
                .init("naam", .text, required: true, column: true),
                .init("doelen", .list, required: true),
                .init("betrokkenen", .list, required: true),
                .init("gegevens", .list, required: true),
                .init("bijzondere_gegevens", .list),
                .init("grondslag", .choice(RegisterField.legalGrounds), required: true, column: true),
                .init("bewaartermijn", .text, required: true),
                .init("ontvangers", .list),
                .init("verwerkers", .references(.verwerkers), column: true),
                .init("systemen", .list),
                .init("buiten_eer", .flag),
                .init("hoog_risico", .flag),
                .init("dpia", .reference(.dpia), column: true),
                .init("eigenaar", .text),
                .init("herzien_voor", .date, column: true),
            ]
        case .verwerkers:
            [
                .init("naam", .text, required: true, column: true),
                .init("producten", .list, column: true),
                .init("overeenkomst", .choice(RegisterField.agreementModels), required: true, column: true),
                .init("overeenkomst_getekend_op", .date),
                .init("overeenkomst_tot", .date, column: true),
                .init("privacybijsluiter", .text),
                .init("certificering", .list),
                .init("certificering_tot", .date, column: true),
                .init("subverwerkers", .list),
                .init("buiten_eer", .flag),
                .init("herzien_voor", .date),
            ]
        case .dpia:
            [
                .init("titel", .text, required: true, column: true),
                .init("verwerking", .reference(.verwerkingen), required: true, column: true),
                .init("datum", .date, required: true, column: true),
                .init("fg_advies_op", .date),
                .init("fg_advies", .text),
                .init("uitkomst", .choice(RegisterField.dpiaOutcomes), required: true, column: true),
                .init("restrisico", .text),
                .init("maatregelen", .actions),
                .init("herbeoordeling_op", .date, column: true),
            ]
        case .datalekken:
            [
                .init("titel", .text, required: true, column: true),
                .init("ontdekt_op", .date, required: true, column: true),
                .init("gemeld_ap_op", .date, column: true),
                .init("niet_gemeld_reden", .text),
                .init("te_laat_reden", .text),
                .init("betrokkenen_geinformeerd", .flag),
                .init("categorieen", .list),
                .init("aantal_betrokkenen", .number, column: true),
                .init("oorzaak", .text),
                .init("maatregelen", .text),
            ]
        case .bevindingen:
            [
                .init("titel", .text, required: true, column: true),
                .init("bron", .choice(RegisterField.findingSources), required: true, column: true),
                .init("datum", .date, required: true),
                .init("normen", .norms, column: true),
                .init("ernst", .choice(RegisterField.severities), required: true, column: true),
                .init("bevinding", .text),
                .init("oorzaak", .text),
                .init("actie", .text),
                .init("actie_eigenaar", .text),
                .init("actie_uiterlijk", .date, column: true),
                .init("actie_status", .choice(RegisterField.actionStatuses), column: true),
                .init("hertest_op", .date),
                .init("hertest_resultaat", .text),
            ]
        }
    }

    func field(_ name: String) -> RegisterField? { fields.first { $0.name == name } }

    /// The column headers an export writes, in lower case, in either language → the field they
    /// name (`field_<name>` of the built-in string tables; `id` and `classification` too), so
    /// that an export reads back as the register.
    var columnLabels: [String: String] {
        var labels: [String: String] = [:]
        for language in Language.allCases {
            let strings = language.strings
            for name in ["id", "classification", "scope"] + fields.map(\.name) {
                labels[strings["column_" + name, default: strings["field_" + name]].lowercased()] = name
            }
        }
        return labels
    }

    /// Columns an export adds that are no field of an entry: the processing register's
    /// controller and data protection officer (AVG article 30(1)(a)), the same on every row.
    var exportOnlyColumns: Set<String> {
        guard self == .verwerkingen else { return [] }
        return Set(
            Language.allCases.flatMap { language in
                ["register_controller", "register_dpo"].map { language.strings[$0].lowercased() }
            })
    }
}

/// One field of a register's entries.
struct RegisterField: Sendable {
    /// What a field holds.
    enum Kind: Sendable {
        case text
        /// Several texts: a YAML list, or a cell with commas.
        case list
        case date
        /// ja/nee, true/false.
        case flag
        /// A whole number from 0.
        case number
        /// One of a fixed set of values, each with the other names it may be written as.
        case choice([Choice])
        /// The `id` of an entry of another register.
        case reference(RegisterKind)
        /// The ids of entries of another register.
        case references(RegisterKind)
        /// Norm IDs of the catalogue.
        case norms
        /// Improvement actions, as in an assessment (`title`, `owner`, `due`, `status`).
        case actions
    }

    /// A value of a choice, the other names it may be written as, and how pages and exports
    /// name it in Dutch and English ("c. wettelijke verplichting"); the labels are read as the
    /// value too, so an export reads back as the register.
    struct Choice: Sendable {
        var value: String
        var aliases: [String] = []
        var nl: String
        var en: String

        init(value: String, aliases: [String] = [], nl: String? = nil, en: String? = nil) {
            (self.value, self.aliases) = (value, aliases)
            self.nl = nl ?? value
            self.en = en ?? nl ?? value
        }

        /// Whether `text` (in lower case) names this choice: its value, an alias or a label.
        func isNamed(_ lower: String) -> Bool {
            value == lower || aliases.contains(lower) || nl.lowercased() == lower || en.lowercased() == lower
        }
    }

    let name: String
    let kind: Kind
    let required: Bool
    /// Whether the register's table shows it.
    let column: Bool

    /// The register a reference field points into.
    var target: RegisterKind? {
        switch kind {
        case .reference(let target), .references(let target): target
        default: nil
        }
    }

    init(_ name: String, _ kind: Kind, required: Bool = false, column: Bool = false) {
        (self.name, self.kind, self.required, self.column) = (name, kind, required, column)
    }

    /// AVG article 6(1): the letter, or the ground's name.
    static let legalGrounds: [Choice] = [
        .init(value: "a", aliases: ["toestemming", "consent"], nl: "a. toestemming", en: "a. consent"),
        .init(value: "b", aliases: ["overeenkomst", "contract"], nl: "b. overeenkomst", en: "b. contract"),
        .init(
            value: "c", aliases: ["wettelijke-verplichting", "wettelijke verplichting", "legal obligation"],
            nl: "c. wettelijke verplichting", en: "c. legal obligation"),
        .init(value: "d", aliases: ["vitaal-belang", "vitaal belang", "vital interests"], nl: "d. vitaal belang", en: "d. vital interests"),
        .init(
            value: "e", aliases: ["algemeen-belang", "algemeen belang", "openbaar gezag", "public task"],
            nl: "e. algemeen belang of openbaar gezag", en: "e. public task"),
        .init(
            value: "f", aliases: ["gerechtvaardigd-belang", "gerechtvaardigd belang", "legitimate interests"],
            nl: "f. gerechtvaardigd belang", en: "f. legitimate interests"),
    ]

    /// The kind of processing agreement: the sector's model (Model Verwerkersovereenkomst 4.0 of
    /// the Privacyconvenant), a general one, the supplier's own, or none.
    static let agreementModels: [Choice] = [
        .init(
            value: "mvo-4.0", aliases: ["mvo 4.0", "model 4.0", "privacyconvenant"],
            nl: "Model Verwerkersovereenkomst 4.0", en: "Model processing agreement 4.0"),
        .init(
            value: "algemeen", aliases: ["algemene verwerkersovereenkomst"], nl: "algemene verwerkersovereenkomst",
            en: "general processing agreement"),
        .init(
            value: "eigen", aliases: ["eigen verwerkersovereenkomst"], nl: "eigen overeenkomst van de leverancier",
            en: "the supplier's own agreement"),
        .init(value: "geen", aliases: ["none"], nl: "geen", en: "none"),
    ]

    static let dpiaOutcomes: [Choice] = [
        .init(value: "uitvoeren", en: "go ahead"),
        .init(value: "uitvoeren-met-maatregelen", nl: "uitvoeren met maatregelen", en: "go ahead with measures"),
        .init(value: "niet-uitvoeren", nl: "niet uitvoeren", en: "do not go ahead"),
        .init(
            value: "voorafgaande-raadpleging", aliases: ["raadpleging AP"], nl: "voorafgaande raadpleging van de AP",
            en: "prior consultation of the Dutch DPA"),
    ]

    static let findingSources: [Choice] = [
        .init(value: "audit"), .init(value: "pentest", en: "penetration test"),
        .init(value: "zelfevaluatie", aliases: ["self-assessment"], en: "self-assessment"), .init(value: "overig", en: "other"),
    ]

    static let severities: [Choice] = [
        .init(value: "laag", aliases: ["low"], en: "low"), .init(value: "midden", aliases: ["medium", "middel"], en: "medium"),
        .init(value: "hoog", aliases: ["high"], en: "high"), .init(value: "kritiek", aliases: ["critical"], en: "critical"),
    ]

    static let actionStatuses: [Choice] = [
        .init(value: "open"), .init(value: "bezig", aliases: ["doing"], en: "in progress"),
        .init(value: "gereed", aliases: ["done"], en: "done"),
    ]

    /// How pages and exports name a choice's value in `language`; the value itself when the field
    /// has no such choice.
    func label(of value: String, in language: Language) -> String {
        guard case .choice(let choices) = kind, let choice = choices.first(where: { $0.value == value }) else { return value }
        return language.choose(choice.nl, choice.en)
    }
}
