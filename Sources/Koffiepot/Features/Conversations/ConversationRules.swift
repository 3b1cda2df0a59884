import Foundation

/// One day of a round of *tienminutengesprekken*: a date and a span in local (Amsterdam) time.
struct RoundDay: Sendable, Equatable {
    var date: String
    var from: String
    var to: String
}

/// A planned conversation: start and end as instants.
struct PlannedSlot: Sendable, Equatable {
    let start: Date
    let end: Date
}

/// Pure rules of the 10-minute conversation planner. Errors are catalogue keys per field.
enum ConversationRules {
    static let slotMinutes = 5...30
    static let breakMinutes = 0...30
    static let maxSlots = 200
    static let maxDays = 10
    static let maxTitle = 80
    static let maxGroup = 30
    static let maxName = 40
    static let maxNote = 300

    /// The slots of a round: from each day's start, one conversation after another (with the break between),
    /// as long as a whole one fits before the day's end. Local times become instants through the Amsterdam
    /// calendar, so a round on the day the clocks change keeps its wall-clock times.
    static func plan(days: [RoundDay], slotMinutes: Int, breakMinutes: Int, today: LocalDate) -> Result<
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
    static func nearest<S>(to taken: Date, among free: [S], start: (S) -> Date, limit: Int = 3) -> [S] {
        Array(
            free.sorted { abs(start($0).timeIntervalSince(taken)) < abs(start($1).timeIntervalSince(taken)) }.prefix(
                limit))
    }

    /// Whether two conversations would overlap in time (touching ends do not).
    static func overlaps(_ a: (start: Date, end: Date), _ b: (start: Date, end: Date)) -> Bool {
        a.start < b.end && b.start < a.end
    }

    /// For a parent who already has a conversation: the times that begin right when one of hers ends or end
    /// right when one begins come first (siblings back to back), then the rest in time order.
    static func backToBackFirst<S>(
        _ free: [S], around booked: [(start: Date, end: Date)], start: (S) -> Date, end: (S) -> Date
    ) -> [S] {
        let ordered = free.sorted { start($0) < start($1) }
        let adjacent = ordered.map { slot in booked.contains { start(slot) == $0.end || end(slot) == $0.start } }
        return zip(ordered, adjacent).filter { $0.1 }.map(\.0) + zip(ordered, adjacent).filter { !$0.1 }.map(\.0)
    }
}

/// What a parent typed on the booking form, before it is checked.
struct ConversationBookingInput: Sendable {
    var parentName = ""
    var childName = ""
    var contact = ""
    var language = "nl"
    /// The tick box "I would like to talk to someone from parenting support", with what came with it.
    var support: SupportInput?

    struct SupportInput: Sendable {
        var topics: [String] = []
        var note = ""
        var contact = ""
    }
}

/// A checked booking: every field safe to store.
struct ValidConversationBooking: Sendable, Equatable {
    var parentName: String
    var childName: String
    var contactKind: ContactKind
    var contact: String?
    var language: String
    var support: ValidSupportRequest?
}

struct ValidSupportRequest: Sendable, Equatable {
    var topics: [Topic]
    var note: String
    var contactKind: ContactKind
    var contact: String?
}

extension ConversationRules {
    static func validate(_ input: ConversationBookingInput) -> Result<ValidConversationBooking, FieldErrors> {
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
    static func problems(title: String, group: String) -> [String: String] {
        var errors: [String: String] = [:]
        if let problem = TextRules.problem(inRequired: title, maxLength: maxTitle) { errors["title"] = problem }
        if let problem = TextRules.problem(inRequired: group, maxLength: maxGroup) { errors["group"] = problem }
        return errors
    }
}
