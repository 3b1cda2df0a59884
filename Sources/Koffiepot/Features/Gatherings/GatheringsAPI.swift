import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// The gatherings part of the public API (see `openapi.yaml`).
extension KoffiepotAPI {
    func listGatherings(_ input: Operations.listGatherings.Input) async throws -> Operations.listGatherings.Output {
        let today = LocalDate(containing: clock.now())
        let range: (LocalDate, LocalDate)
        switch Self.dateRange(
            from: input.query.from,
            to: input.query.to ?? input.query.from.flatMap(LocalDate.init)?.adding(days: 91).description
                ?? today.adding(days: 91).description, today: today)
        {
        case .success(let r): range = r
        case .failure(let problem):
            return .badRequest(.init(body: .application_problem_plus_json(problem.schema(localizer))))
        }
        var filter = GatheringFilter()
        if let location = input.query.location {
            guard let id = UUID(uuidString: location) else {
                return .badRequest(.init(body: .application_problem_plus_json(problem(.badRequest, .unknownLocation))))
            }
            filter.locationID = id
        }
        let from = max(clock.now(), range.0.instant(minute: 0) ?? clock.now())
        let gatherings = try await GatheringQueries.upcoming(
            filter, from: from, to: range.1.adding(days: 1).instant(minute: 0), on: db)
        return .ok(
            .init(
                body: .json(
                    gatherings.map { g in
                        Components.Schemas.Gathering(
                            id: g.id!.uuidString, kind: .init(rawValue: g.kind.rawValue) ?? .course, title: g.title,
                            start: LocalTimestamp.format(g.startsAt), end: LocalTimestamp.format(g.endsAt),
                            sessions: g.sessions,
                            capacity: g.capacity, placesLeft: g.placesLeft, locationId: g.$location.id.uuidString,
                            locationName: g.location.name,
                            languages: g.languageCodes, childcare: g.childcare, ageGroup: g.ageGroup.rawValue,
                            topics: g.topics.map(\.rawValue),
                            programme: g.programme?.name, url: Paths.absolute(Paths.gathering(g.id!), publicURL))
                    })))
    }

    func createRegistration(_ input: Operations.createRegistration.Input) async throws
        -> Operations.createRegistration.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let gathering = try await GatheringQueries.find(input.path.id, on: db) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownGathering))))
        }
        let key = input.headers.Idempotency_hyphen_Key
        let checked = RegistrationRules.validate(
            name: body.name, adults: "\(body.adults ?? 1)", contact: body.contact ?? "",
            language: body.language ?? "nl", childcare: body.childcare ?? false, interpreter: body.interpreter ?? false,
            firstContact: FirstContact.formValue(body.firstContact))
        let valid: RegistrationInput
        switch checked {
        case .success(let v): valid = v
        case .failure(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        }
        let service = RegistrationService(db: db, settings: app.settings, catalogues: app.catalogues, now: clock.now())
        let language = body.language.flatMap(Language.init(rawValue:)) ?? .nl
        switch try await service.register(
            gatheringID: gathering.requireID(), valid, messageLanguage: language, idempotencyKey: key)
        {
        case .registered(let receipt), .replayed(let receipt):
            return .created(
                .init(
                    body: .json(
                        .init(
                            code: receipt.code.display,
                            link: Paths.absolute(Paths.registration(receipt.code.linkToken), publicURL),
                            status: receipt.status == .confirmed ? .confirmed : .waitlisted, position: receipt.position)
                    )))
        case .tooMany:
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(.unprocessableEntity, .tooManyAdults))))
        case .unavailable:
            return .conflict(.init(body: .application_problem_plus_json(problem(.conflict, .registrationClosed))))
        }
    }

    func getRegistration(_ input: Operations.getRegistration.Input) async throws -> Operations.getRegistration.Output {
        guard
            let found = try await RegistrationAccess.byCode(
                input.path.code, settings: app.settings, now: clock.now(), on: db)
        else {
            return .notFound(codeNotFound)
        }
        let service = RegistrationService(db: db, settings: app.settings, catalogues: app.catalogues, now: clock.now())
        return .ok(
            .init(
                body: .json(
                    .init(
                        code: found.code.display, link: nil,
                        status: found.registration.status == .confirmed ? .confirmed : .waitlisted,
                        position: try await service.position(of: found.registration)))))
    }

    func cancelRegistration(_ input: Operations.cancelRegistration.Input) async throws
        -> Operations.cancelRegistration.Output
    {
        guard
            let found = try await RegistrationAccess.byCode(
                input.path.code, settings: app.settings, now: clock.now(), on: db)
        else {
            return .notFound(codeNotFound)
        }
        let service = RegistrationService(db: db, settings: app.settings, catalogues: app.catalogues, now: clock.now())
        try await service.cancel(found.registration.requireID())
        return .noContent(.init())
    }

}
