import Foundation

/// What a teacher typed on a look-along request, before it is checked.
package struct LookAlongInput: Sendable {
    package var group = ""
    package var ageYears: Int?
    package var situation = ""
    package var question = ""
    package var parentAgreed = false
    package var childName = ""

    package init(
        group: String = "", ageYears: Int? = nil, situation: String = "", question: String = "",
        parentAgreed: Bool = false, childName: String = ""
    ) {
        self.group = group
        self.ageYears = ageYears
        self.situation = situation
        self.question = question
        self.parentAgreed = parentAgreed
        self.childName = childName
    }
}

package struct ValidLookAlong: Sendable, Equatable {
    package var group: String
    package var ageYears: Int?
    package var situation: String
    package var question: String
    package var parentAgreed: Bool
    package var childName: String?

    package init(
        group: String, ageYears: Int? = nil, situation: String, question: String, parentAgreed: Bool,
        childName: String? = nil
    ) {
        self.group = group
        self.ageYears = ageYears
        self.situation = situation
        self.question = question
        self.parentAgreed = parentAgreed
        self.childName = childName
    }
}

/// Pure rules of *meekijken*. Errors are catalogue keys per field.
package enum LookAlongRules {
    package static let maxGroup = 30
    package static let maxSituation = 1000
    package static let maxQuestion = 500
    package static let maxNote = 300
    package static let ages = 0...18
    package static let retentionDays = 90.0

    package static func validate(_ input: LookAlongInput) -> Result<ValidLookAlong, FieldErrors> {
        var errors: [String: String] = [:]
        let group = TextRules.singleLine(input.group)
        let situation = TextRules.multiLine(input.situation)
        let question = TextRules.multiLine(input.question)
        let child = TextRules.singleLine(input.childName)
        if let problem = TextRules.problem(inRequired: group, maxLength: maxGroup) { errors["group"] = problem }
        if let problem = TextRules.problem(inRequired: situation, maxLength: maxSituation) {
            errors["situation"] = problem
        }
        if let problem = TextRules.problem(inRequired: question, maxLength: maxQuestion) {
            errors["question"] = problem
        }
        if let age = input.ageYears, !ages.contains(age) { errors["ageYears"] = "lookalong.error.age" }
        if !child.isEmpty {
            // Naming the child needs the parent's consent; without it the request stays about "a child".
            if !input.parentAgreed {
                errors["childName"] = "lookalong.error.child_without_consent"
            } else if let problem = TextRules.problem(inRequired: child, maxLength: 40) {
                errors["childName"] = problem
            }
        }
        guard errors.isEmpty else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidLookAlong(
                group: group, ageYears: input.ageYears, situation: situation, question: question,
                parentAgreed: input.parentAgreed, childName: child.isEmpty ? nil : child))
    }

    /// Without the parent's consent the texts should not name anyone: what looks like a name, an address, a
    /// phone number or a date, for the teacher to check before she sends. Nothing is changed automatically.
    package static func findings(_ input: ValidLookAlong) -> [String] {
        guard !input.parentAgreed else { return [] }
        var seen: [String] = []
        for found in Anonymiser.flagged(input.situation) + Anonymiser.flagged(input.question)
        where !seen.contains(found) {
            seen.append(found)
        }
        return seen
    }

    package static func problems(planNote note: String) -> [String: String] {
        if note.count > maxNote { return ["note": "error.too_long"] }
        return TextRules.isSafe(note) ? [:] : ["note": "error.bad_text"]
    }
}
