import Foundation
import Testing
@testable import KoffiepotRules

@Suite struct PresenceMomentTests {
    func failures(_ result: Result<ValidPresenceMoment, FieldErrors>) -> [String: String] {
        if case .failure(let errors) = result { return errors.fields }
        return [:]
    }

    @Test func aWeeklyRuleIsValidAndItsRoomIsCleanedLikeParentsText() throws {
        let valid = try PresenceValidation.validateWeekly(
            .init(weekday: "2", start: "08:30", end: "10:00", room: " ouder  kamer ", mode: "walk_in"), existing: []
        ).get()
        #expect(
            valid == .init(weekday: 2, date: nil, startMinute: 510, endMinute: 600, room: "ouder kamer", mode: .walkIn))
    }

    @Test func aWeeklyRuleOverlappingTheAdvisorsOtherRuleIsRefused() {
        let other = WeeklyRule(
            id: UUID(), advisorID: UUID(), weekday: 2, startMinute: 540, endMinute: 660, room: "", mode: .walkIn)
        let input = PresenceMomentInput(weekday: "2", start: "10:00", end: "12:00", room: "", mode: "appointment")
        #expect(
            failures(PresenceValidation.validateWeekly(input, existing: [other])) == ["start": "error.rule_overlap"])
    }

    @Test func aMalformedWeeklyRuleNamesItsFields() {
        let input = PresenceMomentInput(weekday: "8", start: "9 uur", end: "10:00", room: "a\u{0}b", mode: "x")
        #expect(
            failures(PresenceValidation.validateWeekly(input, existing: [])) == [
                "weekday": "error.required", "mode": "error.required", "room": "error.bad_text",
                "start": "error.time_format",
            ])
    }

    @Test func anExtraMomentIsTodayOrLater() throws {
        let today = LocalDate("2026-11-24")!
        let input = { (date: String) in
            PresenceMomentInput(date: date, start: "13:00", end: "14:00", room: "", mode: "walk_in")
        }
        #expect(try PresenceValidation.validateExtra(input("2026-11-24"), today: today).get().date == today)
        #expect(
            failures(PresenceValidation.validateExtra(input("2026-11-23"), today: today)) == ["date": "error.date_past"]
        )
        #expect(
            failures(PresenceValidation.validateExtra(input("morgen"), today: today)) == ["date": "error.date_format"])
    }
}
