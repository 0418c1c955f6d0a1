import Foundation

/// A calendar day (YYYY-MM-DD) without time or zone: document dates, review dates, the as-of date.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y)
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    /// A day after every real date, to sort undated things last.
    public static let distantFuture = Day(year: 9999, month: 12, day: 31)

    private init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The day a moment falls on in the current time zone.
    public init(_ date: Date, calendar: Calendar = .current) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        (year, month, day) = (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

extension Day {
    /// The same day `years` later (29 February becomes 28 February in a year that lacks it).
    /// The number of days since 1970-01-01 (negative before), for distances between days.
    var ordinal: Int {
        // Days from civil (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// How many days lie from this day to `other` (negative when `other` is earlier).
    func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// The day after this one.
    var next: Day {
        if day < Day.daysIn(month: month, year: year) { return Day(year: year, month: month, day: day + 1) }
        return month < 12 ? Day(year: year, month: month + 1, day: 1) : Day(year: year + 1, month: 1, day: 1)
    }

    public func adding(years: Int) -> Day {
        let target = year + years
        let lastDay = Day.daysIn(month: month, year: target)
        return Day(String(format: "%04d-%02d-%02d", target, month, min(day, lastDay))) ?? self
    }
}
