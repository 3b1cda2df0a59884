import Foundation

/// A calendar day in Europe/Amsterdam. Recurring rules live in local time; instants are computed
/// from a day and minutes-after-midnight so they stay right across daylight-saving changes.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public static let timeZone = TimeZone(identifier: "Europe/Amsterdam")!
    package static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        return calendar
    }()

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including impossible days like 2026-02-30.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        let candidate = LocalDate(year: y, month: m, day: d)
        guard let noon = candidate.instant(minute: 12 * 60), LocalDate(containing: noon) == candidate else {
            return nil
        }
        self = candidate
    }

    /// The local day that contains `instant`.
    public init(containing instant: Date) {
        let c = Self.calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// ISO weekday, 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let sundayFirst = Self.calendar.component(.weekday, from: instant(minute: 12 * 60)!)
        return sundayFirst == 1 ? 7 : sundayFirst - 1
    }

    public func adding(days: Int) -> LocalDate {
        LocalDate(containing: Self.calendar.date(byAdding: .day, value: days, to: instant(minute: 12 * 60)!)!)
    }

    /// The Monday of this date's week.
    public var startOfWeek: LocalDate { adding(days: 1 - weekday) }

    public func days(until other: LocalDate) -> Int {
        Self.calendar.dateComponents([.day], from: instant(minute: 12 * 60)!, to: other.instant(minute: 12 * 60)!).day!
    }

    /// The instant at `minute` after local midnight, or nil when that wall-clock time does not exist
    /// (the hour skipped when summer time starts).
    public func instant(minute: Int) -> Date? {
        let components = DateComponents(year: year, month: month, day: day, hour: minute / 60, minute: minute % 60)
        guard let date = Self.calendar.date(from: components) else { return nil }
        let back = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard back.year == year, back.month == month, back.day == day,
            back.hour == minute / 60, back.minute == minute % 60
        else { return nil }
        return date
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// `HH:MM` ⇄ minutes after midnight.
package enum ClockTime {
    package static func parse(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0..<24).contains(h), (0..<60).contains(m), parts[1].count == 2
        else { return nil }
        return h * 60 + m
    }

    package static func format(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
}

/// ISO 8601 with the local offset, e.g. `2026-03-30T09:00:00+02:00`.
package enum LocalTimestamp {
    /// An instant from an ISO 8601 timestamp with its offset, or from a wall-clock time in Amsterdam
    /// ("2027-02-10T09:00"); nil for anything else or a time the clocks skip.
    package static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: trimmed) { return date }
        let parts = trimmed.split(separator: "T", maxSplits: 1).map(String.init)
        guard parts.count == 2, let day = LocalDate(parts[0]), let minute = ClockTime.parse(String(parts[1].prefix(5))),
            parts[1].count == 5 || (parts[1].count == 8 && parts[1].hasSuffix(":00"))
        else { return nil }
        return day.instant(minute: minute)
    }

    package static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = LocalDate.timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
