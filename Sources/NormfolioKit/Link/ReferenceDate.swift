/// The reference date (peildatum) and every question a build asks of a date against it. The link
/// stage holds the only comparisons of dates with the reference date: what is stale, overdue,
/// ending soon, upcoming or in this year is decided here, and the render stage asks.
public struct ReferenceDate: Sendable, Hashable {
    public let day: Day

    /// How far ahead "ending soon" looks: agreements and risk acceptances within this many days.
    public static let soonDays = 90

    public init(_ day: Day) { self.day = day }

    /// Whether a date by which something had to happen has passed: it lies before the reference date.
    public func hasPassed(_ date: Day?) -> Bool { date.map { $0 < day } ?? false }

    /// Whether a date lies after the reference date: planned, not yet due.
    public func isAhead(_ date: Day) -> Bool { day < date }

    /// Whether a date falls from the reference date up to `soonDays` days after it.
    public func isSoon(_ date: Day) -> Bool {
        let days = day.days(until: date)
        return days >= 0 && days <= Self.soonDays
    }

    /// Whether a date lies in the calendar year of the reference date.
    public func isInYear(_ date: Day) -> Bool { date.year == day.year }

    /// Whether a date falls in the twelve months from the reference date on.
    public func isInComingYear(_ date: Day) -> Bool { !(date < day) && date < day.adding(years: 1) }

    /// Whether an action is overdue: not done, and its due date has passed.
    func isOverdue(_ action: Action) -> Bool { action.status != .gereed && hasPassed(action.due) }
}
