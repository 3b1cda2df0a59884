import Foundation

package struct ValidLibraryEntry: Sendable, Equatable {
    package var questionText: String, answerText: String, topic: Topic?, ageGroup: AgeGroup?
}

/// Checks before an answered question goes into the public library: both texts (as edited by the advisor, who
/// removes anything that could point to a family) and her confirmation that she did.
package enum LibraryRules {
    package static func validate(
        questionText: String, answerText: String, topic: String, age: String, checked: String
    ) -> Result<ValidLibraryEntry, FieldErrors> {
        let question = TextRules.multiLine(questionText), answer = TextRules.multiLine(answerText)
        var errors: [String: String] = [:]
        errors["question_text"] = TextRules.problem(inRequired: question, maxLength: QuestionRules.maxLength)
        errors["answer_text"] = TextRules.problem(inRequired: answer, maxLength: DeskRules.maxAnswer)
        if checked != "yes" { errors["checked"] = "library.error.confirm" }
        guard errors.isEmpty else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidLibraryEntry(
                questionText: question, answerText: answer, topic: Topic(rawValue: topic),
                ageGroup: AgeGroup(rawValue: age)))
    }
}
