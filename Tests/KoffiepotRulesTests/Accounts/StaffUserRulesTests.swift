import Testing
@testable import KoffiepotRules

@Suite struct StaffUserRulesTests {
    @Test func aNewAdvisorIsValidWithHerAddressInSmallLetters() throws {
        let valid = try StaffUserRules.validate(
            name: " Anja  de Vries ", email: " Anja@CJG.example ", role: "advisor", password: "lange zin van mij"
        ).get()
        #expect(valid.name == "Anja de Vries" && valid.email == "anja@cjg.example" && valid.role == .advisor)
    }

    @Test func aShortPasswordAnUnknownRoleAndAHiddenCharacterAreRefused() {
        guard
            case .failure(let errors) = StaffUserRules.validate(
                name: "An\u{202E}ja", email: "anja", role: "superuser", password: "elf tekens!")
        else { Issue.record("accepted"); return }
        #expect(
            errors.fields == [
                "name": "error.bad_text", "email": "error.email", "role": "error.required",
                "password": "error.password_short",
            ])
    }
}
