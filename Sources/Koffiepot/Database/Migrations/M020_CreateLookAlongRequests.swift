import Fluent

/// *Meekijken*: a teacher asks the school's advisor to look along on a situation in class. A child's name is
/// only ever stored when the parent agreed — the database's rule, not only the form's.
struct M020_CreateLookAlongRequests: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("look_along_requests")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("teacher_id", .uuid, .required, .references("staff_users", "id", onDelete: .cascade))
            .field("group_name", .string, .required)
            .field("age_years", .int)
            .field("situation", .string, .required)
            .field("question", .string, .required)
            .field("parent_agreed", .bool, .required)
            .field("child_name", .string)
            .field("status", .string, .required)
            .field("planned_at", .datetime)
            .field("plan_note", .string)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .field("purge_after", .datetime)
            .check("look_along_child_needs_consent", "child_name IS NULL OR parent_agreed")
            .check("look_along_status", "status IN ('open', 'planned', 'closed')")
            .create()
        try await SchemaSQL.index(
            on: db, "look_along_requests_location", table: "look_along_requests", columns: ["location_id"])
    }

    func revert(on db: any Database) async throws {
        try await db.schema("look_along_requests").delete()
    }
}
