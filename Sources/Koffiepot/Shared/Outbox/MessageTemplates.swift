import Foundation

/// Message texts in the recipient's language, from the locale catalogues (`mail.<template>.*`).
enum MessageTemplates {
    struct Rendered { let subject: String, body: String, sms: String }

    static func render(_ message: OutboxMessage, catalogues: Catalogues) -> Rendered {
        let values = message.values
        let prefix = "mail.\(message.template)"
        return Rendered(
            subject: catalogues.text("\(prefix).subject", message.language, values),
            body: catalogues.text("\(prefix).body", message.language, values) + "\n\n"
                + catalogues.text("mail.footer", message.language, values),
            sms: catalogues.text("\(prefix).sms", message.language, values))
    }
}
