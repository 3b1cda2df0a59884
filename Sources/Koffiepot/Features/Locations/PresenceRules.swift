import Foundation

/// One concrete moment an advisor is at a location, expanded from rules and exceptions.
struct PresenceOccurrence: Equatable, Sendable {
    enum Status: String, Sendable { case regular, extra, cancelled }

    var date: LocalDate
    var advisorID: UUID
    var ruleID: UUID?
    var startMinute: Int
    var endMinute: Int
    var room: String
    var mode: PresenceMode
    var status: Status
    var start: Date
    var end: Date
}

/// The pure inputs of the presence calendar (no database, no clock).
struct WeeklyRule: Sendable {
    var id: UUID, advisorID: UUID, weekday: Int, startMinute: Int, endMinute: Int, room: String, mode: PresenceMode
}

struct DatedException: Sendable {
    var advisorID: UUID, ruleID: UUID?, date: LocalDate, kind: PresenceExceptionKind
    var startMinute: Int, endMinute: Int, room: String, mode: PresenceMode
}

struct HolidayPeriod: Sendable {
    var name: String, first: LocalDate, last: LocalDate
    func contains(_ date: LocalDate) -> Bool { first <= date && date <= last }
}

/// "Wanneer is wie waar": expands weekly rules over a range of days, drops days in school holidays,
/// marks cancelled occurrences and adds extra moments. Times are local; instants follow DST.
enum PresenceCalendar {
    static func occurrences(
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
    static func holidays(_ holidays: [HolidayPeriod], touching from: LocalDate, through last: LocalDate)
        -> [HolidayPeriod]
    {
        holidays.filter { $0.first <= last && from <= $0.last }
    }
}
