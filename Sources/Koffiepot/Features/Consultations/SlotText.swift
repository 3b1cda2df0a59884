import Foundation

/// How a slot reads in a list or a confirmation, in the page language.
enum SlotText {
    static func time(_ slot: ConsultationSlot) -> String { span(slot.startsAt, slot.endsAt) }

    /// "15:00–15:10" in Amsterdam time, for any appointment.
    static func span(_ start: Date, _ end: Date) -> String {
        "\(ClockTime.format(Calendar.amsterdamMinute(of: start)))–\(ClockTime.format(Calendar.amsterdamMinute(of: end)))"
    }

    static func day(_ slot: ConsultationSlot, _ t: Localizer) -> String {
        t.dayTitle(LocalDate(containing: slot.startsAt))
    }

    static func how(_ slot: ConsultationSlot, _ t: Localizer) -> String {
        [t(slot.mode.labelKey), slot.mode == .inPerson ? slot.room : ""].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
