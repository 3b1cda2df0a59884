import Vapor

/// Headers that keep every page self-contained: nothing from other origins, no framing
/// (except the embeddable widget), no sniffing, no referrer leaks.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        let embeddable = req.url.path.hasPrefix("/embed/")
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value:
                "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors "
                + (embeddable ? "*" : "'none'"))
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        if !embeddable { response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY") }
        return response
    }
}

/// CSRF protection for every state-changing form: a random token in an HttpOnly cookie that the
/// form must echo in `_csrf`. Another site can neither read nor set the cookie, so it cannot forge
/// the field. The JSON API is cookie-less and therefore exempt.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "kp_csrf"
    static let fieldName = "_csrf"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = req.cookies[Self.cookieName]?.string
        let token = existing.flatMap { $0.count >= 32 ? $0 : nil } ?? PersonalCode.randomToken()
        req.storage[CSRFTokenKey.self] = token
        if Self.isStateChanging(req.method), !req.url.path.hasPrefix("/api/") {
            let sent = try? req.content.get(String.self, at: Self.fieldName)
            guard let existing, let sent, Self.constantTimeEqual(existing, sent) else {
                throw Abort(.forbidden, reason: "csrf")
            }
        }
        let response = try await next.respond(to: req)
        if existing != token {
            response.cookies[Self.cookieName] = SafeCookie.value(token, sameSite: .strict, for: req)
        }
        return response
    }

    static func isStateChanging(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

private struct CSRFTokenKey: StorageKey { typealias Value = String }

extension Request {
    /// The token to put in every form on this page.
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }
}

/// What every API request carries into the generated handlers, which do not see the request: the client
/// address ("one per device"), the language of problem messages, and the staff member of a personal API token
/// (`Authorization: Bearer kp_…`). A token that is not valid is a 401 at once; too many of them from one
/// address, like too many lookups by personal code, a 429 — before any handler runs.
struct APIContextMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = req.url.path
        guard path.hasPrefix("/api/") else { return try await next.respond(to: req) }
        let lookup =
            (["/api/v1/bookings/", "/api/v1/registrations/", "/api/v1/questions/"].contains(where: path.hasPrefix)
                && (req.method == .GET || req.method == .DELETE))
            || (["/api/v1/feedback", "/api/v1/my-data", "/api/v1/my-data/erase"].contains(path) && req.method == .POST)
        if lookup, try await !CodeGuard.mayTry(req) {
            throw APIProblem(.tooManyRequests, .rateLimited)
        }
        if path.hasPrefix("/api/v1/wishes"), req.method == .POST,
            try await !RateLimiter.allow("wish-support:\(LocalDate(containing: req.now))", req: req)
        {
            throw APIProblem(.tooManyRequests, .rateLimited)
        }
        // Taps and speech from one client are limited like the other public writes.
        if path.hasPrefix("/api/v1/home-activities/"), req.method == .POST,
            try await !RateLimiter.allow("home-done:\(LocalDate(containing: req.now))", req: req, limit: 200)
        {
            throw APIProblem(.tooManyRequests, .rateLimited)
        }
        if path == "/api/v1/speech", req.method == .POST, try await !RateLimiter.allow("speech", req: req, limit: 300) {
            throw APIProblem(.tooManyRequests, .rateLimited)
        }
        let staff = try await Self.tokenOwner(req)
        let response = try await APIClient.$address.withValue(RateLimiter.clientAddress(req)) {
            try await APIClient.$language.withValue(req.language) {
                try await APIClient.$staff.withValue(staff) { try await next.respond(to: req) }
            }
        }
        // Only a wrong code costs a try (see `CodeGuard`).
        if lookup, response.status == .notFound { try await CodeGuard.failed(req) }
        // A parent's record or a staff answer must not stay in a shared or browser cache; an operation that may be
        // cached says so itself.
        if !response.headers.contains(name: .cacheControl) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }

    /// The staff member behind a bearer token; nil without one. The session cookie does not count here:
    /// API calls carry their credential explicitly, so no other site can make a browser call the staff API.
    static func tokenOwner(_ req: Request) async throws -> StaffUser? {
        guard let presented = req.headers.bearerAuthorization?.token else {
            if req.headers.first(name: .authorization) != nil { throw APIProblem(.unauthorized, .unauthorized) }
            return nil
        }
        let settings = req.application.settings
        if let owner = try await APIToken.owner(of: presented, secret: settings.secret ?? "", now: req.now, on: req.db)
        {
            return owner
        }
        guard try await RateLimiter.allow("api-token", req: req) else {
            throw APIProblem(.tooManyRequests, .rateLimited)
        }
        throw APIProblem(.unauthorized, .unauthorized)
    }
}

/// Reads every state-changing body in full before anything else looks at it — up to the route limit
/// (256 kB; more is a 413) — so the CSRF check and the handlers see the same complete body. Bodies
/// carrying NUL characters are refused: PostgreSQL cannot store them and no person types them.
/// The visitor gets a clear page in their language; nothing is saved.
struct FormBodyMiddleware: AsyncMiddleware {
    static let uploadLimit = PictureSanitizer.maxBytes + 64 * 1024

    /// The routes that take a file: a home activity's drawing or photo.
    static func isUpload(_ path: String) -> Bool {
        path.hasPrefix(Paths.Staff.page(.homeThemes, "/")) && path.hasSuffix("/picture")
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if CSRFMiddleware.isStateChanging(req.method) {
            // A picture upload is binary (NUL bytes are normal there) and may be up to 2 MB; it is accepted only
            // as multipart on the upload routes, whose handler checks the file by its content.
            let upload = req.headers.contentType?.type == "multipart" && Self.isUpload(req.url.path)
            let limit = upload ? Self.uploadLimit : req.application.routes.defaultMaxBodySize.value
            if let length = req.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
                throw Abort(.payloadTooLarge)
            }
            let body = try await req.body.collect(max: limit).get()
            let encodedNUL =
                req.headers.contentType == .urlEncodedForm
                && body.map { String(buffer: $0).range(of: "%00", options: .caseInsensitive) != nil } == true
            if !upload, encodedNUL || body?.readableBytesView.contains(0) == true {
                throw Abort(.badRequest, reason: "NUL in body")
            }
            // An empty API body (no body, `Content-Length: 0`, no `Content-Type`) means `{}`: every
            // operation whose fields are all optional accepts it, the others name the missing field.
            if req.url.path.hasPrefix("/api/"), [.POST, .PUT, .PATCH].contains(req.method),
                body.map({ $0.readableBytes == 0 }) ?? true
            {
                try req.content.encode([String: String](), as: .json)
                req.headers.replaceOrAdd(name: .contentLength, value: "2")
            }
        }
        return try await next.respond(to: req)
    }
}
