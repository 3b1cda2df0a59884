import Fluent
import Vapor

/// Staff login and logout. Unknown address and wrong password get the same answer and take about
/// the same time; too many failures are throttled per address and per client.
struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.route(Paths.login), use: form)
        routes.post(Paths.route(Paths.login), use: login)
        routes.post(Paths.route(Paths.logout), use: logout)
    }

    struct LoginInput: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func form(req: Request) async throws -> Response {
        LoginPages.login(req.page, form: FormState(values: ["next": safeNext(req.query[String.self, at: "next"])]))
    }

    func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginInput.self)
        let email = (input.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var form = FormState(values: ["email": email, "next": safeNext(input.next)])
        let keys = LoginThrottle.keys(email: email, req: req)
        if try await LoginThrottle.isBlocked(keys: keys, req: req) {
            form.errors["email"] = "login.throttled"
            return LoginPages.login(req.page, form: form, status: .tooManyRequests)
        }
        let user = try await StaffUser.query(on: req.db).filter(\.$email == email).filter(\.$active == true).first()
        // Verify against a dummy hash when there is no such user, so timing does not tell.
        let hash = try user?.passwordHash ?? req.password.hash("not-a-real-password")
        let valid = (try? req.password.verify(input.password ?? "", created: hash)) ?? false
        guard let user, valid else {
            try await LoginThrottle.recordFailure(keys: keys, req: req)
            form.errors["email"] = "login.failed"
            return LoginPages.login(req.page, form: form, status: .unauthorized)
        }
        // A new session id at every login; any session this browser had is ended.
        if let old = req.staff { try await StaffSession.find(old.sessionID, on: req.db)?.delete(on: req.db) }
        let token = PersonalCode.randomToken()
        try await StaffSession(
            tokenHash: PersonalCode.hash(token, secret: req.application.settings.secret ?? ""),
            userID: user.requireID(), now: req.now
        ).create(on: req.db)
        let response = req.redirect(to: form["next"].isEmpty ? Paths.Staff.home : form["next"], redirectType: .normal)
        response.cookies[StaffSessionMiddleware.cookieName] = StaffSessionMiddleware.cookie(token, for: req)
        return response
    }

    func logout(req: Request) async throws -> Response {
        if let staff = req.staff { try await StaffSession.find(staff.sessionID, on: req.db)?.delete(on: req.db) }
        let response = req.redirect(to: Paths.home, redirectType: .normal)
        response.cookies[StaffSessionMiddleware.cookieName] = SafeCookie.expired(for: req)
        return response
    }

    /// Only local paths, so the login page cannot be used to send people elsewhere.
    private func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "" }
        return String(next.prefix(200))
    }
}
