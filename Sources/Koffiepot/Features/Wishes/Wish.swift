import Fluent
import Foundation

public enum WishStatus: String, Codable, Sendable {
    /// `merged`: folded into another wish (its supports moved there); `planned`: became a gathering.
    case open, merged, planned
}

/// "Waar wil je het over hebben?" — a topic parents propose for their location. Anonymous; other parents
/// support it with one tap.
final class Wish: Model, @unchecked Sendable {
    static let schema = "wishes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @OptionalField(key: "topic") var topic: Topic?
    @Field(key: "text") var text: String
    @Field(key: "status") var status: WishStatus
    /// Kept equal to the number of `wish_supports` rows by `WishService` (one transaction per change).
    @Field(key: "supports") var supports: Int
    @OptionalField(key: "merged_into") var mergedInto: UUID?
    @OptionalField(key: "gathering_id") var gatheringID: UUID?
    @Field(key: "week") var week: String

    init() {}

    /// How the count is shown everywhere outside the database: 1–4 as "<5" (see `SmallCells`), so a count
    /// can never point to the one or two parents behind a sensitive topic.
    var supportsShown: String { SmallCells.shown(supports) }
}

/// One device's support for a wish (unique per wish in the database). The contact is optional, only to say
/// "your wish became a gathering", and is erased once that is said.
final class WishSupport: Model, @unchecked Sendable {
    static let schema = "wish_supports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "wish_id") var wish: Wish
    @Field(key: "device_key") var deviceKey: String
    @Field(key: "contact_kind") var contactKind: ContactKind
    @OptionalField(key: "contact") var contact: String?
    @Field(key: "message_language") var messageLanguage: Language
    @Field(key: "week") var week: String

    init() {}
}
