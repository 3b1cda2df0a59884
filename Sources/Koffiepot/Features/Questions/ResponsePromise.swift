import Foundation

/// What parents are told about waiting: an answer within a number of working days (Monday–Friday), by the end
/// of the working day. The desk shows the same deadline, so "overdue" means the promise was broken.
enum ResponsePromise {
    static let workingDays = 2
    static let endOfWorkingDay = 17 * 60

    /// The deadline for a question asked at `asked`: the end of the `workingDays`-th working day after that day.
    static func due(askedAt asked: Date, workingDays: Int = workingDays) -> Date {
        var day = LocalDate(containing: asked)
        var counted = 0
        while counted < workingDays {
            day = day.adding(days: 1)
            if day.weekday <= 5 { counted += 1 }
        }
        return day.instant(minute: endOfWorkingDay) ?? asked.addingTimeInterval(Double(workingDays) * 86400)
    }

    /// Whole hours between asking and the first answer (the number the dashboard shows).
    static func responseHours(asked: Date, answered: Date) -> Int {
        max(0, Int(answered.timeIntervalSince(asked) / 3600))
    }
}
