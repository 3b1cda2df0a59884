import Fluent
import Foundation

/// A question and its answer in the public library (*vragenbank*), anonymised by an advisor after the asker
/// agreed. It keeps no link to the question, the thread or the asker, so it outlives the 90-day purge.
final class LibraryEntry: Model, @unchecked Sendable {
    static let schema = "library_entries"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "topic") var topic: Topic?
    @OptionalField(key: "age_group") var ageGroup: AgeGroup?
    @Field(key: "language") var language: String
    @Field(key: "question_text") var questionText: String
    @Field(key: "answer_text") var answerText: String
    @Field(key: "published_at") var publishedAt: Date

    init() {}
}
