import Fluent
import Foundation

public enum RegistrationStatus: String, Codable, Sendable {
    case confirmed, waitlisted, cancelled
}

/// A registration for a theme evening or course, without an account. `seq` orders the waiting list
/// (first come, first served); it is unique per gathering.
final class Registration: Model, @unchecked Sendable {
    static let schema = "registrations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "gathering_id") var gathering: Gathering
    @Field(key: "seq") var seq: Int
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "link_hash") var linkHash: String
    @Field(key: "link_sealed") var linkSealed: String
    @OptionalField(key: "idempotency_hash") var idempotencyHash: String?
    @Field(key: "name") var name: String
    @Field(key: "contact_kind") var contactKind: ContactKind
    @OptionalField(key: "contact") var contact: String?
    @Field(key: "adults") var adults: Int
    @Field(key: "language") var language: String
    @Field(key: "childcare") var childcare: Bool
    @Field(key: "interpreter") var interpreter: Bool
    @Field(key: "message_language") var messageLanguage: Language
    @Field(key: "status") var status: RegistrationStatus
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "promoted_at") var promotedAt: Date?
    @Field(key: "purge_after") var purgeAfter: Date
    /// The invitation that brought this registration in (for reach per channel), if any.
    @OptionalParent(key: "invitation_id") var invitation: Invitation?

    init() {}
}
