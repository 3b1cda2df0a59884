import Fluent
import Foundation

/// A weekly presence rule in local time (Europe/Amsterdam): "every Tuesday 08:30–10:00 in the ouderkamer".
final class PresenceRule: Model, @unchecked Sendable {
    static let schema = "presence_rules"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "advisor_id") var advisor: StaffUser
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    @Field(key: "weekday") var weekday: Int
    /// Minutes after local midnight.
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int
    @Field(key: "room") var room: String
    @Field(key: "mode") var mode: PresenceMode

    init() {}
}

/// A dated change to the weekly pattern: one occurrence cancelled, or an extra moment.
final class PresenceException: Model, @unchecked Sendable {
    static let schema = "presence_exceptions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "advisor_id") var advisor: StaffUser
    /// The cancelled rule (nil for an extra moment).
    @OptionalParent(key: "rule_id") var rule: PresenceRule?
    /// Local date, `YYYY-MM-DD`.
    @Field(key: "date") var date: String
    @Field(key: "kind") var kind: PresenceExceptionKind
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int
    @Field(key: "room") var room: String
    @Field(key: "mode") var mode: PresenceMode

    init() {}
}

/// School holidays per region; weekly presence does not happen in them.
final class SchoolHoliday: Model, @unchecked Sendable {
    static let schema = "school_holidays"

    @ID(key: .id) var id: UUID?
    @Field(key: "region") var region: HolidayRegion
    @Field(key: "name") var name: String
    /// Local dates, inclusive, `YYYY-MM-DD`.
    @Field(key: "first_day") var firstDay: String
    @Field(key: "last_day") var lastDay: String

    init() {}
    init(region: HolidayRegion, name: String, firstDay: String, lastDay: String) {
        self.region = region
        self.name = name
        self.firstDay = firstDay
        self.lastDay = lastDay
    }
}

/// A weekly rule or an extra moment, written from a checked form.
protocol PresenceMomentRecord: Model {
    func fill(_ moment: ValidPresenceMoment, location: UUID, advisor: UUID)
}

extension PresenceRule: PresenceMomentRecord {
    func fill(_ moment: ValidPresenceMoment, location: UUID, advisor: UUID) {
        (self.$location.id, self.$advisor.id, weekday) = (location, advisor, moment.weekday ?? 0)
        (startMinute, endMinute, room, mode) = (moment.startMinute, moment.endMinute, moment.room, moment.mode)
    }
}

extension PresenceException: PresenceMomentRecord {
    /// An extra moment: on its date, outside any rule.
    func fill(_ moment: ValidPresenceMoment, location: UUID, advisor: UUID) {
        (self.$location.id, self.$advisor.id, kind) = (location, advisor, .extra)
        date = moment.date?.description ?? ""
        (startMinute, endMinute, room, mode) = (moment.startMinute, moment.endMinute, moment.room, moment.mode)
    }
}
