import Fluent
import Foundation

/// A personal invitation to a gathering — "niet per brief maar persoonlijk": a short link or a printed card
/// with a QR code, optionally labelled ("for Fatima's mother"). Registrations count per invitation (the
/// channel), never per person.
final class Invitation: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "gathering_id") var gathering: Gathering
    /// Short, random, in the link `/i/<token>`.
    @Field(key: "token") var token: String
    @Field(key: "label") var label: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// 10 Crockford characters (50 bits): short enough to type from a card, too many to guess usefully
    /// (an invitation only opens a public page).
    static func newToken() -> String { String(PersonalCode.generate().typed.prefix(10)).lowercased() }
}
