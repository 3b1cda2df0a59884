import Fluent
import Foundation

/// *Meekijken*: a teacher's request to the advisor of her school to look along on a situation in class.
/// The family stays unnamed unless the parent agreed; the teacher sees her own requests, the advisor those of
/// her locations, nobody else any.
final class LookAlongRequest: Model, @unchecked Sendable {
    static let schema = "look_along_requests"

    enum Status: String, Codable, Sendable { case open, planned, closed }

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "teacher_id") var teacher: StaffUser
    @Field(key: "group_name") var group: String
    @OptionalField(key: "age_years") var ageYears: Int?
    @Field(key: "situation") var situation: String
    @Field(key: "question") var question: String
    @Field(key: "parent_agreed") var parentAgreed: Bool
    /// Only when the parent agreed (a CHECK constraint).
    @OptionalField(key: "child_name") var childName: String?
    @Field(key: "status") var status: Status
    /// The moment the advisor proposed to come and look along.
    @OptionalField(key: "planned_at") var plannedAt: Date?
    @OptionalField(key: "plan_note") var planNote: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// 90 days after it was closed.
    @OptionalField(key: "purge_after") var purgeAfter: Date?

    init() {}
}
