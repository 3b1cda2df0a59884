import Fluent
import Foundation

/// A personal API token of a staff member, for a school's or municipality's own system (class lists,
/// agendas). Shown once when made; only a keyed hash is kept, with the owner's name for it and when it was
/// last used. `Authorization: Bearer <token>` on `/api/v1/…` acts as its owner with her role.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    static let prefix = "kp_"
    static let maxName = 60

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: StaffUser
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    /// Makes a token for `userID` and returns it with the plain text, which is never stored.
    static func issue(to userID: UUID, name: String, secret: String, now: Date, on db: any Database) async throws -> (
        APIToken, String
    ) {
        let plain = prefix + PersonalCode.randomToken()
        let token = APIToken()
        token.$user.id = userID
        token.name = name
        token.tokenHash = PersonalCode.hash(plain, secret: secret)
        token.createdAt = now
        try await token.create(on: db)
        return (token, plain)
    }

    /// The active owner of a presented token, noting the use (at most once a minute, like sessions).
    static func owner(of presented: String, secret: String, now: Date, on db: any Database) async throws -> StaffUser? {
        guard presented.hasPrefix(prefix), presented.count < 200 else { return nil }
        guard
            let token = try await APIToken.query(on: db).filter(
                \.$tokenHash == PersonalCode.hash(presented, secret: secret)
            )
            .with(\.$user).first(), token.user.active
        else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = now
            try await token.save(on: db)
        }
        return token.user
    }

    /// What is wrong with a token name (a catalogue key), nil when it is fine: short, one line, safe text.
    static func problem(inName name: String) -> String? {
        TextRules.problem(inRequired: name, maxLength: maxName)
    }
}
