import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import Koffiepot

/// *Meekijken*: a teacher asks, the school's advisor plans and closes; the family stays unnamed without consent.
@Suite struct LookAlongTests {
    typealias API = ConversationAPITests
    struct View: Decodable {
        let id: String, group: String, status: String, childName: String?, plannedAt: String?, planNote: String?
    }
    struct Problem: Decodable { let error: String, fields: [String: String]? }

    static let valid = ValidLookAlong(
        group: "5B", ageYears: 9, situation: "Een kind trekt zich terug in de pauze.",
        question: "Hoe kan ik het helpen meedoen?", parentAgreed: false, childName: nil)

    static func requestJSON(_ locationID: UUID, extra: String = "") -> String {
        #"{"locationId":"\#(locationID)","group":"5B","ageYears":9,"situation":"Een kind trekt zich terug in de pauze.","question":"Hoe help ik het meedoen?"\#(extra)}"#
    }

    @Test func aTeacherAsksTheAdvisorPlansAndClosesAndNobodyElseSeesIt() async throws {
        try await withTestApp { app, clock in
            let school = try await app.location(named: "Basisschool De Vlinder")  // Petra's school
            let tom = try await API.token(app, "leerkracht@koffiepot.test", now: clock.now)
            let petra = try await API.token(app, "petra@koffiepot.test", now: clock.now)
            let anja = try await API.token(app, "anja@koffiepot.test", now: clock.now)

            let unnamed = try await API.send(
                app, .POST, "/api/v1/look-along-requests", token: tom,
                json: Self.requestJSON(school.id!, extra: #","childName":"Yusuf""#))
            #expect(unnamed.status == .unprocessableEntity)
            let problem = try API.decode(Problem.self, unnamed)
            #expect(
                problem.error == "lookalong_child_without_consent"
                    && problem.fields?["childName"] == "lookalong_child_without_consent")

            let made = try await API.send(
                app, .POST, "/api/v1/look-along-requests", token: tom, json: Self.requestJSON(school.id!))
            #expect(made.status == .created)
            let created = try API.decode(View.self, made)
            #expect(created.status == "open" && created.childName == nil)

            // Consent given: the name may come along.
            let named = try await API.send(
                app, .POST, "/api/v1/look-along-requests", token: tom,
                json: Self.requestJSON(school.id!, extra: #","parentAgreed":true,"childName":"Yusuf""#))
            #expect(try API.decode(View.self, named).childName == "Yusuf")

            #expect(
                try API.decode([View].self, try await API.send(app, .GET, "/api/v1/look-along-requests", token: petra))
                    .count == 2)
            #expect(
                try API.decode([View].self, try await API.send(app, .GET, "/api/v1/look-along-requests", token: anja))
                    .isEmpty)
            #expect(
                try await API.send(app, .GET, "/api/v1/look-along-requests/\(created.id)", token: anja).status
                    == .notFound)
            #expect(
                try await API.send(
                    app, .POST, "/api/v1/look-along-requests/\(created.id)/plan", token: anja,
                    json: #"{"when":"2027-02-10T09:00"}"#
                ).status == .notFound)

            let past = try await API.send(
                app, .POST, "/api/v1/look-along-requests/\(created.id)/plan", token: petra,
                json: #"{"when":"2020-02-10T09:00"}"#)
            #expect(past.status == .unprocessableEntity)
            #expect(try API.decode(Problem.self, past).error == "date_past")
            let planned = try await API.send(
                app, .POST, "/api/v1/look-along-requests/\(created.id)/plan", token: petra,
                json: #"{"when":"2027-02-10T09:00","note":"Ik kom in de pauze kijken."}"#)
            #expect(planned.status == .ok)
            let seen = try API.decode(
                View.self, try await API.send(app, .GET, "/api/v1/look-along-requests/\(created.id)", token: tom))
            #expect(
                seen.status == "planned" && seen.plannedAt == "2027-02-10T09:00:00+01:00"
                    && seen.planNote == "Ik kom in de pauze kijken.")

            // Another teacher: it does not exist.
            let other = StaffUser(email: "juf@koffiepot.test", name: "Juf Lotte", role: .teacher, passwordHash: "x")
            try await other.create(on: app.db)
            let lotte = try await API.token(app, "juf@koffiepot.test", now: clock.now)
            #expect(
                try await API.send(app, .GET, "/api/v1/look-along-requests/\(created.id)", token: lotte).status
                    == .notFound)
            #expect(
                try API.decode([View].self, try await API.send(app, .GET, "/api/v1/look-along-requests", token: lotte))
                    .isEmpty)

            #expect(
                try await API.send(app, .POST, "/api/v1/look-along-requests/\(created.id)/close", token: petra).status
                    == .ok)
            clock.advance(seconds: 89 * 86400)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await LookAlongRequest.find(UUID(uuidString: created.id), on: app.db) != nil)
            clock.advance(seconds: 2 * 86400)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await LookAlongRequest.find(UUID(uuidString: created.id), on: app.db) == nil)
            #expect(try await LookAlongRequest.query(on: app.db).count() == 1)  // the named one is still open
        }
    }

    /// The database itself refuses a child's name without the parent's consent, whatever code writes it.
    @Test func theDatabaseRefusesANameWithoutConsent() async throws {
        try await withTestApp { app, clock in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let tom = try await app.staff("leerkracht@koffiepot.test")
            let request = try await LookAlongService(db: app.db, now: clock.now).create(
                at: school.id!, by: tom, Self.valid)
            request.childName = "Yusuf"
            await #expect(throws: (any Error).self) { try await request.update(on: app.db) }
            #expect(try await LookAlongRequest.find(request.id, on: app.db)?.childName == nil)
        }
    }

    @Test func theFormShowsWhatLooksLikeANameBeforeSending() async throws {
        try await withTestApp { app, _ in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            #expect(try await teacher.get("/staff").text.contains("href=\"/staff/meekijken\""))
            let fields = [
                "location": school.id!.uuidString, "group": "5B", "age": "9",
                "situation": "In de pauze staat Yusuf steeds alleen bij het hek.",
                "question": "Hoe help ik hem meedoen?",
            ]
            let warned = try await teacher.post("/staff/meekijken", fields)
            #expect(warned.status == .ok)
            #expect(warned.text.contains("Dit lijkt op een naam, adres, telefoonnummer of datum:"))
            #expect(warned.text.contains("<mark>Yusuf</mark>"))
            #expect(warned.text.contains("Toch versturen"))
            #expect(try await LookAlongRequest.query(on: app.db).count() == 0)

            let named = try await teacher.post(
                "/staff/meekijken", fields.merging(["childName": "Yusuf"]) { _, new in new })
            #expect(
                named.status == .unprocessableEntity
                    && named.text.contains("Noem de naam van het kind alleen als de ouder dat goed vindt."))

            // Confirming one finding does not wave through a new one typed afterwards.
            let changed = fields.merging(["confirmed": "Yusuf", "question": "Moet ik Meneer Jansen bellen?"]) {
                _, new in new
            }
            #expect(try await teacher.post("/staff/meekijken", changed).text.contains("<mark>Meneer Jansen</mark>"))
            #expect(try await LookAlongRequest.query(on: app.db).count() == 0)
            let sent = try await teacher.post(
                "/staff/meekijken", fields.merging(["confirmed": "Yusuf"]) { _, new in new })
            #expect(sent.headers.first(name: .location) == "/staff/meekijken?done=lookalong.sent")
            let request = try #require(try await LookAlongRequest.query(on: app.db).first())

            // The advisor of the school proposes a moment; the teacher sees it.
            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            let desk = try await petra.get("/staff/meekijken")
            #expect(desk.text.contains("Basisschool De Vlinder · Groep 5B") && desk.text.contains("Nog niet ingepland"))
            let planned = try await petra.post(
                "/staff/meekijken/\(request.id!)/plan", ["date": "2027-02-10", "time": "10:15", "note": "In de pauze"])
            #expect(planned.headers.first(name: .location) == "/staff/meekijken/\(request.id!)?done=lookalong.planned")
            let mine = try await teacher.get("/staff/meekijken")
            #expect(mine.text.contains("Ingepland: woensdag 10 februari 10:15"))
            #expect(try await teacher.post("/staff/meekijken/\(request.id!)/close", [:]).status == .forbidden)
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            #expect(try await anja.get("/staff/meekijken/\(request.id!)").status == .notFound)
        }
    }
}
