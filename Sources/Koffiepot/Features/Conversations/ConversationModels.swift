import Fluent
import Foundation

/// A round of *tienminutengesprekken*: the parent-teacher conversations of one group, planned by its teacher.
final class ConversationRound: Model, @unchecked Sendable {
    static let schema = "conversation_rounds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    /// The teacher who planned it: the only teacher who sees it.
    @Parent(key: "teacher_id") var teacher: StaffUser
    @Field(key: "title") var title: String
    @Field(key: "group_name") var group: String
    @Field(key: "slot_minutes") var slotMinutes: Int
    @Field(key: "break_minutes") var breakMinutes: Int
    @Field(key: "created_at") var createdAt: Date
    /// A month after its last conversation the round goes, with everything booked in it.
    @Field(key: "purge_after") var purgeAfter: Date

    init() {}
}

/// One conversation time in a round; holds at most one booking (a unique index on the booking's slot).
final class ConversationSlot: Model, @unchecked Sendable {
    static let schema = "conversation_slots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: ConversationRound
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date

    init() {}
}

/// What a parent holds: one personal code for all her conversations (siblings in several groups) and the
/// contact for their confirmations and reminders. Only keyed hashes of code and link are kept.
final class ConversationCode: Model, CodeHolder, @unchecked Sendable {
    static let schema = "conversation_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "link_hash") var linkHash: String
    @Field(key: "link_sealed") var linkSealed: String
    @Field(key: "contact_kind") var contactKind: ContactKind
    @OptionalField(key: "contact") var contact: String?
    @Field(key: "message_language") var messageLanguage: Language
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "purge_after") var purgeAfter: Date
    @Children(for: \.$code) var bookings: [ConversationBooking]

    init() {}
}

/// A parent's conversation with the teacher: names only, what the teacher needs to know who comes.
final class ConversationBooking: Model, @unchecked Sendable {
    static let schema = "conversation_bookings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "slot_id") var slot: ConversationSlot
    @Parent(key: "round_id") var round: ConversationRound
    @Parent(key: "code_id") var code: ConversationCode
    @Field(key: "parent_name") var parentName: String
    @Field(key: "child_name") var childName: String
    /// The language the parent would like to talk in (the school may arrange an interpreter).
    @Field(key: "language") var language: String
    @Field(key: "created_at") var createdAt: Date
    /// Keyed hash of the idempotency key it was booked with (unique): sent again, the same booking comes back.
    @OptionalField(key: "idempotency_hash") var idempotencyHash: String?

    init() {}
}

/// "I would like to talk to someone from parenting support", ticked on the booking form. It goes to the
/// advisor of the location and never to the teacher: nothing the teacher sees reads it or counts it.
final class SupportRequest: Model, @unchecked Sendable {
    static let schema = "support_requests"

    enum Status: String, Codable, Sendable { case open, handled }

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "code_id") var code: ConversationCode
    @Field(key: "topics") var topicKeys: String
    @Field(key: "note") var note: String
    @Field(key: "contact_kind") var contactKind: ContactKind
    @OptionalField(key: "contact") var contact: String?
    @Field(key: "status") var status: Status
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "handled_at") var handledAt: Date?
    /// The advisor's answer, read by the parent on her code page.
    @OptionalField(key: "answer") var answer: String?
    /// The advisor offers her consultation hours: the code page lists the free times of the location.
    @Field(key: "offers_consultation") var offersConsultation: Bool
    /// Like a consultation: 30 days after it was handled; until then at the latest with the code.
    @OptionalField(key: "purge_after") var purgeAfter: Date?

    init() {}

    var topics: [Topic] { topicKeys.split(separator: ",").compactMap { Topic(rawValue: String($0)) } }
}
