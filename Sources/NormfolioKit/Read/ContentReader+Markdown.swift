import Foundation

/// Reading the Markdown files under Content/: evidence, assessments of norms, free pages, and
/// the personal data found in them.
extension ContentReader {
    // MARK: Markdown files

    enum Content {
        case evidence(EvidenceDocument)
        case assessment(Assessment)
        case page(FreePage)
    }

    struct FileResult: Sendable {
        var content: Content?
        var diagnostics: [Diagnostic]
        /// Front-matter keys the reader did not know, reported for the whole portfolio at once.
        var unknownKeys: [UnknownKey] = []
    }

    /// Parses one Markdown file under Content/ from its bytes (nil when it could not be read).
    static func readMarkdownFile(_ file: String, bytes: FileBytes, catalog: Catalog, settings: Settings) -> FileResult {
        let path = "Content/" + file
        var diagnostics: [Diagnostic] = []
        // The page's file name (folders joined with hyphens, plus ".html") must fit a file system's
        // 255 bytes; a longer one would only fail when the site is written.
        let pageName = file.hasPrefix("pages/") ? pageSlug(String(file.dropFirst("pages/".count).dropLast(3))) : slug(forMarkdownFile: file)
        if pageName.utf8.count > Limits.pageNameBytes {
            return FileResult(
                content: nil,
                diagnostics: [
                    .pageNameTooLong(
                        pageName.utf8.count, limit: Limits.pageNameBytes,
                        at: SourceLocation(path: path))
                ])
        }
        guard let text = decodeText(bytes, path: path, diagnostics: &diagnostics) else {
            return FileResult(content: nil, diagnostics: diagnostics)
        }
        let frontMatter = FrontMatter(splitting: text)
        if frontMatter.unclosed {
            diagnostics.append(.unclosedFrontMatter(at: SourceLocation(path: path, line: 1, column: 1)))
            return FileResult(content: nil, diagnostics: diagnostics)
        }
        var fields: YAMLFields?
        if let yaml = frontMatter.yaml {
            fields = YAMLFields.parse(yaml, path: path, lineOffset: FrontMatter.yamlLineOffset, diagnostics: &diagnostics)
            if fields == nil { return FileResult(content: nil, diagnostics: diagnostics) }
        }
        let acknowledged = acknowledgedPersonalData(&fields, diagnostics: &diagnostics)
        diagnostics += personalDataDiagnostics(
            PrivacyGuard.scan(text), path: path, settings: settings,
            acknowledged: acknowledged)
        let content: Content?
        // A file with errors is still read to the end, so its links and norm references are
        // checked in the same run; the errors keep it from being published.
        let body = { Markdown.parse(frontMatter.body, path: path) }
        if file.hasPrefix("norms/") {
            content = readAssessment(
                file, path: path, fields: &fields, catalog: catalog, diagnostics: &diagnostics, body: body,
                source: frontMatter.body
            )
            .map(Content.assessment)
        } else if file.hasPrefix("pages/") {
            let parsed = body()
            diagnostics += parsed.analysis.diagnostics
            content = readPage(file, path: path, body: parsed, fields: &fields).map(Content.page)
        } else if var evidenceFields = fields {
            let parsed = body()
            diagnostics += parsed.analysis.diagnostics
            content = EvidenceDocument.read(
                file, path: path, body: parsed, source: frontMatter.body, fields: &evidenceFields,
                catalog: catalog
            ).map { document in
                var document = document
                document.sourceSHA256 = bytes.data.map(Integrity.sha256) ?? ""
                return Content.evidence(document)
            }
            fields = evidenceFields
        } else {
            diagnostics.append(.missingFrontMatter(at: SourceLocation(path: path, line: 1, column: 1)))
            content = nil
        }
        diagnostics += fields?.diagnostics ?? []
        return FileResult(content: content, diagnostics: diagnostics, unknownKeys: fields?.unknownKeys ?? [])
    }

    // MARK: Personal data

    /// The kinds of personal data a reviewed file acknowledges (`pii_reviewed: [email, ipv4]`).
    static func acknowledgedPersonalData(_ fields: inout YAMLFields?, diagnostics: inout [Diagnostic]) -> Set<PrivacyGuard.Kind> {
        guard var f = fields, let items = f.stringList("pii_reviewed") else { return [] }
        var kinds = Set<PrivacyGuard.Kind>()
        let allowed = ["email", "ipv4"]
        for item in items {
            switch PrivacyGuard.Kind(rawValue: item.text.lowercased()) {
            case .bsn: f.report(.bsnCannotBeAcknowledged(at: item.location))
            case .some(let kind): kinds.insert(kind)
            case nil:
                f.report(
                    .unknownValue(
                        "pii_reviewed", item.text, allowed: allowed,
                        suggestion: Suggestion.closest(to: item.text, in: allowed), severity: .error,
                        code: "invalid-value", at: item.location))
            }
        }
        fields = f
        return kinds
    }

    static func personalDataDiagnostics(
        _ findings: [PrivacyGuard.Finding], path: String, settings: Settings,
        acknowledged: Set<PrivacyGuard.Kind>
    ) -> [Diagnostic] {
        findings.compactMap { finding in
            if finding.acknowledgedHere { return nil }
            if finding.kind != .bsn && acknowledged.contains(finding.kind) { return nil }
            if finding.kind == .email && settings.allows(email: finding.value) { return nil }
            return .personalData(finding, at: SourceLocation(path: path, line: finding.line, column: finding.column))
        }
    }

    static let assessmentKeys = [
        "level", "target", "owner", "not_applicable", "reviewed_on", "next_review", "actions",
        "classification", "pii_reviewed", "scope",
    ]
    static let actionKeys = ["title", "owner", "due", "status", "scope"]

    /// One improvement action (`title`, `owner`, `due`, `status`), of an assessment or a register
    /// entry; nil when it has no title.
    static func readAction(_ node: FieldNode, parent: YAMLFields, diagnostics: inout [Diagnostic]) -> Action? {
        guard var a = YAMLFields(node: node, parent: parent, diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += a.diagnostics }
        a.warnUnknownKeys(actionKeys)
        let title = a.requiredString("title", limit: Limits.nameCharacters)
        var status = Action.Status.open
        if let value = a.string("status") {
            if let known = Action.Status(name: value) {
                status = known
            } else {
                a.report(
                    .unknownValue(
                        "status", value, allowed: Action.Status.allCases.map(\.rawValue),
                        suggestion: Suggestion.closest(to: value, in: Action.Status.names), severity: .error,
                        code: "unknown-status", at: a.location(ofValue: "status")))
            }
        }
        guard let title else { return nil }
        return Action(
            title: title, owner: a.string("owner"), due: a.day("due"), status: status,
            location: a.location, dueLocation: a.location(ofValue: "due"), scope: a.scope())
    }

    static func readAssessment(
        _ file: String, path: String, fields: inout YAMLFields?, catalog: Catalog,
        diagnostics: inout [Diagnostic], body: () -> Markdown.Parsed, source: MarkdownSource
    ) -> Assessment? {
        let name = String(file.dropFirst("norms/".count).dropLast(3))
        guard catalog.contains(name) else {
            diagnostics.append(
                .unknownAssessment(
                    name + ".md", suggestion: catalog.suggestion(for: name),
                    at: SourceLocation(path: path)))
            return nil
        }
        var assessment = Assessment(
            normID: name, source: path, level: nil, levelLocation: SourceLocation(path: path, line: 1, column: 1),
            target: nil, owner: nil, notApplicable: nil, reviewedOn: nil, nextReview: nil,
            nextReviewLocation: SourceLocation(path: path, line: 1, column: 1), actions: [], classification: .openbaar,
            body: .empty)
        if var f = fields {
            f.collectUnknownKeys(assessmentKeys)
            assessment.level = f.integer("level", in: 1...5, code: "level-out-of-range")
            if f.has("level") { assessment.levelLocation = f.location(ofKey: "level") }
            assessment.target = f.integer("target", in: 1...5, code: "level-out-of-range")
            assessment.owner = f.string("owner")
            assessment.notApplicable = f.string("not_applicable")
            if assessment.notApplicable == nil, f.entries.contains(where: { $0.key == "not_applicable" }) {
                f.report(.emptyJustification(at: f.location(ofKey: "not_applicable")))
            }
            assessment.classification = f.classification(default: .openbaar)
            assessment.reviewedOn = f.day("reviewed_on")
            assessment.nextReview = f.day("next_review")
            assessment.nextReviewLocation = f.location(ofValue: "next_review")
            assessment.scope = f.scope()
            for node in f.list("actions") ?? [] {
                if let action = readAction(node, parent: f, diagnostics: &diagnostics) { assessment.actions.append(action) }
            }
            fields = f
        }
        let parsed = body()
        diagnostics += parsed.analysis.diagnostics
        assessment.body = LinkedBody(parsed)
        assessment.placeholders = Placeholder.find(fields: fields, keys: ["owner"], body: source, path: path)
        return assessment
    }

    static let pageKeys = ["title", "order", "classification", "pii_reviewed"]

    static func readPage(_ file: String, path: String, body: Markdown.Parsed, fields: inout YAMLFields?) -> FreePage? {
        let name = String(file.dropFirst("pages/".count).dropLast(3))
        var title: String?
        var order: Int?
        var classification = Classification.openbaar
        if var f = fields {
            f.collectUnknownKeys(pageKeys)
            title = f.string("title", limit: Limits.nameCharacters)
            order = f.integer("order", in: -9999...9999)
            classification = f.classification(default: .openbaar)
            fields = f
        }
        let fallback = name.split(separator: "/").last.map { $0.replacingOccurrences(of: "-", with: " ") } ?? name
        let shownTitle = title ?? fallback.prefix(1).uppercased() + fallback.dropFirst()
        var linked = LinkedBody(body)
        linked.removeTitleHeading(shownTitle)
        return FreePage(source: path, slug: pageSlug(name), title: shownTitle, order: order, classification: classification, body: linked)
    }

    /// A document's page name: its path under Content/ without ".md", made URL-safe
    /// ("beleid/IB-beleid 2026.md" → "beleid-ib-beleid-2026").
    ///
    /// `Content/index.md` would be named "index", the page that lists the documents: it is named
    /// "index-document" instead, so it has a page of its own.
    /// A free page's name: its path under pages/ made URL-safe, folders joined with hyphens.
    static func pageSlug(_ name: String) -> String {
        name.split(separator: "/").map { String($0).slugified() }.joined(separator: "-")
    }

    static func slug(forMarkdownFile file: String) -> String {
        let slug = String(file.dropLast(3)).split(separator: "/").map { String($0).slugified() }.joined(separator: "-")
        return slug == "index" ? "index-document" : slug
    }
}
