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
            [.init("naam", .text, required: true, column: true),
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
             .init("herzien_voor", .date, column: true)]
        case .verwerkers:
            [.init("naam", .text, required: true, column: true),
             .init("producten", .list, column: true),
             .init("overeenkomst", .choice(RegisterField.agreementModels), required: true, column: true),
             .init("overeenkomst_getekend_op", .date),
             .init("overeenkomst_tot", .date, column: true),
             .init("privacybijsluiter", .text),
             .init("certificering", .list),
             .init("certificering_tot", .date, column: true),
             .init("subverwerkers", .list),
             .init("buiten_eer", .flag),
             .init("herzien_voor", .date)]
        case .dpia:
            [.init("titel", .text, required: true, column: true),
             .init("verwerking", .reference(.verwerkingen), required: true, column: true),
             .init("datum", .date, required: true, column: true),
             .init("fg_advies_op", .date),
             .init("fg_advies", .text),
             .init("uitkomst", .choice(RegisterField.dpiaOutcomes), required: true, column: true),
             .init("restrisico", .text),
             .init("maatregelen", .actions),
             .init("herbeoordeling_op", .date, column: true)]
        case .datalekken:
            [.init("titel", .text, required: true, column: true),
             .init("ontdekt_op", .date, required: true, column: true),
             .init("gemeld_ap_op", .date, column: true),
             .init("niet_gemeld_reden", .text),
             .init("te_laat_reden", .text),
             .init("betrokkenen_geinformeerd", .flag),
             .init("categorieen", .list),
             .init("aantal_betrokkenen", .number, column: true),
             .init("oorzaak", .text),
             .init("maatregelen", .text)]
        case .bevindingen:
            [.init("titel", .text, required: true, column: true),
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
             .init("hertest_resultaat", .text)]
        }
    }

    func field(_ name: String) -> RegisterField? { fields.first { $0.name == name } }
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

    /// A value of a choice and the other names it may be written as.
    struct Choice: Sendable {
        var value: String
        var aliases: [String] = []
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
        .init(value: "a", aliases: ["toestemming", "consent"]),
        .init(value: "b", aliases: ["overeenkomst", "contract"]),
        .init(value: "c", aliases: ["wettelijke-verplichting", "wettelijke verplichting", "legal obligation"]),
        .init(value: "d", aliases: ["vitaal-belang", "vitaal belang", "vital interests"]),
        .init(value: "e", aliases: ["algemeen-belang", "algemeen belang", "openbaar gezag", "public task"]),
        .init(value: "f", aliases: ["gerechtvaardigd-belang", "gerechtvaardigd belang", "legitimate interests"]),
    ]

    /// The kind of processing agreement: the sector's model (Model Verwerkersovereenkomst 4.0 of
    /// the Privacyconvenant), a general one, the supplier's own, or none.
    static let agreementModels: [Choice] = [
        .init(value: "mvo-4.0", aliases: ["mvo 4.0", "model 4.0", "privacyconvenant"]),
        .init(value: "algemeen", aliases: ["algemene verwerkersovereenkomst"]),
        .init(value: "eigen", aliases: ["eigen verwerkersovereenkomst"]),
        .init(value: "geen", aliases: ["none"]),
    ]

    static let dpiaOutcomes: [Choice] = [
        .init(value: "uitvoeren"), .init(value: "uitvoeren-met-maatregelen"), .init(value: "niet-uitvoeren"),
        .init(value: "voorafgaande-raadpleging", aliases: ["raadpleging AP"]),
    ]

    static let findingSources: [Choice] = [
        .init(value: "audit"), .init(value: "pentest"), .init(value: "zelfevaluatie", aliases: ["self-assessment"]),
        .init(value: "overig"),
    ]

    static let severities: [Choice] = [
        .init(value: "laag", aliases: ["low"]), .init(value: "midden", aliases: ["medium", "middel"]),
        .init(value: "hoog", aliases: ["high"]), .init(value: "kritiek", aliases: ["critical"]),
    ]

    static let actionStatuses: [Choice] = [
        .init(value: "open"), .init(value: "bezig", aliases: ["doing"]), .init(value: "gereed", aliases: ["done"]),
    ]
}
