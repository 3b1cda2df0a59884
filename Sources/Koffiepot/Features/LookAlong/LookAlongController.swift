import Fluent
import Vapor

/// *Meekijken* in the browser: the teacher asks and follows the status of her own requests; the advisor of
/// the school proposes a moment and closes them when done.
struct LookAlongController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let both = routes.grouped(Paths.Staff.route(.lookAlong)).grouped(RequireRole(.teacher, .advisor))
        both.get(use: list)
        both.get(":requestID", use: show)
        both.grouped(RequireRole(.teacher)).post(use: ask)
        let advisor = both.grouped(RequireRole(.advisor))
        advisor.post(":requestID", "plan", use: plan)
        advisor.post(":requestID", "close", use: close)
    }

    private func service(_ req: Request) -> LookAlongService { LookAlongService(db: req.db, now: req.now) }

    func list(req: Request) async throws -> Response {
        try await render(req, form: FormState())
    }

    private func render(_ req: Request, form: FormState, findings: [String] = [], status: HTTPStatus = .ok) async throws
        -> Response
    {
        let user = try req.requireStaffUser()
        return LookAlongPages.list(
            req.page, user: user, requests: try await service(req).visible(to: user),
            locations: try await StaffScope(user, on: req.db).locations(), form: form, findings: findings,
            status: status)
    }

    struct AskInput: Content {
        var location: String?, group: String?, age: String?, situation: String?, question: String?, agreed: String?,
            childName: String?
        var confirmed: String?

        var form: FormState {
            FormState(values: [
                "location": location ?? "", "group": group ?? "", "age": age ?? "", "situation": situation ?? "",
                "question": question ?? "", "agreed": agreed ?? "", "childName": childName ?? "",
            ])
        }
    }

    func ask(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        let input = try req.content.decode(AskInput.self)
        var form = input.form
        let locationID = try await StaffScope(user, on: req.db).location(form["location"])
        let age = form["age"].isEmpty ? nil : Int(form["age"])
        let typed = LookAlongInput(
            group: form["group"], ageYears: age ?? (form["age"].isEmpty ? nil : -1), situation: form["situation"],
            question: form["question"], parentAgreed: form["agreed"] == "yes", childName: form["childName"])
        switch LookAlongRules.validate(typed) {
        case .failure(let errors):
            form.errors = errors.fields.reduce(into: [:]) { $0[$1.key == "ageYears" ? "age" : $1.key] = $1.value }
            if locationID == nil { form.errors["location"] = "error.required" }
            return try await render(req, form: form, status: .unprocessableEntity)
        case .success(let valid):
            guard let locationID else {
                form.errors["location"] = "error.required"
                return try await render(req, form: form, status: .unprocessableEntity)
            }
            // Without consent: first show what looks like a name or contact detail; sending is her choice.
            // What she saw and chose to send anyway is carried in the form; anything new is shown again.
            let findings = LookAlongRules.findings(valid)
            let seen = Set((input.confirmed ?? "").split(separator: "\n").map(String.init))
            if !Set(findings).isSubset(of: seen) { return try await render(req, form: form, findings: findings) }
            _ = try await service(req).create(at: locationID, by: user, valid)
            return req.redirect(to: Paths.Staff.page(.lookAlong, done: "lookalong.sent"), redirectType: .normal)
        }
    }

    private func request(_ req: Request) async throws -> LookAlongRequest {
        guard
            let request = try await service(req).find(
                req.parameters.get("requestID").flatMap(UUID.init(uuidString:)),
                for: req.requireStaffUser())
        else { throw Abort(.notFound) }
        return request
    }

    func show(req: Request) async throws -> Response {
        LookAlongPages.request(req.page, try await request(req), user: try req.requireStaffUser(), form: FormState())
    }

    struct PlanInput: Content { var date: String?, time: String?, note: String? }

    func plan(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        let input = try req.content.decode(PlanInput.self)
        let id = req.parameters.get("requestID").flatMap(UUID.init(uuidString:))
        switch try await service(req).plan(
            id, by: user, when: "\(input.date ?? "")T\(input.time ?? "")", note: input.note ?? "")
        {
        case .done(let request):
            return req.redirect(
                to: Paths.Staff.lookAlong(try request.requireID(), done: "lookalong.planned"),
                redirectType: .normal)
        case .notFound:
            throw Abort(.notFound)
        case .invalid(let errors):
            let form = FormState(
                values: ["date": input.date ?? "", "time": input.time ?? "", "note": input.note ?? ""],
                errors: errors.fields.reduce(into: [:]) { $0[$1.key == "when" ? "date" : $1.key] = $1.value })
            return LookAlongPages.request(
                req.page, try await request(req), user: user, form: form, status: .unprocessableEntity)
        }
    }

    func close(req: Request) async throws -> Response {
        guard
            case .done = try await service(req).close(
                req.parameters.get("requestID").flatMap(UUID.init(uuidString:)), by: req.requireStaffUser())
        else { throw Abort(.notFound) }
        return req.redirect(to: Paths.Staff.page(.lookAlong, done: "lookalong.closed"), redirectType: .normal)
    }
}
