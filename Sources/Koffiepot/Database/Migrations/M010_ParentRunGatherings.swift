import Fluent

/// Parent-run gatherings: who hosts, whether a professional is wanted, and who accepted.
/// One column per statement: SQLite adds only one column per `ALTER TABLE`.
struct M010_ParentRunGatherings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("gatherings").field("host_id", .uuid, .references("staff_users", "id", onDelete: .setNull))
            .update()
        try await db.schema("gatherings").field("wants_professional", .bool, .required, .sql(.default(false))).update()
        try await db.schema("gatherings").field(
            "professional_id", .uuid, .references("staff_users", "id", onDelete: .setNull)
        ).update()
    }

    func revert(on db: any Database) async throws {
        for field in ["professional_id", "wants_professional", "host_id"] {
            try await db.schema("gatherings").deleteField(.string(field)).update()
        }
    }
}
