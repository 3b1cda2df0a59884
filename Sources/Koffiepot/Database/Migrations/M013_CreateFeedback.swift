import Fluent

/// One-tap satisfaction after every contact. A row holds the week, never the moment, and no identity:
/// `subject_key` is a keyed hash of the booking, registration or question, unique so that one code counts once.
struct M013_CreateFeedback: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("feedback")
            .id()
            .field("kind", .string, .required)
            .field("subject_key", .string)
            .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("score", .int, .required)
            .field("text", .string)
            .field("week", .string, .required)
            .unique(on: "subject_key")
            .check("feedback_score", "score BETWEEN 1 AND 5")
            .check("feedback_kind", "kind IN ('consultation', 'gathering', 'question', 'walk_in')")
            .create()
        try await SchemaSQL.index(on: db, "feedback_week", table: "feedback", columns: ["week", "location_id"])
    }

    func revert(on db: any Database) async throws {
        try await db.schema("feedback").delete()
    }
}
