import Foundation

/// What parents are told about waiting: an answer within a number of working days (Monday–Friday, not on Dutch
/// public holidays), by the end of the working day. The desk shows the same deadline, so "overdue" means the promise was broken.
package enum ResponsePromise {
    package static let workingDays = 2
    package static let endOfWorkingDay = 17 * 60

    /// The deadline for a question asked at `asked`: the end of the `workingDays`-th working day after that day.
    package static func due(askedAt asked: Date, workingDays: Int = workingDays) -> Date {
        var day = LocalDate(containing: asked)
        var counted = 0
        while counted < workingDays {
            day = day.adding(days: 1)
            if isWorkingDay(day) { counted += 1 }
        }
        return day.instant(minute: endOfWorkingDay) ?? asked.addingTimeInterval(Double(workingDays) * 86400)
    }

    package static func isWorkingDay(_ day: LocalDate) -> Bool {
        day.weekday <= 5 && !publicHolidays(day.year).contains(day)
    }

    /// New Year's Day, Easter Monday, King's Day (26 April when the 27th is a Sunday), Liberation Day,
    /// Ascension Day, Whit Monday and both Christmas days.
    package static func publicHolidays(_ year: Int) -> Set<LocalDate> {
        let easter = easterSunday(year)
        let kingsDay = LocalDate(year: year, month: 4, day: 27)
        return [
            LocalDate(year: year, month: 1, day: 1), easter.adding(days: 1),
            kingsDay.weekday == 7 ? kingsDay.adding(days: -1) : kingsDay,
            LocalDate(year: year, month: 5, day: 5), easter.adding(days: 39), easter.adding(days: 50),
            LocalDate(year: year, month: 12, day: 25), LocalDate(year: year, month: 12, day: 26),
        ]
    }

    /// Easter Sunday (the anonymous Gregorian computus).
    package static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7,
            m = (a + 11 * h + 22 * l) / 451
        return LocalDate(year: year, month: (h + l - 7 * m + 114) / 31, day: (h + l - 7 * m + 114) % 31 + 1)
    }

    /// Whole hours between asking and the first answer (the number the dashboard shows).
    package static func responseHours(asked: Date, answered: Date) -> Int {
        max(0, Int(answered.timeIntervalSince(asked) / 3600))
    }
}
