import Fluent
import Foundation

/// Look-along requests as each role may see them: the teacher her own, the advisor those of her locations.
/// Anything else does not exist for the asker (404, never 403: not even its existence is shown).
struct LookAlongService: Sendable {
    let db: any Database
    let now: Date

    func visible(to user: StaffUser) async throws -> [LookAlongRequest] {
        let query = LookAlongRequest.query(on: db).with(\.$location).with(\.$teacher).sort(\.$createdAt, .descending)
        switch user.role {
        case .teacher:
            query.filter(\.$teacher.$id == (try user.requireID()))
        case .advisor:
            query.filter(\.$location.$id ~~ (try await StaffScope(user, on: db).locations().compactMap(\.id)))
        case .admin, .coordinator, .ambassador, .privacyOfficer:
            return []
        }
        let requests = try await query.all()
        // Open first, then planned, then closed.
        let order: [LookAlongRequest.Status] = [.open, .planned, .closed]
        return order.flatMap { status in requests.filter { $0.status == status } }
    }

    func find(_ id: UUID?, for user: StaffUser) async throws -> LookAlongRequest? {
        guard let id else { return nil }
        return try await visible(to: user).first { $0.id == id }
    }

    func create(at locationID: UUID, by teacher: StaffUser, _ valid: ValidLookAlong) async throws -> LookAlongRequest {
        let request = LookAlongRequest()
        request.$location.id = locationID
        request.$teacher.id = try teacher.requireID()
        request.group = valid.group
        request.ageYears = valid.ageYears
        request.situation = valid.situation
        request.question = valid.question
        request.parentAgreed = valid.parentAgreed
        request.childName = valid.childName
        request.status = .open
        request.createdAt = now
        try await WriteTransaction.run(on: db) { tx in
            try await request.create(on: tx)
            try await TeacherReferral.record(.lookAlong, at: locationID, now: now, on: tx)
        }
        return request
    }

    enum Outcome { case done(LookAlongRequest), notFound, invalid(FieldErrors) }

    /// The advisor proposes a moment to come and look along (and may propose another later).
    func plan(_ id: UUID?, by advisor: StaffUser, when: String, note: String) async throws -> Outcome {
        guard advisor.role == .advisor, let request = try await find(id, for: advisor), request.status != .closed else {
            return .notFound
        }
        let note = TextRules.multiLine(note)
        var errors = LookAlongRules.problems(planNote: note)
        let moment = LocalTimestamp.parse(when)
        if moment == nil {
            errors["when"] = "error.time_format"
        } else if let moment, moment < now {
            errors["when"] = "error.date_past"
        }
        guard errors.isEmpty, let moment else { return .invalid(FieldErrors(errors)) }
        request.status = .planned
        request.plannedAt = moment
        request.planNote = note.isEmpty ? nil : note
        try await request.update(on: db)
        return .done(request)
    }

    /// Done: kept 90 days after closing, then erased.
    func close(_ id: UUID?, by advisor: StaffUser) async throws -> Outcome {
        guard advisor.role == .advisor, let request = try await find(id, for: advisor) else { return .notFound }
        if request.status != .closed {
            request.status = .closed
            request.closedAt = now
            request.purgeAfter = now.addingTimeInterval(LookAlongRules.retentionDays * 86400)
            try await request.update(on: db)
        }
        return .done(request)
    }
}
