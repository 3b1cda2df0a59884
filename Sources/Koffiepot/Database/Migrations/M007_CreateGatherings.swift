import Fluent

struct M007_CreateGatherings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("programmes")
            .id()
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("age_group", .string, .required)
            .field("languages", .string, .required)
            .field("evidence", .string, .required)
            .unique(on: "name")
            .create()
        try await db.schema("gatherings")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("programme_id", .uuid, .references("programmes", "id", onDelete: .setNull))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("room", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("sessions", .int, .required)
            .field("capacity", .int, .required)
            .field("taken", .int, .required)
            .field("languages", .string, .required)
            .field("childcare", .bool, .required)
            .field("topics", .string, .required)
            .field("age_group", .string, .required)
            .field("cancelled", .bool, .required)
            // Places are never given out twice, whatever code runs.
            .check(
                "gatherings_places", "taken >= 0 AND taken <= capacity AND capacity >= 0 AND sessions BETWEEN 1 AND 30"
            )
            .create()
        try await db.schema("registrations")
            .id()
            .field("gathering_id", .uuid, .required, .references("gatherings", "id", onDelete: .cascade))
            .field("seq", .int, .required)
            .field("code_hash", .string, .required)
            .field("link_hash", .string, .required)
            .field("link_sealed", .string, .required)
            .field("idempotency_hash", .string)
            .field("name", .string, .required)
            .field("contact_kind", .string, .required)
            .field("contact", .string)
            .field("adults", .int, .required)
            .field("language", .string, .required)
            .field("childcare", .bool, .required)
            .field("interpreter", .bool, .required)
            .field("message_language", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("promoted_at", .datetime)
            .field("purge_after", .datetime, .required)
            .unique(on: "gathering_id", "seq")
            .unique(on: "code_hash")
            .unique(on: "link_hash")
            .unique(on: "idempotency_hash")
            .check("registrations_adults", "adults BETWEEN 1 AND 10")
            .create()
        try await SchemaSQL.index(
            on: db, "gatherings_location_start", table: "gatherings", columns: ["location_id", "starts_at"])
        try await SchemaSQL.index(
            on: db, "registrations_queue", table: "registrations", columns: ["gathering_id", "status", "seq"])
        try await db.schema("outbox_messages").field(
            "registration_id", .uuid, .references("registrations", "id", onDelete: .cascade)
        ).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbox_messages").deleteField("registration_id").update()
        for table in ["registrations", "gatherings", "programmes"] { try await db.schema(table).delete() }
    }
}
