import Foundation

/// Checks for a planned gathering, without a database.
package enum GatheringPlanRules {
    package struct Valid {
        package var kind: GatheringKind, title: String, description: String, room: String
        package var start: Date, end: Date, sessions: Int, capacity: Int, languages: [String], ageGroup: AgeGroup

        package init(
            kind: GatheringKind, title: String, description: String, room: String, start: Date, end: Date,
            sessions: Int, capacity: Int, languages: [String], ageGroup: AgeGroup
        ) {
            self.kind = kind
            self.title = title
            self.description = description
            self.room = room
            self.start = start
            self.end = end
            self.sessions = sessions
            self.capacity = capacity
            self.languages = languages
            self.ageGroup = ageGroup
        }
    }

    /// `nl, ar` → ["nl", "ar"]; nil when a code is not one we know.
    package static func languageCodes(_ text: String) -> [String]? {
        let codes = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.lowercased() }
        return codes.allSatisfy(BookingRules.conversationLanguages.contains) ? codes : nil
    }

    /// The plan as typed into the staff form: a valid plan, or catalogue keys per field like every other form.
    package static func validate(_ form: FormState, now: Date) -> Result<Valid, FieldErrors> {
        var errors: [String: String] = [:]
        let kind = GatheringKind(rawValue: form["kind"])
        if kind == nil { errors["kind"] = "error.required" }
        let title = TextRules.singleLine(form["title"])
        errors["title"] = TextRules.problem(inRequired: title, maxLength: 100)
        let description = TextRules.multiLine(form["description"])
        errors["description"] = TextRules.problem(inOptional: description, maxLength: 1000)
        let room = TextRules.singleLine(form["room"])
        errors["room"] = TextRules.problem(inOptional: room, maxLength: 80)
        let date = LocalDate(form["date"])
        if date == nil { errors["date"] = "error.date_format" }
        errors.merge(
            PresenceValidation.check(
                .init(date: date, startMinute: ClockTime.parse(form["start"]), endMinute: ClockTime.parse(form["end"])),
                existing: [])
        ) { a, _ in a }
        let sessions = Int(form["sessions"]).flatMap { (1...30).contains($0) ? $0 : nil }
        if sessions == nil { errors["sessions"] = "error.sessions" }
        let capacity = Int(form["capacity"]).flatMap { (0...500).contains($0) ? $0 : nil }
        if capacity == nil || (kind?.needsRegistration == true && capacity == 0) {
            errors["capacity"] = "error.capacity_gathering"
        }
        let languages = languageCodes(form["languages"])
        if languages?.isEmpty ?? true { errors["languages"] = "error.languages" }
        let age = AgeGroup(rawValue: form["age"])
        if age == nil { errors["age"] = "error.required" }
        guard errors.isEmpty, let kind, let date, let sessions, let capacity, let languages, let age,
            let start = ClockTime.parse(form["start"]).flatMap(date.instant(minute:)),
            let end = ClockTime.parse(form["end"]).flatMap(date.instant(minute:))
        else { return .failure(FieldErrors(errors)) }
        guard start > now else { return .failure(FieldErrors(["date": "error.date_past"])) }
        return .success(
            Valid(
                kind: kind, title: title, description: description, room: room, start: start, end: end,
                sessions: kind == .course || kind == .walkIn ? sessions : 1, capacity: kind == .walkIn ? 0 : capacity,
                languages: languages, ageGroup: age))
    }
}
