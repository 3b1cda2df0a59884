import Foundation

/// How a gathering reads in a list or on its page, in the page language.
enum GatheringText {
    static func when(_ gathering: Gathering, _ t: Localizer) -> String {
        let start = Calendar.amsterdamMinute(of: gathering.startsAt),
            end = Calendar.amsterdamMinute(of: gathering.endsAt)
        let first =
            "\(t.dayTitle(LocalDate(containing: gathering.startsAt))), \(ClockTime.format(start))–\(ClockTime.format(end))"
        return gathering.sessions > 1
            ? first + " · " + t("gathering.sessions", ["count": "\(gathering.sessions)"]) : first
    }

    static func places(_ gathering: Gathering, _ t: Localizer) -> String {
        guard gathering.kind.needsRegistration else { return t("gathering.no_signup") }
        return gathering.placesLeft > 0
            ? t("gathering.places_left", ["count": "\(gathering.placesLeft)"]) : t("gathering.full")
    }
}
