import Fluent

struct M001_CreateStaff: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("staff_users")
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("intro", .string, .required)
            .field("topics", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await db.schema("staff_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("staff_users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await db.schema("login_failures")
            .id()
            .field("key_hash", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("login_failures").delete()
        try await db.schema("staff_sessions").delete()
        try await db.schema("staff_users").delete()
    }
}
