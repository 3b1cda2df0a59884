import Fluent

/// Devices that opened a record with a right personal code: they keep their own look-up budget (see `CodeGuard`).
struct M029_KnownDevices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("known_devices")
            .id()
            .field("key_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "key_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("known_devices").delete()
    }
}
