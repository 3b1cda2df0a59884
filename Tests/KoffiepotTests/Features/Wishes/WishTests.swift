import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct WishTests {
    @Test func parentsProposeSupportOncePerDeviceAndAdvisorsMergeAndPlan() async throws {
        try await withTestApp { app, clock in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let page = "/locations/\(vlinder.id!.uuidString)/wensen"
            let first = TestBrowser(app), second = TestBrowser(app), third = TestBrowser(app)
            #expect(
                try await first.post(page, ["topic": "", "text": "", "contact": ""]).status == .unprocessableEntity)
            _ = try await first.post(
                page, ["topic": "sleep", "text": "Slapen met een baby <script>", "contact": "ouder@example.nl"])
            _ = try await second.post(page, ["topic": "sleep", "text": "Doorslapen", "contact": ""])
            let sleep = try #require(
                try await Wish.query(on: app.db).filter(\.$text == "Slapen met een baby <script>").first())
            let duplicate = try #require(try await Wish.query(on: app.db).filter(\.$text == "Doorslapen").first())
            #expect(try await first.get(page).text.contains("Slapen met een baby &lt;script&gt;"))

            _ = try await second.post("/wensen/\(sleep.id!)/support", [:])
            _ = try await second.post("/wensen/\(sleep.id!)/support", [:])
            _ = try await third.post("/wensen/\(duplicate.id!)/support", [:])
            _ = try await third.post("/wensen/\(duplicate.id!)/contact", ["later": "06-12345678"])
            #expect(try await Wish.find(sleep.id, on: app.db)?.supports == 2)
            #expect(try await Wish.find(duplicate.id, on: app.db)?.supports == 2)

            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            // Counts of 1–4 never show exactly, not even to staff.
            let desk = try await petra.get("/staff/wensen").text
            #expect(
                desk.contains("&lt;5 steunen dit") && !desk.contains(">2 steunen dit")
                    && !desk.contains(" 2 steunen dit"))
            // "second" supported both: after merging they count once.
            _ = try await petra.post("/staff/wensen/\(duplicate.id!)/merge", ["into": sleep.id!.uuidString])
            #expect(try await Wish.find(sleep.id, on: app.db)?.supports == 3)
            #expect(try await Wish.find(duplicate.id, on: app.db)?.status == .merged)
            // A late support for the merged wish lands on the one it went into.
            _ = try await TestBrowser(app).post("/wensen/\(duplicate.id!)/support", [:])
            #expect(try await Wish.find(sleep.id, on: app.db)?.supports == 4)

            let form = try await petra.get(
                "/staff/locations/\(vlinder.id!.uuidString)/gatherings?wish=\(sleep.id!.uuidString)")
            #expect(
                form.text.contains("value=\"Slapen met een baby &lt;script&gt;\"")
                    && form.text.contains("name=\"wish\""))
            let created = try await petra.post(
                "/staff/locations/\(vlinder.id!.uuidString)/gatherings",
                [
                    "kind": "theme_evening", "title": "Slapen met een baby", "description": "", "programme": "",
                    "room": "Aula",
                    "date": "2026-12-10", "start": "19:30", "end": "21:00", "sessions": "1", "capacity": "20",
                    "languages": "nl",
                    "topics[]": "sleep", "age": "0-1", "wish": sleep.id!.uuidString,
                ])
            #expect(created.status == .seeOther)
            let planned = try #require(try await Wish.find(sleep.id, on: app.db))
            #expect(planned.status == .planned && planned.gatheringID != nil)
            let told = try await OutboxMessage.query(on: app.db).filter(\.$template == "wish_planned").all()
            #expect(told.map(\.recipient).sorted() == ["+31612345678", "ouder@example.nl"])  // each told exactly once
            #expect(try await WishSupport.query(on: app.db).filter(\.$contact != nil).count() == 0)
            _ = clock
        }
    }

    @Test func theAPIListsProposesAndCountsASupportOnce() async throws {
        try await withTestApp { app, _ in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            var headers = HTTPHeaders()
            headers.contentType = .json
            struct Created: Decodable { let id: String }
            struct Listed: Decodable { let id: String; let supports: String; let text: String }
            var id = ""
            try await app.testing().test(
                .POST, "/api/v1/wishes", headers: headers,
                body: ByteBuffer(
                    string: #"{"locationId":"\#(vlinder.id!.uuidString)","text":"Schermtijd","topic":"screens"}"#)
            ) { res in
                #expect(res.status == .created)
                id = try JSONDecoder().decode(Created.self, from: Data(buffer: res.body)).id
            }
            try await app.testing().test(
                .POST, "/api/v1/wishes", headers: headers,
                body: ByteBuffer(string: #"{"locationId":"\#(vlinder.id!.uuidString)","text":""}"#)
            ) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await app.testing().test(
                .POST, "/api/v1/wishes/\(id)/supports", headers: headers,
                body: ByteBuffer(string: #"{"device":"phone-of-parent-0001"}"#)
            ) { res in
                #expect(res.status == .created)
            }
            try await app.testing().test(
                .POST, "/api/v1/wishes/\(id)/supports", headers: headers,
                body: ByteBuffer(string: #"{"device":"phone-of-parent-0001"}"#)
            ) { res in
                #expect(res.status == .conflict)
            }
            try await app.testing().test(.GET, "/api/v1/wishes?location=\(vlinder.id!.uuidString)") { res in
                let wishes = try JSONDecoder().decode([Listed].self, from: Data(buffer: res.body))
                #expect(wishes.map(\.supports) == ["<5"] && wishes.first?.text == "Schermtijd")
            }
            // A flood from one address is stopped.
            var statuses: [HTTPStatus] = []
            for n in 0..<40 {
                try await app.testing().test(
                    .POST, "/api/v1/wishes/\(id)/supports", headers: headers,
                    body: ByteBuffer(string: #"{"device":"flooding-device-\#(1000 + n)"}"#)
                ) { statuses.append($0.status) }
            }
            #expect(statuses.contains(.tooManyRequests))
            #expect(try await Wish.query(on: app.db).first()!.supports < 40)
        }
    }
}
