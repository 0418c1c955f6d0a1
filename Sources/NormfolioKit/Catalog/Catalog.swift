import Foundation

/// The normenkader: parts, domains, norms and maturity levels.
public struct Catalog: Sendable {
    /// One half of the normenkader: information security or privacy.
    public struct Part: Sendable, Hashable {
        public var id: String
        public var title: String
        public var titleEN: String?
        /// How many norms the official framework has in this part (the catalogue may know fewer).
        public var officialNormCount: Int?
        public var url: String?
    }

    /// A numbered domain such as "11 Securitymanagement" (code SM).
    public struct Domain: Sendable, Hashable {
        public var code: String
        public var part: String
        public var number: Int
        public var title: String
        public var titleEN: String?
        public var url: String?
    }

    /// One norm, such as SM.02.
    public struct Norm: Sendable, Hashable {
        public var id: String
        public var title: String
        public var titleEN: String?
        /// Whether the Dutch title was confirmed against the official framework (else a working title).
        public var titleVerified: Bool
        public var description: String
        public var url: String?
        /// The domain code: the part of the ID before the dot.
        public var domain: String { String(id.prefix { $0 != "." }) }
    }

    /// One of the five maturity levels.
    public struct Level: Sendable, Hashable {
        public var level: Int
        public var title: String
        public var titleEN: String?
        public var description: String
    }

    public var version: String
    public var siteURL: String
    public var parts: [Part]
    public var domains: [Domain]
    public var norms: [Norm]
    public var levels: [Level]

    private var normIndex: [String: Int] = [:]
    private var domainIndex: [String: Int] = [:]

    init(version: String, siteURL: String, parts: [Part], domains: [Domain], norms: [Norm], levels: [Level]) {
        self.version = version
        self.siteURL = siteURL
        self.parts = parts
        self.domains = domains
        self.norms = norms
        self.levels = levels
        reindex()
    }

    /// Puts domains in part and number order and norms in domain and ID order, then rebuilds lookups.
    mutating func reindex() {
        let partOrder = Dictionary(uniqueKeysWithValues: parts.enumerated().map { ($1.id, $0) })
        domains.sort { (partOrder[$0.part] ?? 99, $0.number, $0.code) < (partOrder[$1.part] ?? 99, $1.number, $1.code) }
        domainIndex = Dictionary(domains.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        norms.sort { (domainIndex[$0.domain] ?? .max, $0.id) < (domainIndex[$1.domain] ?? .max, $1.id) }
        normIndex = Dictionary(norms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        levels.sort { $0.level < $1.level }
    }

    public func norm(_ id: String) -> Norm? { normIndex[id].map { norms[$0] } }
    public func domain(_ code: String) -> Domain? { domainIndex[code].map { domains[$0] } }
    public func part(_ id: String) -> Part? { parts.first { $0.id == id } }
    public func level(_ number: Int) -> Level? { levels.first { $0.level == number } }
    public func contains(_ id: String) -> Bool { normIndex[id] != nil }

    public func norms(in domain: Domain) -> [Norm] { norms.filter { $0.domain == domain.code } }
    public func domains(in part: Part) -> [Domain] { domains.filter { $0.part == part.id } }

    /// The official page of a norm: its own page where known, else its domain's, part's or the site.
    public func officialURL(of norm: Norm) -> String {
        let domain = self.domain(norm.domain)
        return norm.url ?? domain?.url ?? domain.flatMap { part($0.part)?.url } ?? siteURL
    }

    /// The closest catalogue ID for a misspelled one: same letters in another case, or one edit
    /// away (a swapped pair of digits counts as one edit).
    public func suggestion(for id: String) -> String? {
        Suggestion.closest(to: id, in: norms.map(\.id), maxDistance: 1)
    }

    /// Whether `text` has the shape of a norm ID: two letters, a dot and two digits.
    static func isNormIDShaped(_ text: Substring) -> Bool {
        let u = Array(text.utf8)
        return u.count == 5 && isLetter(u[0]) && isLetter(u[1]) && u[2] == UInt8(ascii: ".") && isDigit(u[3]) && isDigit(u[4])
    }

    static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}
