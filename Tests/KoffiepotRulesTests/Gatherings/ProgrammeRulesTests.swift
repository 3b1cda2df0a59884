import Testing
@testable import KoffiepotRules

@Suite struct ProgrammeRulesTests {
    @Test func aProgrammeWithItsLanguagesIsValid() throws {
        let valid = try ProgrammeRules.validate(
            FormState(values: [
                "name": " Opvoeden  & Zo ", "description": "Zes avonden.\r\n", "age": "4-12",
                "languages": "nl, AR", "evidence": "recognised",
            ])
        ).get()
        #expect(valid.name == "Opvoeden & Zo" && valid.description == "Zes avonden.")
        #expect(valid.languages == ["nl", "ar"] && valid.evidence == .recognised && valid.ageGroup == .primary)
    }

    @Test func anUnknownLanguageAgeOrEvidenceIsAFieldError() {
        let result = ProgrammeRules.validate(
            FormState(values: ["name": "", "age": "adults", "languages": "nl, xx", "evidence": "maybe"]))
        guard case .failure(let errors) = result else { Issue.record("accepted"); return }
        #expect(
            errors.fields == [
                "name": "error.required", "age": "error.required", "languages": "error.languages",
                "evidence": "error.required",
            ])
    }
}
