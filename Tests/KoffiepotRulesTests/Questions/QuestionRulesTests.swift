import Testing

@testable import KoffiepotRules

@Suite struct QuestionRulesTests {
    @Test func aQuestionNeedsWordsAndAKnownLanguage() throws {
        let valid = try QuestionRules.validate(.init(text: "  Hoe krijg ik hem\r\nin bed?  ", contact: " A@B.nl "))
            .get()
        #expect(valid.text == "Hoe krijg ik hem\nin bed?" && valid.contactKind == .email && valid.contact == "a@b.nl")
        guard
            case .failure(let errors) = QuestionRules.validate(
                .init(text: "", contact: "geen", language: "xx", firstContact: "misschien"))
        else { Issue.record("accepted"); return }
        #expect(
            errors.fields == [
                "text": "error.required", "contact": "error.contact", "language": "error.required",
                "first_contact": "error.required",
            ])
    }
}
