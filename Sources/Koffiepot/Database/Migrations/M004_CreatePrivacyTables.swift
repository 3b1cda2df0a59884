import Fluent

struct M004_CreatePrivacyTables: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("access_log")
            .id()
            .field("at", .datetime, .required)
            .field("staff_user_id", .uuid, .required)
            .field("role", .string, .required)
            .field("subject", .string, .required)
            .create()
        try await SchemaSQL.refuseUpdates(on: db, table: "access_log")
        try await db.schema("job_runs")
            .id()
            .field("job", .string, .required)
            .field("tick", .int64, .required)
            .field("ran_at", .datetime, .required)
            .unique(on: "job", "tick")
            .create()
        try await db.schema("app_secrets")
            .id()
            .field("name", .string, .required)
            .field("value", .string, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("app_secrets").delete()
        try await db.schema("job_runs").delete()
        try await db.schema("access_log").delete()
    }
}
