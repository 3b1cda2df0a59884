import Fluent

/// The outreach channel that brought a booking (`newsletter`, `poster`), counted when the talk is marked held.
struct M028_BookingVia: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("bookings").field("via", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("bookings").deleteField("via").update()
    }
}
