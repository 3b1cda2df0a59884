import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Who may open which page, read from the router itself (issue 14 pt 3): every route that is not the JSON API or
/// the HSDS feed must be in this table, so a new page cannot be added without saying who may use it. Each one is
/// visited anonymously and in every role: anonymous staff pages send to the log-in (GET) or say 401 (POST), a role
/// that is not listed gets 403, a listed role is let through (whatever the page then says about the unknown ids:
/// 200, 303, 404, 422 — never 401, 403 or a server error). The staff API has its own table
/// (`StaffAPIAuthorizationTests`).
@Suite struct PageAuthorizationMatrixTests {
    static let locationStaff: Set<Role> = [.admin, .coordinator, .advisor, .teacher]
    static let allButOfficer: Set<Role> = locationStaff.union([.ambassador])
    static let everyone = Set(Role.allCases)

    /// "METHOD /path" → the roles let in; `nil` for a public page (anyone, no account).
    static let table: [String: Set<Role>?] = [
        // Public: parents need no account; a code or link is the key.
        "GET /": nil, "GET /advisors/:id/calendar.ics": nil, "GET /embed/gatherings": nil,
        "GET /embed/locations/:id": nil,
        "GET /b/:token": nil, "GET /b/:token/calendar.ics": nil, "POST /b/:token/cancel": nil,
        "GET /b/:token/feedback": nil,
        "POST /b/:token/feedback": nil, "GET /b/:token/move": nil, "POST /b/:token/move": nil, "POST /book": nil,
        "GET /g/:token": nil, "POST /g/:token/cancel": nil, "GET /g/:token/move": nil, "POST /g/:token/move": nil,
        "POST /g/:token/withdraw": nil,
        "GET /gatherings": nil, "GET /gatherings/:id": nil, "POST /gatherings/:id/register": nil,
        "GET /gatherings/calendar.ics": nil,
        "GET /gesprekken/:roundID": nil, "POST /gesprekken/:roundID": nil, "GET /i/:token": nil,
        "GET /koffie/:locationID": nil,
        "POST /koffie/:locationID": nil, "GET /locations/:id": nil, "GET /locations/:id/calendar.ics": nil,
        "GET /locations/:id/card/phone": nil,
        "GET /locations/:id/thuis": nil, "POST /locations/:id/thuis/activities/:activityID/done": nil,
        "GET /locations/:id/thuis/brief": nil,
        "GET /locations/:id/wensen": nil, "POST /locations/:id/wensen": nil, "GET /login": nil, "POST /login": nil,
        "POST /logout": nil,
        "GET /mijn-afspraak": nil, "POST /mijn-afspraak": nil, "GET /mijn-gegevens": nil, "POST /mijn-gegevens": nil,
        "POST /mijn-gegevens/export": nil, "POST /mijn-gegevens/wissen": nil,
        "POST /mijn-gegevens/apparaat/wissen": nil, "GET /pictures/:pictureID": nil, "GET /programmes": nil,
        "GET /r/:token": nil, "GET /r/:token/calendar.ics": nil, "POST /r/:token/cancel": nil,
        "GET /r/:token/feedback": nil,
        "POST /r/:token/feedback": nil, "GET /slots/:slotID/book": nil, "GET /v/:token": nil,
        "POST /v/:token/consent": nil,
        "POST /v/:token/feedback": nil, "POST /v/:token/reply": nil, "GET /vraag": nil, "POST /vraag": nil,
        "GET /vragenbank": nil,
        "POST /wensen/:wishID/contact": nil, "POST /wensen/:wishID/support": nil, "GET /api/v1/openapi.yaml": nil,
        "GET /healthz": nil,
        // Everyone with an account: the start page and her own profile and tokens.
        "GET /staff": everyone, "GET /staff/profile": everyone, "POST /staff/profile/tokens": everyone,
        "POST /staff/profile/tokens/:tokenID/revoke": everyone, "POST /staff/profile": [.advisor],
        // The privacy officer: the log and the register, with the admin.
        "GET /staff/toegangslog": [.admin, .privacyOfficer], "GET /staff/toegangslog.csv": [.admin, .privacyOfficer],
        "GET /staff/verwerkingsregister": [.admin, .privacyOfficer],
        // Admin only: people, places, holidays, the outbox.
        "GET /staff/users": [.admin], "POST /staff/users": [.admin], "POST /staff/users/:userID/deactivate": [.admin],
        "GET /staff/locations/new": [.admin], "POST /staff/locations": [.admin],
        "GET /staff/locations/:id/edit": [.admin],
        "POST /staff/locations/:id": [.admin], "GET /staff/holidays": [.admin], "POST /staff/holidays": [.admin],
        "POST /staff/holidays/:holidayID/delete": [.admin], "GET /staff/outbox": [.admin],
        "POST /staff/outbox/:messageID/retry": [.admin],
        // The advisor's own work: agenda, bookings, slots, questions, support requests, requests of ambassadors.
        "GET /staff/agenda": [.advisor], "POST /staff/bookings/:bookingID/cancel": [.advisor],
        "POST /staff/bookings/:bookingID/held": [.advisor],
        "POST /staff/bookings/:bookingID/no-show": [.advisor], "POST /staff/bookings/:bookingID/note": [.advisor],
        "GET /staff/locations/:id/slots": [.advisor], "POST /staff/locations/:id/slots/:slotID/cancel": [.advisor],
        "POST /staff/locations/:id/slots/generate": [.advisor], "POST /staff/locations/:id/slots/single": [.advisor],
        "GET /staff/vragen": [.advisor], "GET /staff/vragen/:questionID": [.advisor],
        "POST /staff/vragen/:questionID/answer": [.advisor],
        "POST /staff/vragen/:questionID/close": [.advisor], "GET /staff/vragen/:questionID/publish": [.advisor],
        "POST /staff/vragen/:questionID/publish": [.advisor], "POST /staff/vragen/:questionID/standard": [.advisor],
        "GET /staff/ondersteuning": [.advisor], "GET /staff/ondersteuning/:requestID": [.advisor],
        "POST /staff/ondersteuning/:requestID/answer": [.advisor], "GET /staff/requests": [.advisor],
        "POST /staff/requests/:gatheringID/accept": [.advisor],
        // Presence and gatherings: the advisor of a place and the admin.
        "GET /staff/locations/:id/presence": [.admin, .advisor],
        "POST /staff/locations/:id/presence/cancel": [.admin, .advisor],
        "POST /staff/locations/:id/presence/extra": [.admin, .advisor],
        "POST /staff/locations/:id/presence/restore": [.admin, .advisor],
        "POST /staff/locations/:id/presence/rules": [.admin, .advisor],
        "POST /staff/locations/:id/presence/rules/:ruleID/delete": [.admin, .advisor],
        "GET /staff/locations/:id/gatherings": [.admin, .advisor],
        "POST /staff/locations/:id/gatherings": [.admin, .advisor],
        "GET /staff/gatherings/:gatheringID": [.admin, .advisor],
        "POST /staff/gatherings/:gatheringID/attendance": [.admin, .advisor],
        "POST /staff/gatherings/:gatheringID/cancel": [.admin, .advisor],
        "GET /staff/gatherings/:gatheringID/invitations": [.admin, .advisor, .teacher, .ambassador],
        "POST /staff/gatherings/:gatheringID/invitations": [.admin, .advisor, .teacher, .ambassador],
        "GET /staff/invitations/:invitationID/card": [.admin, .advisor, .teacher, .ambassador],
        "GET /staff/parent-gatherings": [.ambassador], "POST /staff/parent-gatherings": [.ambassador],
        // Outreach material for everyone who works with parents.
        "GET /staff/gatherings/:gatheringID/poster": allButOfficer,
        "GET /staff/locations/:id/posters/:kind": allButOfficer,
        "GET /locations/:id/card": allButOfficer, "GET /staff/pictogrammen": allButOfficer,
        "GET /staff/locations/:id/nieuwsbrief": locationStaff,
        "GET /staff/locations/:id/poster": [.admin, .coordinator, .advisor],
        // Insight, wishes, the library and the programmes.
        "GET /staff/inzicht": [.admin, .coordinator, .advisor],
        "GET /staff/inzicht.csv": [.admin, .coordinator, .advisor],
        "GET /staff/locations/:id/families": [.admin, .coordinator, .advisor],
        "POST /staff/locations/:id/families": [.admin, .coordinator, .advisor],
        "GET /staff/wensen": [.admin, .coordinator, .advisor],
        "POST /staff/wensen/:wishID/merge": [.admin, .coordinator, .advisor],
        "POST /staff/vragenbank/:entryID/delete": [.admin, .coordinator, .advisor],
        "GET /staff/programmes": [.admin, .coordinator], "POST /staff/programmes": [.admin, .coordinator],
        // The teacher's side: conversation rounds and looking along.
        "GET /staff/gesprekken": [.admin, .coordinator, .teacher],
        "POST /staff/gesprekken": [.admin, .coordinator, .teacher],
        "GET /staff/gesprekken/:roundID": [.admin, .coordinator, .teacher],
        "GET /staff/meekijken": [.teacher, .advisor], "GET /staff/meekijken/:requestID": [.teacher, .advisor],
        "POST /staff/meekijken": [.teacher],
        "POST /staff/meekijken/:requestID/plan": [.advisor], "POST /staff/meekijken/:requestID/close": [.advisor],
        // The network, joint trainings and home themes.
        "GET /staff/netwerk": locationStaff, "POST /staff/netwerk/organisations": [.admin, .coordinator],
        "POST /staff/netwerk/people": [.admin, .coordinator],
        "GET /staff/netwerk/people/:personID": [.admin, .coordinator],
        "POST /staff/netwerk/people/:personID": [.admin, .coordinator],
        "POST /staff/netwerk/people/:personID/remove": [.admin, .coordinator],
        "GET /staff/trainingen": locationStaff, "GET /staff/trainingen/:trainingID": locationStaff,
        "POST /staff/trainingen/:trainingID/signup": locationStaff,
        "POST /staff/trainingen/:trainingID/cancel": locationStaff,
        "POST /staff/trainingen": [.admin, .coordinator],
        "POST /staff/trainingen/:trainingID/professionals": [.admin, .coordinator],
        "POST /staff/trainingen/:trainingID/signups/:signupID/cancel": [.admin, .coordinator],
        "POST /staff/trainingen/:trainingID/attendance": [.admin, .coordinator],
        "GET /staff/thuis": locationStaff, "POST /staff/thuis": locationStaff, "POST /staff/thuis/copy": locationStaff,
        "GET /staff/thuis/:themeID": locationStaff,
        "POST /staff/thuis/:themeID/activities/:activityID/picture": locationStaff,
    ]

    /// Every route of the running app except the JSON API (covered by the OpenAPI contract and its own table) and the HSDS feed.
    static func pageRoutes(_ app: Application) -> [(method: HTTPMethod, path: String)] {
        app.routes.all.map { route in (route.method, "/" + route.path.map(\.description).joined(separator: "/")) }
            .filter {
                !($0.path.hasPrefix("/api/v1/") && $0.path != "/api/v1/openapi.yaml") && !$0.path.hasPrefix("/hsds")
            }
    }

    /// A concrete URL: every parameter an id that does not exist (a parent's token of the right length).
    static func concrete(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            guard part.hasPrefix(":") else { return String(part) }
            return part == ":token"
                ? String(repeating: "A", count: 43) : part == ":kind" ? "location" : UUID().uuidString
        }.joined(separator: "/")
    }

    @Test func everyPageRouteIsInTheTableAndNoRowIsStale() async throws {
        try await withTestApp { app, _ in
            let live = Set(Self.pageRoutes(app).map { "\($0.method.rawValue) \($0.path)" })
            #expect(live.subtracting(Self.table.keys).sorted() == [], "routes without a row: say who may use them")
            #expect(Set(Self.table.keys).subtracting(live).sorted() == [], "rows without a route")
        }
    }

    @Test func everyRouteAnswersAnonymousAndEveryRoleAsTheTableSays() async throws {
        try await withTestApp { app, _ in
            var browsers: [Role: TestBrowser] = [:]
            for (role, email) in StaffAPIAuthorizationTests.people {
                let browser = TestBrowser(app)
                try await browser.signIn(email)
                browsers[role] = browser
            }
            var wrong: [String] = []
            var checked = 0
            for (method, path) in Self.pageRoutes(app).sorted(by: { $0.path < $1.path }) where path != "/logout" {
                let key = "\(method.rawValue) \(path)"
                guard let allowed = Self.table[key] else { continue }
                let url = Self.concrete(path)
                let send = { (browser: TestBrowser) in
                    method == .GET ? try await browser.get(url) : try await browser.post(url, [:])
                }
                let anonymous = try await send(TestBrowser(app)).status
                checked += 1
                if let allowed {
                    let expected: HTTPStatus = method == .GET ? .seeOther : .unauthorized
                    if anonymous != expected {
                        wrong.append("\(key) anonymous: \(anonymous.code), expected \(expected.code)")
                    }
                    for role in Role.allCases {
                        let status = try await send(browsers[role]!).status
                        checked += 1
                        let fine =
                            allowed.contains(role)
                            ? (status.code < 500 && ![401, 403].contains(status.code)) : status == .forbidden
                        if !fine { wrong.append("\(key) as \(role.rawValue): \(status.code)") }
                    }
                } else if anonymous.code >= 500 || anonymous == .forbidden
                    || (anonymous == .unauthorized && key != "POST /login")
                {
                    // (An empty log-in is a failed log-in: 401 is its answer.)
                    wrong.append("\(key) anonymous: \(anonymous.code)")
                }
            }
            print("authorization matrix: \(checked) route × identity checks")
            #expect(wrong == [], "\(wrong.count) answers differ from the table:\n\(wrong.joined(separator: "\n"))")
        }
    }
}
