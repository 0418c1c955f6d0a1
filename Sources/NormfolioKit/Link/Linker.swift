import Foundation

/// The link stage: turns what was read into one cross-linked `Portfolio`, reporting broken links,
/// missing attachments, page collisions and unknown norm references.
enum Linker {
    static func link(_ source: PortfolioSource, asOf: Day) -> (Portfolio, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let reference = ReferenceDate(asOf)
        let catalog = source.catalog

        // Documents and pages get unique page names; on a clash the first source path wins.
        var documents: [EvidenceDocument] = []
        var bySlug: [String: String] = [:]
        for document in source.documents.sorted(by: { $0.source < $1.source }) {
            if let other = bySlug[document.slug] {
                diagnostics.append(.pageCollision("documenten/\(document.slug).html", with: other,
                                                  at: SourceLocation(path: document.source)))
                continue
            }
            bySlug[document.slug] = document.source
            documents.append(document)
        }
        documents.sort { $0.slug < $1.slug }
        var pages: [FreePage] = []
        var pageSlugs: [String: String] = [:]
        for page in source.pages.sorted(by: { $0.source < $1.source }) {
            if let other = pageSlugs[page.slug] {
                diagnostics.append(.pageCollision("paginas/\(page.slug).html", with: other, at: SourceLocation(path: page.source)))
                continue
            }
            pageSlugs[page.slug] = page.source
            pages.append(page)
        }
        pages.sort { ($0.order ?? Int.max, $0.title, $0.slug) < ($1.order ?? Int.max, $1.title, $1.slug) }

        let contentPrefix = "Content/".count
        let documentIndex = Dictionary(uniqueKeysWithValues: documents.enumerated().map { (String($1.source.dropFirst(contentPrefix)), $0) })
        let pageIndex = Dictionary(uniqueKeysWithValues: pages.enumerated().map { (String($1.source.dropFirst(contentPrefix)), $0) })
        // Where `#anchor` links may lead in each source: its headings.
        var anchors: [String: Set<String>] = [:]
        for document in documents { anchors[String(document.source.dropFirst(contentPrefix))] = Set(document.anchors) }
        for page in pages { anchors[String(page.source.dropFirst(contentPrefix))] = Set(page.anchors) }
        for assessment in source.assessments { anchors[String(assessment.source.dropFirst(contentPrefix))] = Set(assessment.anchors) }
        // The files of each register, also a CSV that a register names as `bron`.
        var registerFiles: [String: RegisterKind] = [:]
        for register in source.registers {
            for file in [register.source, register.entriesSource] { registerFiles[String(file.dropFirst(contentPrefix))] = register.kind }
        }
        let links = Links(files: source.contentFiles, exits: source.exits, documents: documentIndex, pages: pageIndex,
                          registerFiles: registerFiles, catalog: catalog, anchors: anchors)

        // Each document's links, attachments and norm mentions are checked on its own, in parallel.
        let checked = documents.parallelMap { document -> Links.Checked in
            var result = links.check(document.links, from: document.source)
            for reference in document.attachments {
                switch links.resolve(reference.path, from: document.source) {
                case .attachment(let file): result.attachments.append((file, reference.location))
                case .outside: result.diagnostics.append(.outsidePortfolio(reference.path, at: reference.location))
                case .register: result.diagnostics.append(.registerAttachment(reference.path, at: reference.location))
                default: result.diagnostics.append(.missingAttachment(reference.path, at: reference.location))
                }
            }
            result.diagnostics += links.check(document.mentions)
            return result
        }
        var evidenceByNorm: [String: [Int]] = [:]
        var entryLinks: [String: [Int]] = [:]
        // Every link to a register entry, checked against the registers once they are read.
        var linkedEntries: [Links.EntryLink] = []
        var linkedFrom = [[Int]](repeating: [], count: documents.count)
        var attachmentsOfDocument = [[String]](repeating: [], count: documents.count)
        // Every use of an attachment: who uses it, how confidential that source is, and where.
        var uses: [(file: String, source: String, classification: Classification, location: SourceLocation)] = []
        for index in documents.indices {
            documents[index].linkTargets = checked[index].targets
            documents[index].isStale = reference.hasPassed(documents[index].reviewBy)
            for norm in documents[index].norms { evidenceByNorm[norm, default: []].append(index) }
            for entry in Set(checked[index].entries.map(\.key)) { entryLinks[entry, default: []].append(index) }
            linkedEntries += checked[index].entries
            for target in checked[index].documents where target != index && !linkedFrom[target].contains(index) {
                linkedFrom[target].append(index)
            }
            var seen = Set<String>()
            attachmentsOfDocument[index] = checked[index].attachments.map(\.file).filter { seen.insert($0).inserted }
            checkApprovals(&documents[index], attachments: attachmentsOfDocument[index], digests: source.attachmentDigests)
            uses += checked[index].attachments.map { ($0.file, documents[index].source, documents[index].classification, $0.location) }
            diagnostics += checked[index].diagnostics
        }
        var assessmentList = source.assessments
        for index in assessmentList.indices {
            let result = links.check(assessmentList[index].links, from: assessmentList[index].source)
            assessmentList[index].linkTargets = result.targets
            linkedEntries += result.entries
            for action in assessmentList[index].actions.indices {
                assessmentList[index].actions[action].isOverdue = reference.isOverdue(assessmentList[index].actions[action])
            }
            uses += result.attachments.map { ($0.file, assessmentList[index].source, assessmentList[index].classification, $0.location) }
            diagnostics += result.diagnostics + links.check(assessmentList[index].mentions)
        }
        for index in pages.indices {
            let result = links.check(pages[index].links, from: pages[index].source)
            pages[index].linkTargets = result.targets
            linkedEntries += result.entries
            uses += result.attachments.map { ($0.file, pages[index].source, pages[index].classification, $0.location) }
            diagnostics += result.diagnostics + links.check(pages[index].mentions)
        }
        // A file that is used but cannot be read would fail the build when it is copied: it is an
        // error at every use, in `check` as in `build`.
        for use in uses where source.attachmentDigests[use.file] == nil {
            diagnostics.append(.unreadableAttachment(use.file, at: use.location))
        }
        // HTML, SVG and the like would run as pages of the site: published as downloads only.
        for use in uses where ActiveContent.isActive(use.file) {
            diagnostics.append(.activeAttachment(use.file, kind: ActiveContent.kind(of: use.file), at: use.location))
        }
        // An attachment is as confidential as the most confidential source that uses it: it is
        // published only where all of them may be read. A use from a less confidential source is
        // shown as text in the editions that withhold the attachment.
        var attachmentClassification: [String: Classification] = [:]
        var attachmentUsers: [String: Set<String>] = [:]
        for use in uses { attachmentUsers[use.file, default: []].insert(use.source) }
        var strictestUser: [String: String] = [:]
        for use in uses.sorted(by: { $0.source < $1.source }) {
            if let known = attachmentClassification[use.file], known >= use.classification { continue }
            attachmentClassification[use.file] = use.classification
            strictestUser[use.file] = use.source
        }
        for use in uses {
            guard let strictest = attachmentClassification[use.file] else { continue }
            // The editions that show this use but not the attachment.
            let editions = Audience.allCases.filter { $0.mayRead(use.classification) && !$0.mayRead(strictest) }
            guard !editions.isEmpty else { continue }
            diagnostics.append(.attachmentWithheld(use.file, usedBy: strictestUser[use.file] ?? "", strictest,
                                                   editions: editions, at: use.location))
        }

        // Last year's score is never silently this year's: a level equal to the previous
        // snapshot's, not reviewed since that snapshot, is flagged.
        let snapshots = source.snapshots.filter { $0.asOf < asOf }
        if let previous = snapshots.last {
            for index in assessmentList.indices {
                let assessment = assessmentList[index]
                guard let level = assessment.level, previous.norms[assessment.normID]?.level == level,
                      !(assessment.reviewedOn.map { previous.asOf < $0 } ?? false) else { continue }
                assessmentList[index].carriedOverFrom = previous.asOf
            }
        }
        let assessments = Dictionary(assessmentList.map { ($0.normID, $0) }, uniquingKeysWith: { a, _ in a })
        let registers = linkRegisters(source.registers, reference: reference, diagnostics: &diagnostics)
        // A link names an entry by its id, as a reference in another entry does: one to an entry
        // that does not exist is the same error, at the link (a register that could not be read has
        // its own errors).
        let entryIDs = Dictionary(registers.map { ($0.kind, $0.entries.map(\.id)) }, uniquingKeysWith: { a, _ in a })
        let knownIDs = entryIDs.mapValues(Set.init)
        var suggestions = Limits.suggestedReferences
        for link in linkedEntries {
            guard let known = knownIDs[link.kind], !known.contains(link.id) else { continue }
            suggestions -= 1
            let suggestion = suggestions >= 0 ? Suggestion.closest(to: link.id, in: entryIDs[link.kind] ?? []) : nil
            diagnostics.append(.unknownReference(link.kind.rawValue, link.id, suggestion: suggestion, at: link.location))
        }
        var registersByNorm: [String: [Int]] = [:]
        for (index, register) in registers.enumerated() {
            for norm in register.norms { registersByNorm[norm, default: []].append(index) }
        }
        let standings = Portfolio.standings(catalog: catalog, documents: documents, evidenceByNorm: evidenceByNorm,
                                            registers: registers, registersByNorm: registersByNorm,
                                            assessments: assessments, defaultTarget: source.settings.target, asOf: asOf)
        var portfolio = Portfolio(
            root: source.root, settings: source.settings, catalog: catalog, reference: reference, documents: documents,
            assessments: assessments,
            pages: pages, evidenceByNorm: evidenceByNorm, linkedFrom: linkedFrom.map { $0.sorted() },
            attachmentClassification: attachmentClassification, attachmentsOfDocument: attachmentsOfDocument,
            standings: standings, gitCommit: source.gitCommit, attachmentDigests: source.attachmentDigests, links: links)
        portfolio.registers = registers
        portfolio.snapshots = snapshots
        portfolio.snapshotKeyID = source.snapshotKey?.id
        portfolio.registersByNorm = registersByNorm
        portfolio.documentsLinkingToEntry = entryLinks
        portfolio.attachmentUsers = attachmentUsers
        portfolio.record(portfolio.judgements())
        return (portfolio, diagnostics + portfolio.findings.map { $0.diagnostic })
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
                            diagnostics.append(.unknownReference(target.rawValue, id, suggestion: suggestion,
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

    /// What links in one portfolio can lead to, for checking them.
    struct Links: Sendable {
        var files: Set<String>
        var exits: Set<String>
        var documents: [String: Int]
        var pages: [String: Int]
        /// The register each register file (path under Content/) holds.
        var registerFiles: [String: RegisterKind]
        var catalog: Catalog
        /// Heading ids by source (path under Content/).
        var anchors: [String: Set<String>]

        /// A link to a register entry (`registers/verwerkers.yml#leerlingdata`).
        struct EntryLink: Sendable {
            var kind: RegisterKind
            var id: String
            var location: SourceLocation

            /// "<register>/<id>", as `Portfolio.documentsLinkingToEntry` keys it.
            var key: String { "\(kind.rawValue)/\(id)" }
        }

        /// What checking one file's links found.
        struct Checked: Sendable {
            /// Documents linked to, by index.
            var documents: [Int] = []
            /// Register entries linked to, with the place of the link.
            var entries: [EntryLink] = []
            /// Attachments linked to, by path under Content/, with the place of the link.
            var attachments: [(file: String, location: SourceLocation)] = []
            var diagnostics: [Diagnostic] = []
            /// Where each destination leads, kept for rendering.
            var targets: [String: LinkDestination] = [:]
        }

        func resolve(_ destination: String, from path: String) -> LinkDestination {
            Portfolio.resolve(destination, from: path, files: files, exits: exits, documents: documents, pages: pages,
                              registerFiles: registerFiles, catalog: catalog)
        }

        func check(_ links: [MarkdownLink], from path: String) -> Checked {
            var result = Checked()
            for link in links {
                let target = resolve(link.destination, from: path)
                result.targets[link.destination] = target
                switch target {
                case .document(let target, let fragment):
                    result.documents.append(target)
                    if !fragment.isEmpty, let file = Portfolio.contentRelative(link.destination.prefix { $0 != "#" && $0 != "?" }.description,
                                                                                from: path) {
                        result.diagnostics += checkAnchor(link, in: file)
                    }
                case .attachment(let file): result.attachments.append((file, link.location))
                case .missing(let target):
                    result.diagnostics.append(.brokenLink(target, hint: hint(for: link.destination, from: path), at: link.location))
                case .outside(let target):
                    result.diagnostics.append(.outsidePortfolio(target, hint: hint(for: link.destination, from: path), at: link.location))
                case .unsafe: result.diagnostics.append(.unsafeLink(link.destination, at: link.location))
                case .anchor:
                    result.diagnostics += checkAnchor(link, in: String(path.dropFirst("Content/".count)))
                case .register(let kind, let entry):
                    // An image shows a file, and a register's file is never published.
                    if link.isImage { result.diagnostics.append(.registerAttachment(link.destination, at: link.location)) }
                    if !entry.isEmpty { result.entries.append(EntryLink(kind: kind, id: entry, location: link.location)) }
                case .page(_, let fragment), .norm(_, let fragment):
                    if !fragment.isEmpty, let target = Portfolio.contentRelative(link.destination.prefix { $0 != "#" && $0 != "?" }.description,
                                                                                  from: path) {
                        result.diagnostics += checkAnchor(link, in: target)
                    }
                case .external:
                    // The site loads nothing from the internet: a remote image becomes a link to it.
                    if link.isImage { result.diagnostics.append(.remoteImage(link.destination, at: link.location)) }
                }
            }
            return result
        }

        /// What the author probably meant by a link that leads nowhere: an e-mail address without
        /// `mailto:`, a web-style `../page/` for `../page.md`, or a path from the site's root for
        /// one relative to the file.
        func hint(for destination: String, from path: String) -> String? {
            let target = destination.trimmed
            if target.contains("@"), !target.contains("/"), !target.contains(":"), target.split(separator: "@").count == 2 {
                return "did you mean 'mailto:\(target)'?"
            }
            var candidate = Substring(target)
            let absolute = candidate.hasPrefix("/")
            while candidate.hasPrefix("/") { candidate = candidate.dropFirst() }
            if candidate.hasSuffix("/") { candidate = candidate.dropLast() }
            guard !candidate.isEmpty else { return nil }
            let withExtension = candidate.lowercased().hasSuffix(".md") ? String(candidate) : candidate + ".md"
            // The file the link was likely meant for, as a path under Content/.
            let intended: String? = absolute
                ? [String(candidate), withExtension].first { isSource($0) || files.contains($0) }
                : Portfolio.contentRelative(withExtension, from: path).flatMap { isSource($0) ? $0 : nil }
            guard let intended, intended != Portfolio.contentRelative(target, from: path) else {
                return absolute ? "paths are relative to this file, not to the site" : nil
            }
            let suggestion = Self.relativePath(to: intended, from: String(path.dropFirst("Content/".count)))
            return absolute ? "paths are relative to this file: did you mean '\(suggestion)'?" : "did you mean '\(suggestion)'?"
        }

        private func isSource(_ file: String) -> Bool { documents[file] != nil || pages[file] != nil || anchors[file] != nil }

        /// The relative path from the folder of `source` to `target`, both under Content/.
        static func relativePath(to target: String, from source: String) -> String {
            var from = source.split(separator: "/").dropLast()[...]
            var to = target.split(separator: "/")[...]
            while let a = from.first, let b = to.first, a == b, to.count > 1 {
                from = from.dropFirst()
                to = to.dropFirst()
            }
            return (Array(repeating: "..", count: from.count) + to.map(String.init)).joined(separator: "/")
        }

        /// Whether the fragment of `link` names a heading of the source `file` (a path under
        /// Content/), an id the page's template uses, or a footnote; else a warning with the
        /// closest heading.
        func checkAnchor(_ link: MarkdownLink, in file: String) -> [Diagnostic] {
            guard let hash = link.destination.firstIndex(of: "#") else { return [] }
            let raw = String(link.destination[link.destination.index(after: hash)...])
            let fragment = raw.removingPercentEncoding ?? raw
            if fragment.isEmpty || Markdown.reservedIDs.contains(fragment) || Self.isFootnoteID(fragment) { return [] }
            let headings = anchors[file] ?? []
            guard !headings.contains(fragment) else { return [] }
            return [.brokenAnchor(fragment, in: "Content/" + file,
                                  suggestion: Suggestion.closest(to: fragment, in: headings.sorted(), maxDistance: 3),
                                  at: link.location)]
        }

        /// The ids of footnotes and their references (`fn-2`, `fnref-2-3`).
        private static func isFootnoteID(_ id: String) -> Bool {
            let parts = id.split(separator: "-")
            return (parts.first == "fn" || parts.first == "fnref") && parts.count >= 2 && parts.dropFirst().allSatisfy { Int($0) != nil }
        }

        /// Norm IDs in the text that the catalogue does not know.
        func check(_ mentions: [NormMention]) -> [Diagnostic] {
            mentions.compactMap { mention in
                guard !catalog.contains(mention.id) else { return nil }
                let suggestion = catalog.suggestion(for: mention.id)
                // Lower-case words that match no norm ("nr.12") are ordinary text, not a typo.
                guard mention.id == mention.id.uppercased() || suggestion?.lowercased() == mention.id.lowercased() else { return nil }
                return .unknownNormMention(mention.id, suggestion: suggestion, at: mention.location)
            }
        }
    }

    /// Site paths for attachments under `bijlagen/`: each folder and name made URL-safe, keeping
    /// the extension; names that would clash get "-2", "-3", … in path order.
    static func sitePaths(for files: Set<String>) -> [String: String] {
        var result: [String: String] = [:]
        var taken = Set<String>()
        for file in files.sorted() {
            var components = file.split(separator: "/").map(String.init)
            let name = components.removeLast()
            let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
            let stem = dot.map { String(name[..<$0]) } ?? name
            let ext = dot.flatMap { dot in
                name.index(after: dot) == name.endIndex ? nil : "." + String(name[name.index(after: dot)...]).slugified()
            } ?? ""
            let folder = components.map { $0.slugified() + "/" }.joined()
            // An active type is published under a name no web server serves as a page.
            let inert = ActiveContent.isActive(file) ? ActiveContent.inertSuffix : ""
            var candidate = "bijlagen/" + folder + stem.slugified() + ext + inert
            var counter = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "bijlagen/" + folder + stem.slugified() + "-\(counter)" + ext + inert
                counter += 1
            }
            taken.insert(candidate.lowercased())
            result[file] = candidate
        }
        return result
    }
}
