import Foundation
import Testing
@testable import KoffiepotRules

@Suite struct PresenceCalendarTests {
    let advisor = UUID()
    let tuesdayRule = UUID()

    func rule(weekday: Int = 2, start: String = "09:00", end: String = "10:00", id: UUID? = nil) -> WeeklyRule {
        WeeklyRule(
            id: id ?? tuesdayRule, advisorID: advisor, weekday: weekday, startMinute: ClockTime.parse(start)!,
            endMinute: ClockTime.parse(end)!, room: "Ouderkamer", mode: .walkIn)
    }

    func utcHour(_ date: Date) -> Int {
        Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date).hour!
    }

    @Test func weeklyRuleFollowsSummerTimeInTheWeekOf29March() {
        // Monday 09:00 local is 08:00 UTC before the change and 07:00 UTC after it.
        let moments = PresenceCalendar.occurrences(
            rules: [rule(weekday: 1)], exceptions: [], holidays: [],
            from: LocalDate("2026-03-23")!, through: LocalDate("2026-04-05")!)
        #expect(moments.map(\.date.description) == ["2026-03-23", "2026-03-30"])
        #expect(moments.map { utcHour($0.start) } == [8, 7])
        #expect(moments.allSatisfy { $0.end.timeIntervalSince($0.start) == 3600 })
    }

    @Test func weeklyRuleFollowsWinterTimeInTheWeekOf25October() {
        let moments = PresenceCalendar.occurrences(
            rules: [rule(weekday: 1)], exceptions: [], holidays: [],
            from: LocalDate("2026-10-19")!, through: LocalDate("2026-11-01")!)
        #expect(moments.map { utcHour($0.start) } == [7, 8])
    }

    @Test func sundayMomentAcrossTheChangeKeepsWallClockTimes() {
        // 01:00–04:00 on 29 March lasts two real hours because 02:00–03:00 does not exist.
        let moments = PresenceCalendar.occurrences(
            rules: [rule(weekday: 7, start: "01:00", end: "04:00")], exceptions: [],
            holidays: [], from: LocalDate("2026-03-29")!, through: LocalDate("2026-03-29")!)
        #expect(moments.count == 1)
        #expect(moments[0].end.timeIntervalSince(moments[0].start) == 2 * 3600)
    }

    @Test func cancelledDayIsMarkedAndOtherWeeksStay() {
        let cancel = DatedException(
            advisorID: advisor, ruleID: tuesdayRule, date: LocalDate("2026-12-01")!, kind: .cancelled,
            startMinute: 540, endMinute: 600, room: "", mode: .walkIn)
        let moments = PresenceCalendar.occurrences(
            rules: [rule()], exceptions: [cancel], holidays: [],
            from: LocalDate("2026-11-23")!, through: LocalDate("2026-12-06")!)
        #expect(moments.map(\.status) == [.regular, .cancelled])
    }

    @Test func holidaysDropWeeklyMomentsButKeepExtras() {
        let holiday = HolidayPeriod(
            name: "Kerstvakantie", first: LocalDate("2026-12-19")!, last: LocalDate("2027-01-03")!)
        let extra = DatedException(
            advisorID: advisor, ruleID: nil, date: LocalDate("2026-12-23")!, kind: .extra,
            startMinute: 600, endMinute: 660, room: "Bieb", mode: .appointment)
        let moments = PresenceCalendar.occurrences(
            rules: [rule()], exceptions: [extra], holidays: [holiday],
            from: LocalDate("2026-12-14")!, through: LocalDate("2027-01-10")!)
        #expect(moments.map(\.date.description) == ["2026-12-15", "2026-12-23", "2027-01-05"])
        #expect(moments[1].status == .extra)
    }

    @Test func validationRefusesEndBeforeStartOverlapAndMissingTimes() {
        #expect(
            PresenceValidation.check(.init(weekday: 2, startMinute: 600, endMinute: 540), existing: [])["end"]
                == "error.end_before_start")
        #expect(
            PresenceValidation.check(.init(weekday: 2, startMinute: 570, endMinute: 630), existing: [rule()])["start"]
                == "error.rule_overlap")
        #expect(
            PresenceValidation.check(.init(weekday: 3, startMinute: 570, endMinute: 630), existing: [rule()]).isEmpty)
        #expect(
            PresenceValidation.check(
                .init(date: LocalDate("2026-03-29")!, startMinute: 150, endMinute: 240), existing: [])["start"]
                == "error.time_missing_dst")
        #expect(
            PresenceValidation.check(
                .init(date: LocalDate("2026-03-30")!, startMinute: 150, endMinute: 240), existing: []
            ).isEmpty)
        #expect(
            PresenceValidation.check(.init(weekday: 7, startMinute: 150, endMinute: 240), existing: [])["start"]
                == "error.time_missing_dst")
        #expect(
            PresenceValidation.check(.init(weekday: 2, startMinute: nil, endMinute: 240), existing: [])["start"]
                == "error.time_format")
    }

    @Test func localDatesParseOnlyRealDays() {
        #expect(LocalDate("2026-02-30") == nil)
        #expect(LocalDate("2026-2-3") == nil)
        #expect(LocalDate("yesterday") == nil)
        #expect(LocalDate("2028-02-29")?.weekday == 2)
        #expect(LocalDate("2026-11-29")?.startOfWeek.description == "2026-11-23")
        #expect(ClockTime.parse("24:00") == nil)
        #expect(ClockTime.parse("8:5") == nil)
        #expect(ClockTime.parse("08:05") == 485)
    }
}
