import Foundation
import Testing
@testable import KoffiepotRules

@Suite struct ConversationRulesTests {
    let today = LocalDate(year: 2026, month: 11, day: 24)

    func plan(_ days: [RoundDay], slot: Int = 10, pause: Int = 0) -> Result<[PlannedSlot], FieldErrors> {
        ConversationRules.plan(days: days, slotMinutes: slot, breakMinutes: pause, today: today)
    }

    @Test func slotsFollowEachOtherAsLongAsAWholeOneFits() throws {
        let slots = try plan([RoundDay(date: "2027-02-09", from: "15:00", to: "17:35")]).get()
        #expect(slots.count == 15)
        #expect(LocalTimestamp.format(slots[0].start) == "2027-02-09T15:00:00+01:00")
        #expect(LocalTimestamp.format(slots[14].end) == "2027-02-09T17:30:00+01:00")
        let withBreaks = try plan([RoundDay(date: "2027-02-09", from: "15:00", to: "16:00")], slot: 10, pause: 5).get()
        #expect(
            withBreaks.map { LocalTimestamp.format($0.start) }.map { String($0.dropFirst(11).prefix(5)) }
                == ["15:00", "15:15", "15:30", "15:45"])
    }

    /// Wall-clock times hold on the days the clocks change: 28 March 2027 (summer time) and 31 October 2027.
    @Test func daylightSavingChangesKeepTheWallClock() throws {
        let spring = try plan([RoundDay(date: "2027-03-28", from: "15:00", to: "15:20")]).get()
        #expect(
            spring.map { LocalTimestamp.format($0.start) } == [
                "2027-03-28T15:00:00+02:00", "2027-03-28T15:10:00+02:00",
            ])
        let autumn = try plan([RoundDay(date: "2027-10-31", from: "15:00", to: "15:20")]).get()
        #expect(
            autumn.map { LocalTimestamp.format($0.start) } == [
                "2027-10-31T15:00:00+01:00", "2027-10-31T15:10:00+01:00",
            ])
        // Before and after the change the same wall-clock times are 23 and 25 hours apart.
        let around = try plan([
            RoundDay(date: "2027-03-27", from: "15:00", to: "15:10"),
            RoundDay(date: "2027-03-28", from: "15:00", to: "15:10"),
        ]).get()
        #expect(around[1].start.timeIntervalSince(around[0].start) == 23 * 3600)
        // The hour that does not exist is said so.
        #expect(
            plan([RoundDay(date: "2027-03-28", from: "02:00", to: "03:30")]).failure?.fields["days.0.from"]
                == "error.time_missing_dst")
    }

    @Test func impossibleRoundsNameTheirField() {
        #expect(
            plan([RoundDay(date: "2027-02-09", from: "17:00", to: "15:00")]).failure?.fields == [
                "days.0.to": "error.end_before_start"
            ])
        #expect(
            plan([RoundDay(date: "2026-11-23", from: "15:00", to: "16:00")]).failure?.fields == [
                "days.0.date": "error.date_past"
            ])
        #expect(
            plan([RoundDay(date: "2027-02-09", from: "15:00", to: "16:00")], slot: 4).failure?.fields["slotMinutes"]
                == "round.error.slot_length")
        #expect(
            plan([RoundDay(date: "2027-02-09", from: "15:00", to: "16:00")], slot: 31).failure?.fields["slotMinutes"]
                == "round.error.slot_length")
        #expect(
            plan([RoundDay(date: "2027-02-09", from: "15:0", to: "16:00")]).failure?.fields == [
                "days.0.from": "error.time_format"
            ])
        #expect(plan([]).failure?.fields == ["days": "round.error.no_days"])
        // 5 days of 8:00–17:00 in 10 minutes: 270 conversations.
        let long = (9...13).map { RoundDay(date: "2027-02-\(String(format: "%02d", $0))", from: "08:00", to: "17:00") }
        #expect(plan(long).failure?.fields == ["days": "round.error.too_many_slots"])
        // Exactly 200 is fine.
        let twoHundred = (1...5).map {
            RoundDay(date: "2027-02-\(String(format: "%02d", 8 + $0))", from: "08:00", to: "14:40")
        }
        #expect((try? plan(twoHundred).get())?.count == 200)
    }

    @Test func siblingsBackToBackComeFirst() {
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        let slots = (0..<6).map {
            (start: base.addingTimeInterval(Double($0) * 600), end: base.addingTimeInterval(Double($0 + 1) * 600))
        }
        let booked = [(start: slots[3].start, end: slots[3].end)]
        let free = slots.enumerated().filter { $0.offset != 3 }.map(\.element)
        let ordered = ConversationRules.backToBackFirst(free, around: booked, start: \.start, end: \.end)
        #expect(
            ordered.map(\.start) == [slots[2].start, slots[4].start, slots[0].start, slots[1].start, slots[5].start])
        #expect(
            ConversationRules.nearest(to: slots[3].start, among: free, start: \.start).map(\.start)
                == [slots[2].start, slots[4].start, slots[1].start])
        #expect(
            !ConversationRules.overlaps(slots[2], slots[3])
                && ConversationRules.overlaps(slots[3], (slots[3].start.addingTimeInterval(300), slots[4].end)))
    }

    @Test func aBookingNeedsNamesAndASafeContact() {
        var input = ConversationBookingInput(parentName: "Fatima", childName: "Yusuf", contact: "06 12345678")
        #expect((try? ConversationRules.validate(input).get())?.contact == "+31612345678")
        input.childName = ""
        input.contact = "nope"
        #expect(
            ConversationRules.validate(input).failure?.fields == [
                "childName": "error.required", "contact": "error.contact",
            ])
        input = ConversationBookingInput(
            parentName: "Fatima", childName: "Yusuf", support: .init(topics: ["sleep", "moon"], note: "a\u{202E}b"))
        #expect(
            ConversationRules.validate(input).failure?.fields == [
                "supportRequest.topics": "error.required", "supportRequest.note": "error.bad_text",
            ])
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
