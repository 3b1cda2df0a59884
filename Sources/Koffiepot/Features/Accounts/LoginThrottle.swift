import Fluent
import Vapor

/// Counts failed logins per e-mail address and per client address as rate-limit events, in the database
/// so that all instances share the count. Throttled and wrong answers look the same to the person trying.
enum LoginThrottle {
    static func keys(email: String, req: Request) -> [String] {
        let secret = req.application.settings.secret ?? ""
        return [
            PersonalCode.hash("email:" + email.lowercased(), secret: secret),
            PersonalCode.hash("ip:" + RateLimiter.clientAddress(req), secret: secret),
        ]
    }

    static func isBlocked(keys: [String], req: Request) async throws -> Bool {
        let settings = req.application.settings
        let since = req.now.addingTimeInterval(-Double(settings.loginWindowSeconds))
        for key in keys {
            let failures = try await RateLimitEvent.query(on: req.db).filter(\.$keyHash == key).filter(\.$at > since)
                .count()
            if failures >= settings.loginMaxFailures { return true }
        }
        return false
    }

    static func recordFailure(keys: [String], req: Request) async throws {
        for key in keys { try await RateLimitEvent(keyHash: key, at: req.now).create(on: req.db) }
    }
}
