import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// The booking part of the public API (see `openapi.yaml`).
extension KoffiepotAPI {
    func getLocationSlots(_ input: Operations.getLocationSlots.Input) async throws -> Operations.getLocationSlots.Output
    {
        guard let location = try await LocationQueries.find(input.path.id, on: db) else { return .notFound(notFound) }
        let now = clock.now()
        let range: (LocalDate, LocalDate)
        switch Self.dateRange(from: input.query.from, to: input.query.to, today: LocalDate(containing: now)) {
        case .success(let r): range = r
        case .failure(let problem):
            return .badRequest(.init(body: .application_problem_plus_json(problem.schema(localizer))))
        }
        let slots = try await SlotQueries.free(
            at: location.requireID(), from: range.0, through: range.1, now: now, on: db)
        return .ok(
            .init(
                body: .json(
                    slots.map { view in
                        Components.Schemas.Slot(
                            id: view.id.uuidString, start: LocalTimestamp.format(view.slot.startsAt),
                            end: LocalTimestamp.format(view.slot.endsAt),
                            mode: .init(rawValue: view.slot.mode.rawValue) ?? .in_person, room: view.slot.room,
                            placesLeft: view.slot.placesLeft,
                            advisorId: view.slot.$advisor.id.uuidString, advisorName: view.advisorName,
                            bookUrl: "\(publicURL)/slots/\(view.id.uuidString)/book")
                    })))
    }

    func createBooking(_ input: Operations.createBooking.Input) async throws -> Operations.createBooking.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let slotID = UUID(uuidString: body.slotId), try await ConsultationSlot.find(slotID, on: db) != nil else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownSlot))))
        }
        let key = input.headers.Idempotency_hyphen_Key
        let request = BookingInput(
            name: body.name, contact: body.contact ?? "", topics: (body.topics ?? []).map(\.rawValue),
            about: body.about ?? "",
            participants: body.participants?.rawValue ?? Participants.alone.rawValue,
            teacherName: body.teacherName ?? "",
            booker: body.booker?.rawValue ?? Booker.parent.rawValue, language: body.language ?? "nl",
            interpreter: body.interpreter ?? false, firstContact: FirstContact.formValue(body.firstContact))
        let valid: ValidBooking
        switch BookingRules.validate(request) {
        case .success(let v): valid = v
        case .failure(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        }
        let service = BookingService(db: db, settings: app.settings, catalogues: app.catalogues, now: clock.now())
        let language = body.language.flatMap(Language.init(rawValue:)) ?? .nl
        switch try await service.book(slotID: slotID, valid, messageLanguage: language, idempotencyKey: key) {
        case .booked(let receipt), .replayed(let receipt):
            guard let slot = try await ConsultationSlot.find(receipt.slotID, on: db) else {
                throw Abort(.internalServerError)
            }
            return .created(
                .init(
                    body: .json(
                        .init(
                            code: receipt.code.display,
                            link: Paths.absolute(Paths.booking(receipt.code.linkToken), publicURL),
                            status: .booked,
                            start: LocalTimestamp.format(slot.startsAt), end: LocalTimestamp.format(slot.endsAt)))))
        case .taken:
            return .conflict(.init(body: .application_problem_plus_json(problem(.conflict, .slotTaken))))
        case .unavailable:
            return .conflict(.init(body: .application_problem_plus_json(problem(.conflict, .slotUnavailable))))
        case .keyReused:
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(.unprocessableEntity, .idempotencyKeyReused))))
        }
    }

    func getBooking(_ input: Operations.getBooking.Input) async throws -> Operations.getBooking.Output {
        guard
            let found = try await BookingAccess.byCode(
                input.path.code, settings: app.settings, now: clock.now(), on: db)
        else {
            return .notFound(codeNotFound)
        }
        let slot = found.slot
        return .ok(
            .init(
                body: .json(
                    .init(
                        status: .booked, start: LocalTimestamp.format(slot.startsAt),
                        end: LocalTimestamp.format(slot.endsAt),
                        mode: .init(rawValue: slot.mode.rawValue) ?? .in_person, room: slot.room,
                        locationName: slot.location.name,
                        advisorName: slot.advisor.name, name: found.booking.name,
                        participants: .init(rawValue: found.booking.participants.rawValue) ?? .alone))))
    }

    func cancelBooking(_ input: Operations.cancelBooking.Input) async throws -> Operations.cancelBooking.Output {
        guard
            let found = try await BookingAccess.byCode(
                input.path.code, settings: app.settings, now: clock.now(), on: db)
        else {
            return .notFound(codeNotFound)
        }
        let service = BookingService(db: db, settings: app.settings, catalogues: app.catalogues, now: clock.now())
        try await service.cancel(found.booking.requireID())
        return .noContent(.init())
    }

}
