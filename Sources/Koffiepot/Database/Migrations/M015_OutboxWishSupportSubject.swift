import Fluent

/// Messages to a wish supporter name their subject like every other message, so the outbox can
/// withdraw them the same way. The support may go (merged wishes); the message then keeps no link.
struct M015_OutboxWishSupportSubject: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbox_messages")
            .field("wish_support_id", .uuid, .references("wish_supports", "id", onDelete: .setNull)).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbox_messages").deleteField("wish_support_id").update()
    }
}
