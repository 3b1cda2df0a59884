import Foundation

/// Cuts presence moments into bookable consultation slots ("from my presence, 20 minutes, 5 minutes gap").
package enum SlotGeneration {
    package struct Planned: Equatable, Sendable {
        package var date: LocalDate
        package var startMinute: Int
        package var endMinute: Int
        package var room: String

        package init(date: LocalDate, startMinute: Int, endMinute: Int, room: String) {
            self.date = date
            self.startMinute = startMinute
            self.endMinute = endMinute
            self.room = room
        }
    }

    /// Slots inside every regular or extra presence moment of `advisor` (cancelled moments and school
    /// holidays are already left out by the presence calendar).
    package static func plan(from moments: [PresenceOccurrence], advisorID: UUID, length: Int, gap: Int) -> [Planned] {
        guard length >= 5, gap >= 0 else { return [] }
        var result: [Planned] = []
        for moment in moments where moment.advisorID == advisorID && moment.status != .cancelled {
            var start = moment.startMinute
            while start + length <= moment.endMinute {
                result.append(
                    Planned(date: moment.date, startMinute: start, endMinute: start + length, room: moment.room))
                start += length + gap
            }
        }
        return result
    }

    /// A video link must be an https address (shown only to the booker after booking).
    package static func isVideoLink(_ text: String) -> Bool {
        guard let url = URL(string: text), url.scheme == "https", let host = url.host, host.contains(".") else {
            return false
        }
        return text.count <= 300 && TextRules.isSafe(text)
    }
}
