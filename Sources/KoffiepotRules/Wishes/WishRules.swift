/// What a wish needs: a topic pictogram or a few words (or both), short and safe.
package enum WishRules {
    package static let maxText = 200

    /// A wish as a parent typed it, with the optional way to reach her when it is planned (the API takes none).
    package static func validate(topic: String?, text rawText: String?, contact rawContact: String = "") -> Result<
        ValidWish, FieldErrors
    > {
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
        let contact = TextRules.contact(rawContact)
        if contact == nil { errors["contact"] = "error.contact" }
        guard errors.isEmpty, let contact else { return .failure(FieldErrors(errors)) }
        return .success(ValidWish(topic: topic, text: text, contact: contact))
    }
}

package struct ValidWish: Sendable, Equatable {
    package var topic: Topic?, text: String
    package var contact: (kind: ContactKind, value: String?)

    package static func == (a: ValidWish, b: ValidWish) -> Bool {
        a.topic == b.topic && a.text == b.text && a.contact.kind == b.contact.kind && a.contact.value == b.contact.value
    }
}

package enum WishError: Error, Equatable {
    case notFound, alreadySupported, differentLocation
}
