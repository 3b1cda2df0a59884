import Fluent
import Foundation

/// A staff member: admin, coordinator, advisor (*opvoedadviseur*, *jeugdverpleegkundige*) or teacher.
/// Advisors carry the public face shown on location pages: name, intro and topics.
public final class StaffUser: Model, @unchecked Sendable {
    public static let schema = "staff_users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: Role
    @Field(key: "password_hash") var passwordHash: String
    /// A short personal introduction shown to parents ("Ik ben Anja, …").
    @Field(key: "intro") var intro: String
    /// Topic keys (see `Topic`) the advisor helps with, comma separated.
    @Field(key: "topics") var topicKeys: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    public init() {}

    init(
        id: UUID? = nil, email: String, name: String, role: Role, passwordHash: String,
        intro: String = "", topics: [Topic] = []
    ) {
        self.id = id
        self.email = email.lowercased()
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.intro = intro
        self.topicKeys = topics.map(\.rawValue).joined(separator: ",")
        self.active = true
    }

    var topics: [Topic] { topicKeys.split(separator: ",").compactMap { Topic(rawValue: String($0)) } }

    /// Two letters for the avatar when there is no photo.
    var initials: String { PersonName.initials(name) }
}
