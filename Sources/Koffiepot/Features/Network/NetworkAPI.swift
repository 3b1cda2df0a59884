import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// The who's-who in the JSON API (see `openapi.yaml`).
extension KoffiepotAPI {
    var network: NetworkService { NetworkService(db: db, now: clock.now()) }

    func json(_ organisation: Organisation) -> Components.Schemas.Organisation {
        .init(
            id: organisation.id?.uuidString ?? "", name: organisation.name,
            kind: .init(rawValue: organisation.kind.rawValue) ?? .other,
            about: organisation.about, website: organisation.website,
            updatedAt: LocalTimestamp.format(organisation.updatedAt))
    }

    func json(_ person: Professional) -> Components.Schemas.NetworkPerson {
        .init(
            id: person.id?.uuidString ?? "", name: person.name, organisation: person.$organisation.id.uuidString,
            organisationName: person.organisation.name, role: person.role, helpsWith: person.helpsWith,
            helpsTeachers: person.helpsTeachers, presence: person.presence, reach: person.reach,
            _public: person.isPublic)
    }

    func listOrganisations(_ input: Operations.listOrganisations.Input) async throws
        -> Operations.listOrganisations.Output
    {
        _ = try staff(Set(Role.allCases))
        return .ok(.init(body: .json(try await network.organisations().map(json))))
    }

    func createOrganisation(_ input: Operations.createOrganisation.Input) async throws
        -> Operations.createOrganisation.Output
    {
        _ = try staff([.coordinator, .admin])
        let body =
            switch input.body {
            case .json(let body): body
            }
        let typed = OrganisationInput(
            name: body.name ?? "", kind: body.kind?.rawValue ?? "", about: body.about ?? "", website: body.website ?? ""
        )
        let outcome: NetworkService.Outcome<Organisation>
        switch NetworkRules.validate(typed) {
        case .failure(let errors): outcome = .invalid(errors)
        case .success(let valid): outcome = try await network.createOrganisation(valid)
        }
        switch outcome {
        case .done(let organisation): return .created(.init(body: .json(json(organisation))))
        case .invalid(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        }
    }

    func getLocationNetwork(_ input: Operations.getLocationNetwork.Input) async throws
        -> Operations.getLocationNetwork.Output
    {
        let user = try staff([.admin, .coordinator, .advisor, .teacher])
        guard let locationID = try await StaffScope(user, on: db).location(input.path.id) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation))))
        }
        return .ok(.init(body: .json(try await network.people(at: locationID).map(json))))
    }

    func addNetworkPerson(_ input: Operations.addNetworkPerson.Input) async throws -> Operations.addNetworkPerson.Output
    {
        let user = try staff([.coordinator, .admin])
        guard let locationID = try await StaffScope(user, on: db).location(input.path.id) else {
            return .notFound(.init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation))))
        }
        let body =
            switch input.body {
            case .json(let body): body
            }
        let typed = ProfessionalInput(
            organisationID: body.organisation ?? "", name: body.name ?? "", role: body.role ?? "",
            helpsWith: body.helpsWith ?? "", helpsTeachers: body.helpsTeachers ?? "", presence: body.presence ?? "",
            reach: body.reach ?? "", isPublic: body._public ?? false)
        switch try await network.validate(typed) {
        case .failure(let errors):
            return .unprocessableContent(
                .init(body: .application_problem_plus_json(problem(invalidFields: errors.fields))))
        case .success(let valid):
            return .created(.init(body: .json(json(try await network.add(at: locationID, valid)))))
        }
    }
}
