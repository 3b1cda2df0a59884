import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The role rules of the whole staff API in one table: every role and anonymous × every staff operation.
/// An operation `openapi.yaml` marks with `security` that is missing here fails the build.
@Suite struct StaffAPIAuthorizationTests {
    /// What the routes act on: a location every role may plan at, a round of the demo teacher, and her
    /// look-along request at a school of the demo advisor.
    struct Fixture: Sendable {
        let locationID: UUID, roundID: UUID, lookAlongID: UUID, sharedLocationID: UUID, organisationID: UUID
    }

    struct StaffRoute: Sendable {
        let method: HTTPMethod
        let path: String
        var body: (@Sendable (Fixture) -> String)? = nil
        var query = ""
        let allowed: Set<Role>
        var key: String { "\(method.rawValue) \(path)" }

        func concretePath(_ fixture: Fixture) -> String {
            path.replacingOccurrences(of: "{round}", with: fixture.roundID.uuidString)
                .replacingOccurrences(of: "{lookalong}", with: fixture.lookAlongID.uuidString)
                .replacingOccurrences(of: "{shared}", with: fixture.sharedLocationID.uuidString) + query
        }
    }

    static let routes: [StaffRoute] = [
        StaffRoute(method: .GET, path: "/api/v1/me", allowed: Set(Role.allCases)),
        StaffRoute(
            method: .GET, path: "/api/v1/insight/open-data", query: "?year=2026", allowed: [.coordinator, .admin]),
        StaffRoute(
            method: .POST, path: "/api/v1/conversation-rounds", body: { ConversationAPITests.roundJSON($0.locationID) },
            allowed: [.teacher, .coordinator, .admin]),
        StaffRoute(
            method: .GET, path: "/api/v1/conversation-rounds/{round}", allowed: [.teacher, .coordinator, .admin]),
        StaffRoute(method: .GET, path: "/api/v1/support-requests", allowed: [.advisor]),
        StaffRoute(method: .GET, path: "/api/v1/look-along-requests", allowed: [.teacher, .advisor]),
        StaffRoute(
            method: .POST, path: "/api/v1/look-along-requests", body: { LookAlongTests.requestJSON($0.locationID) },
            allowed: [.teacher]),
        StaffRoute(method: .GET, path: "/api/v1/look-along-requests/{lookalong}", allowed: [.teacher, .advisor]),
        StaffRoute(
            method: .POST, path: "/api/v1/look-along-requests/{lookalong}/plan",
            body: { _ in #"{"when": "2027-02-10T09:00"}"# },
            allowed: [.advisor]),
        StaffRoute(method: .POST, path: "/api/v1/look-along-requests/{lookalong}/close", allowed: [.advisor]),
        StaffRoute(method: .GET, path: "/api/v1/organisations", allowed: Set(Role.allCases)),
        StaffRoute(
            method: .POST, path: "/api/v1/organisations", body: { _ in #"{"name": "Organisatie \#(UUID())"}"# },
            allowed: [.coordinator, .admin]),
        StaffRoute(
            method: .GET, path: "/api/v1/locations/{shared}/network",
            allowed: [.admin, .coordinator, .advisor, .teacher]),
        StaffRoute(
            method: .POST, path: "/api/v1/home-themes", body: { HomeThemeTests.themeJSON($0.sharedLocationID) },
            allowed: [.admin, .coordinator, .advisor, .teacher]),
        StaffRoute(
            method: .POST, path: "/api/v1/locations/{shared}/network",
            body: { NetworkTests.personJSON($0.organisationID.uuidString) },
            allowed: [.coordinator, .admin]),
    ]

    /// A demo staff member for every role.
    static let people: [Role: String] = [
        .admin: "admin@koffiepot.test", .coordinator: "coordinator@koffiepot.test", .advisor: "anja@koffiepot.test",
        .teacher: "leerkracht@koffiepot.test", .ambassador: "ambassadeur@koffiepot.test",
        .privacyOfficer: "fg@koffiepot.test",
    ]

    @Test func everyRoleAndAnonymousOnEveryStaffOperation() async throws {
        try await withTestApp { app, clock in
            var tokens: [Role: String] = [:]
            for role in Role.allCases {
                let user = try await app.staff(try #require(Self.people[role]))
                #expect(user.role == role)
                tokens[role] = try await APIToken.issue(
                    to: user.id!, name: "test", secret: app.settings.secret!, now: clock.now, on: app.db
                ).1
            }
            let school = try await app.location(named: "Basisschool De Vlinder")
            let teacher = try await app.staff("leerkracht@koffiepot.test")
            let planned = try await ConversationService(
                db: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now
            ).planRound(
                locationID: school.id!, teacherID: teacher.id!, title: "Gesprekken", group: "5B", slotMinutes: 10,
                breakMinutes: 0,
                days: [RoundDay(date: "2027-02-09", from: "15:00", to: "16:00")]
            ).get()
            // Anja (the advisor in the table) is the advisor of De Boomgaard.
            let anjasSchool = try await app.location(named: "SPIL-centrum De Boomgaard")
            let lookAlong = try await LookAlongService(db: app.db, now: clock.now).create(
                at: anjasSchool.id!, by: teacher, LookAlongTests.valid)
            // De Boomgaard: Anja advises there and the demo teacher works there.
            let organisation = try #require(try await Organisation.query(on: app.db).first())
            let fixture = Fixture(
                locationID: school.id!, roundID: try planned.0.requireID(), lookAlongID: try lookAlong.requireID(),
                sharedLocationID: anjasSchool.id!, organisationID: try organisation.requireID())
            for route in Self.routes {
                for role in [nil] + Role.allCases.map(Optional.some) {
                    var headers = HTTPHeaders()
                    if let role { headers.replaceOrAdd(name: .authorization, value: "Bearer \(tokens[role]!)") }
                    if route.body != nil { headers.contentType = .json }
                    var status: HTTPStatus = .internalServerError
                    try await app.testing().test(
                        route.method, route.concretePath(fixture), headers: headers,
                        body: route.body.map { ByteBuffer(string: $0(fixture)) }
                    ) { status = $0.status }
                    let expected: String
                    switch role {
                    case nil: expected = "401"
                    case let role? where route.allowed.contains(role): expected = "2xx"
                    default: expected = "403"
                    }
                    let got = (200..<300).contains(status.code) ? "2xx" : "\(status.code)"
                    #expect(got == expected, "\(route.key) as \(role?.rawValue ?? "anonymous")")
                }
            }
        }
    }

    @Test func theTableCoversEveryOperationThatNeedsAToken() throws {
        let spec = try String(
            contentsOf: LocalizationTests.root.appendingPathComponent("Sources/Koffiepot/openapi.yaml"), encoding: .utf8
        )
        var secured: Set<String> = []
        var path = "", method = ""
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("components:") { break }
            if let match = line.wholeMatch(of: #/  (/[^:]*):\s*/#) { path = String(match.1) }
            if let match = line.wholeMatch(of: #/    (get|post|put|patch|delete):\s*/#) {
                method = match.1.uppercased()
            }
            if line.hasPrefix("      security:") { secured.insert("\(method) /api/v1\(path)") }
        }
        let table = Set(
            Self.routes.map(\.key).map {
                $0.replacingOccurrences(of: "{round}", with: "{id}").replacingOccurrences(
                    of: "{lookalong}", with: "{id}"
                )
                .replacingOccurrences(of: "{shared}", with: "{id}")
            })
        #expect(!secured.isEmpty)
        #expect(secured.subtracting(table).isEmpty, "not in the table: \(secured.subtracting(table).sorted())")
    }
}
