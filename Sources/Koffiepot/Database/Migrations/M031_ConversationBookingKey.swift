import Fluent
import SQLKit

/// A conversation booking remembers the idempotency key it was made with (a keyed hash), like consultation
/// bookings and registrations: a parent whose answer was lost when a server died gets her own booking back
/// when her phone sends again, instead of "this time was just taken" by herself.
struct M031_ConversationBookingKey: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("conversation_bookings").field("idempotency_hash", .string).update()
        try await db.sql.raw(
            "CREATE UNIQUE INDEX conversation_bookings_idempotency ON conversation_bookings (idempotency_hash)"
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX conversation_bookings_idempotency").run()
        try await db.schema("conversation_bookings").deleteField("idempotency_hash").update()
    }
}
