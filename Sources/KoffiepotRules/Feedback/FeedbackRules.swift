/// The five-face scale and the optional "what could be better?".
package enum FeedbackRules {
    package static let scores = 1...5
    package static let maxText = 500
    // The faces from unhappy to happy are pictograms `score-1`…`score-5`; their words are `feedback.score.N`.

    package struct Checked: Sendable, Equatable {
        package let score: Int
        package let text: String?

        package init(score: Int, text: String? = nil) {
            self.score = score
            self.text = text
        }
    }

    /// A message key when the input is refused.
    package static func check(score: Int?, text rawText: String?) -> Result<Checked, FeedbackError> {
        guard let score, scores.contains(score) else { return .failure(.score) }
        let text = TextRules.multiLine(rawText ?? "")
        if text.count > maxText { return .failure(.tooLong) }
        if !TextRules.isSafe(text) { return .failure(.badText) }
        return .success(Checked(score: score, text: text.isEmpty ? nil : text))
    }
}

package enum FeedbackError: Error, Equatable {
    case score, tooLong, badText, alreadyGiven, unknownCode, notYet

    package var messageKey: String {
        switch self {
        case .score: "feedback.error.score"
        case .tooLong: "error.too_long"
        case .badText: "error.bad_text"
        case .alreadyGiven: "feedback.error.already"
        case .unknownCode: "feedback.error.unknown"
        case .notYet: "feedback.error.not_yet"
        }
    }
}
