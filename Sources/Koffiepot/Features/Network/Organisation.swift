import Fluent
import Foundation

/// A partner organisation around the schools: youth health care, school social work, the *wijkteam*, …
/// Its people work at locations (`Professional`); the organisation itself is public information.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    typealias Kind = OrganisationKind

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: Kind
    /// What the organisation does, in a sentence (shown to staff and in the open feed).
    @Field(key: "about") var about: String
    @OptionalField(key: "website") var website: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(name: String, kind: Kind, about: String = "", website: String? = nil, now: Date) {
        self.name = name
        self.kind = kind
        self.about = about
        self.website = website
        createdAt = now
        updatedAt = now
    }
}

/// A professional of a partner organisation who works at a location — the who's-who around a school.
/// Shown to staff of that location; to parents only when she chose so (`isPublic`, off by default).
final class Professional: Model, @unchecked Sendable {
    static let schema = "professionals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    /// Her job, e.g. "jeugdverpleegkundige", "IB-er".
    @Field(key: "role") var role: String
    /// What she does for parents.
    @Field(key: "helps_with") var helpsWith: String
    /// What she does for teachers (staff only).
    @Field(key: "helps_teachers") var helpsTeachers: String
    /// When she is there, in words ("dinsdagochtend, om de week").
    @Field(key: "presence") var presence: String
    /// How to reach her (a work phone or address; never a private one).
    @Field(key: "reach") var reach: String
    @Field(key: "is_public") var isPublic: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
