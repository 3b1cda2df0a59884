import Fluent
import Foundation

/// A school, playgroup, daycare, SPIL-centrum, well-baby clinic or community centre.
final class Location: Model, @unchecked Sendable {
    static let schema = "locations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: LocationKind
    @Field(key: "address") var address: String
    @Field(key: "neighbourhood") var neighbourhood: String
    /// CBS *wijkcode* (`WK077210`) and *buurtcode* (`BU07721001`), for exports that join with CBS figures.
    @OptionalField(key: "wijkcode") var wijkcode: String?
    @OptionalField(key: "buurtcode") var buurtcode: String?
    @Field(key: "municipality") var municipality: String
    @Field(key: "region") var region: HolidayRegion
    @Siblings(through: LocationAdvisor.self, from: \.$location, to: \.$advisor) var advisors: [StaffUser]
    /// The teachers who work here (chosen by an admin on the location's edit page).
    @Siblings(through: LocationTeacher.self, from: \.$location, to: \.$teacher) var teachers: [StaffUser]

    init() {}

    init(
        id: UUID? = nil, name: String, kind: LocationKind, address: String,
        neighbourhood: String, municipality: String, region: HolidayRegion
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.address = address
        self.neighbourhood = neighbourhood
        self.municipality = municipality
        self.region = region
    }
}

/// The fixed advisor(s) of a location: "een vast gezicht".
final class LocationAdvisor: Model, @unchecked Sendable {
    static let schema = "location_advisors"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "advisor_id") var advisor: StaffUser

    init() {}
}

/// A teacher works at a school: her conversations and look-along requests are about its families.
final class LocationTeacher: Model, @unchecked Sendable {
    static let schema = "location_teachers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "teacher_id") var teacher: StaffUser

    init() {}
}
