import Fluent
import Foundation

/// One anonymous contact for the insight figures: what kind, how it went, which week, where, in which
/// language and through which channel. No name, code or contact; `subjectKey` (a keyed hash) only lets a
/// later change replace the fact instead of counting the contact twice (held → no-show).
final class ContactFact: Model, @unchecked Sendable {
    static let schema = "contact_facts"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "subject_key") var subjectKey: String?
    @Field(key: "kind") var kind: FeedbackKind
    @Field(key: "outcome") var outcome: ContactOutcome
    @Field(key: "week") var week: String
    @OptionalField(key: "location_id") var locationID: UUID?
    @OptionalField(key: "language") var language: String?
    @OptionalField(key: "channel") var channel: String?
    @OptionalField(key: "topic") var topic: String?
    /// People reached: 1 for a booking or question, the adults for a registration or a tally.
    @Field(key: "people") var people: Int
    @OptionalField(key: "response_hours") var responseHours: Int?
    /// The parent's optional answer to "first contact with us this school year?" (nil: not asked or skipped).
    @OptionalField(key: "first_contact") var firstContact: Bool?

    init() {}
}

public enum ContactOutcome: String, Codable, CaseIterable, Sendable {
    case held, noShow = "no_show", registered, attended, answered
}

enum ContactFacts {
    struct Fact: Sendable {
        var kind: FeedbackKind
        var outcome: ContactOutcome
        var at: Date
        var locationID: UUID?
        var language: String? = nil
        var channel: String? = nil
        var topic: String? = nil
        var people = 1
        var responseHours: Int? = nil
        var firstContact: Bool? = nil
    }

    /// Records (or replaces) the fact for one subject.
    static func record(_ fact: Fact, subject: String, secret: String, on db: any Database) async throws {
        let key = PersonalCode.hash("fact:\(subject)", secret: secret)
        try await ContactFact.query(on: db).filter(\.$subjectKey == key).delete()
        let row = ContactFact()
        row.subjectKey = key
        row.kind = fact.kind
        row.outcome = fact.outcome
        row.week = LocalDate(containing: fact.at).startOfWeek.description
        row.locationID = fact.locationID
        row.language = fact.language
        row.channel = fact.channel
        row.topic = fact.topic
        row.people = fact.people
        row.responseHours = fact.responseHours
        row.firstContact = fact.firstContact
        try await row.create(on: db)
    }
}
