import Foundation

/// One concrete moment an advisor is at a location, expanded from rules and exceptions.
package struct PresenceOccurrence: Equatable, Sendable {
    package enum Status: String, Sendable { case regular, extra, cancelled }

    package var date: LocalDate
    package var advisorID: UUID
    package var ruleID: UUID?
    package var startMinute: Int
    package var endMinute: Int
    package var room: String
    package var mode: PresenceMode
    package var status: Status
    package var start: Date
    package var end: Date

    package init(
        date: LocalDate, advisorID: UUID, ruleID: UUID? = nil, startMinute: Int, endMinute: Int, room: String,
        mode: PresenceMode, status: Status, start: Date, end: Date
    ) {
        self.date = date
        self.advisorID = advisorID
        self.ruleID = ruleID
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.room = room
        self.mode = mode
        self.status = status
        self.start = start
        self.end = end
    }
}

/// The pure inputs of the presence calendar (no database, no clock).
package struct WeeklyRule: Sendable {
    package var id: UUID, advisorID: UUID, weekday: Int, startMinute: Int, endMinute: Int, room: String,
        mode: PresenceMode

    package init(
        id: UUID, advisorID: UUID, weekday: Int, startMinute: Int, endMinute: Int, room: String, mode: PresenceMode
    ) {
        self.id = id
        self.advisorID = advisorID
        self.weekday = weekday
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.room = room
        self.mode = mode
    }
}

package struct DatedException: Sendable {
    package var advisorID: UUID, ruleID: UUID?, date: LocalDate, kind: PresenceExceptionKind
    package var startMinute: Int, endMinute: Int, room: String, mode: PresenceMode

    package init(
        advisorID: UUID, ruleID: UUID? = nil, date: LocalDate, kind: PresenceExceptionKind, startMinute: Int,
        endMinute: Int, room: String, mode: PresenceMode
    ) {
        self.advisorID = advisorID
        self.ruleID = ruleID
        self.date = date
        self.kind = kind
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.room = room
        self.mode = mode
    }
}

package struct HolidayPeriod: Sendable {
    package var name: String, first: LocalDate, last: LocalDate

    package init(name: String, first: LocalDate, last: LocalDate) {
        self.name = name
        self.first = first
        self.last = last
    }
    package func contains(_ date: LocalDate) -> Bool { first <= date && date <= last }
}

/// "Wanneer is wie waar": expands weekly rules over a range of days, drops days in school holidays,
/// marks cancelled occurrences and adds extra moments. Times are local; instants follow DST.
package enum PresenceCalendar {
    package static func occurrences(
        rules: [WeeklyRule], exceptions: [DatedException], holidays: [HolidayPeriod],
        from: LocalDate, through last: LocalDate
    ) -> [PresenceOccurrence] {
        guard from <= last else { return [] }
        let cancelled = Set(
            exceptions.filter { $0.kind == .cancelled }.compactMap { e in e.ruleID.map { "\($0)|\(e.date)" } })
        var result: [PresenceOccurrence] = []
        var day = from
        while day <= last {
            let inHoliday = holidays.contains { $0.contains(day) }
            if !inHoliday {
                for rule in rules where rule.weekday == day.weekday {
                    guard let start = day.instant(minute: rule.startMinute),
                        let end = day.instant(minute: rule.endMinute)
                    else { continue }
                    result.append(
                        PresenceOccurrence(
                            date: day, advisorID: rule.advisorID, ruleID: rule.id, startMinute: rule.startMinute,
                            endMinute: rule.endMinute, room: rule.room, mode: rule.mode,
                            status: cancelled.contains("\(rule.id)|\(day)") ? .cancelled : .regular, start: start,
                            end: end))
                }
            }
            for extra in exceptions where extra.kind == .extra && extra.date == day {
                guard let start = day.instant(minute: extra.startMinute), let end = day.instant(minute: extra.endMinute)
                else { continue }
                result.append(
                    PresenceOccurrence(
                        date: day, advisorID: extra.advisorID, ruleID: nil, startMinute: extra.startMinute,
                        endMinute: extra.endMinute, room: extra.room, mode: extra.mode, status: .extra, start: start,
                        end: end))
            }
            day = day.adding(days: 1)
        }
        return result.sorted { ($0.start, $0.advisorID.uuidString) < ($1.start, $1.advisorID.uuidString) }
    }

    /// Holidays that touch the range, for the "school holiday" notice on the page.
    package static func holidays(_ holidays: [HolidayPeriod], touching from: LocalDate, through last: LocalDate)
        -> [HolidayPeriod]
    {
        holidays.filter { $0.first <= last && from <= $0.last }
    }
}
