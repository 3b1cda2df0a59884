import Foundation

package struct ValidProgramme: Sendable, Equatable {
    package var name: String, description: String, ageGroup: AgeGroup, languages: [String], evidence: EvidenceStatus
}

/// Checks for a parenting programme in the catalogue (name and description reach parents on the course pages).
package enum ProgrammeRules {
    package static func validate(_ form: FormState) -> Result<ValidProgramme, FieldErrors> {
        var errors: [String: String] = [:]
        let name = TextRules.singleLine(form["name"]), description = TextRules.multiLine(form["description"])
        errors["name"] = TextRules.problem(inRequired: name, maxLength: 100)
        errors["description"] = TextRules.problem(inOptional: description, maxLength: 600)
        let age = AgeGroup(rawValue: form["age"]), evidence = EvidenceStatus(rawValue: form["evidence"])
        let languages = GatheringPlanRules.languageCodes(form["languages"])
        if age == nil { errors["age"] = "error.required" }
        if evidence == nil { errors["evidence"] = "error.required" }
        if languages?.isEmpty ?? true { errors["languages"] = "error.languages" }
        guard errors.isEmpty, let age, let evidence, let languages else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidProgramme(
                name: name, description: description, ageGroup: age, languages: languages, evidence: evidence))
    }
}
