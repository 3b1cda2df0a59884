import Fluent
import Vapor

/// *Wie is wie* in the browser: every staff member sees the professionals around her own locations;
/// coordinators and admins add organisations and people, change them and take them off.
struct NetworkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(Paths.Staff.route(.network)).grouped(
            RequireRole(.admin, .coordinator, .advisor, .teacher))
        staff.get(use: list)
        let manage = staff.grouped(RequireRole(.admin, .coordinator))
        manage.post("organisations", use: addOrganisation)
        manage.post("people", use: addPerson)
        manage.get("people", ":personID", use: edit)
        manage.post("people", ":personID", use: update)
        manage.post("people", ":personID", "remove", use: remove)
    }

    private func service(_ req: Request) -> NetworkService { NetworkService(db: req.db, now: req.now) }

    func list(req: Request) async throws -> Response {
        try await render(req)
    }

    private func render(
        _ req: Request, organisationForm: FormState = FormState(), personForm: FormState = FormState(),
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let user = try req.requireStaffUser()
        let locations = try await StaffScope(user, on: req.db).locations()
        let people = try await service(req).people(at: locations.compactMap(\.id))
        return NetworkPages.list(
            req.page, user: user, locations: locations, people: people,
            organisations: try await service(req).organisations(),
            organisationForm: organisationForm, personForm: personForm, status: status)
    }

    struct OrganisationForm: Content { var organisationName: String?, kind: String?, about: String?, website: String? }

    func addOrganisation(req: Request) async throws -> Response {
        let input = try req.content.decode(OrganisationForm.self)
        var form = FormState(values: [
            "organisationName": input.organisationName ?? "", "kind": input.kind ?? "", "about": input.about ?? "",
            "website": input.website ?? "",
        ])
        let outcome: NetworkService.Outcome<Organisation>
        switch NetworkRules.validate(
            OrganisationInput(
                name: form["organisationName"], kind: form["kind"], about: form["about"], website: form["website"]))
        {
        case .failure(let errors): outcome = .invalid(errors)
        case .success(let valid): outcome = try await service(req).createOrganisation(valid)
        }
        switch outcome {
        case .done:
            return req.redirect(
                to: Paths.Staff.page(.network, done: "network.organisation_added", fragment: "organisaties"),
                redirectType: .normal)
        case .invalid(let errors):
            form.errors = errors.fields.reduce(into: [:]) {
                $0[$1.key == "name" ? "organisationName" : $1.key] = $1.value
            }
            return try await render(req, organisationForm: form, status: .unprocessableEntity)
        }
    }

    struct PersonForm: Content {
        var location: String?, organisation: String?, name: String?, role: String?, helpsWith: String?,
            helpsTeachers: String?
        var presence: String?, reach: String?, `public`: String?

        var form: FormState {
            FormState(values: [
                "location": location ?? "", "organisation": organisation ?? "", "name": name ?? "", "role": role ?? "",
                "helpsWith": helpsWith ?? "", "helpsTeachers": helpsTeachers ?? "", "presence": presence ?? "",
                "reach": reach ?? "", "public": `public` ?? "",
            ])
        }
    }

    /// The typed person, or the form with its errors. A tick box sends "yes" or nothing; anything else is an error,
    /// never silently "not shown".
    private func check(_ form: FormState, _ req: Request) async throws -> Result<ValidProfessional, FieldErrors> {
        let input = ProfessionalInput(
            organisationID: form["organisation"], name: form["name"], role: form["role"], helpsWith: form["helpsWith"],
            helpsTeachers: form["helpsTeachers"], presence: form["presence"], reach: form["reach"],
            isPublic: form["public"] == "yes")
        let result = try await service(req).validate(input)
        guard !["", "yes"].contains(form["public"]) else { return result }
        var errors: [String: String] = [:]
        if case .failure(let found) = result { errors = found.fields }
        errors["public"] = "network.error.public"
        return .failure(FieldErrors(errors))
    }

    func addPerson(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        var form = try req.content.decode(PersonForm.self).form
        let locationID = try await StaffScope(user, on: req.db).location(form["location"])
        switch try await check(form, req) {
        case .success(let valid) where locationID != nil:
            _ = try await service(req).add(at: locationID!, valid)
            return req.redirect(
                to: Paths.Staff.page(.network, done: "network.person_added", fragment: "l-\(locationID!.uuidString)"),
                redirectType: .normal)
        case .success:
            form.errors = ["location": "error.required"]
        case .failure(let errors):
            form.errors = errors.fields
            if locationID == nil { form.errors["location"] = "error.required" }
        }
        return try await render(req, personForm: form, status: .unprocessableEntity)
    }

    private func person(_ req: Request) async throws -> Professional {
        let user = try req.requireStaffUser()
        let scope = try await StaffScope(user, on: req.db).locations().compactMap(\.id)
        guard
            let person = try await service(req).person(
                req.parameters.get("personID").flatMap(UUID.init(uuidString:)), in: scope)
        else { throw Abort(.notFound) }
        return person
    }

    func edit(req: Request) async throws -> Response {
        let person = try await person(req)
        let form = FormState(values: [
            "organisation": person.$organisation.id.uuidString, "name": person.name, "role": person.role,
            "helpsWith": person.helpsWith, "helpsTeachers": person.helpsTeachers, "presence": person.presence,
            "reach": person.reach, "public": person.isPublic ? "yes" : "",
        ])
        return NetworkPages.edit(
            req.page, person: person, organisations: try await service(req).organisations(), form: form)
    }

    func update(req: Request) async throws -> Response {
        let person = try await person(req)
        var form = try req.content.decode(PersonForm.self).form
        switch try await check(form, req) {
        case .success(let valid):
            try await service(req).update(person, valid)
            return req.redirect(
                to: Paths.Staff.page(
                    .network, done: "network.person_saved", fragment: "l-\(person.$location.id.uuidString)"),
                redirectType: .normal)
        case .failure(let errors):
            form.errors = errors.fields
            return NetworkPages.edit(
                req.page, person: person, organisations: try await service(req).organisations(), form: form,
                status: .unprocessableEntity)
        }
    }

    func remove(req: Request) async throws -> Response {
        let person = try await person(req)
        try await person.delete(on: req.db)
        return req.redirect(
            to: Paths.Staff.page(
                .network, done: "network.person_removed", fragment: "l-\(person.$location.id.uuidString)"),
            redirectType: .normal)
    }
}
