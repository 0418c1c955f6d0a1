/// How well a norm is covered by current evidence.
public enum Coverage: String, Sendable, CaseIterable {
    /// At least one document that is not past its review date.
    case covered
    /// Evidence exists, but all of it is past its review date.
    case stale
    /// No evidence at all.
    case missing
    /// The assessment says the norm does not apply, with a justification.
    case notApplicable = "not_applicable"
}

/// Where one norm stands: its coverage by evidence (all evidence, whatever the audience of a
/// build) and its assessed maturity against its target.
public struct NormStanding: Sendable, Hashable {
    public var normID: String
    public var coverage: Coverage
    /// The assessed level; nil when the norm is not assessed or does not apply.
    public var level: Int?
    /// The norm's target, else the portfolio's, else 3.
    public var target: Int
    /// How many documents support the norm, and how many of those are current.
    public var documents: Int
    public var currentDocuments: Int

    public var isApplicable: Bool { coverage != .notApplicable }
    /// How many levels short of the target; 0 at or above it; nil when not assessed.
    public var gap: Int? { level.map { max(0, target - $0) } }
    public var meetsTarget: Bool { level.map { $0 >= target } ?? false }
}

/// Figures over a group of norms: a domain, a part or the whole catalogue.
public struct Tally: Sendable, Hashable {
    public var norms: Int
    /// Norms per coverage status.
    public var coverage: [Coverage: Int]
    /// Norms that apply (not `not_applicable`).
    public var applicable: Int
    /// Applicable norms with an assessed level.
    public var assessed: Int
    /// Applicable norms without an assessed level ("niet beoordeeld", never counted as level 1).
    public var notAssessed: Int
    /// Assessed norms at or above their target.
    public var atTarget: Int
    /// The mean assessed level, over assessed norms only.
    public var averageLevel: Double?
    public var lowestLevel: Int?
    /// How many assessed norms are at level 1, 2, 3, 4 and 5.
    public var distribution: [Int]

    public init(_ standings: [NormStanding]) {
        norms = standings.count
        coverage = Dictionary(grouping: standings, by: \.coverage).mapValues(\.count)
        let applicable = standings.filter(\.isApplicable)
        self.applicable = applicable.count
        let levels = applicable.compactMap(\.level)
        assessed = levels.count
        notAssessed = applicable.count - levels.count
        atTarget = applicable.count(where: \.meetsTarget)
        averageLevel = levels.isEmpty ? nil : Double(levels.reduce(0, +)) / Double(levels.count)
        lowestLevel = levels.min()
        distribution = (1...5).map { level in levels.count { $0 == level } }
    }

    public func count(_ status: Coverage) -> Int { coverage[status] ?? 0 }

    /// The share of applicable norms that are covered, from 0 to 100; nil when none apply.
    public var coveredPercentage: Double? {
        applicable == 0 ? nil : Double(count(.covered)) * 100 / Double(applicable)
    }
}

extension Portfolio {
    /// Computes every norm's standing from the evidence and assessments.
    static func standings(
        catalog: Catalog, documents: [EvidenceDocument], evidenceByNorm: [String: [Int]],
        registers: [Register] = [], registersByNorm: [String: [Int]] = [:],
        assessments: [String: Assessment], defaultTarget: Int, asOf: Day
    ) -> [String: NormStanding] {
        var result: [String: NormStanding] = [:]
        for norm in catalog.norms {
            let evidence = evidenceByNorm[norm.id] ?? []
            let current = evidence.count { index in documents[index].reviewBy.map { $0 >= asOf } ?? true }
            // A register tagged with the norm is evidence too, current until its review date.
            let registerEvidence = registersByNorm[norm.id] ?? []
            let currentRegisters = registerEvidence.count { registers[$0].reviewBy.map { $0 >= asOf } ?? true }
            let assessment = assessments[norm.id]
            let coverage: Coverage =
                assessment?.notApplicable != nil
                ? .notApplicable
                : current + currentRegisters > 0
                    ? .covered
                    : evidence.isEmpty && registerEvidence.isEmpty ? .missing : .stale
            result[norm.id] = NormStanding(
                normID: norm.id, coverage: coverage, level: coverage == .notApplicable ? nil : assessment?.level,
                target: assessment?.target ?? defaultTarget, documents: evidence.count, currentDocuments: current)
        }
        return result
    }

    /// The figures of a group of norms.
    public func tally(_ norms: [Catalog.Norm]) -> Tally {
        Tally(norms.compactMap { standings[$0.id] })
    }
}
