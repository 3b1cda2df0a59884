import Testing
@testable import KoffiepotRules

@Suite struct LibraryRulesTests {
    @Test func anEntryNeedsBothTextsAndTheAdvisorsConfirmation() {
        guard
            case .failure(let errors) = LibraryRules.validate(
                questionText: "Hoe lang slaapt een peuter?", answerText: " ", topic: "sleep", age: "", checked: "")
        else { Issue.record("accepted"); return }
        #expect(errors.fields == ["answer_text": "error.required", "checked": "library.error.confirm"])
    }

    @Test func aConfirmedEntryKeepsItsTopicAndNoUnknownAge() throws {
        let valid = try LibraryRules.validate(
            questionText: "Hoe lang slaapt een peuter?\r\n", answerText: "Elf tot veertien uur.", topic: "sleep",
            age: "toddlers?", checked: "yes"
        ).get()
        #expect(valid.questionText == "Hoe lang slaapt een peuter?" && valid.topic == .sleep && valid.ageGroup == nil)
    }

    @Test func anAnswerLongerThanTheDeskTakesIsRefused() {
        let long = String(repeating: "a", count: DeskRules.maxAnswer + 1)
        #expect(DeskRules.validateAnswer(long) == .failure(FieldErrors(["text": "error.too_long"])))
        #expect(DeskRules.validateAnswer(" Fijn dat u het vraagt. ") == .success("Fijn dat u het vraagt."))
    }
}
