import Fluent

/// *Tienminutengesprekken*: rounds planned by a teacher, their slots, the parents' codes and bookings, and the
/// private support requests ticked on the booking form. One conversation per slot is the database's rule.
struct M017_CreateConversations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("conversation_rounds")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("teacher_id", .uuid, .required, .references("staff_users", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("group_name", .string, .required)
            .field("slot_minutes", .int, .required)
            .field("break_minutes", .int, .required)
            .field("created_at", .datetime, .required)
            .field("purge_after", .datetime, .required)
            .check("conversation_rounds_lengths", "slot_minutes BETWEEN 5 AND 30 AND break_minutes BETWEEN 0 AND 30")
            .create()
        try await db.schema("conversation_slots")
            .id()
            .field("round_id", .uuid, .required, .references("conversation_rounds", "id", onDelete: .cascade))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .unique(on: "round_id", "starts_at")
            .check("conversation_slots_order", "ends_at > starts_at")
            .create()
        try await db.schema("conversation_codes")
            .id()
            .field("code_hash", .string, .required)
            .field("link_hash", .string, .required)
            .field("link_sealed", .string, .required)
            .field("contact_kind", .string, .required)
            .field("contact", .string)
            .field("message_language", .string, .required)
            .field("created_at", .datetime, .required)
            .field("purge_after", .datetime, .required)
            .unique(on: "code_hash")
            .unique(on: "link_hash")
            .create()
        try await db.schema("conversation_bookings")
            .id()
            .field("slot_id", .uuid, .required, .references("conversation_slots", "id", onDelete: .cascade))
            .field("round_id", .uuid, .required, .references("conversation_rounds", "id", onDelete: .cascade))
            .field("code_id", .uuid, .required, .references("conversation_codes", "id", onDelete: .cascade))
            .field("parent_name", .string, .required)
            .field("child_name", .string, .required)
            .field("language", .string, .required)
            .field("created_at", .datetime, .required)
            // One conversation per slot, whatever code runs and however many instances.
            .unique(on: "slot_id")
            .create()
        try await db.schema("support_requests")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("code_id", .uuid, .required, .references("conversation_codes", "id", onDelete: .cascade))
            .field("topics", .string, .required)
            .field("note", .string, .required)
            .field("contact_kind", .string, .required)
            .field("contact", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("handled_at", .datetime)
            .field("purge_after", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in [
            "support_requests", "conversation_bookings", "conversation_codes", "conversation_slots",
            "conversation_rounds",
        ] {
            try await db.schema(table).delete()
        }
    }
}
