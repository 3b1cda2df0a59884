import Fluent

/// The advisor answers a support request with a message the parent reads under her code, and may offer
/// consultation times there.
struct M019_SupportRequestAnswers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await db.schema("support_requests").field("answer", .string).update()
        try await db.schema("support_requests").field("offers_consultation", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("support_requests").deleteField("offers_consultation").update()
        try await db.schema("support_requests").deleteField("answer").update()
    }
}
