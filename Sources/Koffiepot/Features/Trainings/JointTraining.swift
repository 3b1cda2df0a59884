import Fluent
import Foundation

/// A joint training (*gezamenlijke scholing*) that people of several organisations follow together, e.g. the
/// *meldcode kindermishandeling*. Places are counted in `taken`; the database refuses more than `capacity`.
final class JointTraining: Model, @unchecked Sendable {
    static let schema = "joint_trainings"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "about") var about: String
    @Field(key: "place") var place: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "capacity") var capacity: Int
    @Field(key: "taken") var taken: Int
    /// The organisations it is meant for, comma-separated ids (the CJG and schools are always welcome).
    @Field(key: "organisation_ids") var organisationIDs: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var audience: [UUID] { organisationIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

/// One person on a joint training: a staff member who signed herself up, or a professional of the who's-who
/// whom a coordinator signed up (partners have no account). Exactly one of the two (a CHECK constraint).
final class TrainingSignup: Model, @unchecked Sendable {
    static let schema = "training_signups"

    enum Status: String, Codable, Sendable { case confirmed, waitlisted, cancelled }

    @ID(key: .id) var id: UUID?
    @Parent(key: "training_id") var training: JointTraining
    @OptionalParent(key: "staff_user_id") var staffUser: StaffUser?
    @OptionalParent(key: "professional_id") var professional: Professional?
    /// Queue order: first come, first served.
    @Field(key: "seq") var seq: Int
    @Field(key: "status") var status: Status
    @Field(key: "attended") var attended: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var name: String { staffUser?.name ?? professional?.name ?? "" }
}
