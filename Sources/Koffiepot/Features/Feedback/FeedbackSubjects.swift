import Fluent
import Foundation

/// What a code or link may be rated for: a consultation that was held, a gathering that has started for
/// someone who had a place, a question that has an answer. Anything else cannot be rated (yet).
struct FeedbackSubject: Sendable {
    let kind: FeedbackKind
    let id: UUID
    let locationID: UUID?
    let title: String
    /// False while the contact has not taken place; the page then says so instead of showing the faces.
    let ready: Bool
}

enum FeedbackSubjects {
    static func booking(_ booking: Booking, on db: any Database) async throws -> FeedbackSubject? {
        guard booking.status != .cancelled,
            let slot = try await ConsultationSlot.query(on: db).filter(\.$id == booking.$slot.id)
                .with(\.$advisor).first()
        else { return nil }
        return FeedbackSubject(
            kind: .consultation, id: try booking.requireID(), locationID: slot.$location.id,
            title: slot.advisor.name, ready: booking.status == .held)
    }

    static func registration(_ registration: Registration, now: Date, on db: any Database) async throws
        -> FeedbackSubject?
    {
        guard registration.status == .confirmed,
            let gathering = try await Gathering.find(registration.$gathering.id, on: db),
            !gathering.cancelled
        else { return nil }
        return FeedbackSubject(
            kind: gathering.kind == .walkIn ? .walkIn : .gathering, id: try registration.requireID(),
            locationID: gathering.$location.id, title: gathering.title, ready: gathering.startsAt <= now)
    }

    static func question(_ question: Question) throws -> FeedbackSubject {
        FeedbackSubject(
            kind: .question, id: try question.requireID(), locationID: question.$location.id, title: "",
            ready: question.firstAnsweredAt != nil)
    }

    /// A typed code, whichever kind of contact it belongs to.
    static func byCode(_ typed: String, secret: String, now: Date, on db: any Database) async throws -> FeedbackSubject?
    {
        if let (booking, _) = try await CodeLookup.byCode(Booking.self, typed: typed, secret: secret, on: db) {
            return try await self.booking(booking, on: db)
        }
        if let (registration, _) = try await CodeLookup.byCode(Registration.self, typed: typed, secret: secret, on: db)
        {
            return try await self.registration(registration, now: now, on: db)
        }
        if let (question, _) = try await CodeLookup.byCode(Question.self, typed: typed, secret: secret, on: db) {
            return try self.question(question)
        }
        return nil
    }
}

extension FeedbackService {
    /// Checks the input and records it for a subject that is ready to be rated.
    func submit(_ subject: FeedbackSubject, score: Int?, text: String?) async throws -> Result<Void, FeedbackError> {
        switch FeedbackRules.check(score: score, text: text) {
        case .failure(let error): return .failure(error)
        case .success where !subject.ready: return .failure(.notYet)
        case .success(let checked):
            return try await record(subject.kind, subject: subject.id, locationID: subject.locationID, checked)
        }
    }
}
