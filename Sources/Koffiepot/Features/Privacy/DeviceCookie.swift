import Vapor

/// A random id in an HttpOnly cookie, so that "one per device" can hold without an account: one support per
/// wish, one walk-in rating per day. Only a keyed hash of it is ever stored.
enum DeviceCookie {
    static let name = "kp_device"

    static func id(_ req: Request) -> String {
        let stored = req.cookies[name]?.string ?? ""
        return stored.count >= 32 ? stored : PersonalCode.randomToken()
    }

    static func set(_ id: String, on response: Response, _ req: Request) {
        response.cookies[name] = SafeCookie.value(id, maxAge: 365 * 86400, for: req)
    }

    static func key(_ id: String, secret: String) -> String { PersonalCode.hash("device:\(id)", secret: secret) }
}
