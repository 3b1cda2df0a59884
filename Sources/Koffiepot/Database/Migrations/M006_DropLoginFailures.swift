import Fluent

/// Failed logins are now rate-limit events (one table for every throttle).
struct M006_DropLoginFailures: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("login_failures").delete()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("login_failures")
            .id()
            .field("key_hash", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }
}
