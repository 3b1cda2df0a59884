import Fluent
import Vapor

/// Counts attempts per key (a keyed hash of a client address) in the database, shared by all instances.
/// Used for code lookups, so codes cannot be guessed by trying many.
enum RateLimiter {
    static let window: TimeInterval = 600

    /// The client's address: from `X-Forwarded-For` only behind the installation's own proxy (`KOFFIEPOT_TRUST_PROXY`).
    static func clientAddress(_ req: Request) -> String {
        let forwarded = req.application.settings.trustProxy
            ? req.headers.first(name: "X-Forwarded-For")?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } : nil
        return forwarded ?? req.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Records one attempt and tells whether it is still within `limit` per window.
    static func allow(_ scope: String, req: Request, limit: Int? = nil) async throws -> Bool {
        let key = PersonalCode.hash("\(scope):\(clientAddress(req))", secret: req.application.settings.secret ?? "")
        let since = req.now.addingTimeInterval(-window)
        let recent = try await RateLimitEvent.query(on: req.db).filter(\.$keyHash == key).filter(\.$at > since).count()
        guard recent < (limit ?? req.application.settings.lookupLimit) else { return false }
        try await RateLimitEvent(keyHash: key, at: req.now).create(on: req.db)
        return true
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
