import Foundation

/// What an advisor typed to publish *spreekuur* slots: a run cut from her presence, or one slot on its own.
/// Mode, seats and video link are the same on both forms.
package struct SlotSettingsInput: Sendable {
    package var mode = "", capacity = "", video = ""
    package init(mode: String, capacity: String, video: String) {
        (self.mode, self.capacity, self.video) = (mode, capacity, video)
    }
}

package struct SlotRunInput: Sendable {
    package var from = "", through = "", length = "", gap = ""
    package init(from: String, through: String, length: String, gap: String) {
        (self.from, self.through, self.length, self.gap) = (from, through, length, gap)
    }
}

package struct SingleSlotInput: Sendable {
    package var date = "", start = "", end = "", room = ""
    package init(date: String, start: String, end: String, room: String) {
        (self.date, self.start, self.end, self.room) = (date, start, end, room)
    }
}

package struct SlotSettings: Sendable, Equatable {
    package var mode: SlotMode, capacity: Int
    /// Empty unless the mode is video.
    package var video: String
}

package struct ValidSlotRun: Sendable, Equatable {
    package var from: LocalDate, through: LocalDate, length: Int, gap: Int, settings: SlotSettings
}

package struct ValidSingleSlot: Sendable, Equatable {
    package var date: LocalDate, startsAt: Date, endsAt: Date, room: String, settings: SlotSettings
}

/// Pure checks for publishing slots: a valid value or the fields that are wrong, like every form.
package enum SlotRules {
    /// A run covers at most 13 weeks: enough for a school term, short enough to keep the agenda current.
    package static let longestRunDays = 91

    package static func validate(_ run: SlotRunInput, _ settings: SlotSettingsInput) -> Result<
        ValidSlotRun, FieldErrors
    > {
        var errors: [String: String] = [:]
        let from = LocalDate(run.from), through = LocalDate(run.through)
        let length = minutes(run.length, in: 5...240), gap = minutes(run.gap, in: 0...120)
        if from == nil { errors["from"] = "error.date_format" }
        if through == nil { errors["through"] = "error.date_format" }
        if let from, let through, through < from || from.days(until: through) > longestRunDays {
            errors["through"] = "error.range"
        }
        if length == nil { errors["length"] = "error.minutes" }
        if gap == nil { errors["gap"] = "error.minutes" }
        let checked = check(settings, into: &errors)
        guard errors.isEmpty, let from, let through, let length, let gap, let checked else {
            return .failure(FieldErrors(errors))
        }
        return .success(ValidSlotRun(from: from, through: through, length: length, gap: gap, settings: checked))
    }

    package static func validate(_ single: SingleSlotInput, _ settings: SlotSettingsInput, now: Date) -> Result<
        ValidSingleSlot, FieldErrors
    > {
        var errors: [String: String] = [:]
        let date = LocalDate(single.date)
        if date == nil { errors["date"] = "error.date_format" }
        let room = TextRules.singleLine(single.room)
        errors["room"] = TextRules.problem(inOptional: room, maxLength: 80)
        let start = ClockTime.parse(single.start), end = ClockTime.parse(single.end)
        errors.merge(
            PresenceValidation.check(.init(date: date, startMinute: start, endMinute: end), existing: [])
        ) { first, _ in first }
        let checked = check(settings, into: &errors)
        let startsAt = start.flatMap { date?.instant(minute: $0) }, endsAt = end.flatMap { date?.instant(minute: $0) }
        if let startsAt, startsAt <= now { errors["date"] = "error.date_past" }
        guard errors.isEmpty, let date, let startsAt, let endsAt, let checked else {
            return .failure(FieldErrors(errors))
        }
        return .success(ValidSingleSlot(date: date, startsAt: startsAt, endsAt: endsAt, room: room, settings: checked))
    }

    private static func minutes(_ text: String, in range: ClosedRange<Int>) -> Int? {
        Int(text.trimmingCharacters(in: .whitespaces)).flatMap { range.contains($0) ? $0 : nil }
    }

    private static func check(_ input: SlotSettingsInput, into errors: inout [String: String]) -> SlotSettings? {
        let mode = SlotMode(rawValue: input.mode)
        let capacity = Int(input.capacity).flatMap { (1...12).contains($0) ? $0 : nil }
        let video = input.video.trimmingCharacters(in: .whitespaces)
        if mode == nil { errors["mode"] = "error.required" }
        if capacity == nil { errors["capacity"] = "error.capacity" }
        if mode == .video, !SlotGeneration.isVideoLink(video) { errors["video"] = "error.video_link" }
        guard let mode, let capacity else { return nil }
        return SlotSettings(mode: mode, capacity: capacity, video: mode == .video ? video : "")
    }
}
