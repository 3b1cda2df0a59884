import Foundation

/// What a booker typed, before it is checked.
struct BookingInput: Sendable {
    var name: String = ""
    var contact: String = ""
    var topics: [String] = []
    var about: String = ""
    var participants: String = Participants.alone.rawValue
    var teacherName: String = ""
    var booker: String = Booker.parent.rawValue
    var language: String = "nl"
    var interpreter: Bool = false
}

/// A checked booking: every field safe to store.
struct ValidBooking: Sendable, Equatable {
    var name: String
    var contactKind: ContactKind
    var contact: String?
    var topics: [Topic]
    var about: String
    var participants: Participants
    var teacherName: String
    var booker: Booker
    var language: String
    var interpreter: Bool
    /// The outreach channel that brought her (`ViaMarker`), for insight only.
    var via: String? = nil
}

/// Pure checks for a booking. Errors are message keys per field, shown next to the field.
enum BookingRules {
    static let maxName = 40
    static let maxAbout = 300
    static let maxTeacherName = 60

    /// Languages a conversation can be held in (with an interpreter when the advisor does not speak it).
    static let conversationLanguages = ["nl", "en", "ar", "tr", "pl", "uk", "ti", "so", "fa", "es", "fr", "de"]

    enum Checked: Sendable {
        case valid(ValidBooking)
        /// Field → message key.
        case invalid([String: String])
    }

    static func validate(_ input: BookingInput) -> Checked {
        var errors: [String: String] = [:]
        let name = TextRules.singleLine(input.name)
        if name.isEmpty {
            errors["name"] = "error.required"
        } else if name.count > maxName {
            errors["name"] = "error.too_long"
        } else if !TextRules.isSafe(name) {
            errors["name"] = "error.bad_text"
        }

        let about = TextRules.multiLine(input.about)
        if about.count > maxAbout {
            errors["about"] = "error.too_long"
        } else if !TextRules.isSafe(about) {
            errors["about"] = "error.bad_text"
        }

        let teacherName = TextRules.singleLine(input.teacherName)
        if teacherName.count > maxTeacherName {
            errors["teacher_name"] = "error.too_long"
        } else if !TextRules.isSafe(teacherName) {
            errors["teacher_name"] = "error.bad_text"
        }

        let contact = TextRules.contact(input.contact)
        if contact == nil { errors["contact"] = "error.contact" }
        let participants = Participants(rawValue: input.participants)
        if participants == nil { errors["participants"] = "error.required" }
        let booker = Booker(rawValue: input.booker)
        if booker == nil { errors["booker"] = "error.required" }
        let language = conversationLanguages.contains(input.language) ? input.language : nil
        if language == nil { errors["language"] = "error.required" }
        let topics = input.topics.compactMap(Topic.init(rawValue:))
        if topics.count != input.topics.count { errors["topics"] = "error.required" }

        guard errors.isEmpty, let participants, let booker, let language else { return .invalid(errors) }
        return .valid(
            ValidBooking(
                name: name, contactKind: contact?.kind ?? .none, contact: contact?.value, topics: topics, about: about,
                participants: participants, teacherName: teacherName, booker: booker,
                language: language, interpreter: input.interpreter))
    }
}
