import Fluent
import Foundation

/// A coffee morning, theme evening or course. `taken` counts adults with a confirmed place; the database
/// refuses `taken > capacity` and places are only taken with a conditional update.
final class Gathering: Model, @unchecked Sendable {
    static let schema = "gatherings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @OptionalParent(key: "programme_id") var programme: Programme?
    @Field(key: "kind") var kind: GatheringKind
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "room") var room: String
    /// The first (or only) session.
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    /// Weekly sessions for a course (1 for anything else).
    @Field(key: "sessions") var sessions: Int
    /// Places for adults; 0 for a walk-in without sign-up.
    @Field(key: "capacity") var capacity: Int
    @Field(key: "taken") var taken: Int
    /// Languages spoken, comma separated codes.
    @Field(key: "languages") var languages: String
    @Field(key: "childcare") var childcare: Bool
    @Field(key: "topics") var topicKeys: String
    @Field(key: "age_group") var ageGroup: AgeGroup
    @Field(key: "cancelled") var cancelled: Bool
    /// The ambassador parent who hosts a parent-run gathering.
    @OptionalField(key: "host_id") var hostID: UUID?
    /// The hosts would like a professional to join.
    @Field(key: "wants_professional") var wantsProfessional: Bool
    /// The advisor who accepted that request.
    @OptionalParent(key: "professional_id") var professional: StaffUser?

    init() {}

    /// A new gathering from a checked plan, with no places taken yet.
    init(plan: GatheringPlanRules.Valid, locationID: UUID, topics: [Topic], childcare: Bool) {
        self.$location.id = locationID
        self.kind = plan.kind
        self.title = plan.title
        self.description = plan.description
        self.room = plan.room
        self.startsAt = plan.start
        self.endsAt = plan.end
        self.sessions = plan.sessions
        self.capacity = plan.capacity
        self.taken = 0
        self.languages = plan.languages.joined(separator: ",")
        self.childcare = childcare
        self.topicKeys = topics.map(\.rawValue).joined(separator: ",")
        self.ageGroup = plan.ageGroup
        self.cancelled = false
        self.wantsProfessional = false
    }

    var topics: [Topic] { topicKeys.split(separator: ",").compactMap { Topic(rawValue: String($0)) } }
    var languageCodes: [String] { languages.split(separator: ",").map(String.init) }
    var placesLeft: Int { max(0, capacity - taken) }

    /// Start of every session: weekly, in local time, so 19:30 stays 19:30 across daylight saving.
    var sessionStarts: [Date] {
        let day = LocalDate(containing: startsAt), minute = Calendar.amsterdamMinute(of: startsAt)
        return (0..<max(1, sessions)).compactMap { day.adding(days: 7 * $0).instant(minute: minute) }
    }

    /// When the last session ends (for retention).
    var lastEnd: Date { (sessionStarts.last ?? startsAt).addingTimeInterval(endsAt.timeIntervalSince(startsAt)) }
}
