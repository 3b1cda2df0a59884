import Fluent
import Vapor

/// Counts attempts per key (a keyed hash of a client address) in the database, shared by all instances.
/// Used for code lookups, so codes cannot be guessed by trying many.
enum RateLimiter {
    static let window: TimeInterval = 600

    /// The client's address: from `X-Forwarded-For` only behind the installation's own proxy (`KOFFIEPOT_TRUST_PROXY`).
    static func clientAddress(_ req: Request) -> String {
        let forwarded =
            req.application.settings.trustProxy
            ? req.headers.first(name: "X-Forwarded-For")?.split(separator: ",").first.map {
                $0.trimmingCharacters(in: .whitespaces)
            } : nil
        return forwarded ?? req.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Records one attempt and tells whether it is still within `limit` per window.
    static func allow(_ scope: String, req: Request, limit: Int? = nil) async throws -> Bool {
        let key = key(scope, clientAddress(req), req)
        guard try await recent(key, req) < (limit ?? req.application.settings.lookupLimit) else { return false }
        try await record(key, req)
        return true
    }

    /// The stored key of a budget: a keyed hash, so the table holds no addresses.
    static func key(_ scope: String, _ subject: String, _ req: Request) -> String {
        PersonalCode.hash("\(scope):\(subject)", secret: req.application.settings.secret ?? "")
    }

    /// Attempts counted against `key` in the current window.
    static func recent(_ key: String, _ req: Request) async throws -> Int {
        try await RateLimitEvent.query(on: req.db).filter(\.$keyHash == key).filter(
            \.$at > req.now.addingTimeInterval(-window)
        ).count()
    }

    static func record(_ key: String, _ req: Request) async throws {
        try await RateLimitEvent(keyHash: key, at: req.now).create(on: req.db)
    }
}

final class RateLimitEvent: Model, @unchecked Sendable {
    static let schema = "rate_limit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "at") var at: Date

    init() {}
    init(keyHash: String, at: Date) {
        self.keyHash = keyHash
        self.at = at
    }
}
