import ConsoleKit
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Personal API tokens: made on the profile page or the command line, shown once, stored as a hash,
/// acting with their owner's role until revoked.
@Suite struct APITokenTests {
    struct MeJSON: Decodable {
        struct Place: Decodable { let id: String, name: String }; let name: String, role: String, locations: [Place]
    }
    struct ProblemJSON: Decodable { let status: Int, error: String, message: String }

    static func get(_ app: Application, _ path: String, authorization: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let authorization { headers.replaceOrAdd(name: .authorization, value: authorization) }
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: headers) { result = $0 }
        return try #require(result)
    }

    static func token(in page: String) -> String? {
        page.firstMatch(of: /id="new-token"[^>]*>(kp_[A-Za-z0-9_-]+)</).map { String($0.1) }
    }

    @Test func aTokenMadeOnTheProfilePageIsShownOnceAndActsWithItsOwnersRole() async throws {
        try await withTestApp { app, clock in
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            let made = try await anja.post("/staff/profile/tokens", ["name": "  Roosterkoppeling  "])
            #expect(made.status == .created)
            #expect(made.headers.first(name: .cacheControl) == "no-store")
            let plain = try #require(Self.token(in: made.text))
            // Only a keyed hash is kept: the token is nowhere in the table.
            let stored = try await APIToken.query(on: app.db).all()
            #expect(stored.map(\.name) == ["Roosterkoppeling"])
            #expect(stored.allSatisfy { !$0.tokenHash.contains(plain) && $0.tokenHash.count == 64 })

            let profile = try await anja.get("/staff/profile")
            #expect(
                !profile.text.contains(plain) && profile.text.contains("Roosterkoppeling")
                    && profile.text.contains("nog niet gebruikt"))

            clock.advance(seconds: 120)  // within the session's idle time
            let me = try await Self.get(app, "/api/v1/me", authorization: "Bearer \(plain)")
            #expect(me.status == .ok, "\(me.body.string)")
            let who = try JSONDecoder().decode(MeJSON.self, from: Data(buffer: me.body))
            let hers = try await StaffScope(app.staff("anja@koffiepot.test"), on: app.db).locations().map(\.name)
            #expect(
                who.name == "Anja de Vries" && who.role == "advisor" && who.locations.map(\.name) == hers
                    && !hers.isEmpty)
            #expect(try await APIToken.query(on: app.db).first()?.lastUsedAt == clock.now)
            #expect(try await anja.get("/staff/profile").text.contains("laatst gebruikt"))
        }
    }

    @Test func aRevokedTokenNoLongerWorksAndOnlyItsOwnerCanRevokeIt() async throws {
        try await withTestApp { app, clock in
            let anja = try await app.staff("anja@koffiepot.test")
            let (token, plain) = try await APIToken.issue(
                to: anja.id!, name: "Agenda", secret: app.settings.secret!, now: clock.now, on: app.db)
            #expect(try await Self.get(app, "/api/v1/me", authorization: "Bearer \(plain)").status == .ok)

            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            #expect(try await petra.post("/staff/profile/tokens/\(token.id!)/revoke", [:]).status == .notFound)
            #expect(try await Self.get(app, "/api/v1/me", authorization: "Bearer \(plain)").status == .ok)

            let owner = TestBrowser(app)
            try await owner.signIn("anja@koffiepot.test")
            let revoked = try await owner.post("/staff/profile/tokens/\(token.id!)/revoke", [:])
            #expect(
                revoked.status == .seeOther
                    && revoked.headers.first(name: .location) == "/staff/profile?done=tokens.revoked#tokens")
            let after = try await Self.get(app, "/api/v1/me?lang=en", authorization: "Bearer \(plain)")
            #expect(after.status == .unauthorized)
            let problem = try JSONDecoder().decode(ProblemJSON.self, from: Data(buffer: after.body))
            #expect(
                problem.error == "unauthorized"
                    && problem.message == "Send a valid personal API token (Authorization: Bearer …).")
        }
    }

    @Test func withoutAValidTokenTheStaffAPIIsA401() async throws {
        try await withTestApp { app, clock in
            let teacher = try await app.staff("leerkracht@koffiepot.test")
            let (_, plain) = try await APIToken.issue(
                to: teacher.id!, name: "Klassenlijst", secret: app.settings.secret!, now: clock.now, on: app.db)
            for authorization in [nil, "Bearer kp_not-a-token", "Bearer \(plain)x", "Basic YWRtaW46YWRtaW4=", "Bearer"]
            {
                let response = try await Self.get(app, "/api/v1/me", authorization: authorization)
                #expect(response.status == .unauthorized, "\(authorization ?? "none")")
            }
            // A token stops working with its owner's account.
            #expect(try await Self.get(app, "/api/v1/me", authorization: "Bearer \(plain)").status == .ok)
            teacher.active = false
            try await teacher.save(on: app.db)
            #expect(try await Self.get(app, "/api/v1/me", authorization: "Bearer \(plain)").status == .unauthorized)
            // Public operations do not need one.
            #expect(try await Self.get(app, "/api/v1/locations", authorization: nil).status == .ok)
        }
    }

    @Test func aTokenNeedsAName() async throws {
        try await withTestApp { app, _ in
            let admin = TestBrowser(app)
            try await admin.signIn("admin@koffiepot.test")
            for name in ["", "   ", String(repeating: "x", count: 61), "a\u{202E}b"] {
                let response = try await admin.post("/staff/profile/tokens", ["name": name])
                #expect(response.status == .unprocessableEntity)
                #expect(Self.token(in: response.text) == nil)
            }
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test func theCommandLinePrintsATokenThatWorks() async throws {
        try await withTestApp { app, _ in
            let console = CapturingConsole()
            var context = CommandContext(
                console: console,
                input: CommandInput(arguments: [
                    "koffiepot", "--email", "Coordinator@koffiepot.test", "--name", "Gemeentelijke agenda",
                ]))
            context.application = app
            try await APITokenCommand().run(using: &context)
            let plain = console.printed.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(plain.hasPrefix("kp_"))
            let me = try await Self.get(app, "/api/v1/me", authorization: "Bearer \(plain)")
            #expect(try JSONDecoder().decode(MeJSON.self, from: Data(buffer: me.body)).role == "coordinator")

            var unknown = CommandContext(
                console: console,
                input: CommandInput(arguments: [
                    "koffiepot", "--email", "nobody@koffiepot.test", "--name", "x",
                ]))
            unknown.application = app
            await #expect(throws: Abort.self) { try await APITokenCommand().run(using: &unknown) }
            #expect(try await APIToken.query(on: app.db).count() == 1)
        }
    }
}

/// A console that keeps what a command prints.
final class CapturingConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    var printed: String { lock.withLock { text } }
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    var size: (width: Int, height: Int) { (80, 24) }
    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {
        lock.withLock { self.text += text.description + (newLine ? "\n" : "") }
    }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) {}
}
