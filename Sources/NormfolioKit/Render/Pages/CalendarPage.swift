/// The IBP year calendar (`kalender.html`): what falls due in the twelve months from the
/// reference date, by month, each linked to its page; the whole calendar is `export/kalender.ics`.
struct CalendarPage: PageKind {
    struct View: TemplateView {
        var months: [Month]
        var hasEvents: Bool
        var ics: String
    }

    struct Month: TemplateView {
        var title: String
        var id: String
        var events: [EventView]
    }

    struct EventView: TemplateView {
        var date: String
        var dateISO: String
        var summary: String
        var href: String
    }

    let template = "calendar"
    let menuPosition: Int? = 65

    func pages(in edition: Edition) -> [PageRoute] { edition.has(.calendar) ? [PageRoute(path: Routes.calendar)] : [] }

    func title(of page: PageRoute, in edition: Edition) -> String { edition.text("calendar") }

    func view(of page: PageRoute, in context: RenderContext) -> View {
        let edition = context.edition
        var months: [Month] = []
        for event in IBPCalendar(edition: edition).events where edition.portfolio.reference.isInComingYear(event.day) {
            let id = String(event.day.description.prefix(7))
            if months.last?.id != id {
                let name = edition.strings.months[event.day.month - 1]
                months.append(Month(title: "\(name.uppercasedFirst) \(event.day.year)", id: id, events: []))
            }
            months[months.count - 1].events.append(
                EventView(
                    date: edition.format(event.day), dateISO: event.day.description,
                    summary: event.summary, href: event.page))
        }
        return View(months: months, hasEvents: !months.isEmpty, ics: Routes.calendarICS)
    }
}
