/// A finding as a page shows it: a short label (the badge) and a sentence in plain words.
struct AttentionView: TemplateView {
    var label: String
    var text: String
    /// The finding's kind, for a CSS class (`attention-<kind>`).
    var kind: String
}

/// A finding in the Aandachtspunten list: what it concerns, linked, and what is the matter.
struct AttentionItem: TemplateView {
    var subject: String
    var href: String
    var label: String
    var text: String
}

extension Edition {
    /// The findings this edition shows about a thing, as its page shows them.
    func attention(about subject: Finding.Subject) -> [AttentionView] {
        findings(about: subject).map(attentionView)
    }

    func attentionView(_ finding: Finding) -> AttentionView {
        AttentionView(label: attentionLabel(finding), text: attentionText(finding), kind: finding.kind.rawValue)
    }

    /// The finding as an item of the Aandachtspunten list, linked from a page at `page`.
    func attentionItem(_ finding: Finding, on page: String) -> AttentionItem {
        AttentionItem(
            subject: subjectName(finding.subject), href: Routes.link(to: subjectPath(finding.subject), from: page),
            label: attentionLabel(finding), text: attentionText(finding))
    }

    /// The finding's short label, for badges and group headings ("herziening verlopen").
    func attentionLabel(_ finding: Finding) -> String {
        if finding.kind == .approvalChanged, let kind = finding.name { return text("attention_approval_changed_" + kind) }
        return text("attention_" + finding.kind.key)
    }

    /// The finding in a sentence, without the name of what it concerns.
    func attentionText(_ finding: Finding) -> String {
        var key = "attention_\(finding.kind.key)_text"
        if finding.kind == .placeholder, finding.name != nil {
            key = "attention_placeholder_field_text"
        } else if finding.kind == .placeholder, finding.subject.isEntry {
            key = "attention_placeholder_entry_text"
        } else if finding.kind == .approvalChanged, let kind = finding.name {
            key = "attention_approval_changed_\(kind)_text"
        }
        var values = ["name": finding.name ?? "", "date": finding.date.map(format) ?? ""]
        if let number = finding.number { values["number"] = String(number) }
        return strings.format(key, values)
    }

    /// The name of what a finding concerns, as the Aandachtspunten list shows it.
    func subjectName(_ subject: Finding.Subject) -> String {
        switch subject {
        case .document(let i): return portfolio.documents[i].title
        case .assessment(let id): return catalog.norm(id).map { "\($0.id) \(normTitle($0))" } ?? id
        case .register(let r): return registerTitle(portfolio.registers[r])
        case .entry(let r, let e):
            let register = portfolio.registers[r]
            return register.entries[e].name(in: register.kind)
        }
    }

    /// The page of what a finding concerns, from the site's root.
    func subjectPath(_ subject: Finding.Subject) -> String {
        switch subject {
        case .document(let i): Routes.document(portfolio.documents[i].slug)
        case .assessment(let id): Routes.norm(id) + "#beoordeling"
        case .register(let r): Routes.register(portfolio.registers[r].kind)
        case .entry(let r, let e): Routes.registerEntry(portfolio.registers[r].kind, portfolio.registers[r].entries[e].id)
        }
    }
}

extension Finding.Subject {
    var isDocument: Bool {
        if case .document = self { return true }
        return false
    }

    var isEntry: Bool {
        if case .entry = self { return true }
        return false
    }
}
