import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The 10-minute conversations through the API, as a teacher, a parent and an advisor use them.
@Suite struct ConversationAPITests {
    struct Times: Decodable, Equatable { let id: String, start: String, end: String }
    struct Created: Decodable { let id: String, link: String, slots: [Times] }
    struct Booked: Decodable { let code: String, link: String, slot: Times }
    struct Conflict: Decodable { let status: Int, error: String, message: String, nearest: [Times] }
    struct RoundView: Decodable {
        struct Slot: Decodable { let id: String, parentName: String?, childName: String? };
        let group: String, slots: [Slot]
    }
    struct Request: Decodable {
        let locationId: String, topics: [String], note: String, contact: String?, status: String
    }

    static func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders(extra.map { ($0.key, $0.value) })
        if let token { headers.replaceOrAdd(name: .authorization, value: "Bearer \(token)") }
        if json != nil { headers.contentType = .json }
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }) {
            result = $0
        }
        return try #require(result)
    }

    static func token(_ app: Application, _ email: String, now: Date) async throws -> String {
        try await APIToken.issue(
            to: app.staff(email).id!, name: "test", secret: app.settings.secret!, now: now, on: app.db
        ).1
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(buffer: response.body))
    }

    static func roundJSON(_ locationID: UUID, group: String = "5B", from: String = "15:00", to: String = "16:00")
        -> String
    {
        #"{"locationId":"\#(locationID)","title":"Tienminutengesprekken februari","group":"\#(group)","slotMinutes":10,"days":[{"date":"2027-02-09","from":"\#(from)","to":"\#(to)"}]}"#
    }

    @Test func aTeacherPlansAParentBooksAndTheNearestTimesAreOfferedWhenTaken() async throws {
        try await withTestApp { app, clock in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let tom = try await Self.token(app, "leerkracht@koffiepot.test", now: clock.now)
            let made = try await Self.send(
                app, .POST, "/api/v1/conversation-rounds", token: tom, json: Self.roundJSON(school.id!))
            #expect(made.status == .created, "\(made.body.string)")
            let round = try Self.decode(Created.self, made)
            #expect(round.slots.count == 6 && round.slots[0].start == "2027-02-09T15:00:00+01:00")
            #expect(round.link.hasSuffix("/gesprekken/\(round.id)"))

            let booked = try await Self.send(
                app, .POST, "/api/v1/conversation-rounds/\(round.id)/bookings",
                json:
                    #"{"slotId":"\#(round.slots[2].id)","parentName":"Fatima","childName":"Yusuf","contact":"fatima@example.nl"}"#
            )
            #expect(booked.status == .created, "\(booked.body.string)")
            #expect(try Self.decode(Booked.self, booked).slot == round.slots[2])

            let again = try await Self.send(
                app, .POST, "/api/v1/conversation-rounds/\(round.id)/bookings",
                json: #"{"slotId":"\#(round.slots[2].id)","parentName":"Kim","childName":"Noor"}"#)
            #expect(again.status == .conflict)
            let conflict = try Self.decode(Conflict.self, again)
            #expect(conflict.error == "slot_taken")
            #expect(conflict.nearest.map(\.id) == [round.slots[1].id, round.slots[3].id, round.slots[0].id])

            let slots = try await Self.send(app, .GET, "/api/v1/conversation-rounds/\(round.id)/slots")
            struct State: Decodable { let id: String, free: Bool }
            #expect(try Self.decode([State].self, slots).filter { !$0.free }.map(\.id) == [round.slots[2].id])

            let view = try Self.decode(
                RoundView.self, try await Self.send(app, .GET, "/api/v1/conversation-rounds/\(round.id)", token: tom))
            #expect(view.slots[2].parentName == "Fatima" && view.slots[2].childName == "Yusuf")
            #expect(view.slots.filter { $0.parentName != nil }.count == 1)
        }
    }

    @Test func impossibleRoundsAndOtherPeoplesRoundsAreRefused() async throws {
        try await withTestApp { app, clock in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let tom = try await Self.token(app, "leerkracht@koffiepot.test", now: clock.now)
            let bad = try await Self.send(
                app, .POST, "/api/v1/conversation-rounds?lang=en", token: tom,
                json: Self.roundJSON(school.id!, from: "17:00", to: "15:00"))
            #expect(bad.status == .unprocessableEntity)
            struct Problem: Decodable { let error: String, message: String, fields: [String: String] }
            let problem = try Self.decode(Problem.self, bad)
            #expect(
                problem.fields == ["days.0.to": "end_before_start"]
                    && problem.message == "The end time must be after the start time.")
            #expect(
                try await Self.send(
                    app, .POST, "/api/v1/conversation-rounds", token: tom,
                    json: Self.roundJSON(UUID())
                ).status == .notFound)
            #expect(try await ConversationRound.query(on: app.db).count() == 0)

            let made = try Self.decode(
                Created.self,
                try await Self.send(
                    app, .POST, "/api/v1/conversation-rounds", token: tom, json: Self.roundJSON(school.id!)))
            // Another teacher does not even learn the round exists; a coordinator sees it.
            let other = StaffUser(email: "juf@koffiepot.test", name: "Juf Lotte", role: .teacher, passwordHash: "x")
            try await other.create(on: app.db)
            let lotte = try await Self.token(app, "juf@koffiepot.test", now: clock.now)
            #expect(
                try await Self.send(app, .GET, "/api/v1/conversation-rounds/\(made.id)", token: lotte).status
                    == .notFound)
            let karin = try await Self.token(app, "coordinator@koffiepot.test", now: clock.now)
            #expect(
                try await Self.send(app, .GET, "/api/v1/conversation-rounds/\(made.id)", token: karin).status == .ok)
            #expect(
                try await Self.send(app, .GET, "/api/v1/conversation-rounds/\(UUID())", token: karin).status
                    == .notFound)
        }
    }

    /// The tick box goes to the advisor; the teacher's overview is the same byte for byte either way.
    @Test func theTeacherNeverSeesTheSupportRequest() async throws {
        try await withTestApp { app, clock in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let tom = try await Self.token(app, "leerkracht@koffiepot.test", now: clock.now)
            var views: [String] = []
            for ticked in [false, true] {
                let round = try Self.decode(
                    Created.self,
                    try await Self.send(
                        app, .POST, "/api/v1/conversation-rounds", token: tom,
                        json: Self.roundJSON(school.id!)))
                let support =
                    ticked
                    ? #","supportRequest":{"topics":["sleep","behaviour"],"note":"Hij slaapt slecht sinds de verhuizing."}"#
                    : ""
                let booked = try await Self.send(
                    app, .POST, "/api/v1/conversation-rounds/\(round.id)/bookings",
                    json:
                        #"{"slotId":"\#(round.slots[1].id)","parentName":"Fatima","childName":"Yusuf","contact":"fatima@example.nl"\#(support)}"#
                )
                #expect(booked.status == .created)
                var view = try await Self.send(app, .GET, "/api/v1/conversation-rounds/\(round.id)", token: tom).body
                    .string
                view = view.replacingOccurrences(of: round.id, with: "ROUND")
                for slot in round.slots { view = view.replacingOccurrences(of: slot.id, with: "SLOT") }
                views.append(view)
            }
            #expect(views[0] == views[1])
            #expect(!views[1].contains("slaapt") && !views[1].lowercased().contains("support"))

            // The advisor of the location sees it; the teacher may not ask.
            #expect(try await Self.send(app, .GET, "/api/v1/support-requests", token: tom).status == .forbidden)
            let advisorEmail = try await LocationQueries.advisors(of: school, on: app.db).first!.email
            let advisor = try await Self.token(app, advisorEmail, now: clock.now)
            let requests = try Self.decode(
                [Request].self, try await Self.send(app, .GET, "/api/v1/support-requests", token: advisor))
            #expect(requests.count == 1)
            #expect(requests.first?.topics == ["sleep", "behaviour"] && requests.first?.contact == "fatima@example.nl")
            #expect(requests.first?.locationId == school.id!.uuidString && requests.first?.status == "open")
            // An advisor of other locations does not.
            let others = try await StaffUser.query(on: app.db).filter(\.$role == .advisor).filter(
                \.$email != advisorEmail
            ).all()
            for other in others
            where try await !StaffScope(other, on: app.db).locations().contains(where: { $0.id == school.id }) {
                let token = try await Self.token(app, other.email, now: clock.now)
                #expect(
                    try Self.decode(
                        [Request].self, try await Self.send(app, .GET, "/api/v1/support-requests", token: token)
                    ).isEmpty)
            }
        }
    }

    /// A parent with children in two groups: one code, no overlap.
    @Test func siblingsLiveUnderOneCodeWithoutOverlap() async throws {
        try await withTestApp { app, clock in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let tom = try await Self.token(app, "leerkracht@koffiepot.test", now: clock.now)
            let fiveB = try Self.decode(
                Created.self,
                try await Self.send(
                    app, .POST, "/api/v1/conversation-rounds", token: tom, json: Self.roundJSON(school.id!)))
            let threeA = try Self.decode(
                Created.self,
                try await Self.send(
                    app, .POST, "/api/v1/conversation-rounds", token: tom,
                    json: Self.roundJSON(school.id!, group: "3A")))
            let first = try Self.decode(
                Booked.self,
                try await Self.send(
                    app, .POST, "/api/v1/conversation-rounds/\(fiveB.id)/bookings",
                    json: #"{"slotId":"\#(fiveB.slots[2].id)","parentName":"Fatima","childName":"Yusuf"}"#))
            let clash = try await Self.send(
                app, .POST, "/api/v1/conversation-rounds/\(threeA.id)/bookings",
                json:
                    #"{"slotId":"\#(threeA.slots[2].id)","parentName":"Fatima","childName":"Amira","code":"\#(first.code)"}"#
            )
            #expect(clash.status == .conflict)
            #expect(try Self.decode(Conflict.self, clash).error == "overlap")
            let second = try await Self.send(
                app, .POST, "/api/v1/conversation-rounds/\(threeA.id)/bookings",
                json:
                    #"{"slotId":"\#(threeA.slots[3].id)","parentName":"Fatima","childName":"Amira","code":"\#(first.code.lowercased())"}"#
            )
            #expect(second.status == .created)
            #expect(try Self.decode(Booked.self, second).code == first.code)
            #expect(try await ConversationCode.query(on: app.db).count() == 1)
            #expect(try await ConversationBooking.query(on: app.db).count() == 2)
            let unknown = try await Self.send(
                app, .POST, "/api/v1/conversation-rounds/\(threeA.id)/bookings",
                json:
                    #"{"slotId":"\#(threeA.slots[5].id)","parentName":"Fatima","childName":"Amira","code":"AAAA-AAAA-AAAA"}"#
            )
            #expect(unknown.status == .notFound)
        }
    }
}
