import Fluent
import Vapor

/// The signed-in staff member of this request.
struct StaffContext: Sendable {
    let user: StaffUser
    let sessionID: UUID
}

extension Request {
    var staff: StaffContext? {
        get { storage[StaffContextKey.self] }
        set { storage[StaffContextKey.self] = newValue }
    }

    /// The signed-in staff member, for routes behind `RequireRole` (which already sent everyone else away).
    func requireStaffUser() throws -> StaffUser {
        guard let user = staff?.user else { throw Abort(.unauthorized) }
        return user
    }
}

private struct StaffContextKey: StorageKey { typealias Value = StaffContext }

/// Reads the staff session cookie, enforces the idle and absolute timeouts, and attaches the user.
struct StaffSessionMiddleware: AsyncMiddleware {
    static let cookieName = "kp_session"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = req.cookies[Self.cookieName]?.string, !token.isEmpty {
            req.staff = try await Self.resume(token: token, on: req)
        }
        return try await next.respond(to: req)
    }

    static func resume(token: String, on req: Request) async throws -> StaffContext? {
        let settings = req.application.settings
        let hash = PersonalCode.hash(token, secret: settings.secret ?? "")
        guard let session = try await StaffSession.query(on: req.db).filter(\.$tokenHash == hash).with(\.$user).first()
        else { return nil }
        let now = req.now
        let idle = now.timeIntervalSince(session.lastSeenAt) > Double(settings.sessionIdleSeconds)
        let expired = now.timeIntervalSince(session.createdAt) > Double(settings.sessionAbsoluteSeconds)
        guard !idle, !expired, session.user.active else {
            try await session.delete(on: req.db)
            return nil
        }
        // Touch at most once a minute: a write per page view would be wasted work.
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            try await session.save(on: req.db)
        }
        return StaffContext(user: session.user, sessionID: try session.requireID())
    }

    static func cookie(_ token: String, for req: Request) -> HTTPCookies.Value {
        SafeCookie.value(token, for: req)
    }
}

/// Lets a route through only for signed-in staff with one of `roles`. Anonymous visitors are sent
/// to the login page; staff without the role get 403.
struct RequireRole: AsyncMiddleware {
    let roles: Set<Role>

    init(_ roles: Role...) { self.roles = Set(roles) }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let staff = req.staff else {
            guard req.method == .GET else { throw Abort(.unauthorized) }
            let next = req.url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? Paths.Staff.home
            return req.redirect(to: Paths.login + "?next=\(next)")
        }
        guard roles.contains(staff.user.role) else { throw Abort(.forbidden) }
        return try await next.respond(to: req)
    }
}
