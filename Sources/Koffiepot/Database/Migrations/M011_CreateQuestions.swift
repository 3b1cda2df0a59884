import Fluent

struct M011_CreateQuestions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("questions")
            .id()
            .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("topic", .string)
            .field("age_group", .string)
            .field("text", .string, .required)
            .field("language", .string, .required)
            .field("message_language", .string, .required)
            .field("contact_kind", .string, .required)
            .field("contact", .string)
            .field("code_hash", .string, .required)
            .field("link_hash", .string, .required)
            .field("link_sealed", .string, .required)
            .field("status", .string, .required)
            .field("claimed_by", .uuid, .references("staff_users", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("answered_at", .datetime)
            .field("purge_after", .datetime, .required)
            .unique(on: "code_hash")
            .unique(on: "link_hash")
            .create()
        try await db.schema("question_messages")
            .id()
            .field("question_id", .uuid, .required, .references("questions", "id", onDelete: .cascade))
            .field("from_advisor", .bool, .required)
            .field("advisor_id", .uuid, .references("staff_users", "id", onDelete: .setNull))
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SchemaSQL.index(on: db, "questions_queue", table: "questions", columns: ["status", "created_at"])
        try await db.schema("outbox_messages").field(
            "question_id", .uuid, .references("questions", "id", onDelete: .cascade)
        ).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbox_messages").deleteField("question_id").update()
        try await db.schema("question_messages").delete()
        try await db.schema("questions").delete()
    }
}
