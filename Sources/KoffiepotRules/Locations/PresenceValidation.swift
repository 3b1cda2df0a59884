import Foundation

/// Form checks for presence rules and exceptions. Each failure names the field and a message key.
package enum PresenceValidation {
    package struct Input {
        package var weekday: Int?
        package var date: LocalDate?
        package var startMinute: Int?
        package var endMinute: Int?

        package init(weekday: Int? = nil, date: LocalDate? = nil, startMinute: Int? = nil, endMinute: Int? = nil) {
            self.weekday = weekday
            self.date = date
            self.startMinute = startMinute
            self.endMinute = endMinute
        }
    }

    /// `existing` are the advisor's other weekly rules (same weekday overlap is refused across locations:
    /// one person cannot be in two places).
    package static func check(_ input: Input, existing: [WeeklyRule]) -> [String: String] {
        var errors: [String: String] = [:]
        guard let start = input.startMinute else { errors["start"] = "error.time_format"; return errors }
        guard let end = input.endMinute else { errors["end"] = "error.time_format"; return errors }
        if end <= start {
            errors["end"] = "error.end_before_start"
            return errors
        }
        if let date = input.date {
            if date.instant(minute: start) == nil { errors["start"] = "error.time_missing_dst" }
            if date.instant(minute: end) == nil { errors["end"] = "error.time_missing_dst" }
        }
        if let weekday = input.weekday {
            // A weekly rule on Sunday between 02:00 and 03:00 would not exist on the last Sunday of March.
            if weekday == 7, overlapsSkippedHour(start: start, end: end) { errors["start"] = "error.time_missing_dst" }
            if existing.contains(where: { $0.weekday == weekday && $0.startMinute < end && start < $0.endMinute }) {
                errors["start"] = "error.rule_overlap"
            }
        }
        return errors
    }

    package static func overlapsSkippedHour(start: Int, end: Int) -> Bool {
        (120..<180).contains(start) || (121..<180).contains(end)
    }
}

/// A presence moment as staff typed it: weekly (weekday) or once (date). The advisor is chosen from the
/// people this staff member may edit, so the controller resolves her; her other weekly rules come along.
package struct PresenceMomentInput: Sendable {
    package var weekday = "", date = "", start = "", end = "", room = "", mode = ""
    package init(weekday: String = "", date: String = "", start: String, end: String, room: String, mode: String) {
        (self.weekday, self.date, self.start, self.end, self.room, self.mode) = (weekday, date, start, end, room, mode)
    }
}

package struct ValidPresenceMoment: Sendable, Equatable {
    /// Exactly one of weekday (a weekly rule) and date (an extra moment) is set.
    package var weekday: Int?, date: LocalDate?
    package var startMinute: Int, endMinute: Int, room: String, mode: PresenceMode
}

extension PresenceValidation {
    /// A weekly rule: weekday 1–7, times that exist every week, no overlap with the advisor's other rules.
    package static func validateWeekly(_ input: PresenceMomentInput, existing: [WeeklyRule]) -> Result<
        ValidPresenceMoment, FieldErrors
    > {
        var errors: [String: String] = [:]
        let weekday = Int(input.weekday).flatMap { (1...7).contains($0) ? $0 : nil }
        if weekday == nil { errors["weekday"] = "error.required" }
        return moment(input, weekday: weekday, date: nil, existing: existing, errors: errors)
    }

    /// An extra moment on one day, today or later.
    package static func validateExtra(_ input: PresenceMomentInput, today: LocalDate) -> Result<
        ValidPresenceMoment, FieldErrors
    > {
        var errors: [String: String] = [:]
        let date = LocalDate(input.date)
        if date == nil { errors["date"] = "error.date_format" }
        if let date, date < today { errors["date"] = "error.date_past" }
        return moment(input, weekday: nil, date: date, existing: [], errors: errors)
    }

    private static func moment(
        _ input: PresenceMomentInput, weekday: Int?, date: LocalDate?, existing: [WeeklyRule],
        errors given: [String: String]
    ) -> Result<ValidPresenceMoment, FieldErrors> {
        var errors = given
        let mode = PresenceMode(rawValue: input.mode)
        if mode == nil { errors["mode"] = "error.required" }
        // The room reaches parents on the location page and in messages: the same text rules as their words.
        let room = TextRules.singleLine(input.room)
        errors["room"] = TextRules.problem(inOptional: room, maxLength: 80)
        let start = ClockTime.parse(input.start), end = ClockTime.parse(input.end)
        errors.merge(
            check(.init(weekday: weekday, date: date, startMinute: start, endMinute: end), existing: existing)
        ) { first, _ in first }
        guard errors.isEmpty, weekday != nil || date != nil, let mode, let start, let end else {
            return .failure(FieldErrors(errors))
        }
        return .success(
            ValidPresenceMoment(
                weekday: weekday, date: date, startMinute: start, endMinute: end, room: room, mode: mode))
    }
}
