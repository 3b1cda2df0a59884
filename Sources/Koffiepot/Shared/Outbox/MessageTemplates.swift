import Foundation

/// Message texts in the recipient's language, from the locale catalogues (`mail.<template>.*`).
enum MessageTemplates {
    struct Rendered { let subject: String, body: String, sms: String }

    static func render(_ message: OutboxMessage, catalogues: Catalogues) -> Rendered {
        let values = message.values
        let prefix = "mail.\(message.template)"
        return Rendered(
            subject: catalogues.text("\(prefix).subject", message.language, values),
            body: catalogues.text("\(prefix).body", message.language, values) + "\n\n" + catalogues.text("mail.footer", message.language, values),
            sms: catalogues.text("\(prefix).sms", message.language, values))
    }

    static let templates = ["booking_confirmed", "booking_reminder", "booking_cancelled", "booking_moved",
                            "registration_confirmed", "registration_waitlisted", "registration_promoted", "question_answered",
                            "feedback_request", "wish_planned", "gathering_cancelled"]
}
