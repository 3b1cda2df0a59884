import Fluent
import Vapor

/// Admins manage staff accounts: list, add, deactivate. Reading the list is a read of personal data
/// (names, addresses) and goes to the access log.
struct UsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped(Paths.Staff.route(.users)).grouped(RequireRole(.admin))
        users.get(use: list)
        users.post(use: create)
        users.post(":userID", "deactivate", use: deactivate)
    }

    func list(req: Request) async throws -> Response {
        try await render(req, form: FormState(values: ["role": Role.advisor.rawValue]))
    }

    private func render(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let users = try await StaffUser.query(on: req.db).sort(\.$name).all()
        try await AccessLog.record("staff_users.list", on: req)
        return UserPages.list(req.page, users: users, form: form, status: status)
    }

    struct NewUser: Content { var name: String?, email: String?, role: String?, password: String? }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(NewUser.self)
        // The password is never sent back into the form.
        var form = FormState(values: [
            "name": input.name ?? "", "email": input.email ?? "", "role": input.role ?? "",
        ])
        let valid: ValidStaffUser
        switch StaffUserRules.validate(
            name: form["name"], email: form["email"], role: form["role"], password: input.password ?? "")
        {
        case .success(let checked): valid = checked
        case .failure(let errors):
            form.errors = errors.fields
            return try await render(req, form: form, status: .unprocessableEntity)
        }
        form.values["email"] = valid.email
        let user = StaffUser(
            email: valid.email, name: valid.name, role: valid.role,
            passwordHash: try await req.password.async.hash(valid.password))
        do {
            try await user.create(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            form.errors["email"] = "error.email_taken"
            return try await render(req, form: form, status: .unprocessableEntity)
        }
        return req.redirect(to: Paths.Staff.page(.users, done: "users.created"), redirectType: .normal)
    }

    func deactivate(req: Request) async throws -> Response {
        guard let id = req.parameters.get("userID").flatMap(UUID.init(uuidString:)),
            let user = try await StaffUser.find(id, on: req.db)
        else { throw Abort(.notFound) }
        guard id != req.staff?.user.id else { throw Abort(.badRequest, reason: "cannot deactivate yourself") }
        user.active = false
        try await user.save(on: req.db)
        try await StaffSession.query(on: req.db).filter(\.$user.$id == id).delete()
        return req.redirect(to: Paths.Staff.page(.users, done: "users.deactivated"), redirectType: .normal)
    }
}
