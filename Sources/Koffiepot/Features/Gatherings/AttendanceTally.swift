import Fluent
import Foundation

/// How many came to one session: a tally, no names — walk-ins included. Feeds reach figures later.
final class AttendanceTally: Model, @unchecked Sendable {
    static let schema = "attendance_tallies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "gathering_id") var gathering: Gathering
    /// 0-based session number (a course has several).
    @Field(key: "session") var session: Int
    @Field(key: "adults") var adults: Int
    @Field(key: "children") var children: Int
    /// Language codes heard, comma separated.
    @Field(key: "languages") var languages: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}
