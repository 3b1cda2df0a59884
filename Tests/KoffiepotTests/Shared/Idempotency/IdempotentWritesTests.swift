import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// A parent who taps twice or whose phone sends again on a bad connection gets one question, one wish,
/// one booking: every public write answers a repeated idempotency key with its first answer.
@Suite struct IdempotentWritesTests {
    typealias API = ConversationAPITests
    struct Problem: Decodable { let error: String }

    /// Sends `json` twice with one key (one record, the same answer, marked as repeated), then with the
    /// same key and another body (422, nothing stored).
    func expectAnsweredOnce(
        _ app: Application, _ path: String, _ json: String, other: String,
        count: @escaping () async throws -> Int
    ) async throws {
        let key = ["Idempotency-Key": "tik-\(UUID().uuidString)"]
        let before = try await count()
        let first = try await API.send(app, .POST, path, json: json, headers: key)
        #expect(first.status.code < 300, "\(path): \(first.body.string)")
        #expect(first.headers.first(name: "Idempotent-Replayed") == nil)
        let again = try await API.send(app, .POST, path, json: json, headers: key)
        #expect(again.status == first.status, "\(path)")
        #expect(again.body.string == first.body.string, "\(path)")
        #expect(again.headers.first(name: "Idempotent-Replayed") == "true", "\(path)")
        #expect(try await count() == before + 1, "\(path)")
        let reused = try await API.send(app, .POST, path, json: other, headers: key)
        #expect(reused.status == .unprocessableEntity, "\(path)")
        #expect(try API.decode(Problem.self, reused).error == "idempotency_key_reused", "\(path)")
        #expect(try await count() == before + 1, "\(path)")
    }

    @Test func everyPublicWriteOfTheAPIAnswersARepeatedKeyOnce() async throws {
        try await withTestApp { app, clock in
            let school = try await app.location(named: "Basisschool De Vlinder")
            try await expectAnsweredOnce(
                app, "/api/v1/questions", #"{"text":"Hoeveel schermtijd is goed?"}"#,
                other: #"{"text":"Hoe lang moet mijn kind slapen?"}"#
            ) { try await Question.query(on: app.db).count() }
            try await expectAnsweredOnce(
                app, "/api/v1/wishes", #"{"locationId":"\#(school.id!)","text":"Avond over pesten"}"#,
                other: #"{"locationId":"\#(school.id!)","text":"Avond over slapen"}"#
            ) { try await Wish.query(on: app.db).count() }
            let wish = try #require(try await Wish.query(on: app.db).first())
            try await expectAnsweredOnce(
                app, "/api/v1/wishes/\(wish.id!)/supports", #"{"device":"toestel-nummer-een-1234"}"#,
                other: #"{"device":"toestel-nummer-twee-1234"}"#
            ) { try await WishSupport.query(on: app.db).count() }

            let (booking, code) = try await app.bookFatima(now: clock.now)
            booking.status = .held
            try await booking.save(on: app.db)
            try await expectAnsweredOnce(
                app, "/api/v1/feedback", #"{"code":"\#(code.display)","score":5}"#,
                other: #"{"code":"\#(code.display)","score":4}"#
            ) { try await Feedback.query(on: app.db).count() }

            let tom = try await API.token(app, "leerkracht@koffiepot.test", now: clock.now)
            let round = try API.decode(
                API.Created.self,
                try await API.send(
                    app, .POST, "/api/v1/conversation-rounds", token: tom,
                    json: API.roundJSON(school.id!)))
            try await expectAnsweredOnce(
                app, "/api/v1/conversation-rounds/\(round.id)/bookings",
                #"{"slotId":"\#(round.slots[2].id)","parentName":"Fatima","childName":"Yusuf"}"#,
                other: #"{"slotId":"\#(round.slots[3].id)","parentName":"Fatima","childName":"Yusuf"}"#
            ) {
                try await ConversationBooking.query(on: app.db).count()
            }

            let playgroup = try await app.location(named: "Peuterspeelzaal Het Kwetternest")
            let theme = try API.decode(
                HomeThemeTests.Theme.self,
                try await API.send(app, .GET, "/api/v1/locations/\(playgroup.id!)/home-themes/current"))
            try await expectAnsweredOnce(
                app, "/api/v1/home-activities/\(theme.activities[0].id)/done", #"{"device":"toestel-nummer-een-1234"}"#,
                other: #"{"device":"toestel-nummer-twee-1234"}"#
            ) { try await HomeActivityDone.query(on: app.db).count() }
        }
    }

    @Test func repeatsSentAtTheSameMomentStoreOneQuestionAndAllGetItsCode() async throws {
        try await withTestApp { app, _ in
            let key = ["Idempotency-Key": "tegelijk-\(UUID().uuidString)"]
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let answer = try await API.send(
                            app, .POST, "/api/v1/questions", json: #"{"text":"Mag mijn kind een telefoon?"}"#,
                            headers: key)
                        return "\(answer.status.code) \(answer.body.string)"
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(answers.count == 8)
            #expect(Set(answers).count == 1, "\(Set(answers))")
            #expect(answers.first?.hasPrefix("201 ") == true)
            #expect(try await Question.query(on: app.db).count() == 1)
        }
    }

    @Test func aMalformedKeyIsRefusedAndTheStoredAnswerCannotBeReadWithoutTheKey() async throws {
        try await withTestApp { app, clock in
            let short = try await API.send(
                app, .POST, "/api/v1/questions", json: #"{"text":"Kort"}"#, headers: ["Idempotency-Key": "kort"])
            #expect(short.status == .unprocessableEntity)
            #expect(try API.decode(Problem.self, short).error == "bad_idempotency_key")
            #expect(try await Question.query(on: app.db).count() == 0)

            let asked = try await API.send(
                app, .POST, "/api/v1/questions", json: #"{"text":"Wat doe ik tegen driftbuien?"}"#,
                headers: ["Idempotency-Key": "geheime-sleutel-0123456789"])
            struct Created: Decodable { let code: String }
            let code = try API.decode(Created.self, asked).code
            let stored = try #require(try await IdempotencyRecord.query(on: app.db).first())
            #expect(stored.bodySealed?.contains(code) == false && stored.keyHash.contains("geheime") == false)

            // Kept a day, then purged with the other retention jobs.
            _ = try await PurgeRunner.runTick(
                db: app.db, now: clock.now.addingTimeInterval(IdempotencyRecord.keepSeconds + 60),
                settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await IdempotencyRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aFormSentTwiceAsksOneQuestionAndLandsOnTheSamePage() async throws {
        try await withTestApp { app, _ in
            let parent = TestBrowser(app)
            let page = try await parent.get("/vraag")
            let key = try #require(page.text.firstMatch(of: /name="idempotency_key" value="([^"]+)"/)?.1)
            let fields = [
                "text": "Mijn dochter wil niet naar school.", "language": "nl", "idempotency_key": String(key),
            ]
            let first = try await parent.post("/vraag", fields)
            #expect(first.status == .seeOther)
            let again = try await parent.post("/vraag", fields)
            #expect(again.status == .seeOther)
            #expect(again.headers.first(name: .location) == first.headers.first(name: .location))
            #expect(try await Question.query(on: app.db).count() == 1)
            // A form corrected after a mistake is sent with its key again and still counts.
            let fresh = try await parent.get("/vraag")
            let next = try #require(fresh.text.firstMatch(of: /name="idempotency_key" value="([^"]+)"/)?.1)
            #expect(next != key)
            #expect(
                try await parent.post("/vraag", ["text": "", "idempotency_key": String(next)]).status
                    == .unprocessableEntity)
            #expect(
                try await parent.post(
                    "/vraag", ["text": "Hoe help ik bij huiswerk?", "language": "nl", "idempotency_key": String(next)]
                ).status == .seeOther)
            #expect(try await Question.query(on: app.db).count() == 2)
        }
    }

    /// A server dies after the booking was stored but before its answer was kept: the phone sends again with its
    /// key and gets its own booking back, not "this time was just taken" by herself.
    @Test func aBookingWhoseAnswerWasLostComesBackFromItsOwnRow() async throws {
        try await withTestApp { app, clock in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let tom = try await API.token(app, "leerkracht@koffiepot.test", now: clock.now)
            let round = try API.decode(
                API.Created.self,
                try await API.send(
                    app, .POST, "/api/v1/conversation-rounds", token: tom,
                    json: API.roundJSON(school.id!)))
            let key = ["Idempotency-Key": "verloren-antwoord-\(UUID().uuidString)"]
            let json =
                #"{"slotId":"\#(round.slots[0].id)","parentName":"Fatima","childName":"Yusuf","contact":"fatima@example.nl"}"#
            let first = try await API.send(
                app, .POST, "/api/v1/conversation-rounds/\(round.id)/bookings", json: json, headers: key)
            #expect(first.status == .created)
            try await IdempotencyRecord.query(on: app.db).delete()  // what a crash between commit and answer leaves
            let again = try await API.send(
                app, .POST, "/api/v1/conversation-rounds/\(round.id)/bookings", json: json, headers: key)
            #expect(again.status == .created, "\(again.body.string)")
            #expect(try API.decode(API.Booked.self, again).code == API.decode(API.Booked.self, first).code)
            #expect(try await ConversationBooking.query(on: app.db).count() == 1)
            #expect(
                try await OutboxMessage.query(on: app.db).filter(\.$template == "conversation_confirmed").count() == 1)
        }
    }
}
