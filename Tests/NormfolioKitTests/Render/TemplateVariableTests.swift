import Foundation
import Testing

@testable import NormfolioKit

/// docs/theming.md lists every variable each template sees. The list is checked against the
/// typed views themselves: every variable a view gives its template must be documented under
/// that template, and every documented variable must be one a view gives. A variable added to a
/// view, renamed or removed without the docs fails here.
@Suite struct TemplateVariableTests {
    static let theming = packageRoot.appendingPathComponent("docs/theming.md")

    /// The variables each template is given while rendering the fixture portfolios (the second
    /// has registers, the third schools), in every audience: dotted paths into the view (`parts.rows.id`), by template name.
    static func produced() throws -> [String: Set<String>] {
        var variables: [String: Set<String>] = [:]
        for root in [portfolioFixture.path, siteFixture, fixtures.appendingPathComponent("schools").path] {
            for audience in Audience.allCases {
                let result = Normfolio.check(BuildOptions(portfolio: root, audience: audience), today: fixedToday)
                let portfolio = try #require(result.portfolio)
                let (theme, _) = Theme.load(root: root, io: .live, language: portfolio.settings.language)
                // The live preview's edition: it lists authoring warnings too.
                let authoring = [Diagnostic(.warning, "unknown-key", "unknown field 'x'", at: SourceLocation(path: "Content/a.md", line: 2))]
                // The schools fixture's intranet is a school's edition (`build --school`): the layout names the school.
                let school = root.hasSuffix("/schools") && audience == .intranet ? portfolio.settings.schools.first : nil
                let edition = Edition(
                    portfolio: portfolio, audience: audience, version: "test", strings: theme.strings,
                    authoringWarnings: authoring, school: school)
                let engine = RenderEngine(theme: theme, edition: edition, fast: false)
                let context = RenderContext(
                    edition: edition, rows: DocumentRows(edition: edition, engine: engine),
                    exports: ExportFiles(edition: edition), searchIndex: SearchIndexOnce(SearchIndex(edition: edition, memo: nil)))
                let chrome = LayoutView.Chrome(edition)
                let shared = TemplateValue.object(["site": SiteView(edition).templateValue])
                for kind in PageKinds.all {
                    for page in kind.pages(in: edition) {
                        variables[kind.template, default: []].formUnion(paths(of: kind.templateValue(of: page, in: context)))
                        let layout = LayoutView(
                            page: page.path, title: "", content: "", crumbs: kind.crumbs(of: page, in: edition),
                            chrome: chrome)
                        // `root` is documented once, with what every template sees.
                        variables["layout", default: []].formUnion(paths(of: layout.templateValue).subtracting(["root"]))
                    }
                }
                // The papers of build --pdf: their views, without typesetting them.
                let maker = PaperMaker(edition: edition, engine: engine, theme: theme, io: .live, rows: context.rows, variant: .archival)
                for paper in Paper.allCases {
                    let (view, handbook) = maker.views(paper, exports: context.exports)
                    variables["paper", default: []].formUnion(paths(of: view.templateValue))
                    if let handbook { variables["paper-handbook", default: []].formUnion(paths(of: handbook.templateValue)) }
                }
                for index in edition.publishedDocuments {
                    variables["document-row", default: []].formUnion(paths(of: DocumentSummary(index, in: edition, root: "../").templateValue))
                    variables["evidence-row", default: []].formUnion(paths(of: EvidenceEntry(index, in: edition).templateValue))
                }
                // Every page's template and the layout see `root` (the render engine adds it), and
                // every template sees `t`, the interface texts (their keys are Strings/nl.yml's).
                variables["every template", default: []].formUnion(paths(of: shared).union(["root", "t"]))
            }
        }
        return variables
    }

    /// The dotted paths of an object's members, and of the members of objects in it and in its
    /// lists.
    static func paths(of value: TemplateValue, prefix: String = "") -> Set<String> {
        switch value {
        case .object(let members):
            var paths: Set<String> = []
            for (key, member) in members {
                let path = prefix + key
                paths.insert(path)
                paths.formUnion(Self.paths(of: member, prefix: path + "."))
            }
            return paths
        case .list(let items):
            return items.reduce(into: []) { $0.formUnion(Self.paths(of: $1, prefix: prefix)) }
        default:
            return []
        }
    }

    /// The variables docs/theming.md documents, by template: each `### …` heading under
    /// "## Template variables" names a template (`` `document.mustache` ``), and the first column
    /// of the table below it holds the variables in backticks.
    static func documented() throws -> [String: Set<String>] {
        let text = try String(contentsOf: theming, encoding: .utf8)
        guard let start = text.range(of: "\n## Template variables\n") else { return [:] }
        var variables: [String: Set<String>] = [:]
        var template: String?
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { break }
            if line.hasPrefix("### ") {
                let heading = line.dropFirst(4)
                template =
                    heading.contains("`")
                    ? heading.split(separator: "`", omittingEmptySubsequences: false)[1].replacingOccurrences(of: ".mustache", with: "")
                    : heading.lowercased()
                continue
            }
            guard let template, line.hasPrefix("| `") else { continue }
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            for name in cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
                variables[template, default: []].insert(String(name))
            }
        }
        return variables
    }

    @Test func everyTemplateVariableIsDocumentedAndEveryDocumentedOneExists() throws {
        let produced = try Self.produced()
        let documented = try Self.documented()
        for template in Set(produced.keys).union(documented.keys).sorted() {
            let made = produced[template] ?? [], written = documented[template] ?? []
            let undocumented = made.subtracting(written).sorted()
            let unknown = written.subtracting(made).sorted()
            #expect(undocumented.isEmpty, "\(template): not in docs/theming.md: \(undocumented.joined(separator: ", "))")
            #expect(unknown.isEmpty, "\(template): documented but no view gives it: \(unknown.joined(separator: ", "))")
        }
    }

    /// Every template of the theme is documented, so none can be added without its variables.
    @Test func everyTemplateHasASection() throws {
        let documented = try Self.documented()
        let templates = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Templates").path)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        for template in templates {
            #expect(
                documented[template] != nil || Self.partials.contains(template),
                "Templates/\(template).mustache has no section under \"Template variables\" in docs/theming.md")
        }
    }

    /// Templates rendered inside another template's section, with that section's variables.
    static let partials: Set<String> = [
        "coverage-table", "maturity-table", "distribution-table", "below-target-table",
        "plan-table", "head-extra", "attention-box", "export-table",
        "paper-style",
    ]

}
