import Fluent
import Foundation

/// The advisor's side of the tick box on the conversation form: the requests of her locations, her answer
/// (read by the parent under her code), and the parent taking a request back.
struct SupportRequestService: Sendable {
    let db: any Database
    let settings: Settings
    let now: Date

    static let maxAnswer = 1000

    /// The requests of the advisor's locations: open first, newest first.
    func requests(for advisor: StaffUser) async throws -> [SupportRequest] {
        let locations = try await StaffScope(advisor, on: db).locations().compactMap(\.id)
        let requests = try await SupportRequest.query(on: db).filter(\.$location.$id ~~ locations).with(\.$location)
            .sort(\.$createdAt, .descending).all()
        return requests.filter { $0.status == .open } + requests.filter { $0.status != .open }
    }

    /// What the advisor may send: a few plain words, or only the offer of her consultation hours.
    static func problems(answer: String, offersConsultation: Bool) -> [String: String] {
        if answer.isEmpty { return offersConsultation ? [:] : ["answer": "error.required"] }
        if answer.count > maxAnswer { return ["answer": "error.too_long"] }
        return TextRules.isSafe(answer) ? [:] : ["answer": "error.bad_text"]
    }

    enum AnswerOutcome: Equatable { case answered, notFound, invalid(FieldErrors) }

    /// Answers a request of one of the advisor's locations and marks it handled: from now on it is kept
    /// 30 days, like a consultation.
    func answer(_ id: UUID, by advisor: StaffUser, text: String, offersConsultation: Bool) async throws -> AnswerOutcome
    {
        guard let request = try await requests(for: advisor).first(where: { $0.id == id }) else { return .notFound }
        let answer = TextRules.multiLine(text)
        let errors = Self.problems(answer: answer, offersConsultation: offersConsultation)
        guard errors.isEmpty else { return .invalid(FieldErrors(errors)) }
        request.answer = answer.isEmpty ? nil : answer
        request.offersConsultation = offersConsultation
        request.status = .handled
        request.handledAt = now
        request.purgeAfter = now.addingTimeInterval(ConversationService.retentionDays * 86400)
        try await WriteTransaction.run(on: db) { tx in
            try await request.update(on: tx)
            try await tellAnswered(request, on: tx)
        }
        return .answered
    }

    /// "There is an answer for you", with her link — never the answer itself. To the contact she gave for the
    /// advisor, else the one of her code; nothing when she left none (she reads it with her code).
    private func tellAnswered(_ request: SupportRequest, on tx: any Database) async throws {
        guard let code = try await ConversationCode.find(request.$code.id, on: tx),
            let token = PersonalCode.unseal(code.linkSealed, secret: settings.secret ?? ""),
            let recipient = request.contact != nil
                ? OutboxRecipient(kind: request.contactKind, contact: request.contact, language: code.messageLanguage)
                : OutboxRecipient(kind: code.contactKind, contact: code.contact, language: code.messageLanguage)
        else { return }
        try await Outbox(db: tx, now: now).enqueue(
            .supportAnswered, about: .supportRequest(request.requireID()), to: recipient,
            values: ["link": Paths.absolute(Paths.conversation(token), settings.publicURL)])
    }

    /// The parent takes back "I would like to talk to someone": the request is erased, the conversation stays.
    func withdraw(_ requestID: UUID, of code: ConversationCode) async throws {
        try await WriteTransaction.run(on: db) { tx in
            guard
                try await SupportRequest.query(on: tx).filter(\.$id == requestID).filter(
                    \.$code.$id == code.requireID()
                ).count() == 1
            else { return }
            try await Outbox(db: tx, now: now).withdrawPending(subject: .supportRequest(requestID))
            try await SupportRequest.query(on: tx).filter(\.$id == requestID).delete()
        }
    }
}
