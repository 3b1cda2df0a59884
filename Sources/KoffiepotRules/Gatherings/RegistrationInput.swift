import Foundation

package struct RegistrationInput: Sendable {
    package var name: String
    package var contactKind: ContactKind
    package var contact: String?
    package var adults: Int
    package var language: String
    package var childcare: Bool
    package var interpreter: Bool
    /// The invitation that brought the person in, counted per channel.
    package var invitationID: UUID? = nil
    /// The outreach channel that brought her (`ViaMarker`) when no invitation did.
    package var via: String? = nil
    /// Her optional answer to "first contact with us this school year?", for the reach figures only.
    package var firstContact: Bool? = nil

    package init(
        name: String, contactKind: ContactKind, contact: String? = nil, adults: Int, language: String, childcare: Bool,
        interpreter: Bool, invitationID: UUID? = nil, via: String? = nil, firstContact: Bool? = nil
    ) {
        self.name = name
        self.contactKind = contactKind
        self.contact = contact
        self.adults = adults
        self.language = language
        self.childcare = childcare
        self.interpreter = interpreter
        self.invitationID = invitationID
        self.via = via
        self.firstContact = firstContact
    }
}
