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

    // MARK: Staff pages of one thing (`suffix` is a sub-page or action, `done` a one-time notice)

    enum Staff {
        static func location(_ id: UUID, _ suffix: String = "") -> String { path("locations", id, suffix) }
        static func gathering(_ id: UUID, _ suffix: String = "", done: String? = nil) -> String {
            path("gatherings", id, suffix, done)
        }
        static func training(_ id: UUID, _ suffix: String = "", done: String? = nil) -> String {
            path("trainingen", id, suffix, done)
        }
        static func homeTheme(_ id: UUID, _ suffix: String = "", done: String? = nil) -> String {
            path("thuis", id, suffix, done)
        }
        static func question(_ id: UUID, _ suffix: String = "") -> String { path("vragen", id, suffix) }
        static func libraryEntry(_ id: UUID, _ suffix: String = "") -> String { path("vragenbank", id, suffix) }
        static func wish(_ id: UUID, _ suffix: String = "") -> String { path("wensen", id, suffix) }
        static func user(_ id: UUID, _ suffix: String = "") -> String { path("users", id, suffix) }
        /// A parent-run gathering asking for an advisor.
        static func parentRequest(_ id: UUID, _ suffix: String = "") -> String { path("requests", id, suffix) }
        static func outboxMessage(_ id: UUID, _ suffix: String = "") -> String { path("outbox", id, suffix) }
        /// A teacher's request for support (*ondersteuning*).
        static func supportRequest(_ id: UUID, _ suffix: String = "") -> String { path("ondersteuning", id, suffix) }
        /// A teacher's request for an advisor to look along in class (*meekijken*).
        static func lookAlong(_ id: UUID, _ suffix: String = "", done: String? = nil) -> String {
            path("meekijken", id, suffix, done)
        }
        static func invitation(_ id: UUID, _ suffix: String = "") -> String { path("invitations", id, suffix) }
        static func holiday(_ id: UUID, _ suffix: String = "") -> String { path("holidays", id, suffix) }
        static func round(_ id: UUID, done: String? = nil) -> String { path("gesprekken", id, "", done) }
        static func booking(_ id: UUID, _ suffix: String = "") -> String { path("bookings", id, suffix) }

        private static func path(_ area: String, _ id: UUID, _ suffix: String, _ done: String? = nil) -> String {
            notice("/staff/\(area)/\(id.uuidString)\(suffix)", done)
        }
    }

    /// The full address for a message or an API answer.
    static func absolute(_ path: String, _ publicURL: String) -> String { publicURL + path }

    /// A page with a one-time notice (`?done=` a catalogue key) the page shows once.
    fileprivate static func notice(_ path: String, _ done: String?) -> String {
        done.map { "\(path)?done=\($0)" } ?? path
    }
}
