import Fluent

struct M009_CreateInvitations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("invitations")
            .id()
            .field("gathering_id", .uuid, .required, .references("gatherings", "id", onDelete: .cascade))
            .field("token", .string, .required)
            .field("label", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token")
            .create()
        try await db.schema("registrations")
            .field("invitation_id", .uuid, .references("invitations", "id", onDelete: .setNull))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("registrations").deleteField("invitation_id").update()
        try await db.schema("invitations").delete()
    }
}
