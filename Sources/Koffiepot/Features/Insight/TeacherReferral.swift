import Fluent
import Foundation

/// A contact with parenting support that came through a teacher: a ticked box on a 10-minute conversation,
/// or a look-along request. Only what kind, which week and where — counted on the dashboard (k ≥ 5).
final class TeacherReferral: Model, @unchecked Sendable {
    static let schema = "teacher_referrals"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case conversation
        case lookAlong = "look_along"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Kind
    @Field(key: "week") var week: String
    @Field(key: "location_id") var locationID: UUID

    init() {}

    static func record(_ kind: Kind, at locationID: UUID, now: Date, on db: any Database) async throws {
        let fact = TeacherReferral()
        fact.kind = kind
        fact.week = LocalDate(containing: now).startOfWeek.description
        fact.locationID = locationID
        try await fact.create(on: db)
    }
}
