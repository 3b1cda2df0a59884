import Fluent

/// "Parenting support answered you" is about the support request (`OutboxSubject.supportRequest`).
struct M022_OutboxSupportRequestSubject: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbox_messages")
            .field("support_request_id", .uuid, .references("support_requests", "id", onDelete: .setNull)).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbox_messages").deleteField("support_request_id").update()
    }
}
