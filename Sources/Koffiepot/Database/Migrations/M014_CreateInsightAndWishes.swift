import Fluent

/// Anonymous contact facts for the insight dashboard (they outlive the purge of the bookings, registrations
/// and questions they come from) and the parents' topic wishes with their supports.
struct M014_CreateInsightAndWishes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("contact_facts")
            .id()
            .field("subject_key", .string)
            .field("kind", .string, .required)
            .field("outcome", .string, .required)
            .field("week", .string, .required)
            .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
            .field("language", .string)
            .field("channel", .string)
            .field("topic", .string)
            .field("people", .int, .required)
            .field("response_hours", .int)
            .unique(on: "subject_key")
            .check("contact_facts_people", "people >= 0")
            .create()
        // Covering indexes in the order the dashboard groups by, so SQLite reads each figure from one index
        // without sorting (measured in scripts/bench: the 3-year municipality view went from ~380 to well
        // under 100 ms).
        try await SchemaSQL.index(
            on: db, "contact_facts_groups", table: "contact_facts",
            columns: ["kind", "outcome", "language", "channel", "week", "location_id", "people"])
        try await SchemaSQL.index(
            on: db, "contact_facts_questions", table: "contact_facts",
            columns: ["kind", "week", "response_hours", "location_id"])
        try await SchemaSQL.index(
            on: db, "feedback_weeks", table: "feedback", columns: ["week", "kind", "score", "location_id"])
        try await SchemaSQL.index(
            on: db, "feedback_locations", table: "feedback", columns: ["location_id", "week", "kind", "score"])

        try await db.schema("wishes")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("topic", .string)
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("supports", .int, .required)
            .field("merged_into", .uuid, .references("wishes", "id", onDelete: .setNull))
            .field("gathering_id", .uuid, .references("gatherings", "id", onDelete: .setNull))
            .field("week", .string, .required)
            .check("wishes_supports", "supports >= 0")
            .check("wishes_status", "status IN ('open', 'merged', 'planned')")
            .create()
        try await SchemaSQL.index(
            on: db, "wishes_location", table: "wishes", columns: ["location_id", "status", "supports"])
        // One support per device per wish: the database refuses a second one, whatever the code does.
        try await db.schema("wish_supports")
            .id()
            .field("wish_id", .uuid, .required, .references("wishes", "id", onDelete: .cascade))
            .field("device_key", .string, .required)
            .field("contact_kind", .string, .required)
            .field("contact", .string)
            .field("message_language", .string, .required)
            .field("week", .string, .required)
            .unique(on: "wish_id", "device_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("wish_supports").delete()
        try await db.schema("wishes").delete()
        try await db.schema("contact_facts").delete()
    }
}
