import Fluent

struct M002_CreateLocations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("locations")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("address", .string, .required)
            .field("neighbourhood", .string, .required)
            .field("municipality", .string, .required)
            .field("region", .string, .required)
            .create()
        try await db.schema("location_advisors")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("advisor_id", .uuid, .required, .references("staff_users", "id", onDelete: .cascade))
            .unique(on: "location_id", "advisor_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("location_advisors").delete()
        try await db.schema("locations").delete()
    }
}
