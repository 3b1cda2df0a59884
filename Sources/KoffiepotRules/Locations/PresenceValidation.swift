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
