import Fluent

struct M008_CreateAttendance: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("attendance_tallies")
            .id()
            .field("gathering_id", .uuid, .required, .references("gatherings", "id", onDelete: .cascade))
            .field("session", .int, .required)
            .field("adults", .int, .required)
            .field("children", .int, .required)
            .field("languages", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "gathering_id", "session")
            .check("attendance_counts", "adults BETWEEN 0 AND 500 AND children BETWEEN 0 AND 500 AND session >= 0")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("attendance_tallies").delete()
    }
}
