import Fluent
import Foundation

public enum QuestionStatus: String, Codable, Sendable {
    /// Waiting for an advisor; `claimed` means one is writing the answer.
    case open, claimed, answered, closed
}

/// An everyday parenting question (*vraagbaak*), asked anonymously. No IP address, user agent or cookie id
/// is stored with it; only the asker's code reaches it. Nothing goes into any file; it is purged after 90 days.
final class Question: Model, @unchecked Sendable {
    static let schema = "questions"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "location_id") var location: Location?
    @OptionalField(key: "topic") var topic: Topic?
    @OptionalField(key: "age_group") var ageGroup: AgeGroup?
    @Field(key: "text") var text: String
    @Field(key: "language") var language: String
    @Field(key: "message_language") var messageLanguage: Language
    @Field(key: "contact_kind") var contactKind: ContactKind
    @OptionalField(key: "contact") var contact: String?
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "link_hash") var linkHash: String
    @Field(key: "link_sealed") var linkSealed: String
    @Field(key: "status") var status: QuestionStatus
    @OptionalField(key: "claimed_by") var claimedBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @Field(key: "purge_after") var purgeAfter: Date
    /// When the parent was told to expect an answer (see `ResponsePromise`).
    @OptionalField(key: "due_at") var dueAt: Date?
    /// The first answer: the response time the desk and the dashboard measure.
    @OptionalField(key: "first_answered_at") var firstAnsweredAt: Date?
    /// The asker agrees that an anonymised version may go into the public library; they can withdraw it.
    @Field(key: "consent_publish") var consentPublish: Bool
    /// Her optional answer to "first contact with us this school year?", copied to the anonymous fact.
    @OptionalField(key: "first_contact") var firstContact: Bool?
    /// An anonymised version is in the library (the entry itself does not point back here).
    @Field(key: "published") var published: Bool

    init() {}
}

/// One message in a question's thread: the asker's follow-up or an advisor's answer.
final class QuestionMessage: Model, @unchecked Sendable {
    static let schema = "question_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "question_id") var question: Question
    @Field(key: "from_advisor") var fromAdvisor: Bool
    @OptionalField(key: "advisor_id") var advisorID: UUID?
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Date
    /// An answer may point to a consultation slot or a gathering the parent can book straight away.
    @OptionalField(key: "slot_id") var slotID: UUID?
    @OptionalField(key: "gathering_id") var gatheringID: UUID?

    init() {}
}

extension Question: CodeHolder {}
