import Foundation

/// One day of a round of *tienminutengesprekken*: a date and a span in local (Amsterdam) time.
package struct RoundDay: Sendable, Equatable {
    package var date: String
    package var from: String
    package var to: String

    package init(date: String, from: String, to: String) {
        self.date = date
        self.from = from
        self.to = to
    }
}

/// A planned conversation: start and end as instants.
package struct PlannedSlot: Sendable, Equatable {
    package let start: Date
    package let end: Date

    package init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}

/// Pure rules of the 10-minute conversation planner. Errors are catalogue keys per field.
package enum ConversationRules {
    package static let slotMinutes = 5...30
    package static let breakMinutes = 0...30
    package static let maxSlots = 200
    package static let maxDays = 10
    package static let maxTitle = 80
    package static let maxGroup = 30
    package static let maxName = 40
    package static let maxNote = 300

    /// The slots of a round: from each day's start, one conversation after another (with the break between),
    /// as long as a whole one fits before the day's end. Local times become instants through the Amsterdam
    /// calendar, so a round on the day the clocks change keeps its wall-clock times.
    package static func plan(days: [RoundDay], slotMinutes: Int, breakMinutes: Int, today: LocalDate) -> Result<
        [PlannedSlot], FieldErrors
    > {
        var errors: [String: String] = [:]
        if !Self.slotMinutes.contains(slotMinutes) { errors["slotMinutes"] = "round.error.slot_length" }
        if !Self.breakMinutes.contains(breakMinutes) { errors["breakMinutes"] = "round.error.break_length" }
        if days.isEmpty { errors["days"] = "round.error.no_days" }
        if days.count > maxDays { errors["days"] = "round.error.too_many_slots" }
        var slots: [PlannedSlot] = []
        for (index, day) in days.enumerated() {
            let field = "days.\(index)"
            guard let date = LocalDate(day.date) else { errors["\(field).date"] = "error.date_format"; continue }
            guard let from = ClockTime.parse(day.from) else { errors["\(field).from"] = "error.time_format"; continue }
            guard let to = ClockTime.parse(day.to) else { errors["\(field).to"] = "error.time_format"; continue }
            if date < today { errors["\(field).date"] = "error.date_past" }
            if to <= from { errors["\(field).to"] = "error.end_before_start" }
            guard errors.isEmpty else { continue }
            var minute = from
            while minute + slotMinutes <= to, slots.count <= maxSlots {
                guard let start = date.instant(minute: minute), let end = date.instant(minute: minute + slotMinutes)
                else {
                    errors["\(field).from"] = "error.time_missing_dst"
                    break
                }
                slots.append(PlannedSlot(start: start, end: end))
                minute += slotMinutes + breakMinutes
            }
        }
        if errors.isEmpty, slots.count > maxSlots { errors["days"] = "round.error.too_many_slots" }
        if errors.isEmpty, slots.isEmpty { errors["days"] = "round.error.no_slots" }
        if errors.isEmpty, Set(slots.map(\.start)).count != slots.count {
            errors["days"] = "round.error.overlapping_days"
        }
        return errors.isEmpty ? .success(slots.sorted { $0.start < $1.start }) : .failure(FieldErrors(errors))
    }

    /// The free times nearest to a taken one, nearest first.
    package static func nearest<S>(to taken: Date, among free: [S], start: (S) -> Date, limit: Int = 3) -> [S] {
        Array(
            free.sorted { abs(start($0).timeIntervalSince(taken)) < abs(start($1).timeIntervalSince(taken)) }.prefix(
                limit))
    }

    /// Whether two conversations would overlap in time (touching ends do not).
    package static func overlaps(_ a: (start: Date, end: Date), _ b: (start: Date, end: Date)) -> Bool {
        a.start < b.end && b.start < a.end
    }

    /// For a parent who already has a conversation: the times that begin right when one of hers ends or end
    /// right when one begins come first (siblings back to back), then the rest in time order.
    package static func backToBackFirst<S>(
        _ free: [S], around booked: [(start: Date, end: Date)], start: (S) -> Date, end: (S) -> Date
    ) -> [S] {
        let ordered = free.sorted { start($0) < start($1) }
        let adjacent = ordered.map { slot in booked.contains { start(slot) == $0.end || end(slot) == $0.start } }
        return zip(ordered, adjacent).filter { $0.1 }.map(\.0) + zip(ordered, adjacent).filter { !$0.1 }.map(\.0)
    }
}

/// What a parent typed on the booking form, before it is checked.
package struct ConversationBookingInput: Sendable {
    package var parentName = ""
    package var childName = ""
    package var contact = ""
    package var language = "nl"
    /// The tick box "I would like to talk to someone from parenting support", with what came with it.
    package var support: SupportInput?

    package init(
        parentName: String = "", childName: String = "", contact: String = "", language: String = "nl",
        support: SupportInput? = nil
    ) {
        self.parentName = parentName
        self.childName = childName
        self.contact = contact
        self.language = language
        self.support = support
    }

    package struct SupportInput: Sendable {
        package var topics: [String] = []
        package var note = ""
        package var contact = ""

        package init(topics: [String] = [], note: String = "", contact: String = "") {
            self.topics = topics
            self.note = note
            self.contact = contact
        }
    }
}

/// A checked booking: every field safe to store.
package struct ValidConversationBooking: Sendable, Equatable {
    package var parentName: String
    package var childName: String
    package var contactKind: ContactKind
    package var contact: String?
    package var language: String
    package var support: ValidSupportRequest?

    package init(
        parentName: String, childName: String, contactKind: ContactKind, contact: String? = nil, language: String,
        support: ValidSupportRequest? = nil
    ) {
        self.parentName = parentName
        self.childName = childName
        self.contactKind = contactKind
        self.contact = contact
        self.language = language
        self.support = support
    }
}

package struct ValidSupportRequest: Sendable, Equatable {
    package var topics: [Topic]
    package var note: String
    package var contactKind: ContactKind
    package var contact: String?

    package init(topics: [Topic], note: String, contactKind: ContactKind, contact: String? = nil) {
        self.topics = topics
        self.note = note
        self.contactKind = contactKind
        self.contact = contact
    }
}

extension ConversationRules {
    package static func validate(_ input: ConversationBookingInput) -> Result<ValidConversationBooking, FieldErrors> {
        var errors: [String: String] = [:]
        let parentName = TextRules.singleLine(input.parentName)
        let childName = TextRules.singleLine(input.childName)
        if let problem = TextRules.problem(inRequired: parentName, maxLength: maxName) {
            errors["parentName"] = problem
        }
        if let problem = TextRules.problem(inRequired: childName, maxLength: maxName) { errors["childName"] = problem }
        let contact = TextRules.contact(input.contact)
        if contact == nil { errors["contact"] = "error.contact" }
        let language = BookingRules.conversationLanguages.contains(input.language) ? input.language : nil
        if language == nil { errors["language"] = "error.required" }
        var support: ValidSupportRequest?
        if let request = input.support {
            let topics = request.topics.compactMap(Topic.init(rawValue:))
            if topics.count != request.topics.count { errors["supportRequest.topics"] = "error.required" }
            let note = TextRules.multiLine(request.note)
            if note.count > maxNote {
                errors["supportRequest.note"] = "error.too_long"
            } else if !TextRules.isSafe(note) {
                errors["supportRequest.note"] = "error.bad_text"
            }
            // The advisor may be reached at another address than the confirmations; by default the same.
            let reach = request.contact.isEmpty ? contact : TextRules.contact(request.contact)
            if reach == nil { errors["supportRequest.contact"] = "error.contact" }
            support = ValidSupportRequest(
                topics: topics, note: note, contactKind: reach?.kind ?? .none, contact: reach?.value)
        }
        guard errors.isEmpty, let language else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidConversationBooking(
                parentName: parentName, childName: childName, contactKind: contact?.kind ?? .none,
                contact: contact?.value, language: language, support: support))
    }

    /// Title and group of a new round.
    package static func problems(title: String, group: String) -> [String: String] {
        var errors: [String: String] = [:]
        if let problem = TextRules.problem(inRequired: title, maxLength: maxTitle) { errors["title"] = problem }
        if let problem = TextRules.problem(inRequired: group, maxLength: maxGroup) { errors["group"] = problem }
        return errors
    }
}
