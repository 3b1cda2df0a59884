import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct FeedbackTests {

    private func postJSON(_ app: Application, _ path: String, _ json: String) async throws -> HTTPStatus {
        var headers = HTTPHeaders()
        headers.contentType = .json
        var status = HTTPStatus.ok
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: json)) {
            status = $0.status
        }
        return status
    }

    @Test func aHeldConsultationIsRatedOnceByLinkAndTheParentIsAsked() async throws {
        try await withTestApp { app, clock in
            let (booking, code) = try await app.bookFatima(now: clock.now)
            let link = "/b/\(code.linkToken)/feedback"
            let parent = TestBrowser(app)
            #expect(try await parent.get(link).text.contains("Je kunt je mening geven als het contact is geweest."))
            #expect(try await parent.post(link, ["score": "5"]).status == .unprocessableEntity)

            clock.advance(seconds: 2 * 86400 + 4 * 3600)  // Thursday afternoon, after the conversation
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            _ = try await anja.post("/staff/bookings/\(booking.id!)/held", [:])
            _ = try await anja.post("/staff/bookings/\(booking.id!)/held", [:])
            let asks = try await OutboxMessage.query(on: app.db).filter(\.$template == "feedback_request").all()
            #expect(asks.count == 1 && asks.first?.values["link"]?.hasSuffix(link) == true)

            let form = try await parent.get(link)
            #expect(form.text.contains("Hoe was je gesprek met Anja") && form.text.contains("Heel goed"))
            #expect(try await parent.post(link, ["score": "0"]).status == .unprocessableEntity)
            #expect(
                try await parent.post(link, ["score": "4", "better": "<script>alert(1)</script>"]).status == .seeOther)
            #expect(try await parent.post(link, ["score": "1"]).status == .seeOther)
            let rows = try await Feedback.query(on: app.db).all()
            #expect(rows.count == 1 && rows.first?.score == 4 && rows.first?.kind == .consultation)
            #expect(try await parent.get(link).text.contains("Dank je wel!"))
            // The typed code leads there too, for a parent who left no contact.
            #expect(
                try await TestBrowser(app).post("/mijn-afspraak", ["code": code.display]).headers.first(name: .location)
                    == link)
            // The API says the same: once per code.
            #expect(try await postJSON(app, "/api/v1/feedback", #"{"code":"\#(code.display)","score":5}"#) == .conflict)
        }
    }

    @Test func theAPIRefusesBadScoresUnknownCodesAndContactsNotYetHeld() async throws {
        try await withTestApp { app, clock in
            let (booking, code) = try await app.bookFatima(now: clock.now)
            #expect(
                try await postJSON(app, "/api/v1/feedback", #"{"code":"\#(code.display)","score":4}"#)
                    == .unprocessableEntity)
            booking.status = .held
            try await booking.save(on: app.db)
            #expect(
                try await postJSON(app, "/api/v1/feedback", #"{"code":"\#(code.display)","score":6}"#)
                    == .unprocessableEntity)
            #expect(try await postJSON(app, "/api/v1/feedback", #"{"code":"0000-0000-0000","score":4}"#) == .notFound)
            #expect(
                try await postJSON(app, "/api/v1/feedback", #"{"code":"\#(code.display)","score":4,"text":"Fijn"}"#)
                    == .created)
            #expect(try await Feedback.query(on: app.db).count() == 1)
        }
    }

    @Test func walkInFeedbackCountsOncePerDevicePerDay() async throws {
        try await withTestApp { app, clock in
            let location = try await app.location(named: "Basisschool De Vlinder")
            let path = "/koffie/\(location.id!.uuidString)"
            let visitor = TestBrowser(app), other = TestBrowser(app)
            #expect(try await visitor.get(path).text.contains("Hoe was de koffieochtend bij Basisschool De Vlinder?"))
            _ = try await visitor.post(path, ["score": "5"])
            _ = try await visitor.post(path, ["score": "1"])
            _ = try await other.post(path, ["score": "3"])
            #expect(try await Feedback.query(on: app.db).all().map(\.score).sorted() == [3, 5])
            clock.advance(seconds: 86400)
            _ = try await visitor.post(path, ["score": "4"])
            #expect(try await Feedback.query(on: app.db).count() == 3)
            #expect(try await Feedback.query(on: app.db).filter(\.$kind == .walkIn).count() == 3)

            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            let poster = try await petra.get("/staff/locations/\(location.id!.uuidString)/poster")
            #expect(poster.text.contains("<svg") && poster.text.contains("/koffie/\(location.id!.uuidString)"))
        }
    }

    @Test func wordsAreErasedAfterAYearTheScoreStays() async throws {
        try await withTestApp { app, clock in
            let location = try await app.location(named: "Basisschool De Vlinder")
            _ = try await TestBrowser(app).post(
                "/koffie/\(location.id!.uuidString)", ["score": "2", "better": "Te druk"])
            clock.advance(seconds: 200 * 86400)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await Feedback.query(on: app.db).first()?.text == "Te druk")
            clock.advance(seconds: 200 * 86400)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            let kept = try #require(try await Feedback.query(on: app.db).first())
            #expect(kept.text == nil && kept.score == 2)
        }
    }

    @Test func aGatheringAsksAnHourAfterItEndsAndNotWhoCancelled() async throws {
        try await withTestApp { app, clock in
            let (course, first, second) = try await courseWithOneWaiting(app, now: clock.now)
            let service = RegistrationService(
                db: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now)
            #expect(first.status == .confirmed && second.status == .waitlisted)
            let asks = try await OutboxMessage.query(on: app.db).filter(\.$template == "feedback_request").all()
            #expect(asks.count == 1 && asks.first?.notBefore == course.endsAt.addingTimeInterval(3600))
            // The first cancels: their question is withdrawn, the promoted person gets one instead.
            try await service.cancel(first.registrationID)
            let after = try await OutboxMessage.query(on: app.db).filter(\.$template == "feedback_request").all()
            #expect(after.filter { $0.status == .pending }.map(\.recipient) == ["ouder2@example.nl"])
            #expect(after.filter { $0.status == .cancelled }.map(\.recipient) == ["ouder1@example.nl"])

            // Before the course starts there is nothing to rate; after the first evening there is.
            let link = try #require(after.first { $0.status == .pending }?.values["link"]).replacingOccurrences(
                of: app.settings.publicURL, with: "")
            #expect(
                try await TestBrowser(app).get(link).text.contains(
                    "Je kunt je mening geven als het contact is geweest."))
            clock.advance(seconds: 15 * 86400)
            _ = try await TestBrowser(app).post(link, ["score": "5"])
            #expect(try await Feedback.query(on: app.db).filter(\.$kind == .gathering).count() == 1)
        }
    }

    /// A score that is not a number is the form's error with her words kept, and nothing is counted.
    @Test func aMalformedScoreKeepsHerWordsAndCountsNothing() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Vlinder")
            let page = "/koffie/\(location.id!)"
            let before = try await Feedback.query(on: app.db).count()
            let answer = try await TestBrowser(app).post(page, ["score": "vijf", "better": "Meer koffie graag"])
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.text.contains("Meer koffie graag"))
            #expect(try await Feedback.query(on: app.db).count() == before)
        }
    }
}
