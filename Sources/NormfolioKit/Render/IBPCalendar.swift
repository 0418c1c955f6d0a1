import Foundation

/// The IBP year calendar: every date the portfolio commits to, as this edition may show it. Review
/// dates of documents and registers, assessments' next reviews, actions' due dates, and the
/// registers' agreement, certificate, DPIA and follow-up dates. Written as `export/kalender.ics`
/// (RFC 5545) and listed on the calendar page.
struct IBPCalendar {
    struct Event: Sendable {
        var day: Day
        /// What falls due, in the edition's language ("Herzien: Informatiebeveiligingsbeleid").
        var summary: String
        /// The page it concerns, from the site's root.
        var page: String
        /// Stable across builds: what the date belongs to and which date it is.
        var uid: String
    }

    let edition: Edition

    /// Every event, by day, then by what it is.
    var events: [Event] {
        var events: [Event] = []
        let portfolio = edition.portfolio
        func add(_ day: Day?, _ key: String, _ name: String, _ page: String, _ uid: String) {
            guard let day else { return }
            events.append(Event(day: day, summary: edition.strings.format(key, ["name": name]), page: page, uid: uid + "@normfolio"))
        }
        for index in edition.publishedDocuments {
            let document = portfolio.documents[index]
            add(document.reviewBy, "calendar_review", document.title, Routes.document(document.slug), "review.document.\(document.slug)")
        }
        for norm in edition.catalog.norms {
            guard edition.readableAssessments.contains(norm.id), let assessment = edition.assessments[norm.id] else { continue }
            let name = "\(norm.id) \(edition.normTitle(norm))"
            add(assessment.nextReview, "calendar_assessment", name, Routes.norm(norm.id), "review.norm.\(norm.id)")
            for (number, action) in assessment.actions.enumerated() {
                add(action.due, "calendar_action", action.title, Routes.norm(norm.id), "action.norm.\(norm.id).\(number + 1)")
            }
        }
        for r in edition.publishedRegisters {
            let register = portfolio.registers[r]
            let kind = register.kind.rawValue
            add(register.reviewBy, "calendar_review", edition.registerTitle(register), Routes.register(register.kind), "review.register.\(kind)")
            for e in edition.publishedEntries[r] {
                let entry = register.entries[e]
                let name = entry.name(in: register.kind), page = Routes.registerEntry(register.kind, entry.id)
                for (field, key) in Self.registerDates[register.kind] ?? [] {
                    add(entry.date(field), key, name, page, "\(field).\(kind).\(entry.id)")
                }
                if case .actions(let actions)? = entry.values["maatregelen"] {
                    for (number, action) in actions.enumerated() {
                        add(action.due, "calendar_action", action.title, page, "action.\(kind).\(entry.id).\(number + 1)")
                    }
                }
            }
        }
        return events.sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }
    }

    /// The dates of register entries that go into the calendar, with the text that says what they are.
    static let registerDates: [RegisterKind: [(field: String, key: String)]] = [
        .verwerkingen: [("herzien_voor", "calendar_review")],
        .verwerkers: [
            ("overeenkomst_tot", "calendar_agreement_ends"), ("certificering_tot", "calendar_certificate_ends"),
            ("herzien_voor", "calendar_review"),
        ],
        .dpia: [("herbeoordeling_op", "calendar_dpia")],
        .bevindingen: [("actie_uiterlijk", "calendar_finding"), ("hertest_op", "calendar_retest")],
    ]

    // MARK: iCalendar

    /// The calendar as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets,
    /// text escaped, all-day events with stable UIDs, stamped with the reference date so that the
    /// same input gives the same bytes.
    func ics() -> Data {
        let stamp = Self.compact(edition.portfolio.asOf) + "T000000Z"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//normfolio//IBP-kalender//NL", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escaped(edition.text("calendar") + " " + edition.portfolio.settings.organisation),
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + Self.escaped(event.uid), "DTSTAMP:" + stamp,
                "DTSTART;VALUE=DATE:" + Self.compact(event.day), "DTEND;VALUE=DATE:" + Self.compact(event.day.next),
                "SUMMARY:" + Self.escaped(event.summary),
                "DESCRIPTION:" + Self.escaped(edition.strings.format("calendar_page", ["page": event.page])),
                "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        var output: [UInt8] = []
        output.reserveCapacity(lines.count * 48)
        for line in lines { Self.fold(line, into: &output) }
        return Data(output)
    }

    static func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// TEXT as RFC 5545 writes it: backslash, semicolon, comma and line breaks escaped; other
    /// control characters, which a content line may not hold, left out.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") })
        else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): out += [UInt8(ascii: "\\"), byte]
            case 0x0A where previous == 0x0D: continue
            case 0x0A, 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case _ where byte < 0x20 || byte == 0x7F: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One content line, folded so that no line is longer than 75 octets (never inside a UTF-8
    /// sequence: a fold goes before a continuation byte's lead), each ending in CRLF.
    static func fold(_ line: String, into output: inout [UInt8]) {
        var length = 0
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            // The next character's bytes: a lead byte and its continuation bytes (10xxxxxx).
            var end = bytes.startIndex + 1
            while end < bytes.endIndex, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let size = end - bytes.startIndex
            if length + size > 75 {
                output += [0x0D, 0x0A, 0x20]
                length = 1
            }
            output += bytes[bytes.startIndex..<end]
            length += size
            bytes = bytes[end...]
        }
        output += [0x0D, 0x0A]
    }
}
