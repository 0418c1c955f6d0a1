import Foundation
import Yams

extension Catalog {
    /// The catalogue that ships inside normfolio.
    public static func builtIn() -> Catalog { builtInCatalog }

    /// Read once: every check, build and preview rebuild starts from it.
    private static let builtInCatalog: Catalog = {
        var diagnostics: [Diagnostic] = []
        var catalog = Catalog(version: "", siteURL: "", parts: [], domains: [], norms: [], levels: [])
        let text = Theme.builtInText("Sources/NormfolioKit/Catalog/normenkader.yml") ?? ""
        catalog.apply(yaml: text, path: "<built-in catalogue>", diagnostics: &diagnostics)
        assert(diagnostics.isEmpty, "built-in catalogue has problems: \(diagnostics.map(\.formatted))")
        return catalog
    }()

    /// Reads a catalogue file (the built-in one or a portfolio's overlay) into this catalogue:
    /// new parts, domains and norms are added, existing ones get the fields the file gives.
    mutating func apply(yaml text: String, path: String, diagnostics: inout [Diagnostic]) {
        guard var file = YAMLFields.parse(text, path: path, lineOffset: 0, diagnostics: &diagnostics) else { return }
        defer { diagnostics += file.diagnostics }
        file.warnUnknownKeys(["version", "site", "parts", "levels", "domains", "norms"])
        if let version = file.string("version") { self.version = version }
        if let site = file.webURL("site") { self.siteURL = site }

        for node in file.list("parts") ?? [] {
            guard var fields = YAMLFields(node: node, parent: file, diagnostics: &diagnostics) else { continue }
            defer { diagnostics += fields.diagnostics }
            fields.warnUnknownKeys(["id", "title", "title_en", "norm_count", "url"])
            guard let id = fields.requiredString("id") else { continue }
            var part = parts.first { $0.id == id } ?? Part(id: id, title: id)
            part.title = fields.string("title") ?? part.title
            part.titleEN = fields.string("title_en") ?? part.titleEN
            part.officialNormCount = fields.integer("norm_count", in: 0...999) ?? part.officialNormCount
            part.url = fields.webURL("url") ?? part.url
            if let index = parts.firstIndex(where: { $0.id == id }) { parts[index] = part } else { parts.append(part) }
        }

        for node in file.list("levels") ?? [] {
            guard var fields = YAMLFields(node: node, parent: file, diagnostics: &diagnostics) else { continue }
            defer { diagnostics += fields.diagnostics }
            fields.warnUnknownKeys(["level", "title", "title_en", "description"])
            guard let number = fields.integer("level", in: 1...5, code: "level-out-of-range") else {
                if !fields.has("level") { fields.report(.missingField("level", at: fields.location)) }
                continue
            }
            var level = self.level(number) ?? Level(level: number, title: "", description: "")
            level.title = fields.string("title") ?? level.title
            level.titleEN = fields.string("title_en") ?? level.titleEN
            level.description = fields.string("description") ?? level.description
            levels.removeAll { $0.level == number }
            levels.append(level)
        }

        var seenDomains = Set<String>()
        for node in file.list("domains") ?? [] {
            guard var fields = YAMLFields(node: node, parent: file, diagnostics: &diagnostics) else { continue }
            defer { diagnostics += fields.diagnostics }
            fields.warnUnknownKeys(["code", "part", "number", "title", "title_en", "url"])
            guard let code = fields.requiredString("code") else { continue }
            guard seenDomains.insert(code).inserted else {
                fields.report(.duplicateEntry("domain", code, at: fields.location(ofValue: "code")))
                continue
            }
            let existing = domains.firstIndex { $0.code == code }
            var domain = existing.map { domains[$0] } ?? Domain(code: code, part: "", number: 0, title: "")
            if let part = fields.string("part") {
                if self.part(part) == nil {
                    fields.report(
                        .unknownValue(
                            "part", part, allowed: parts.map(\.id),
                            suggestion: Suggestion.closest(to: part, in: parts.map(\.id)),
                            severity: .error, code: "invalid-value", at: fields.location(ofValue: "part")))
                } else {
                    domain.part = part
                }
            } else if existing == nil {
                fields.report(.missingField("part", at: fields.location))
            }
            domain.number = fields.integer("number", in: 0...99) ?? domain.number
            domain.title = fields.string("title") ?? domain.title
            if domain.title.isEmpty { fields.report(.missingField("title", at: fields.location)) }
            domain.titleEN = fields.string("title_en") ?? domain.titleEN
            domain.url = fields.webURL("url") ?? domain.url
            if let existing { domains[existing] = domain } else { domains.append(domain) }
        }
        reindex()

        var seenNorms = Set<String>()
        for node in file.list("norms") ?? [] {
            guard var fields = YAMLFields(node: node, parent: file, diagnostics: &diagnostics) else { continue }
            defer { diagnostics += fields.diagnostics }
            fields.warnUnknownKeys(["id", "title", "title_en", "verified", "description", "url"])
            guard let id = fields.requiredString("id") else { continue }
            let idLocation = fields.location(ofValue: "id")
            guard Catalog.isNormIDShaped(Substring(id)), id == id.uppercased() else {
                fields.report(.invalidNormID(id, at: idLocation))
                continue
            }
            guard seenNorms.insert(id).inserted else {
                fields.report(.duplicateEntry("norm", id, at: idLocation))
                continue
            }
            let existing = norms.firstIndex { $0.id == id }
            var norm = existing.map { norms[$0] } ?? Norm(id: id, title: "", titleVerified: false, description: "")
            if domain(norm.domain) == nil {
                fields.report(
                    .unknownDomain(
                        norm.domain, suggestion: Suggestion.closest(to: norm.domain, in: domains.map(\.code)),
                        at: idLocation))
                continue
            }
            norm.title = fields.string("title") ?? norm.title
            if norm.title.isEmpty { fields.report(.missingField("title", at: fields.location)) }
            norm.titleEN = fields.string("title_en") ?? norm.titleEN
            norm.titleVerified = fields.bool("verified") ?? norm.titleVerified
            norm.description = fields.string("description") ?? norm.description
            norm.url = fields.webURL("url") ?? norm.url
            if let existing { norms[existing] = norm } else { norms.append(norm) }
        }
        reindex()
    }
}

extension YAMLFields {
    /// A web address: only http and https links are published.
    mutating func webURL(_ key: String) -> String? {
        guard let url = string(key) else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            report(
                Diagnostic(
                    .error, "invalid-value", en: "'\(key)' must be a web address starting with https://",
                    nl: "'\(key)' moet een webadres zijn dat begint met https://", at: location(ofValue: key)))
            return nil
        }
        return url
    }
}
