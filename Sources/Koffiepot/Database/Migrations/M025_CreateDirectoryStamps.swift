import Fluent

/// When each object of the open social-map feed last changed, as the feed noticed it: a digest of what
/// was published and the moment it first differed (see `SocialMapFeed`).
struct M025_CreateDirectoryStamps: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("directory_stamps")
            .id()
            .field("entity_id", .string, .required)
            .field("digest", .string, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "entity_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("directory_stamps").delete()
    }
}
