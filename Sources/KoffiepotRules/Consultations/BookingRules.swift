import Foundation

/// What a booker typed, before it is checked.
package struct BookingInput: Sendable {
    package var name: String = ""
    package var contact: String = ""
    package var topics: [String] = []
    package var about: String = ""
    package var participants: String = Participants.alone.rawValue
    package var teacherName: String = ""
    package var booker: String = Booker.parent.rawValue
    package var language: String = "nl"
    package var interpreter: Bool = false
    /// "yes", "no" or "" (skipped): `FirstContact`.
    package var firstContact: String = ""

    package init(
        name: String = "", contact: String = "", topics: [String] = [], about: String = "",
        participants: String = Participants.alone.rawValue, teacherName: String = "",
        booker: String = Booker.parent.rawValue, language: String = "nl", interpreter: Bool = false,
        firstContact: String = ""
    ) {
        self.name = name
        self.contact = contact
        self.topics = topics
        self.about = about
        self.participants = participants
        self.teacherName = teacherName
        self.booker = booker
        self.language = language
        self.interpreter = interpreter
        self.firstContact = firstContact
    }
}

/// A checked booking: every field safe to store.
package struct ValidBooking: Sendable, Equatable {
    package var name: String
    package var contactKind: ContactKind
    package var contact: String?
    package var topics: [Topic]
    package var about: String
    package var participants: Participants
    package var teacherName: String
    package var booker: Booker
    package var language: String
    package var interpreter: Bool
    /// The outreach channel that brought her (`ViaMarker`), for insight only.
    package var via: String? = nil
    /// Her optional answer to "first contact with us this school year?", for the reach figures only.
    package var firstContact: Bool? = nil

    package init(
        name: String, contactKind: ContactKind, contact: String? = nil, topics: [Topic], about: String,
        participants: Participants, teacherName: String, booker: Booker, language: String, interpreter: Bool,
        via: String? = nil, firstContact: Bool? = nil
    ) {
        self.name = name
        self.contactKind = contactKind
        self.contact = contact
        self.topics = topics
        self.about = about
        self.participants = participants
        self.teacherName = teacherName
        self.booker = booker
        self.language = language
        self.interpreter = interpreter
        self.via = via
        self.firstContact = firstContact
    }
}

/// Pure checks for a booking. Errors are message keys per field, shown next to the field.
package enum BookingRules {
    package static let maxName = 40
    package static let maxAbout = 300
    package static let maxTeacherName = 60

    /// Languages a conversation can be held in (with an interpreter when the advisor does not speak it).
    package static let conversationLanguages = ["nl", "en", "ar", "tr", "pl", "uk", "ti", "so", "fa", "es", "fr", "de"]

    /// Field errors are catalogue keys per field, like every other form's.
    package static func validate(_ input: BookingInput) -> Result<ValidBooking, FieldErrors> {
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
        let firstContact = FirstContact.read(input.firstContact, into: &errors)

        guard errors.isEmpty, let participants, let booker, let language else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidBooking(
                name: name, contactKind: contact?.kind ?? .none, contact: contact?.value, topics: topics, about: about,
                participants: participants, teacherName: teacherName, booker: booker,
                language: language, interpreter: input.interpreter, firstContact: firstContact))
    }
}
