import Fluent
import Foundation

/// Asking, answering and following up. The asker is known only by the code; messages carry a link only.
struct QuestionService: Sendable {
    let db: any Database
    let settings: Settings
    let catalogues: Catalogues
    let now: Date

    static let retentionDays = 90
    static let maxLength = QuestionRules.maxLength

    struct Asked: Sendable { let id: UUID; let code: PersonalCode }

    struct Input: Sendable {
        var text: String
        var topic: Topic?
        var ageGroup: AgeGroup?
        var language: String
        var contactKind: ContactKind
        var contact: String?
        var locationID: UUID?
        var consentPublish = false
        var firstContact: Bool? = nil
    }

    /// Where an answer points: a consultation slot or a gathering the parent can book from the answer.
    struct Pointer: Sendable {
        var slotID: UUID?
        var gatheringID: UUID?
    }

    func ask(_ input: Input, messageLanguage: Language) async throws -> Asked {
        let secret = settings.secret ?? ""
        let (_, code) = CodeLookup.issue(idempotencyKey: nil, secret: secret)
        let question = Question()
        question.$location.id = input.locationID
        question.topic = input.topic
        question.ageGroup = input.ageGroup
        question.text = input.text
        question.language = input.language
        question.messageLanguage = messageLanguage
        question.contactKind = input.contactKind
        question.contact = input.contact
        try question.storeCredentials(code, secret: secret)
        question.status = .open
        question.createdAt = now
        question.dueAt = ResponsePromise.due(askedAt: now)
        question.consentPublish = input.consentPublish
        question.firstContact = input.firstContact
        question.published = false
        question.purgeAfter = now.addingTimeInterval(Double(Self.retentionDays) * 86400)
        try await question.create(on: db)
        return Asked(id: try question.requireID(), code: code)
    }

    /// The asker adds to the thread; the question goes back to the queue.
    func followUp(_ question: Question, text: String) async throws {
        try await db.transaction { tx in
            let message = QuestionMessage()
            message.$question.id = try question.requireID()
            message.fromAdvisor = false
            message.text = text
            message.createdAt = now
            try await message.create(on: tx)
            question.status = .open
            question.dueAt = ResponsePromise.due(askedAt: now)
            try await question.save(on: tx)
        }
    }

    /// An advisor answers; the asker is told (link only) when they left a contact.
    func answer(_ question: Question, by advisor: StaffUser, text: String, pointer: Pointer = .init()) async throws {
        let secret = settings.secret ?? ""
        try await db.transaction { tx in
            let message = QuestionMessage()
            message.$question.id = try question.requireID()
            message.fromAdvisor = true
            message.advisorID = advisor.id
            message.text = text
            message.slotID = pointer.slotID
            message.gatheringID = pointer.gatheringID
            message.createdAt = now
            try await message.create(on: tx)
            question.status = .answered
            question.answeredAt = now
            if question.firstAnsweredAt == nil {
                question.firstAnsweredAt = now
                try await ContactFacts.record(
                    .init(
                        kind: .question, outcome: .answered, at: question.createdAt, locationID: question.$location.id,
                        language: question.language, channel: "direct", topic: question.topic?.rawValue,
                        responseHours: ResponsePromise.responseHours(asked: question.createdAt, answered: now),
                        firstContact: question.firstContact),
                    subject: "question:\(try question.requireID())", secret: secret, on: tx)
            }
            question.claimedBy = advisor.id
            try await question.save(on: tx)
            if let recipient = OutboxRecipient(
                kind: question.contactKind, contact: question.contact, language: question.messageLanguage),
                let token = PersonalCode.unseal(question.linkSealed, secret: secret)
            {
                try await Outbox(db: tx, now: now).enqueue(
                    .questionAnswered, about: .question(try question.requireID()), to: recipient,
                    values: [
                        "link": Paths.absolute(Paths.question(token), settings.publicURL),
                        "days": "\(Self.retentionDays)",
                    ],
                    occasion: "\(try message.requireID())")
            }
        }
    }
}
