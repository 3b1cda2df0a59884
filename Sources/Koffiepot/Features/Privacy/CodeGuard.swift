import Fluent
import Vapor

/// The one guard on look-ups by typed personal code (pages and API). Only wrong codes cost a try: `lookupLimit`
/// per client address per 10 minutes, after which that address gets 429 — so guessing 60-bit codes stays hopeless.
/// A right code costs nothing and makes the device *known* (a keyed hash of its device cookie, kept 30 days); a
/// known device has its own budget instead of the address's, so one attacker on a school's shared address cannot
/// lock out the parents there who opened their booking on that phone before. Counting per code would not help:
/// a guesser's tries are against codes that do not exist.
enum CodeGuard {
    static let knownDeviceDays = 30.0

    /// The budget this request draws on: its known device, or its address.
    private static func bucket(_ req: Request) async throws -> String {
        let secret = req.application.settings.secret ?? ""
        if let id = req.cookies[DeviceCookie.name]?.string, id.count >= 32,
            try await KnownDevice.query(on: req.db).filter(\.$keyHash == DeviceCookie.key(id, secret: secret)).count()
                > 0
        {
            return RateLimiter.key("lookup-device", id, req)
        }
        return RateLimiter.key("lookup", RateLimiter.clientAddress(req), req)
    }

    /// Whether a look-up may be tried now.
    static func mayTry(_ req: Request) async throws -> Bool {
        try await RateLimiter.recent(bucket(req), req) < req.application.settings.lookupLimit
    }

    /// A wrong, expired or erased code: one try used.
    static func failed(_ req: Request) async throws {
        try await RateLimiter.record(bucket(req), req)
    }

    /// A right code: the device is known from now on (a cookie is set when it had none).
    static func succeeded(_ req: Request, _ response: Response) async throws {
        let id = DeviceCookie.id(req)
        if req.cookies[DeviceCookie.name]?.string != id { DeviceCookie.set(id, on: response, req) }
        let key = DeviceCookie.key(id, secret: req.application.settings.secret ?? "")
        guard try await KnownDevice.query(on: req.db).filter(\.$keyHash == key).count() == 0 else { return }
        do {
            try await KnownDevice(keyHash: key, createdAt: req.now).create(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two tabs at once: the other one made it known.
        }
    }
}

/// A device that opened a record with a right code (keyed hash of its cookie only; purged after 30 days).
final class KnownDevice: Model, @unchecked Sendable {
    static let schema = "known_devices"

    @ID(key: .id) var id: UUID?
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
    init(keyHash: String, createdAt: Date) {
        self.keyHash = keyHash
        self.createdAt = createdAt
    }
}
