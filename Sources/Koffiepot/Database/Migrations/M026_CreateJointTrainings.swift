import Fluent

/// Joint trainings for professionals with a waiting list. As with gatherings, the database keeps the places
/// honest (`taken` never above `capacity`) and one person is on a training once.
struct M026_CreateJointTrainings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("joint_trainings")
            .id()
            .field("title", .string, .required)
            .field("about", .string, .required)
            .field("place", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("capacity", .int, .required)
            .field("taken", .int, .required)
            .field("organisation_ids", .string, .required)
            .field("created_at", .datetime, .required)
            .check("joint_training_places", "taken >= 0 AND taken <= capacity AND capacity BETWEEN 1 AND 500")
            .create()
        try await db.schema("training_signups")
            .id()
            .field("training_id", .uuid, .required, .references("joint_trainings", "id", onDelete: .cascade))
            .field("staff_user_id", .uuid, .references("staff_users", "id", onDelete: .cascade))
            .field("professional_id", .uuid, .references("professionals", "id", onDelete: .cascade))
            .field("seq", .int, .required)
            .field("status", .string, .required)
            .field("attended", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "training_id", "seq")
            .unique(on: "training_id", "staff_user_id")
            .unique(on: "training_id", "professional_id")
            .check("training_signup_one_person", "(staff_user_id IS NULL) <> (professional_id IS NULL)")
            .check("training_signup_status", "status IN ('confirmed', 'waitlisted', 'cancelled')")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("training_signups").delete()
        try await db.schema("joint_trainings").delete()
    }
}
