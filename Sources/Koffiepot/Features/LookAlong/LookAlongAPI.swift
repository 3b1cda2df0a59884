import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// *Meekijken* in the JSON API (see `openapi.yaml`).
extension KoffiepotAPI {
    var lookAlong: LookAlongService { LookAlongService(db: db, now: clock.now()) }

    func json(_ request: LookAlongRequest) -> Components.Schemas.LookAlongRequest {
        .init(
            id: request.id?.uuidString ?? "", locationId: request.$location.id.uuidString, group: request.group,
            ageYears: request.ageYears,
            situation: request.situation, question: request.question, parentAgreed: request.parentAgreed,
            childName: request.childName,
            status: .init(rawValue: request.status.rawValue) ?? .open,
            plannedAt: request.plannedAt.map(LocalTimestamp.format),
            planNote: request.planNote, createdAt: LocalTimestamp.format(request.createdAt))
    }

    func listLookAlongRequests(_ input: Operations.listLookAlongRequests.Input) async throws
        -> Operations.listLookAlongRequests.Output
    {
        let user = try staff([.teacher, .advisor])
        return .ok(.init(body: .json(try await lookAlong.visible(to: user).map(json))))
    }

    func createLookAlongRequest(_ input: Operations.createLookAlongRequest.Input) async throws
        -> Operations.createLookAlongRequest.Output
    {
        let user = try staff([.teacher])
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let locationID = try await StaffScope(user, on: db).location(body.locationId) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation))))
        }
        let typed = LookAlongInput(
            group: body.group, ageYears: body.ageYears, situation: body.situation, question: body.question,
            parentAgreed: body.parentAgreed ?? false, childName: body.childName ?? "")
        switch LookAlongRules.validate(typed) {
        case .failure(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        case .success(let valid):
            return .created(.init(body: .json(json(try await lookAlong.create(at: locationID, by: user, valid)))))
        }
    }

    func getLookAlongRequest(_ input: Operations.getLookAlongRequest.Input) async throws
        -> Operations.getLookAlongRequest.Output
    {
        let user = try staff([.teacher, .advisor])
        guard let request = try await lookAlong.find(UUID(uuidString: input.path.id), for: user) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .notFound))))
        }
        return .ok(.init(body: .json(json(request))))
    }

    func planLookAlongRequest(_ input: Operations.planLookAlongRequest.Input) async throws
        -> Operations.planLookAlongRequest.Output
    {
        let user = try staff([.advisor])
        let body =
            switch input.body {
            case .json(let body): body
            }
        switch try await lookAlong.plan(
            UUID(uuidString: input.path.id), by: user, when: body.when, note: body.note ?? "")
        {
        case .done(let request): return .ok(.init(body: .json(json(request))))
        case .notFound: return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .notFound))))
        case .invalid(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        }
    }

    func closeLookAlongRequest(_ input: Operations.closeLookAlongRequest.Input) async throws
        -> Operations.closeLookAlongRequest.Output
    {
        let user = try staff([.advisor])
        switch try await lookAlong.close(UUID(uuidString: input.path.id), by: user) {
        case .done(let request): return .ok(.init(body: .json(json(request))))
        case .notFound, .invalid:
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .notFound))))
        }
    }
}
