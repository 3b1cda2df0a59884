import Fluent
import Foundation

/// A bookable *spreekuur* time. `taken` counts booked seats; the database refuses `taken > capacity`,
/// and seats are only taken with a conditional update, so a slot is never double-booked.
final class ConsultationSlot: Model, @unchecked Sendable {
    static let schema = "consultation_slots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "advisor_id") var advisor: StaffUser
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "mode") var mode: SlotMode
    @Field(key: "room") var room: String
    @Field(key: "video_url") var videoURL: String
    @Field(key: "capacity") var capacity: Int
    @Field(key: "taken") var taken: Int
    @Field(key: "cancelled") var cancelled: Bool

    init() {}

    init(
        locationID: UUID, advisorID: UUID, startsAt: Date, endsAt: Date, mode: SlotMode, room: String = "",
        videoURL: String = "", capacity: Int = 1
    ) {
        self.$location.id = locationID
        self.$advisor.id = advisorID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.mode = mode
        self.room = room
        self.videoURL = videoURL
        self.capacity = capacity
        self.taken = 0
        self.cancelled = false
    }

    var placesLeft: Int { max(0, capacity - taken) }
}
