import Vapor

/// Which outreach channel brought a parent (issue 13 pt 5): a link in the school newsletter or on a poster carries
/// `?via=newsletter` / `?via=poster`; the page remembers that channel (never who) in a cookie for a day, and a
/// booking or registration made then counts for it in insight.
enum ViaMarker {
    static let channels: Set<String> = ["newsletter", "poster"]
    static let cookieName = "kp_via"

    static func current(_ req: Request) -> String? {
        guard let value = req.cookies[cookieName]?.string, channels.contains(value) else { return nil }
        return value
    }
}

struct ViaMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        if req.method == .GET, let via = req.query[String.self, at: "via"], ViaMarker.channels.contains(via) {
            response.cookies[ViaMarker.cookieName] = SafeCookie.value(via, maxAge: 86400, for: req)
        }
        return response
    }
}
