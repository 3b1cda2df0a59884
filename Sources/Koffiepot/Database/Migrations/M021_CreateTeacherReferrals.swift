import Fluent

/// Anonymous facts for the dashboard: a support request or a look-along request that came through a teacher,
/// with its week and location only — they outlive the requests themselves, which are erased after 30 or 90 days.
struct M021_CreateTeacherReferrals: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("teacher_referrals")
            .id()
            .field("kind", .string, .required)
            .field("week", .string, .required)
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .check("teacher_referrals_kind", "kind IN ('conversation', 'look_along')")
            .create()
        try await SchemaSQL.index(
            on: db, "teacher_referrals_week", table: "teacher_referrals", columns: ["week", "location_id"])
    }

    func revert(on db: any Database) async throws {
        try await db.schema("teacher_referrals").delete()
    }
}
