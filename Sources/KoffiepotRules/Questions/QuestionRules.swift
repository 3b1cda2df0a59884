import Foundation

/// What an asker typed, before it is checked.
package struct QuestionInput: Sendable {
    package var text: String
    package var contact: String
    package var language: String
    /// "yes", "no" or "" (skipped): `FirstContact`.
    package var firstContact: String

    package init(text: String, contact: String = "", language: String = "nl", firstContact: String = "") {
        self.text = text
        self.contact = contact
        self.language = language
        self.firstContact = firstContact
    }
}

/// A checked question: every field safe to store.
package struct ValidQuestion: Sendable, Equatable {
    package var text: String
    package var contactKind: ContactKind
    package var contact: String?
    package var language: String
    package var firstContact: Bool?
}

/// Pure checks for *Vraagbaak*: the form and the API give the same field errors (catalogue keys).
package enum QuestionRules {
    /// Limit for a question, in graphemes (what a person sees as characters, emoji included).
    package static let maxLength = 1000

    package static func validate(_ input: QuestionInput) -> Result<ValidQuestion, FieldErrors> {
        var errors: [String: String] = [:]
        let text = TextRules.multiLine(input.text)
        errors["text"] = TextRules.problem(inRequired: text, maxLength: maxLength)
        let contact = TextRules.contact(input.contact)
        if contact == nil { errors["contact"] = "error.contact" }
        if !BookingRules.conversationLanguages.contains(input.language) { errors["language"] = "error.required" }
        let firstContact = FirstContact.read(input.firstContact, into: &errors)
        guard errors.isEmpty, let contact else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidQuestion(
                text: text, contactKind: contact.kind, contact: contact.value, language: input.language,
                firstContact: firstContact))
    }
}
