import Foundation

/// Pure checks for the ready-made registration form.
package enum RegistrationRules {
    package static func validate(
        name rawName: String, adults rawAdults: String, contact rawContact: String, language: String,
        childcare: Bool, interpreter: Bool, firstContact: String = ""
    ) -> Result<RegistrationInput, FieldErrors> {
        var errors: [String: String] = [:]
        let name = TextRules.singleLine(rawName)
        if name.isEmpty {
            errors["name"] = "error.required"
        } else if name.count > BookingRules.maxName {
            errors["name"] = "error.too_long"
        } else if !TextRules.isSafe(name) {
            errors["name"] = "error.bad_text"
        }
        let adults = Int(rawAdults.trimmingCharacters(in: .whitespaces)).flatMap { (1...10).contains($0) ? $0 : nil }
        if adults == nil { errors["adults"] = "error.adults" }
        let contact = TextRules.contact(rawContact)
        if contact == nil { errors["contact"] = "error.contact" }
        if !BookingRules.conversationLanguages.contains(language) { errors["language"] = "error.required" }
        let first = FirstContact.read(firstContact, into: &errors)
        guard errors.isEmpty, let adults else { return .failure(FieldErrors(errors)) }
        return .success(
            RegistrationInput(
                name: name, contactKind: contact?.kind ?? .none, contact: contact?.value, adults: adults,
                language: language,
                childcare: childcare, interpreter: interpreter, firstContact: first))
    }
}
