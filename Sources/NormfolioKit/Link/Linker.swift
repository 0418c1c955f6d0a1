import Foundation

/// The link stage: turns what was read into one cross-linked `Portfolio`, reporting broken links,
/// missing attachments, page collisions and unknown norm references. `link` runs the steps of the
/// stage table in docs/architecture.md, each a function below, in this order.
enum Linker {
    static func link(_ source: PortfolioSource, asOf: Day) -> (Portfolio, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let reference = ReferenceDate(asOf)
        // 1. Page names: every document and free page gets its own.
        var documents = unique(source.documents, route: Routes.document, diagnostics: &diagnostics)
        documents.sort { $0.slug < $1.slug }
        var pages = unique(source.pages, route: Routes.page, diagnostics: &diagnostics)
        pages.sort { ($0.order ?? Int.max, $0.title, $0.slug) < ($1.order ?? Int.max, $1.title, $1.slug) }
        var assessments = source.assessments
        // 2. Bodies: every link, image, attachment and norm mention checked once, where it leads recorded.
        let links = Links(source: source, documents: documents, pages: pages)
        let checkedDocuments = check(&documents, with: links)
        let checkedAssessments = check(&assessments, with: links)
        let checkedPages = check(&pages, with: links)
        // 3. Evidence: what each document is evidence for, links to and uses.
        let evidence = Evidence(documents: &documents, checked: checkedDocuments, reference: reference, digests: source.attachmentDigests)
        // 4. Attachments: readable, inert, and as confidential as their strictest user.
        let uses = checkedDocuments.uses(of: documents) + checkedAssessments.uses(of: assessments) + checkedPages.uses(of: pages)
        let attachments = Attachments(uses: uses, digests: source.attachmentDigests)
        diagnostics +=
            checkedDocuments.diagnostics + checkedAssessments.diagnostics + checkedPages.diagnostics
            + attachments.diagnostics
        // 5. Assessments: actions past their date, levels carried over from the last snapshot.
        let snapshots = source.snapshots.filter { $0.asOf < asOf }
        judgeAssessments(&assessments, reference: reference, previous: snapshots.last)
        // 6. Registers: what the date decides, references between entries, and links to entries.
        let registers = linkRegisters(source.registers, reference: reference, diagnostics: &diagnostics)
        checkEntryLinks(
            checkedDocuments.entries + checkedAssessments.entries + checkedPages.entries, in: registers,
            diagnostics: &diagnostics)
        // 7. Figures: coverage and maturity per norm.
        let byNorm = Dictionary(assessments.map { ($0.normID, $0) }, uniquingKeysWith: { a, _ in a })
        var registersByNorm: [String: [Int]] = [:]
        for (index, register) in registers.enumerated() {
            for norm in register.norms { registersByNorm[norm, default: []].append(index) }
        }
        let standings = Portfolio.standings(
            catalog: source.catalog, documents: documents, evidenceByNorm: evidence.byNorm,
            registers: registers, registersByNorm: registersByNorm,
            assessments: byNorm, defaultTarget: source.settings.target, asOf: asOf)
        var portfolio = Portfolio(
            root: source.root, settings: source.settings, catalog: source.catalog, reference: reference, documents: documents,
            assessments: byNorm, pages: pages, evidenceByNorm: evidence.byNorm, linkedFrom: evidence.linkedFrom,
            attachmentClassification: attachments.classification, attachmentsOfDocument: evidence.attachments,
            standings: standings, gitCommit: source.gitCommit, attachmentDigests: source.attachmentDigests, links: links)
        portfolio.registers = registers
        portfolio.snapshots = snapshots
        portfolio.snapshotKeyID = source.snapshotKey?.id
        portfolio.registersByNorm = registersByNorm
        portfolio.documentsLinkingToEntry = evidence.entryLinks
        portfolio.attachmentUsers = attachments.users
        // 7b. Schools: every scope checked, and coverage and maturity per school (Scope.swift).
        diagnostics += portfolio.scopeDiagnostics()
        portfolio.schoolStandings = Portfolio.schoolStandings(of: portfolio)
        // 8. Judgements: every finding, made once and attached to what it concerns.
        let perSchool = portfolio.schoolJudgements()
        portfolio.record(
            perSchool.isEmpty
                ? portfolio.judgements()
                : (portfolio.judgements() + perSchool).sorted { $0.diagnostic.location < $1.diagnostic.location })
        return (portfolio, diagnostics + portfolio.findings.map { $0.diagnostic })
    }

    // MARK: 1. Page names

    /// The sources that get a page of their own, one per page name: on a clash the first source
    /// path wins and the other is reported.
    static func unique<Item: BodySource & HasPage>(
        _ items: [Item], route: (String) -> String,
        diagnostics: inout [Diagnostic]
    ) -> [Item] {
        var kept: [Item] = []
        var bySlug: [String: String] = [:]
        for item in items.sorted(by: { $0.source < $1.source }) {
            if let other = bySlug[item.slug] {
                diagnostics.append(.pageCollision(route(item.slug), with: other, at: SourceLocation(path: item.source)))
                continue
            }
            bySlug[item.slug] = item.source
            kept.append(item)
        }
        return kept
    }

    // MARK: 2. Bodies

    /// What checking the bodies of one kind of source found, in the order of the sources.
    struct CheckedBodies {
        var results: [Links.Checked]
        var diagnostics: [Diagnostic] { results.flatMap(\.diagnostics) }
        var entries: [Links.EntryLink] { results.flatMap(\.entries) }

        /// Every attachment use: the file, who uses it, how confidential that source is, and where.
        func uses(of items: [some BodySource]) -> [Attachments.Use] {
            zip(items, results).flatMap { item, result in
                result.attachments.map {
                    Attachments.Use(
                        file: $0.file, source: item.source, classification: item.classification,
                        location: $0.location)
                }
            }
        }
    }

    /// Checks every body (and a document's `attachments:`) in parallel and records where each
    /// link leads.
    static func check<Item: BodySource>(_ items: inout [Item], with links: Links) -> CheckedBodies {
        let results = items.parallelMap { item in links.check(item) }
        for index in items.indices { items[index].body.targets = results[index].targets }
        return CheckedBodies(results: results)
    }

    // MARK: 3. Evidence

    /// What the documents are evidence for and refer to.
    struct Evidence {
        /// Norm ID → indices of the documents that are evidence for it.
        var byNorm: [String: [Int]] = [:]
        /// "<register>/<id>" → indices of the documents whose text links to that entry.
        var entryLinks: [String: [Int]] = [:]
        /// Document index → indices of the documents that link to it.
        var linkedFrom: [[Int]]
        /// Document index → the attachments it uses, by path under Content/, first use first.
        var attachments: [[String]]

        /// Also marks each document stale or not, and checks its approvals against what it now holds.
        init(documents: inout [EvidenceDocument], checked: CheckedBodies, reference: ReferenceDate, digests: [String: Digest]) {
            var linkedFrom = [Set<Int>](repeating: [], count: documents.count)
            attachments = [[String]](repeating: [], count: documents.count)
            for (index, result) in checked.results.enumerated() {
                documents[index].isStale = reference.hasPassed(documents[index].reviewBy)
                for norm in documents[index].norms { byNorm[norm, default: []].append(index) }
                for entry in Set(result.entries.map(\.key)) { entryLinks[entry, default: []].append(index) }
                for target in result.documents where target != index { linkedFrom[target].insert(index) }
                var seen = Set<String>()
                attachments[index] = result.attachments.map(\.file).filter { seen.insert($0).inserted }
                checkApprovals(&documents[index], attachments: attachments[index], digests: digests)
            }
            self.linkedFrom = linkedFrom.map { $0.sorted() }
        }
    }

    /// Sets the document's content digest (its text and the SHA-256 of every attachment and image
    /// it uses) and compares each recorded approval with it: one that recorded another digest no
    /// longer holds (`Findings` reports it at its hash).
    static func checkApprovals(_ document: inout EvidenceDocument, attachments: [String], digests: [String: Digest]) {
        let used = attachments.compactMap { file in digests[file].map { (path: file, sha256: $0.sha256) } }
        // An attachment that could not be read has its own error; no digest can say it is unchanged.
        let digest = used.count == attachments.count ? Approval.digest(text: document.textDigest, attachments: used) : nil
        document.contentDigest = digest
        document.approvals = document.approvals.map { $0.checked(against: digest) }
    }

    // MARK: 4. Attachments

    /// Who uses each attachment, and how confidential it is.
    struct Attachments {
        /// One use of an attachment.
        struct Use {
            var file: String
            var source: String
            var classification: Classification
            var location: SourceLocation
        }

        /// Attachment → the classification of its strictest user.
        var classification: [String: Classification] = [:]
        /// Attachment → the sources that use it.
        var users: [String: Set<String>] = [:]
        var diagnostics: [Diagnostic] = []

        init(uses: [Use], digests: [String: Digest]) {
            for use in uses { users[use.file, default: []].insert(use.source) }
            // A file that is used but cannot be read would fail the build when it is copied: it is
            // an error at every use, in `check` as in `build`.
            for use in uses where digests[use.file] == nil {
                diagnostics.append(.unreadableAttachment(use.file, at: use.location))
            }
            // HTML, SVG and the like would run as pages of the site: published as downloads only.
            for use in uses where ActiveContent.isActive(use.file) {
                diagnostics.append(.activeAttachment(use.file, kind: ActiveContent.kind(of: use.file), at: use.location))
            }
            // An attachment is as confidential as the most confidential source that uses it: it is
            // published only where all of them may be read.
            var strictestUser: [String: String] = [:]
            for use in uses.sorted(by: { $0.source < $1.source }) {
                if let known = classification[use.file], known >= use.classification { continue }
                classification[use.file] = use.classification
                strictestUser[use.file] = use.source
            }
            // A use from a less confidential source is shown as text in the editions that withhold it.
            for use in uses {
                guard let strictest = classification[use.file] else { continue }
                let editions = Audience.allCases.filter { $0.mayRead(use.classification) && !$0.mayRead(strictest) }
                guard !editions.isEmpty else { continue }
                diagnostics.append(
                    .attachmentWithheld(
                        use.file, usedBy: strictestUser[use.file] ?? "", strictest,
                        editions: editions, at: use.location))
            }
        }
    }

    // MARK: 5. Assessments

    /// Marks the actions past their date, and a level carried over: last year's score is never
    /// silently this year's, so a level equal to the previous snapshot's, not reviewed since that
    /// snapshot, is flagged.
    static func judgeAssessments(_ assessments: inout [Assessment], reference: ReferenceDate, previous: Snapshot?) {
        for index in assessments.indices {
            for action in assessments[index].actions.indices {
                assessments[index].actions[action].isOverdue = reference.isOverdue(assessments[index].actions[action])
            }
            let assessment = assessments[index]
            guard let previous, let level = assessment.level, previous.norms[assessment.normID]?.level == level,
                !(assessment.reviewedOn.map { previous.asOf < $0 } ?? false)
            else { continue }
            assessments[index].carriedOverFrom = previous.asOf
        }
    }

    // MARK: 6. Registers

    /// The registers with what the reference date decides (stale, overdue), and every reference
    /// between their entries checked: a reference to an entry that does not exist is an error at
    /// the reference, with the closest id.
    static func linkRegisters(_ source: [Register], reference: ReferenceDate, diagnostics: inout [Diagnostic]) -> [Register] {
        var registers = source
        var ids: [RegisterKind: [String]] = [:]
        for register in registers { ids[register.kind] = register.entries.map(\.id) }
        let known = ids.mapValues(Set.init)
        // A did-you-mean compares the id with every id of its register: only the first unknown
        // references get one, so that a file full of them (ids of the wrong register) is reported
        // without delay.
        var suggestions = Limits.suggestedReferences
        for r in registers.indices {
            registers[r].isStale = reference.hasPassed(registers[r].reviewBy)
            let kind = registers[r].kind
            for e in registers[r].entries.indices {
                let entry = registers[r].entries[e]
                if var followUp = entry.namedFollowUp() {
                    followUp.isOverdue = reference.isOverdue(followUp)
                    registers[r].entries[e].followUp = followUp
                }
                for field in kind.fields {
                    switch field.kind {
                    case .reference(let target), .references(let target):
                        for id in entry.ids(field.name) where known[target]?.contains(id) != true {
                            suggestions -= 1
                            let suggestion = suggestions >= 0 ? Suggestion.closest(to: id, in: ids[target] ?? []) : nil
                            diagnostics.append(
                                .unknownReference(
                                    target.rawValue, id, suggestion: suggestion,
                                    at: entry.locations[field.name] ?? entry.location))
                        }
                    case .actions:
                        if case .actions(var actions)? = entry.values[field.name] {
                            for a in actions.indices {
                                actions[a].isOverdue = reference.isOverdue(actions[a])
                            }
                            registers[r].entries[e].values[field.name] = .actions(actions)
                        }
                    default: break
                    }
                }
            }
        }
        return registers
    }

    /// A link names an entry by its id, as a reference in another entry does: one to an entry
    /// that does not exist is the same error, at the link (a register that could not be read has
    /// its own errors).
    static func checkEntryLinks(_ links: [Links.EntryLink], in registers: [Register], diagnostics: inout [Diagnostic]) {
        let entryIDs = Dictionary(registers.map { ($0.kind, $0.entries.map(\.id)) }, uniquingKeysWith: { a, _ in a })
        let knownIDs = entryIDs.mapValues(Set.init)
        var suggestions = Limits.suggestedReferences
        for link in links {
            guard let known = knownIDs[link.kind], !known.contains(link.id) else { continue }
            suggestions -= 1
            let suggestion = suggestions >= 0 ? Suggestion.closest(to: link.id, in: entryIDs[link.kind] ?? []) : nil
            diagnostics.append(.unknownReference(link.kind.rawValue, link.id, suggestion: suggestion, at: link.location))
        }
    }
}

/// A source with a page of its own, named by its slug.
protocol HasPage {
    var slug: String { get }
}

extension EvidenceDocument: HasPage {}
extension FreePage: HasPage {}
