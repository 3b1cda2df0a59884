import Testing
@testable import KoffiepotRules

@Suite struct WishRulesTests {
    @Test func aPictogramAloneOrAFewWordsAreAWish() throws {
        #expect(try WishRules.validate(topic: "sleep", text: nil).get().topic == .sleep)
        let words = try WishRules.validate(topic: nil, text: "  over   schermtijd ", contact: "06 12345678").get()
        #expect(words.text == "over schermtijd" && words.contact.kind == .sms)
    }

    @Test func nothingATooLongTextOrAContactWeCannotUseIsRefused() {
        func errors(_ result: Result<ValidWish, FieldErrors>) -> [String: String] {
            if case .failure(let errors) = result { return errors.fields }
            return [:]
        }
        #expect(errors(WishRules.validate(topic: "", text: " ")) == ["text": "wish.error.empty"])
        #expect(
            errors(WishRules.validate(topic: nil, text: String(repeating: "a", count: 201))) == [
                "text": "error.too_long"
            ])
        #expect(
            errors(WishRules.validate(topic: "sleep", text: nil, contact: "bel me")) == ["contact": "error.contact"])
    }
}
