/// What a wish needs: a topic pictogram or a few words (or both), short and safe.
package enum WishRules {
    package static let maxText = 200

    package static func check(topic: String?, text rawText: String?) -> (
        topic: Topic?, text: String, errors: [String: String]
    ) {
        let topic = topic.flatMap(Topic.init(rawValue:))
        let text = TextRules.singleLine(rawText ?? "")
        var errors: [String: String] = [:]
        if topic == nil && text.isEmpty {
            errors["text"] = "wish.error.empty"
        } else if text.count > maxText {
            errors["text"] = "error.too_long"
        } else if !TextRules.isSafe(text) {
            errors["text"] = "error.bad_text"
        }
        return (topic, text, errors)
    }
}

package enum WishError: Error, Equatable {
    case notFound, alreadySupported, differentLocation
}
