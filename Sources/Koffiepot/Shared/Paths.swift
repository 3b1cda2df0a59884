import Foundation
import RoutingKit

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
    static let home = "/"
    /// Ask a question (anonymous), and the public library of answered ones.
    static let ask = "/vraag"
    static let library = "/vragenbank"
    static let programmes = "/programmes"
    /// Find a booking by code, and a parent's own data (*mijn gegevens*).
    static let myAppointment = "/mijn-afspraak"
    static let myData = "/mijn-gegevens"
    static let book = "/book"
    static func wish(_ id: UUID, _ suffix: String) -> String { "/wensen/\(id.uuidString)\(suffix)" }
    static func embed(_ suffix: String) -> String { "/embed\(suffix)" }
    static let login = "/login"
    static let logout = "/logout"

    /// The route of a fixed page, for registration, with any further segments: `Paths.route(Paths.ask)`.
    static func route(_ path: String, _ more: PathComponent...) -> [PathComponent] {
        path.split(separator: "/").map { .constant(String($0)) } + more
    }
    /// The booking form of one consultation time.
    static func bookSlot(_ id: UUID) -> String { "/slots/\(id.uuidString)/book" }
    /// The walk-in's feedback page, behind the QR code on the coffee table.
    static func walkIn(_ location: UUID) -> String { "/koffie/\(location.uuidString)" }
    /// A round of *gesprekken* (conversation week) a school opened for booking.
    static func round(_ id: UUID) -> String { "/gesprekken/\(id.uuidString)" }
    static func picture(_ id: UUID) -> String { "/pictures/\(id.uuidString)" }

    // MARK: Staff pages of one thing (`suffix` is a sub-page or action, `done` a one-time notice)

    enum Staff {
        /// The staff start page.
        static let home = "/staff"
        static let homeRoute: [PathComponent] = ["staff"]

        /// The staff areas, each the first segment under `/staff`: routes register with these and every link,
        /// form action and redirect builds from them, so the two can never drift apart.
        enum Area: String, CaseIterable {
            case network = "netwerk", profile, questions = "vragen", homeThemes = "thuis", lookAlong = "meekijken"
            case insight = "inzicht", insightCSV = "inzicht.csv", agenda, users, accessLog = "toegangslog"
            case accessLogCSV = "toegangslog.csv", programmes, locations, holidays, trainings = "trainingen"
            case parentGatherings = "parent-gatherings", support = "ondersteuning", rounds = "gesprekken"
            case wishes = "wensen", register = "verwerkingsregister", parentRequests = "requests", outbox
            case pictograms = "pictogrammen", gatherings, libraryEntries = "vragenbank", invitations, bookings
        }

        /// `/staff/<area><suffix>`, with an optional one-time notice and a place on the page.
        static func page(_ area: Area, _ suffix: String = "", done: String? = nil, fragment: String? = nil) -> String {
            notice("\(home)/\(area.rawValue)\(suffix)", done) + (fragment.map { "#\($0)" } ?? "")
        }

        /// The route of an area, for registration: `routes.grouped(Paths.Staff.route(.network))`.
        static func route(_ area: Area, _ more: PathComponent...) -> [PathComponent] {
            homeRoute + [.constant(area.rawValue)] + more
        }

        static func location(_ id: UUID, _ suffix: String = "") -> String { path(.locations, id, suffix) }
        static func gathering(_ id: UUID, _ suffix: String = "", done: String? = nil) -> String {
            path(.gatherings, id, suffix, done)
        }
        static func training(_ id: UUID, _ suffix: String = "", done: String? = nil) -> String {
            path(.trainings, id, suffix, done)
        }
        static func homeTheme(_ id: UUID, _ suffix: String = "", done: String? = nil) -> String {
            path(.homeThemes, id, suffix, done)
        }
        static func question(_ id: UUID, _ suffix: String = "") -> String { path(.questions, id, suffix) }
        static func libraryEntry(_ id: UUID, _ suffix: String = "") -> String { path(.libraryEntries, id, suffix) }
        static func wish(_ id: UUID, _ suffix: String = "") -> String { path(.wishes, id, suffix) }
        static func user(_ id: UUID, _ suffix: String = "") -> String { path(.users, id, suffix) }
        /// A parent-run gathering asking for an advisor.
        static func parentRequest(_ id: UUID, _ suffix: String = "") -> String { path(.parentRequests, id, suffix) }
        static func outboxMessage(_ id: UUID, _ suffix: String = "") -> String { path(.outbox, id, suffix) }
        /// A teacher's request for support (*ondersteuning*).
        static func supportRequest(_ id: UUID, _ suffix: String = "") -> String { path(.support, id, suffix) }
        /// A teacher's request for an advisor to look along in class (*meekijken*).
        static func lookAlong(_ id: UUID, _ suffix: String = "", done: String? = nil) -> String {
            path(.lookAlong, id, suffix, done)
        }
        static func invitation(_ id: UUID, _ suffix: String = "") -> String { path(.invitations, id, suffix) }
        static func holiday(_ id: UUID, _ suffix: String = "") -> String { path(.holidays, id, suffix) }
        static func round(_ id: UUID, done: String? = nil) -> String { path(.rounds, id, "", done) }
        static func booking(_ id: UUID, _ suffix: String = "") -> String { path(.bookings, id, suffix) }

        private static func path(_ area: Area, _ id: UUID, _ suffix: String, _ done: String? = nil) -> String {
            page(area, "/\(id.uuidString)\(suffix)", done: done)
        }
    }

    /// The full address for a message or an API answer.
    static func absolute(_ path: String, _ publicURL: String) -> String { publicURL + path }

    /// A page with a one-time notice (`?done=` a catalogue key) the page shows once.
    fileprivate static func notice(_ path: String, _ done: String?) -> String {
        done.map { "\(path)?done=\($0)" } ?? path
    }
}
