import Fluent

/// Which schools a teacher works at: she plans conversations and asks to look along there only.
struct M023_CreateLocationTeachers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("location_teachers")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("teacher_id", .uuid, .required, .references("staff_users", "id", onDelete: .cascade))
            .unique(on: "location_id", "teacher_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("location_teachers").delete()
    }
}
