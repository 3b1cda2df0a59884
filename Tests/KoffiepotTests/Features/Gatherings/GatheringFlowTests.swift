import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct GatheringFlowTests {
    func gathering(_ app: Application, _ title: String) async throws -> Gathering {
        try #require(try await Gathering.query(on: app.db).filter(\.$title == title).first())
    }

    @Test func parentsFindGatheringsWithFilters() async throws {
        try await withTestApp { app, _ in
            let browser = TestBrowser(app)
            let all = try await browser.get("/gatherings")
            #expect(all.text.contains("Koffie-inloop in de ouderkamer") && all.text.contains("Omgaan met pubers"))
            let teens = try await browser.get("/gatherings?age=12-18")
            #expect(teens.text.contains("Omgaan met pubers") && !teens.text.contains("Peuter in Zicht</a>"))
            let sleep = try await browser.get("/gatherings?topic=sleep&neighbourhood=Strijp")
            #expect(sleep.text.contains("Slapen: hoe dan?") && !sleep.text.contains("Koffie-inloop in de ouderkamer"))
            let arabic = try await browser.get("/gatherings?language=ar")
            #expect(arabic.text.contains("Koffie-inloop in de ouderkamer") && !arabic.text.contains("Slapen: hoe dan?"))
            let course = try await gathering(app, "Omgaan met pubers")
            let detail = try await browser.get("/gatherings/\(course.id!)")
            #expect(detail.text.contains("4 keer, elke week"))
            #expect(detail.text.contains("Nog 12 plekken"))
            let walkIn = try await gathering(app, "Koffie-inloop in de ouderkamer")
            let walkInPage = try await browser.get("/gatherings/\(walkIn.id!)")
            #expect(walkInPage.text.contains("Aanmelden hoeft niet") && !walkInPage.text.contains("/register"))
            #expect(
                try await browser.post(
                    "/gatherings/\(walkIn.id!)/register", ["name": "Ali", "adults": "1", "language": "nl"]
                ).status == .conflict)
            let location = try await browser.get("/locations/\(course.$location.id)")
            #expect(location.text.contains("Bijeenkomsten hier"))
        }
    }

    @Test func aFullCourseWaitlistsAndACancellationPromotesWithAMessage() async throws {
        try await withTestApp { app, clock in
            let course = try await gathering(app, "Omgaan met pubers")
            course.capacity = 1
            try await course.save(on: app.db)
            let first = TestBrowser(app), second = TestBrowser(app)
            let a = try await first.post(
                "/gatherings/\(course.id!)/register",
                [
                    "name": "Ans", "adults": "1", "language": "nl", "contact": "ans@example.nl",
                    "idempotency_key": UUID().uuidString,
                ])
            #expect(a.headers.first(name: .location)?.hasSuffix("?done=registration.done_confirmed") == true)
            let b = try await second.post(
                "/gatherings/\(course.id!)/register",
                [
                    "name": "Bo", "adults": "1", "language": "nl", "contact": "bo@example.nl",
                    "idempotency_key": UUID().uuidString,
                ])
            let bLink = String(try #require(b.headers.first(name: .location)).prefix { $0 != "?" })
            #expect(try await second.get(bLink).text.contains("wachtlijst, plaats 1"))
            let tooMany = try await second.post(
                "/gatherings/\(course.id!)/register", ["name": "Co", "adults": "3", "language": "nl"])
            #expect(
                tooMany.status == .unprocessableEntity
                    && tooMany.text.contains("Zoveel plekken heeft deze bijeenkomst niet."))

            let aLink = String(try #require(a.headers.first(name: .location)).prefix { $0 != "?" })
            #expect(try await first.post(aLink + "/cancel", [:]).text.contains("Je bent afgemeld"))
            #expect(try await second.get(bLink).text.contains("Je hebt een plek"))
            let recorder = RecordingSender()
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            #expect(
                recorder.sent.filter { $0.to == "bo@example.nl" }.map(\.subject) == [
                    "Wachtlijst: Omgaan met pubers", "Er is een plek voor je: Omgaan met pubers",
                ])
            let ics = try await second.get(bLink + "/calendar.ics")
            #expect(ics.text.components(separatedBy: "BEGIN:VEVENT").count == 5)
        }
    }

    @Test func registrationAPI() async throws {
        try await withTestApp { app, _ in
            struct Item: Decodable {
                let id: String, kind: String, title: String, start: String, capacity: Int, placesLeft: Int
            }
            struct Created: Decodable { let code: String, status: String, position: Int? }
            var items: [Item] = []
            try await app.testing().test(.GET, "/api/v1/gatherings") { res in
                items = try JSONDecoder().decode([Item].self, from: Data(buffer: res.body))
            }
            let course = try #require(items.first { $0.title == "Slapen: hoe dan?" })
            #expect(course.kind == "theme_evening" && course.capacity == 20 && course.start.hasSuffix("+01:00"))
            let evening = try await gathering(app, "Slapen: hoe dan?")
            evening.capacity = 1
            try await evening.save(on: app.db)
            var headers = HTTPHeaders()
            headers.contentType = .json
            var codes: [Created] = []
            for name in ["Ans", "Bo"] {
                try await app.testing().test(
                    .POST, "/api/v1/gatherings/\(course.id)/registrations", headers: headers,
                    body: ByteBuffer(string: #"{"name":"\#(name)"}"#)
                ) { res in
                    #expect(res.status == .created)
                    codes.append(try JSONDecoder().decode(Created.self, from: Data(buffer: res.body)))
                }
            }
            #expect(codes.map(\.status) == ["confirmed", "waitlisted"] && codes[1].position == 1)
            try await app.testing().test(.DELETE, "/api/v1/registrations/\(codes[0].code)") { res in
                #expect(res.status == .noContent)
            }
            try await app.testing().test(.GET, "/api/v1/registrations/\(codes[1].code)") { res in
                let promoted = try JSONDecoder().decode(Created.self, from: Data(buffer: res.body))
                #expect(promoted.status == "confirmed")
            }
            try await app.testing().test(.GET, "/api/v1/registrations/\(codes[0].code)") { res in
                #expect(res.status == .notFound)
            }
        }
    }
}

@Suite struct GatheringFeedTests {
    @Test func feedAndWidgetFollowTheFilters() async throws {
        try await withTestApp { app, _ in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let feed = try await TestBrowser(app).get("/gatherings/calendar.ics?location=\(vlinder.id!)")
            #expect(feed.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
            // "Slapen: hoe dan?" once plus four sessions of "Omgaan met pubers".
            #expect(feed.text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 5)
            #expect(!feed.text.contains("Peuter in Zicht"))
            let widget = try await TestBrowser(app).get("/embed/gatherings?age=1-4")
            #expect(widget.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors *") == true)
            #expect(
                widget.text.contains("Peuter in Zicht") && !widget.text.contains("Omgaan met pubers")
                    && !widget.text.contains("<form"))
            let list = try await TestBrowser(app).get("/gatherings?age=1-4")
            #expect(list.text.contains("/gatherings/calendar.ics?age=1%2D4"))
        }
    }
}
