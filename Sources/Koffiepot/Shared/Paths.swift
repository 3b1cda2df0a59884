import Foundation

/// The parent-facing addresses Koffiepot links to, redirects to and writes into messages and API answers — one
/// place per address, so a page, a redirect, an e-mail and the API can never disagree about where something is.
/// Relative paths; `Paths.absolute` puts the installation's public address in front for messages and the API.
enum Paths {
    // MARK: A parent's own records, opened with the link token from her confirmation

    /// *Spreekuur* booking (`/b/…`); `suffix` is a sub-page such as `/feedback` or `/move`.
    static func booking(_ token: String, _ suffix: String = "", done: String? = nil) -> String {
        notice("/b/\(token)\(suffix)", done)
    }

    /// Registration for a gathering (`/r/…`).
    static func registration(_ token: String, _ suffix: String = "", done: String? = nil) -> String {
        notice("/r/\(token)\(suffix)", done)
    }

    /// A question and its thread (`/v/…`).
    static func question(_ token: String, _ suffix: String = "", done: String? = nil) -> String {
        notice("/v/\(token)\(suffix)", done)
    }

    /// A conversation booking or support request (`/g/…`).
    static func conversation(_ token: String, _ suffix: String = "", done: String? = nil) -> String {
        notice("/g/\(token)\(suffix)", done)
    }

    /// A personal invitation to a gathering (`/i/…`).
    static func invitation(_ token: String) -> String { "/i/\(token)" }

    // MARK: Public pages

    static func location(_ id: UUID, _ suffix: String = "") -> String { "/locations/\(id.uuidString)\(suffix)" }
    static func gathering(_ id: UUID) -> String { "/gatherings/\(id.uuidString)" }
    static let gatherings = "/gatherings"
    /// The booking form of one consultation time.
    static func bookSlot(_ id: UUID) -> String { "/slots/\(id.uuidString)/book" }
    /// The walk-in's feedback page, behind the QR code on the coffee table.
    static func walkIn(_ location: UUID) -> String { "/koffie/\(location.uuidString)" }
    /// A round of *gesprekken* (conversation week) a school opened for booking.
    static func round(_ id: UUID) -> String { "/gesprekken/\(id.uuidString)" }
    static func picture(_ id: UUID) -> String { "/pictures/\(id.uuidString)" }

    /// The full address for a message or an API answer.
    static func absolute(_ path: String, _ publicURL: String) -> String { publicURL + path }

    /// A page with a one-time notice (`?done=` a catalogue key) the page shows once.
    private static func notice(_ path: String, _ done: String?) -> String {
        done.map { "\(path)?done=\($0)" } ?? path
    }
}
