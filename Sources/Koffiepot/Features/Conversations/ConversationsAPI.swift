import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// The 10-minute conversations in the JSON API (see `openapi.yaml`): the teacher's round, the parents'
/// bookings, and the advisor's support requests.
extension KoffiepotAPI {
    var conversations: ConversationService {
        ConversationService(db: db, settings: app.settings, catalogues: app.catalogues, now: clock.now())
    }

    func roundLink(_ id: UUID) -> String { Paths.absolute(Paths.round(id), publicURL) }

    func times(_ slot: ConversationSlot) -> Components.Schemas.ConversationSlotTimes {
        .init(
            id: slot.id?.uuidString ?? "", start: LocalTimestamp.format(slot.startsAt),
            end: LocalTimestamp.format(slot.endsAt))
    }

    func createConversationRound(_ input: Operations.createConversationRound.Input) async throws
        -> Operations.createConversationRound.Output
    {
        let user = try staff([.teacher, .coordinator, .admin])
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let locationID = try await StaffScope(user, on: db).location(body.locationId) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation))))
        }
        let days = body.days.map { RoundDay(date: $0.date, from: $0.from, to: $0.to) }
        switch try await conversations.planRound(
            locationID: locationID, teacherID: user.requireID(), title: body.title, group: body.group,
            slotMinutes: body.slotMinutes ?? 10, breakMinutes: body.breakMinutes ?? 0, days: days)
        {
        case .failure(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        case .success(let (round, slots)):
            let id = try round.requireID()
            return .created(.init(body: .json(.init(id: id.uuidString, link: roundLink(id), slots: slots.map(times)))))
        }
    }

    /// The teacher's view: names only. A ticked support request changes nothing here.
    func getConversationRound(_ input: Operations.getConversationRound.Input) async throws
        -> Operations.getConversationRound.Output
    {
        let user = try staff([.teacher, .coordinator, .admin])
        guard let round = try await ownRound(input.path.id, user) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownRound))))
        }
        let id = try round.requireID()
        let slots = try await conversations.overview(of: id)
        try await AccessLog.record(
            slots.compactMap { $0.booking?.id }.map(RecordSubject.conversation), by: user, at: clock.now(), on: db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: id.uuidString, locationId: round.$location.id.uuidString, title: round.title,
                        group: round.group, link: roundLink(id),
                        slots: slots.map { slot, booking in
                            .init(
                                id: slot.id?.uuidString ?? "", start: LocalTimestamp.format(slot.startsAt),
                                end: LocalTimestamp.format(slot.endsAt),
                                parentName: booking?.parentName, childName: booking?.childName)
                        }))))
    }

    /// Teachers see their own rounds only; coordinators and admins every round. Anything else does not exist.
    func ownRound(_ rawID: String, _ user: StaffUser) async throws -> ConversationRound? {
        guard let id = UUID(uuidString: rawID), let round = try await ConversationRound.find(id, on: db) else {
            return nil
        }
        if user.role == .teacher, round.$teacher.id != user.id { return nil }
        return round
    }

    func listConversationSlots(_ input: Operations.listConversationSlots.Input) async throws
        -> Operations.listConversationSlots.Output
    {
        guard let id = UUID(uuidString: input.path.id), try await ConversationRound.find(id, on: db) != nil else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownRound))))
        }
        return .ok(
            .init(
                body: .json(
                    try await conversations.slots(of: id).map { entry in
                        .init(
                            id: entry.slot.id?.uuidString ?? "", start: LocalTimestamp.format(entry.slot.startsAt),
                            end: LocalTimestamp.format(entry.slot.endsAt), free: entry.free)
                    })))
    }

    func createConversationBooking(_ input: Operations.createConversationBooking.Input) async throws
        -> Operations.createConversationBooking.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let roundID = UUID(uuidString: input.path.id), try await ConversationRound.find(roundID, on: db) != nil
        else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownRound))))
        }
        let request = ConversationBookingInput(
            parentName: body.parentName, childName: body.childName, contact: body.contact ?? "",
            language: body.language ?? "nl",
            support: body.supportRequest.map {
                .init(topics: $0.topics.map(\.rawValue), note: $0.note ?? "", contact: $0.contact ?? "")
            })
        let valid: ValidConversationBooking
        switch ConversationRules.validate(request) {
        case .success(let v): valid = v
        case .failure(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        }
        guard let slotID = UUID(uuidString: body.slotId) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownSlot))))
        }
        switch try await conversations.book(
            roundID: roundID, slotID: slotID, valid, existingCode: body.code.map { .typed($0) },
            messageLanguage: APIClient.language,
            idempotencyKey: input.headers.Idempotency_hyphen_Key)
        {
        case .booked(let code, let slot):
            return .created(
                .init(
                    body: .json(
                        .init(
                            code: code.display, link: Paths.absolute(Paths.conversation(code.linkToken), publicURL),
                            slot: times(slot))))
            )
        case .taken(let nearest):
            return .conflict(.init(body: .application_problem_plus_json(conflict(.slotTaken, nearest: nearest))))
        case .overlap:
            return .conflict(.init(body: .application_problem_plus_json(conflict(.overlap, nearest: []))))
        case .unknownSlot:
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownSlot))))
        case .unknownCode:
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownCode))))
        }
    }

    private func conflict(_ code: APIErrorCode, nearest: [ConversationSlot]) -> Components.Schemas.ConversationConflict
    {
        let base = problem(.conflict, code)
        return .init(
            _type: base._type, title: base.title, status: base.status, detail: base.detail,
            error: .init(rawValue: code.rawValue) ?? .slot_taken, message: base.message, nearest: nearest.map(times))
    }

    /// The advisor's requests: her locations only, open first, newest first.
    func listSupportRequests(_ input: Operations.listSupportRequests.Input) async throws
        -> Operations.listSupportRequests.Output
    {
        let user = try staff([.advisor])
        let requests = try await SupportRequestService(db: db, settings: app.settings, now: clock.now()).requests(
            for: user)
        try await AccessLog.record(
            requests.compactMap(\.id).map(RecordSubject.supportRequest), by: user, at: clock.now(), on: db)
        return .ok(
            .init(
                body: .json(
                    requests.map { request in
                        .init(
                            id: request.id?.uuidString ?? "", locationId: request.$location.id.uuidString,
                            createdAt: LocalTimestamp.format(request.createdAt),
                            topics: request.topics.map(\.rawValue), note: request.note, contact: request.contact,
                            status: .init(rawValue: request.status.rawValue) ?? .open)
                    })))
    }
}
