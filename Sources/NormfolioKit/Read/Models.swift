import Foundation

/// How confidential an evidence document is; audiences publish up to a classification.
public enum Classification: Int, Comparable, Sendable, CaseIterable {
    case openbaar, intern, vertrouwelijk, striktVertrouwelijk

    /// The name used in front matter and on the site.
    public var name: String {
        switch self {
        case .openbaar: "openbaar"
        case .intern: "intern"
        case .vertrouwelijk: "vertrouwelijk"
        case .striktVertrouwelijk: "strikt-vertrouwelijk"
        }
    }

    /// Accepts the Dutch names and the English aliases.
    public init?(name: String) {
        switch name.lowercased() {
        case "openbaar", "public": self = .openbaar
        case "intern", "internal": self = .intern
        case "vertrouwelijk", "confidential": self = .vertrouwelijk
        case "strikt-vertrouwelijk", "secret", "strikt vertrouwelijk": self = .striktVertrouwelijk
        default: return nil
        }
    }

    static let allNames = [
        "openbaar", "intern", "vertrouwelijk", "strikt-vertrouwelijk",
        "public", "internal", "confidential", "secret",
    ]

    public static func < (a: Classification, b: Classification) -> Bool { a.rawValue < b.rawValue }
}

/// Who a build is for; each audience publishes documents up to a classification.
public enum Audience: String, Sendable, CaseIterable {
    case intranet, accountant, auditor

    /// The most confidential classification this audience may see.
    public var publishesUpTo: Classification {
        switch self {
        case .intranet: .intern
        case .accountant: .vertrouwelijk
        case .auditor: .striktVertrouwelijk
        }
    }

    public func mayRead(_ classification: Classification) -> Bool { classification <= publishesUpTo }
}

/// The kinds of evidence the contract names.
public enum DocumentTypes {
    public static let all = [
        "beleid", "procedure", "register", "rapport", "testrapport", "screenshot", "contract",
        "dpia", "training", "notulen", "risicoacceptatie", "overig",
    ]
    /// A policy: the board adopts it.
    public static let policy = "beleid"
    /// The board's acceptance of a risk, until its review date.
    public static let riskAcceptance = "risicoacceptatie"
}

/// Markdown text cut from a file, with the file line its first line has.
public struct MarkdownSource: Sendable, Hashable {
    public var text: String
    /// 1-based line in the original file of the body's first line (front matter counted).
    public var firstLine: Int
}

/// A link or image in Markdown, as written, with its place.
public struct MarkdownLink: Sendable, Hashable {
    public var destination: String
    public var isImage: Bool
    public var location: SourceLocation
}

/// A token shaped like a norm ID in Markdown text, with its place.
public struct NormMention: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
}

/// A relative path written in a file (an attachment or link), with its place.
public struct PathReference: Sendable, Hashable {
    public var path: String
    public var location: SourceLocation
}

/// portfolio settings from normfolio.yml; every key is optional.
public struct Settings: Sendable, Equatable {
    public var organisation = "Mijn schoolbestuur"
    public var title = "IBP-portfolio"
    public var language = Language.nl
    public var target = 3
    public var asOf: Day?
    public var catalog: PathReference?
    /// The board's Ed25519 public key (a `.pub` file of `normfolio keygen`, in the portfolio) that
    /// every snapshot must be signed with; without it, snapshots are sealed with a checksum only.
    public var snapshotKey: PathReference?
    /// E-mail addresses and domains that may appear in evidence (the board's role addresses).
    public var emailAllowlist: [String] = []
    /// Front-matter keys that are accepted without a warning (fields imported documents carry).
    public var acceptedKeys: [String] = []
    /// The name the board goes by as an owner and in adoptions: its actions and the documents that
    /// await its adoption are on the agenda ("Te besluiten").
    public var board = "College van Bestuur"
    /// What the intranet edition shows besides the documents and pages classified for it.
    public var intranet: Set<EditionPart> = []
    /// Who staff can turn to, shown on the home page.
    public var contacts: [Contact] = []
    /// What to do on a (suspected) data breach, shown on the home page.
    public var breachInstructions: String?
    /// The controller (verwerkingsverantwoordelijke) and the data protection officer (FG), with
    /// their contact details: the processing register shows them (AVG article 30(1)(a)).
    public var controller: Party?
    public var dpo: Party?
    /// The board's schools (`schools:`), in the order written; none for a board that keeps no
    /// evidence per school.
    public var schools: [School] = []

    /// Whether `owner` names the board.
    func isBoard(_ owner: String?) -> Bool {
        owner.map { $0.trimmed.lowercased() == board.trimmed.lowercased() } ?? false
    }

    /// Whether an e-mail address is allowed: listed itself, or its domain or a parent domain is.
    func allows(email: String) -> Bool {
        let address = email.lowercased()
        let domain = address.split(separator: "@").last.map(String.init) ?? ""
        return emailAllowlist.contains { entry in
            let entry = entry.lowercased()
            return entry.contains("@") ? entry == address : domain == entry || domain.hasSuffix("." + entry)
        }
    }
}

/// A part of the site that the intranet edition leaves out unless `intranet:` in normfolio.yml
/// names it. Other editions have every part.
public enum EditionPart: Hashable, Sendable {
    /// The norm pages and the catalogue.
    case catalog
    /// The assessments on the norm pages: levels, owners, actions, what the evidence lacks.
    case assessments
    case coverage, maturity, plan, progress, report, calendar
    /// The Aandachtspunten page.
    case attention
    /// `export/normen.csv` and `export/portfolio.json`.
    case exports
    case register(RegisterKind)

    /// The names `intranet:` takes, each with what it includes; `registers` is every register.
    static let names: [(name: String, parts: [EditionPart])] =
        [
            ("normenkader", [.catalog]), ("beoordelingen", [.assessments]), ("dekking", [.coverage]),
            ("volwassenheid", [.maturity]), ("verbeterplan", [.plan]), ("voortgang", [.progress]), ("rapport", [.report]),
            ("kalender", [.calendar]), ("aandachtspunten", [.attention]), ("export", [.exports]),
            ("registers", RegisterKind.allCases.map(EditionPart.register)),
        ] + RegisterKind.allCases.map { ($0.rawValue, [EditionPart.register($0)]) }

    /// The parts whose pages list and link norms: each brings the norm pages with it.
    var bringsCatalog: Bool {
        switch self {
        case .catalog, .calendar, .exports, .register: false
        case .assessments, .coverage, .maturity, .plan, .progress, .report, .attention: true
        }
    }
}

/// An organisation or person with contact details (`controller:` and `dpo:` in normfolio.yml).
public struct Party: Sendable, Equatable {
    public var name: String
    public var address: String?
    public var email: String?
    public var phone: String?

    /// Its name and contact details on one line.
    public var line: String { ([name] + [address, email, phone].compactMap { $0 }).joined(separator: ", ") }
}

/// Someone staff can turn to (`contacts:` in normfolio.yml).
public struct Contact: Sendable, Equatable {
    public var role: String
    public var name: String?
    public var email: String?
    public var phone: String?
}

/// One improvement action in an assessment's plan (verbeterplan).
public struct Action: Sendable, Hashable {
    /// Where an action stands.
    public enum Status: String, Sendable, CaseIterable {
        case open, bezig, gereed

        /// The status `name` is written as: a value, an alias or a label of the one table of
        /// statuses (`RegisterField.actionStatuses`), which register fields use as well.
        init?(name: String) {
            let lower = name.lowercased()
            guard let choice = RegisterField.actionStatuses.first(where: { $0.isNamed(lower) }) else { return nil }
            self.init(rawValue: choice.value)
        }

        /// The names a status may be written as, for suggestions.
        static var names: [String] { RegisterField.actionStatuses.flatMap { [$0.value] + $0.aliases } }
    }

    public var title: String
    public var owner: String?
    public var due: Day?
    public var status: Status
    /// Where the action starts, and where its `due` date is written.
    public var location: SourceLocation
    public var dueLocation: SourceLocation
    /// Whether it is not done and its due date lies before the reference date (set by the link stage).
    public internal(set) var isOverdue = false
    /// The schools it is for (`scope:`); nil for the whole board.
    public var scope: Scope? = nil
}

/// The board's own assessment of one norm (Content/norms/<ID>.md).
public struct Assessment: Sendable {
    public var normID: String
    public var source: String
    public var level: Int?
    public var levelLocation: SourceLocation
    public var target: Int?
    public var owner: String?
    public var notApplicable: String?
    public var reviewedOn: Day?
    public var nextReview: Day?
    public var nextReviewLocation: SourceLocation
    public var actions: [Action]
    /// Who may read its text and actions; without a `classification`, every audience (its level
    /// counts in every edition's figures, like a withheld document's coverage does).
    public var classification: Classification
    /// The Markdown body and what it refers to.
    public var body: LinkedBody
    /// Example text or empty fields left from a template (judged by the link stage).
    public var placeholders: [Placeholder] = []
    /// The reference date of the last snapshot whose level this assessment repeats without having
    /// been reviewed since (set by the link stage).
    public internal(set) var carriedOverFrom: Day?
    /// The schools the assessment is for (`scope:`); nil for the whole board.
    public var scope: Scope? = nil
}

/// A free page (Content/pages/**.md): introduction, contact, accessibility statement.
public struct FreePage: Sendable {
    public var source: String
    public var slug: String
    public var title: String
    /// Position in the navigation; pages without one come after, by title.
    public var order: Int?
    /// Who may read the page; without a `classification`, every audience.
    public var classification: Classification
    /// The Markdown body and what it refers to.
    public var body: LinkedBody
}
