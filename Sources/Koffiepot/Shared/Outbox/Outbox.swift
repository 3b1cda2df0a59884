import Fluent
import Foundation

/// What a message is about. Withdrawing pending messages and asking "was this already sent?" go per
/// subject, so every feature withdraws the same way.
enum OutboxSubject: Sendable, Equatable {
    case booking(UUID)
    case registration(UUID)
    case question(UUID)
    /// One supporter's contact on a wish (*wens*), told once when the wish became a gathering.
    case wishSupport(UUID)
    /// A parent's 10-minute conversation with the teacher.
    case conversation(UUID)
    /// A parent's request to talk to parenting support, ticked on a conversation booking.
    case supportRequest(UUID)

    var id: UUID {
        switch self {
        case .booking(let id), .registration(let id), .question(let id), .wishSupport(let id), .conversation(let id),
            .supportRequest(let id):
            id
        }
    }
}

/// Every message Koffiepot sends; the raw value is the catalogue prefix `mail.<template>.*`.
enum MessageTemplate: String, CaseIterable, Codable, Sendable {
    case bookingConfirmed = "booking_confirmed"
    case bookingReminder = "booking_reminder"
    case bookingCancelled = "booking_cancelled"
    case bookingMoved = "booking_moved"
    case registrationConfirmed = "registration_confirmed"
    case registrationWaitlisted = "registration_waitlisted"
    case registrationPromoted = "registration_promoted"
    case questionAnswered = "question_answered"
    case feedbackRequest = "feedback_request"
    case wishPlanned = "wish_planned"
    case gatheringCancelled = "gathering_cancelled"
    case conversationConfirmed = "conversation_confirmed"
    case conversationReminder = "conversation_reminder"
    case conversationMoved = "conversation_moved"
    case supportAnswered = "support_answered"
}

/// Where a message goes: the one contact a person left, in the language they chose.
struct OutboxRecipient: Sendable {
    let channel: OutboxChannel
    let address: String
    let language: Language

    /// Nil when the person left no contact: then nothing is sent.
    init?(kind: ContactKind, contact: String?, language: Language) {
        guard let contact, let channel = OutboxChannel(kind) else { return nil }
        self.channel = channel
        address = contact
        self.language = language
    }
}

/// The one way into and out of the outbox, always inside the caller's transaction: a message exists
/// exactly when what caused it does.
struct Outbox {
    let db: any Database
    let now: Date

    /// When a reminder goes: the evening before (18:00 Amsterdam time); nil when that has already passed.
    static func reminderTime(before start: Date, now: Date) -> Date? {
        guard let eve = LocalDate(containing: start).adding(days: -1).instant(minute: 18 * 60), eve > now else {
            return nil
        }
        return eve
    }

    /// Stores a message once: the same template, subject and `occasion` again (a retried request) is
    /// ignored by the unique dedupe key.
    func enqueue(
        _ template: MessageTemplate, about subject: OutboxSubject, to recipient: OutboxRecipient,
        values: [String: String], occasion: String = "", notBefore: Date? = nil
    ) async throws {
        let message = OutboxMessage(
            subject: subject, template: template, recipient: recipient, values: values,
            dedupeKey: "\(template.rawValue):\(subject.id):\(occasion)", notBefore: notBefore ?? now, now: now)
        try await message.create(on: db)
    }

    /// Nothing more is sent about this subject: pending messages, those waiting for a retry and those a
    /// worker holds right now (the worker's result never revives a withdrawn message) are cancelled.
    /// `only` limits it to some templates.
    func withdrawPending(subject: OutboxSubject, only templates: [MessageTemplate]? = nil) async throws {
        var query = messages(about: subject).filter(\.$status ~~ [.pending, .sending])
        if let templates { query = query.filter(\.$template ~~ templates.map(\.rawValue)) }
        try await query.set(\.$status, to: .cancelled).set(\.$leaseUntil, to: nil).update()
    }

    /// Removes every message about the subject, sent or not, with the address it went to: for a parent who
    /// erases her data. A worker holding one right now finds nothing left to update.
    func erase(subject: OutboxSubject) async throws {
        try await messages(about: subject).delete()
    }

    /// Whether a message of this template about this subject was ever stored (sent, pending or withdrawn).
    func hasMessage(_ template: MessageTemplate, about subject: OutboxSubject) async throws -> Bool {
        try await messages(about: subject).filter(\.$template == template.rawValue).count() > 0
    }

    private func messages(about subject: OutboxSubject) -> QueryBuilder<OutboxMessage> {
        let query = OutboxMessage.query(on: db)
        return switch subject {
        case .booking(let id): query.filter(\.$booking.$id == id)
        case .registration(let id): query.filter(\.$registration.$id == id)
        case .question(let id): query.filter(\.$question.$id == id)
        case .wishSupport(let id): query.filter(\.$wishSupport.$id == id)
        case .conversation(let id): query.filter(\.$conversation.$id == id)
        case .supportRequest(let id): query.filter(\.$supportRequest.$id == id)
        }
    }
}
