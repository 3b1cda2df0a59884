import Fluent
import SQLKit

/// Whom we do not reach yet: per location and school year the families a school has and the share per home
/// language (whole percentages, staff-entered), and the parent's optional answer "is this your first contact
/// with us this school year?" — on the booking and question until their contact fact is written, and on the
/// anonymous fact itself.
struct M035_SchoolFamilies: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("school_families")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("school_year", .string, .required)
            .field("families", .int, .required)
            .field("updated_at", .datetime, .required)
            .check("school_families_count", "families BETWEEN 1 AND 5000")
            .unique(on: "location_id", "school_year")
            .create()
        try await db.schema("school_family_languages")
            .id()
            .field("school_families_id", .uuid, .required, .references("school_families", "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("percent", .int, .required)
            .check("school_family_languages_percent", "percent BETWEEN 1 AND 100")
            .unique(on: "school_families_id", "language")
            .create()
        for table in ["contact_facts", "bookings", "questions"] {
            try await db.schema(table).field("first_contact", .bool).update()
        }
        // The reach figures read one school year of contacts that happened: a covering index of only those rows
        // (partial, so the dashboard's other groupings never pick it; measured at `demo --scale 60`: 48 → 12 ms).
        try await db.sql.raw(
            """
            CREATE INDEX contact_facts_reach ON contact_facts (week, location_id, language, outcome, people, first_contact)
            WHERE outcome <> 'no_show'
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX contact_facts_reach").run()
        for table in ["contact_facts", "bookings", "questions"] {
            try await db.schema(table).deleteField("first_contact").update()
        }
        try await db.schema("school_family_languages").delete()
        try await db.schema("school_families").delete()
    }
}
