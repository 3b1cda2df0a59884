import Fluent
import Foundation

public enum OutboxChannel: String, Codable, Sendable {
    case email, sms

    /// The channel for a person's one contact; nil when they left none.
    init?(_ kind: ContactKind) {
        switch kind {
        case .email: self = .email
        case .sms: self = .sms
        case .none: return nil
        }
    }
}

public enum OutboxStatus: String, Codable, Sendable {
    /// Waiting for `notBefore`; `sending` is leased by one worker; `dead` gave up after the last try.
    case pending, sending, sent, dead, cancelled
}

/// A message to send, written in the same transaction as what caused it, so a booking never exists
/// without its confirmation and a rolled-back booking sends nothing.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox_messages"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "booking_id") var booking: Booking?
    @OptionalParent(key: "registration_id") var registration: Registration?
    @OptionalParent(key: "question_id") var question: Question?
    @OptionalParent(key: "wish_support_id") var wishSupport: WishSupport?
    @OptionalParent(key: "conversation_booking_id") var conversation: ConversationBooking?
    @OptionalParent(key: "support_request_id") var supportRequest: SupportRequest?
    @Field(key: "channel") var channel: OutboxChannel
    @Field(key: "recipient") var recipient: String
    @Field(key: "language") var language: Language
    @Field(key: "template") var template: String
    /// JSON of the template's values: a link, a time, a place — never what a parent wrote.
    @Field(key: "payload") var payload: String
    /// Unique, so enqueueing the same message twice (retries of a request) stores it once.
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "status") var status: OutboxStatus
    @Field(key: "attempts") var attempts: Int
    @Field(key: "not_before") var notBefore: Date
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @Field(key: "last_error") var lastError: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    /// Only `Outbox.enqueue` makes messages, so every one has its subject, template and dedupe key.
    init(
        subject: OutboxSubject, template: MessageTemplate, recipient: OutboxRecipient, values: [String: String],
        dedupeKey: String, notBefore: Date, now: Date
    ) {
        switch subject {
        case .booking(let id): self.$booking.id = id
        case .registration(let id): self.$registration.id = id
        case .question(let id): self.$question.id = id
        case .wishSupport(let id): self.$wishSupport.id = id
        case .conversation(let id): self.$conversation.id = id
        case .supportRequest(let id): self.$supportRequest.id = id
        }
        self.channel = recipient.channel
        self.recipient = recipient.address
        self.language = recipient.language
        self.template = template.rawValue
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])) ?? Data("{}".utf8)
        self.payload = String(decoding: data, as: UTF8.self)
        self.dedupeKey = dedupeKey
        self.status = .pending
        self.attempts = 0
        self.notBefore = notBefore
        self.lastError = ""
        self.createdAt = now
    }

    var values: [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: String]) ?? [:]
    }
}
