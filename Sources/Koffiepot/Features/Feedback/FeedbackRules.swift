/// The five-face scale and the optional "what could be better?".
enum FeedbackRules {
    static let scores = 1...5
    static let maxText = 500
    // The faces from unhappy to happy are pictograms `score-1`…`score-5`; their words are `feedback.score.N`.

    struct Checked: Sendable, Equatable {
        let score: Int
        let text: String?
    }

    /// A message key when the input is refused.
    static func check(score: Int?, text rawText: String?) -> Result<Checked, FeedbackError> {
        guard let score, scores.contains(score) else { return .failure(.score) }
        let text = TextRules.multiLine(rawText ?? "")
        if text.count > maxText { return .failure(.tooLong) }
        if !TextRules.isSafe(text) { return .failure(.badText) }
        return .success(Checked(score: score, text: text.isEmpty ? nil : text))
    }
}

enum FeedbackError: Error, Equatable {
    case score, tooLong, badText, alreadyGiven, unknownCode, notYet

    var messageKey: String {
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
