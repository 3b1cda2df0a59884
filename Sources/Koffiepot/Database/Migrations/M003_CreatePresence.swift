import Fluent

struct M003_CreatePresence: AsyncMigration {
    /// The database itself refuses impossible times, whatever code writes them.
    static let validTimes = "start_minute >= 0 AND end_minute <= 1440 AND end_minute > start_minute"

    func prepare(on db: any Database) async throws {
        try await db.schema("presence_rules")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("advisor_id", .uuid, .required, .references("staff_users", "id", onDelete: .cascade))
            .field("weekday", .int, .required)
            .field("start_minute", .int, .required)
            .field("end_minute", .int, .required)
            .field("room", .string, .required)
            .field("mode", .string, .required)
            .check("presence_rules_times", Self.validTimes)
            .check("presence_rules_weekday", "weekday BETWEEN 1 AND 7")
            .create()
        try await db.schema("presence_exceptions")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("advisor_id", .uuid, .required, .references("staff_users", "id", onDelete: .cascade))
            .field("rule_id", .uuid, .references("presence_rules", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("start_minute", .int, .required)
            .field("end_minute", .int, .required)
            .field("room", .string, .required)
            .field("mode", .string, .required)
            // One cancellation per rule and day, also when two people click at once.
            .unique(on: "rule_id", "date")
            .check("presence_exceptions_times", Self.validTimes)
            .create()
        try await db.schema("school_holidays")
            .id()
            .field("region", .string, .required)
            .field("name", .string, .required)
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("school_holidays").delete()
        try await db.schema("presence_exceptions").delete()
        try await db.schema("presence_rules").delete()
    }
}
