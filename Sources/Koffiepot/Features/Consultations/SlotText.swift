import Foundation

/// How a slot reads in a list or a confirmation, in the page language.
enum SlotText {
    static func time(_ slot: ConsultationSlot) -> String {
        "\(ClockTime.format(Calendar.amsterdamMinute(of: slot.startsAt)))–\(ClockTime.format(Calendar.amsterdamMinute(of: slot.endsAt)))"
    }

    static func day(_ slot: ConsultationSlot, _ t: Localizer) -> String {
        t.dayTitle(LocalDate(containing: slot.startsAt))
    }

    static func how(_ slot: ConsultationSlot, _ t: Localizer) -> String {
        [t(slot.mode.labelKey), slot.mode == .inPerson ? slot.room : ""].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
