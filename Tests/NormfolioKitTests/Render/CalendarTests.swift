import Foundation
import TestSupport
import Testing

@testable import NormfolioKit

/// The IBP year calendar: RFC 5545's line rules, a real iCalendar parser, stable UIDs, and only
/// what the edition may show.
@Suite struct CalendarTests {
    func site(_ audience: Audience) throws -> Site {
        try #require(Normfolio.render(BuildOptions(portfolio: siteFixture, audience: audience), today: fixedToday).site)
    }

    @Test func theCalendarKeepsRFC5545sLineRules() throws {
        let data = try #require(try site(.auditor).files.first { $0.path == "export/kalender.ics" }?.bytes(io: .live))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        // Every line ends in CRLF, and none is longer than 75 octets.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        // Unfolded, each event has what a calendar needs, once.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        let events = unfolded.filter { $0 == "BEGIN:VEVENT" }.count
        #expect(events > 5)
        for property in ["UID:", "DTSTAMP:20261201T000000Z", "DTSTART;VALUE=DATE:", "DTEND;VALUE=DATE:", "SUMMARY:"] {
            #expect(unfolded.filter { $0.hasPrefix(property) }.count == events, "\(property)")
        }
        let uids = unfolded.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count)
        #expect(
            unfolded.contains("SUMMARY:Herzien: Informatiebeveiligingsbeleid") && unfolded.contains("UID:review.document.beleid-ib-beleid@normfolio"))
        #expect(unfolded.contains("SUMMARY:Verwerkersovereenkomst loopt af: Camerabouw Oost BV"))
    }

    @Test func theCalendarHoldsOnlyWhatTheEditionShows() throws {
        let intranetSite = try renderSiteFixture(.intranet, intranet: "[kalender, beoordelingen, registers]")
        let intranet = page(intranetSite, "export/kalender.ics")
        let auditor = page(try site(.auditor), "export/kalender.ics")
        // The pentest report and the camera supplier are above intern.
        for withheld in ["Pentest", "Camerabouw", "geheim-pentest", "DPIA camerabewaking"] {
            #expect(!intranet.contains(withheld), "\(withheld)")
            #expect(auditor.replacingOccurrences(of: "\r\n ", with: "").contains(withheld), "\(withheld)")
        }
        let calendarPage = page(intranetSite, "kalender.html")
        #expect(calendarPage.contains("<a href=\"export/kalender.ics\" download>"))
        #expect(!calendarPage.contains("Camerabouw"))
    }

    /// Parsed by Python's icalendar (installed by `make test`), as a calendar program would.
    @Test(.needs("python3 with icalendar (pip install icalendar)", probe: ["python3", "-c", "import icalendar"]))
    func aRealParserReadsEveryEvent() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("kalender.ics")
        try Data(page(try site(.auditor), "export/kalender.ics").utf8).write(to: file)
        let script = """
            import icalendar, sys
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            events = cal.walk('VEVENT')
            assert all(e.get('UID') and e.get('DTSTART') and e.get('SUMMARY') for e in events)
            print(len(events), str(events[0]['DTSTART'].dt))
            """
        let (status, output) = try runTool(["python3", "-c", script, file.path])
        #expect(status == 0)
        let printed = String(decoding: output, as: UTF8.self)
        let expected = page(try site(.auditor), "export/kalender.ics").components(separatedBy: "BEGIN:VEVENT").count - 1
        #expect(printed.hasPrefix("\(expected) "))
    }
}
