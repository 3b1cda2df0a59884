import Fluent

/// Confirmations and reminders of a 10-minute conversation are about that conversation (`OutboxSubject.conversation`).
struct M018_OutboxConversationSubject: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbox_messages")
            .field("conversation_booking_id", .uuid, .references("conversation_bookings", "id", onDelete: .setNull))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbox_messages").deleteField("conversation_booking_id").update()
    }
}
