import Fluent
import Foundation

/// The contact a piece of feedback is about.
public enum FeedbackKind: String, Codable, CaseIterable, Sendable {
    case consultation, gathering, question
    /// A coffee morning visited without registering, rated through the QR poster on the table.
    case walkIn = "walk_in"

    var labelKey: String { "feedback.kind.\(rawValue)" }
}

/// One satisfaction response: "Tevredenheid van ouders is bepalend voor succes CJG." It holds the week, not
/// the moment, and no identity; `subjectKey` is a keyed hash of the booking, registration or question (unique
/// in the database), so one code counts once even after the code itself is purged.
final class Feedback: Model, @unchecked Sendable {
    static let schema = "feedback"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: FeedbackKind
    @OptionalField(key: "subject_key") var subjectKey: String?
    @OptionalField(key: "location_id") var locationID: UUID?
    @Field(key: "score") var score: Int
    @OptionalField(key: "text") var text: String?
    /// Monday of the week, `YYYY-MM-DD`: periods are never finer than a week.
    @Field(key: "week") var week: String

    init() {}
}
