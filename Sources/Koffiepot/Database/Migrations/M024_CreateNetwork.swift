import Fluent

/// The professionals' network: partner organisations and the people of them who work at each location.
/// An organisation that still has people at a school cannot be deleted (the database refuses).
struct M024_CreateNetwork: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("organisations")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("about", .string, .required)
            .field("website", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "name")
            .check(
                "organisation_kind",
                "kind IN ('youth_health', 'school_social_work', 'neighbourhood_team', 'attendance', 'preschool', 'library', 'school', 'other')"
            )
            .create()
        try await db.schema("professionals")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .restrict))
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("helps_with", .string, .required)
            .field("helps_teachers", .string, .required)
            .field("presence", .string, .required)
            .field("reach", .string, .required)
            .field("is_public", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .check("professional_name", "name <> ''")
            .create()
        try await SchemaSQL.index(on: db, "professionals_location", table: "professionals", columns: ["location_id"])
    }

    func revert(on db: any Database) async throws {
        try await db.schema("professionals").delete()
        try await db.schema("organisations").delete()
    }
}
