/// One item of the board's agenda ("Te besluiten"): what awaits a decision, linked to its page.
struct AgendaItem: TemplateView {
    /// What kind of decision ("Vaststellen", "Verwerkersovereenkomst").
    var category: String
    var text: String
    var href: String
    /// Whether its date has passed.
    var overdue: Bool
}

extension Edition {
    /// What awaits the board's decision in this edition: policies to adopt, adoptions an edit
    /// broke, risk acceptances that ran out or soon will, actions the board owns, and the
    /// registers' lapses (agreements, overdue findings, DPIAs). Links are made for a page at `page`.
    func agenda(on page: String) -> [AgendaItem] {
        var items: [AgendaItem] = []
        let reference = portfolio.reference
        func link(_ path: String) -> String { Routes.link(to: path, from: page) }
        for index in documentsByTitle {
            let document = portfolio.documents[index]
            let href = link(Routes.document(document.slug))
            if document.awaitsAdoption {
                items.append(AgendaItem(category: text("agenda_adopt"), text: document.title, href: href, overdue: false))
            }
            if let approval = document.approval(.approved), !approval.isCurrent {
                items.append(
                    AgendaItem(
                        category: text("agenda_adopt_again"),
                        text: strings.format(
                            "agenda_adopt_again_text",
                            [
                                "name": document.title,
                                "date": approval.on.map(format) ?? "",
                            ]),
                        href: href, overdue: false))
            }
            if document.type == DocumentTypes.riskAcceptance, let end = document.reviewBy,
                reference.hasPassed(end) || reference.isSoon(end)
            {
                let key = reference.hasPassed(end) ? "agenda_risk_expired" : "agenda_risk_ends"
                items.append(
                    AgendaItem(
                        category: text("agenda_risk"), text: strings.format(key, ["name": document.title, "date": format(end)]),
                        href: href, overdue: reference.hasPassed(end)))
            }
        }
        var actions: [(action: Action, norm: String?, path: String)] = []
        for norm in catalog.norms {
            for action in assessments[norm.id]?.actions ?? [] { actions.append((action, norm.id, Routes.norm(norm.id) + "#beoordeling")) }
        }
        for item in registerActions { actions.append((item.action, item.norm, Routes.registerEntry(item.kind, item.entry.id))) }
        for (action, norm, path) in actions where action.status != .gereed && portfolio.settings.isBoard(action.owner) {
            let values = ["name": action.title, "norm": norm ?? "", "date": action.due.map(format) ?? ""]
            let key = action.due == nil ? "agenda_action_text_undated" : norm == nil ? "agenda_action_text_plain" : "agenda_action_text"
            items.append(
                AgendaItem(
                    category: text("agenda_action"), text: strings.format(key, values), href: link(path),
                    overdue: action.isOverdue))
        }
        let registerKinds: [(Finding.Kind, String)] = [
            (.agreementExpired, "agenda_agreement"), (.noAgreement, "agenda_agreement"),
            (.findingOverdue, "agenda_finding"), (.dpiaMissing, "agenda_dpia"),
            (.dpiaOverdue, "agenda_dpia"),
        ]
        for (kind, category) in registerKinds {
            for finding in findings where finding.kind == kind {
                items.append(
                    AgendaItem(
                        category: text(category), text: subjectName(finding.subject) + ": " + attentionText(finding),
                        href: link(subjectPath(finding.subject)), overdue: kind != .noAgreement && kind != .dpiaMissing))
            }
        }
        return items
    }
}
