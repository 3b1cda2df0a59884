import Foundation
import Testing
@testable import KoffiepotRules

@Suite struct SlotRulesTests {
    let inPerson = SlotSettingsInput(mode: "in_person", capacity: "1", video: "")
    /// Tuesday 24 November 2026, 10:00 in Amsterdam.
    let now = LocalDate("2026-11-24")!.instant(minute: 600)!

    func failures<T>(_ result: Result<T, FieldErrors>) -> [String: String] {
        if case .failure(let errors) = result { return errors.fields }
        return [:]
    }

    @Test func aRunOfTwoWeeksOfTwentyMinuteSlotsIsValid() throws {
        let valid = try SlotRules.validate(
            SlotRunInput(from: "2026-11-30", through: "2026-12-11", length: "20", gap: "10"), inPerson
        ).get()
        #expect(valid.length == 20 && valid.gap == 10)
        #expect(valid.settings == SlotSettings(mode: .inPerson, capacity: 1, video: ""))
    }

    @Test func aRunNamesEveryWrongField() {
        let errors = failures(
            SlotRules.validate(
                SlotRunInput(from: "30-11-2026", through: "2026-12-11", length: "4", gap: "-1"),
                SlotSettingsInput(mode: "", capacity: "13", video: "")))
        #expect(
            errors == [
                "from": "error.date_format", "length": "error.minutes", "gap": "error.minutes",
                "mode": "error.required",
                "capacity": "error.capacity",
            ])
    }

    @Test func aRunEndsBeforeItStartsOrLastsLongerThanThirteenWeeks() {
        let backwards = SlotRunInput(from: "2026-12-11", through: "2026-11-30", length: "20", gap: "0")
        let tooLong = SlotRunInput(from: "2026-11-30", through: "2027-03-02", length: "20", gap: "0")
        #expect(failures(SlotRules.validate(backwards, inPerson)) == ["through": "error.range"])
        #expect(failures(SlotRules.validate(tooLong, inPerson)) == ["through": "error.range"])
    }

    @Test func aVideoSlotNeedsAnHttpsLinkAndOnlyAVideoSlotKeepsIt() throws {
        let run = SlotRunInput(from: "2026-11-30", through: "2026-12-11", length: "20", gap: "10")
        let noLink = SlotSettingsInput(mode: "video", capacity: "1", video: "http://meet.example.org/a")
        #expect(failures(SlotRules.validate(run, noLink)) == ["video": "error.video_link"])
        let phone = SlotSettingsInput(mode: "phone", capacity: "2", video: "https://meet.example.org/a")
        #expect(try SlotRules.validate(run, phone).get().settings.video == "")
    }

    @Test func aSingleSlotInThePastOrWithARoomParentsCannotReadIsRefused() throws {
        let valid = try SlotRules.validate(
            SingleSlotInput(date: "2026-11-25", start: "09:00", end: "09:20", room: "  Ouder   kamer "), inPerson,
            now: now
        ).get()
        #expect(valid.room == "Ouder kamer")
        #expect(valid.endsAt.timeIntervalSince(valid.startsAt) == 20 * 60)
        let past = SingleSlotInput(date: "2026-11-24", start: "09:00", end: "09:20", room: "")
        #expect(failures(SlotRules.validate(past, inPerson, now: now)) == ["date": "error.date_past"])
        let hidden = SingleSlotInput(date: "2026-11-25", start: "09:00", end: "09:20", room: "Kamer\u{202E}1")
        #expect(failures(SlotRules.validate(hidden, inPerson, now: now)) == ["room": "error.bad_text"])
        let backwards = SingleSlotInput(date: "2026-11-25", start: "09:20", end: "09:00", room: "")
        #expect(failures(SlotRules.validate(backwards, inPerson, now: now)) == ["end": "error.end_before_start"])
    }
}
