import Fluent
import Foundation

/// A booking of a consultation slot. Only hashes of the personal code and link are stored. There is
/// no case-notes field: Koffiepot is not a file. Everything is purged some days after the slot.
final class Booking: Model, @unchecked Sendable {
    static let schema = "bookings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "slot_id") var slot: ConsultationSlot
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "link_hash") var linkHash: String
    /// The link token sealed with the installation key: lets a typed code lead to the booking's page.
    @Field(key: "link_sealed") var linkSealed: String
    @OptionalField(key: "idempotency_hash") var idempotencyHash: String?
    /// First name or alias.
    @Field(key: "name") var name: String
    @Field(key: "contact_kind") var contactKind: ContactKind
    @OptionalField(key: "contact") var contact: String?
    @Field(key: "topics") var topicKeys: String
    /// Optional short text about what it is about (never sent in any message).
    @Field(key: "about") var about: String
    @Field(key: "participants") var participants: Participants
    @Field(key: "teacher_name") var teacherName: String
    @Field(key: "booker") var booker: Booker
    /// The language the conversation should be in (any language, an interpreter can be asked for).
    @Field(key: "language") var language: String
    /// The outreach channel that brought the booking (`newsletter`, `poster`); nil when none did.
    @OptionalField(key: "via") var via: String?
    @Field(key: "interpreter") var interpreter: Bool
    /// Her optional answer to "first contact with us this school year?", copied to the anonymous fact.
    @OptionalField(key: "first_contact") var firstContact: Bool?
    /// The language of our messages to the booker (one Koffiepot speaks).
    @Field(key: "message_language") var messageLanguage: Language
    @Field(key: "status") var status: BookingStatus
    /// A short practical note by the advisor ("bring the red folder"), purged with the booking.
    @Field(key: "advisor_note") var advisorNote: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "purge_after") var purgeAfter: Date

    init() {}

    var topics: [Topic] { topicKeys.split(separator: ",").compactMap { Topic(rawValue: String($0)) } }
}
