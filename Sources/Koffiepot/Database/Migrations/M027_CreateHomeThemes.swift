import Fluent

/// Home themes (*VVE Thuis*): themes per location and group, their activities and words, the anonymous
/// "we did this" taps (one per activity and device, by a unique index) and uploaded pictures.
struct M027_CreateHomeThemes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("theme_pictures")
            .id()
            .field("content_type", .string, .required)
            .field("bytes", .data, .required)
            .field("created_at", .datetime, .required)
            .check("theme_picture_type", "content_type IN ('image/png', 'image/jpeg', 'image/webp')")
            .create()
        try await db.schema("home_themes")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("group_name", .string, .required)
            .field("title", .string, .required)
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .field("intro", .string, .required)
            .field("rhyme", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .check("home_theme_period", "first_day <= last_day")
            .create()
        try await SchemaSQL.index(
            on: db, "home_themes_location", table: "home_themes", columns: ["location_id", "first_day"])
        try await db.schema("home_activities")
            .id()
            .field("theme_id", .uuid, .required, .references("home_themes", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("steps", .string, .required)
            .field("materials", .string, .required)
            .field("pictogram", .string, .required)
            .field("picture_id", .uuid, .references("theme_pictures", "id", onDelete: .setNull))
            .unique(on: "theme_id", "position")
            .create()
        try await db.schema("theme_words")
            .id()
            .field("theme_id", .uuid, .required, .references("home_themes", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("nl", .string, .required)
            .field("en", .string, .required)
            .field("ar", .string, .required)
            .field("pl", .string, .required)
            .field("tr", .string, .required)
            .field("uk", .string, .required)
            .unique(on: "theme_id", "position")
            .create()
        try await db.schema("home_activity_done")
            .id()
            .field("activity_id", .uuid, .required, .references("home_activities", "id", onDelete: .cascade))
            .field("device_key", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "activity_id", "device_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["home_activity_done", "theme_words", "home_activities", "home_themes", "theme_pictures"] {
            try await db.schema(table).delete()
        }
    }
}
