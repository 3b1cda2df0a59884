import Fluent

/// Answers to writes sent with an idempotency key, kept 24 hours so a repeat gets the first answer (see
/// `IdempotencyMiddleware`). The unique key hash is what stops two concurrent repeats from both writing.
struct M030_CreateIdempotencyKeys: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("idempotency_keys")
            .id()
            .field("key_hash", .string, .required)
            .field("body_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("status", .int)
            .field("content_type", .string)
            .field("body_sealed", .string)
            .unique(on: "key_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("idempotency_keys").delete()
    }
}
