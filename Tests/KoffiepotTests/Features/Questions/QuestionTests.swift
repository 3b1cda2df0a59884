import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct QuestionTests {
    @Test func askAnonymouslyAnAdvisorAnswersTheParentReadsByCode() async throws {
        try await withTestApp { app, clock in
            let parent = TestBrowser(app)
            let form = try await parent.get("/vraag")
            #expect(
                form.text.contains("Je vraag heeft geen gevolgen.")
                    && form.text.contains("Het komt in geen enkel dossier."))
            let asked = try await parent.post(
                "/vraag",
                [
                    "text": "Mijn dochter van 4 wil niet slapen. Wat kan ik doen? 😴", "topic": "sleep",
                    "age": "1-4", "language": "nl", "contact": "ouder@example.nl", "location": "",
                ])
            let redirect = try #require(asked.headers.first(name: .location))
            let link = String(redirect.prefix { $0 != "?" })
            let page = try await parent.get(redirect)
            #expect(page.text.contains("Je vraag is verstuurd.") && page.text.contains("wil niet slapen"))
            let code = String(try #require(page.text.firstMatch(of: /class="code"[^>]*>([0-9A-Z-]{14})</)?.1))

            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            let queue = try await anja.get("/staff/vragen")
            #expect(
                queue.text.contains("wil niet slapen")
                    && queue.text.contains("Koffiepot markeert, scant of meldt niets automatisch."))
            let question = try #require(try await Question.query(on: app.db).first())
            let desk = try await anja.get("/staff/vragen/\(question.id!)")
            #expect(desk.text.contains("Veilig Thuis, 0800-2000"))
            #expect(try await Question.find(question.id, on: app.db)?.status == .claimed)
            _ = try await anja.post(
                "/staff/vragen/\(question.id!)/answer", ["text": "Een vast ritueel helpt: <b>badje</b>, boekje, bed."])
            #expect(
                try await AccessLogEntry.query(on: app.db).all().map(\.subject).contains(
                    "question:\(question.id!.uuidString)"))

            let answer = try await parent.get(link)
            #expect(answer.text.contains("Er is een antwoord.") && answer.text.contains("&lt;b&gt;badje&lt;/b&gt;"))
            let recorder = RecordingSender()
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            let mail = try #require(recorder.sent.first)
            #expect(
                mail.subject == "Er is een antwoord op je vraag" && mail.body.contains(link)
                    && !mail.body.contains("slapen"))

            // The typed code leads to the same page; a follow-up puts the question back in the queue.
            #expect(
                try await TestBrowser(app).post("/mijn-afspraak", ["code": code]).headers.first(name: .location) == link
            )
            _ = try await parent.post(link + "/reply", ["text": "En als ze er toch weer uit komt?"])
            #expect(try await Question.find(question.id, on: app.db)?.status == .open)
        }
    }

    @Test func advisorsSeeTheirLocationsAndTheMunicipalityOnly() async throws {
        try await withTestApp { app, _ in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            _ = try await TestBrowser(app).post(
                "/vraag",
                ["text": "Vraag op De Vlinder", "language": "nl", "contact": "", "location": vlinder.id!.uuidString])
            _ = try await TestBrowser(app).post("/vraag", ["text": "Algemene vraag", "language": "nl", "contact": ""])
            let anja = TestBrowser(app), petra = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            try await petra.signIn("petra@koffiepot.test")
            let anjaQueue = try await anja.get("/staff/vragen"), petraQueue = try await petra.get("/staff/vragen")
            #expect(!anjaQueue.text.contains("Vraag op De Vlinder") && anjaQueue.text.contains("Algemene vraag"))
            #expect(petraQueue.text.contains("Vraag op De Vlinder") && petraQueue.text.contains("Algemene vraag"))
            let vlinderQuestion = try #require(
                try await Question.query(on: app.db).filter(\.$text == "Vraag op De Vlinder").first())
            #expect(try await anja.get("/staff/vragen/\(vlinderQuestion.id!)").status == .notFound)
        }
    }

    @Test func badInputAndTheAPI() async throws {
        try await withTestApp(demo: false) { app, _ in
            let browser = TestBrowser(app)
            let long = try await browser.post(
                "/vraag", ["text": String(repeating: "👩‍👧", count: 1001), "language": "nl", "contact": ""])
            #expect(long.status == .unprocessableEntity && long.text.contains("Dit is te lang."))
            // 1000 emoji are 1000 characters for a person, however many bytes they take.
            #expect(
                try await browser.post(
                    "/vraag", ["text": String(repeating: "👩‍👧", count: 1000), "language": "nl", "contact": ""]
                ).status == .seeOther)
            let bidi = try await browser.post(
                "/vraag", ["text": "Hallo \u{202E}olleh", "language": "nl", "contact": ""])
            #expect(bidi.status == .unprocessableEntity)

            struct Created: Decodable { let code: String }
            struct View: Decodable { let status: String; let answer: String? }
            var headers = HTTPHeaders()
            headers.contentType = .json
            var created: Created?
            try await app.testing().test(
                .POST, "/api/v1/questions", headers: headers,
                body: ByteBuffer(string: #"{"text":"Hoeveel schermtijd is goed?","topic":"screens","language":"en"}"#)
            ) { res in
                #expect(res.status == .created)
                created = try JSONDecoder().decode(Created.self, from: Data(buffer: res.body))
            }
            let code = try #require(created?.code)
            try await app.testing().test(.GET, "/api/v1/questions/\(code)") { res in
                let view = try JSONDecoder().decode(View.self, from: Data(buffer: res.body))
                #expect(view.status == "open" && view.answer == nil)
            }
            try await app.testing().test(.GET, "/api/v1/questions/0000-0000-0000") { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(
                .POST, "/api/v1/questions", headers: headers, body: ByteBuffer(string: #"{"text":""}"#)
            ) { res in
                #expect(res.status == .unprocessableEntity)
            }
        }
    }
}
