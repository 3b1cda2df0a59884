import Foundation

/// What a coordinator typed for a partner organisation, before it is checked.
package struct OrganisationInput: Sendable {
    package var name = ""
    package var kind = ""
    package var about = ""
    package var website = ""

    package init(name: String = "", kind: String = "", about: String = "", website: String = "") {
        self.name = name
        self.kind = kind
        self.about = about
        self.website = website
    }
}

package struct ValidOrganisation: Sendable, Equatable {
    package var name: String
    package var kind: OrganisationKind
    package var about: String
    package var website: String?

    package init(name: String, kind: OrganisationKind, about: String, website: String?) {
        self.name = name
        self.kind = kind
        self.about = about
        self.website = website
    }
}

/// What a coordinator typed for a professional at a location, before it is checked.
package struct ProfessionalInput: Sendable {
    package var organisationID = ""
    package var name = ""
    package var role = ""
    package var helpsWith = ""
    package var helpsTeachers = ""
    package var presence = ""
    package var reach = ""
    package var isPublic = false

    package init(
        organisationID: String = "", name: String = "", role: String = "", helpsWith: String = "",
        helpsTeachers: String = "", presence: String = "", reach: String = "", isPublic: Bool = false
    ) {
        self.organisationID = organisationID
        self.name = name
        self.role = role
        self.helpsWith = helpsWith
        self.helpsTeachers = helpsTeachers
        self.presence = presence
        self.reach = reach
        self.isPublic = isPublic
    }
}

package struct ValidProfessional: Sendable, Equatable {
    package var organisationID: UUID
    package var name: String
    package var role: String
    package var helpsWith: String
    package var helpsTeachers: String
    package var presence: String
    package var reach: String
    package var isPublic: Bool

    package init(
        organisationID: UUID, name: String, role: String, helpsWith: String, helpsTeachers: String, presence: String,
        reach: String, isPublic: Bool
    ) {
        self.organisationID = organisationID
        self.name = name
        self.role = role
        self.helpsWith = helpsWith
        self.helpsTeachers = helpsTeachers
        self.presence = presence
        self.reach = reach
        self.isPublic = isPublic
    }
}

/// Pure rules of the who's-who. Every text here can reach a parent (on the location page and in the open
/// feed), so all of it passes the same unsafe-character rules. Errors are catalogue keys per field.
package enum NetworkRules {
    package static let maxName = 80
    package static let maxRole = 80
    package static let maxHelps = 400
    package static let maxPresence = 200
    package static let maxReach = 200
    package static let maxWebsite = 200

    package static func validate(_ input: OrganisationInput) -> Result<ValidOrganisation, FieldErrors> {
        var errors: [String: String] = [:]
        let name = TextRules.singleLine(input.name)
        let about = TextRules.multiLine(input.about)
        let website = TextRules.singleLine(input.website)
        if let problem = TextRules.problem(inRequired: name, maxLength: maxName) { errors["name"] = problem }
        let kind = OrganisationKind(rawValue: input.kind.isEmpty ? OrganisationKind.other.rawValue : input.kind)
        if kind == nil { errors["kind"] = "network.error.kind" }
        if let problem = optionalProblem(about, maxLength: maxHelps) { errors["about"] = problem }
        if !website.isEmpty, !isWebAddress(website) { errors["website"] = "network.error.website" }
        guard errors.isEmpty, let kind else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidOrganisation(name: name, kind: kind, about: about, website: website.isEmpty ? nil : website))
    }

    /// `known` says whether an organisation id exists; an unknown one is a field error like any other.
    package static func validate(_ input: ProfessionalInput, known: (UUID) -> Bool) -> Result<
        ValidProfessional, FieldErrors
    > {
        var errors: [String: String] = [:]
        let name = TextRules.singleLine(input.name)
        let role = TextRules.singleLine(input.role)
        let helpsWith = TextRules.multiLine(input.helpsWith)
        let helpsTeachers = TextRules.multiLine(input.helpsTeachers)
        let presence = TextRules.singleLine(input.presence)
        let reach = TextRules.singleLine(input.reach)
        if let problem = TextRules.problem(inRequired: name, maxLength: maxName) { errors["name"] = problem }
        let organisation = UUID(uuidString: input.organisationID.trimmingCharacters(in: .whitespaces))
        if input.organisationID.isEmpty {
            errors["organisation"] = "error.required"
        } else if organisation.map(known) != true {
            errors["organisation"] = "network.error.unknown_organisation"
        }
        for (field, text, max) in [
            ("role", role, maxRole), ("helpsWith", helpsWith, maxHelps), ("helpsTeachers", helpsTeachers, maxHelps),
            ("presence", presence, maxPresence), ("reach", reach, maxReach),
        ] {
            if let problem = optionalProblem(text, maxLength: max) { errors[field] = problem }
        }
        guard errors.isEmpty, let organisation else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidProfessional(
                organisationID: organisation, name: name, role: role, helpsWith: helpsWith,
                helpsTeachers: helpsTeachers, presence: presence, reach: reach, isPublic: input.isPublic))
    }

    private static func optionalProblem(_ text: String, maxLength: Int) -> String? {
        text.isEmpty ? nil : TextRules.problem(inRequired: text, maxLength: maxLength)
    }

    /// An `https://` or `http://` address with a host and no spaces — what a link on a parent page may be.
    package static func isWebAddress(_ text: String) -> Bool {
        guard text.count <= maxWebsite, TextRules.isSafe(text), !text.contains(where: \.isWhitespace),
            let url = URL(string: text), ["https", "http"].contains(url.scheme?.lowercased() ?? ""),
            let host = url.host, host.contains(".")
        else { return false }
        return true
    }
}
