import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct DeskAndLibraryTests {
    private func ask(_ app: Application, _ fields: [String: String]) async throws -> (link: String, question: Question)
    {
        let response = try await TestBrowser(app).post(
            "/vraag", ["language": "nl", "contact": ""].merging(fields) { $1 })
        let location = try #require(response.headers.first(name: .location))
        let question = try #require(try await Question.query(on: app.db).filter(\.$text == fields["text"]!).first())
        return (String(location.prefix { $0 != "?" }), question)
    }

    @Test func anAnswerPointsToASlotAndTheParentRatesItOnce() async throws {
        try await withTestApp { app, clock in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let (link, question) = try await ask(
                app, ["text": "Hoe leer ik mijn zoon zijn veters strikken?", "location": vlinder.id!.uuidString])
            let parent = TestBrowser(app)
            let waiting = try await parent.get(link)
            #expect(waiting.text.contains("Je krijgt uiterlijk donderdag 26 november antwoord."))
            // Rating before there is an answer is refused.
            #expect(try await parent.post(link + "/feedback", ["score": "4"]).status == .unprocessableEntity)

            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            let desk = try await petra.get("/staff/vragen/\(question.id!)")
            let slotID = String(try #require(desk.text.firstMatch(of: /<option value="([0-9A-F-]{36})"/)?.1))
            clock.advance(seconds: 3 * 3600)
            try await petra.signIn("petra@koffiepot.test")  // the earlier session has idled out
            let answered = try await petra.post(
                "/staff/vragen/\(question.id!)/answer",
                ["text": "Oefen samen:\n- eerst een **lus**\n- dan nog een", "slot": slotID, "gathering": ""])
            #expect(answered.status == .seeOther, "\(answered.text)")
            let stored = try #require(try await Question.find(question.id, on: app.db))
            #expect(stored.firstAnsweredAt == clock.now)

            let answer = try await parent.get(link)
            #expect(answer.text.contains("<li>eerst een <strong>lus</strong></li>"))
            #expect(answer.text.contains("href=\"/slots/\(slotID)/book\""))
            #expect(answer.text.contains("Had je iets aan dit antwoord?"))
            #expect(try await parent.post(link + "/feedback", ["score": "9"]).status == .unprocessableEntity)
            #expect(
                try await parent.post(link + "/feedback", ["score": "5", "better": "Sneller mag"]).status == .seeOther)
            _ = try await parent.post(link + "/feedback", ["score": "1"])
            let feedback = try await Feedback.query(on: app.db).all()
            #expect(feedback.count == 1 && feedback.first?.score == 5 && feedback.first?.kind == .question)
            #expect(feedback.first?.week == "2026-11-23" && feedback.first?.locationID == vlinder.id)
            let after = try await parent.get(link)
            #expect(after.text.contains("Dank je wel!") && !after.text.contains("Had je iets aan dit antwoord?"))

            // The desk measures the response time.
            #expect(
                try await petra.get("/staff/vragen").text.contains(
                    "1 vragen beantwoord, mediaan 3 uur, 100% binnen 2 werkdagen"))
        }
    }

    @Test func theQueueFiltersByTopicLanguageAgeAndWaitingTime() async throws {
        try await withTestApp { app, clock in
            _ = try await ask(app, ["text": "Slaapvraag oud", "topic": "sleep", "age": "1-4"])
            clock.advance(seconds: 3 * 86400)
            _ = try await ask(app, ["text": "Screen question", "topic": "screens", "language": "en", "age": "12-18"])
            _ = try await ask(app, ["text": "Slaapvraag nieuw", "topic": "sleep", "age": "4-12"])
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            func listed(_ query: String) async throws -> [String] {
                let page = try await anja.get("/staff/vragen?" + query).text
                return ["Slaapvraag oud", "Screen question", "Slaapvraag nieuw"].filter { page.contains($0) }
            }
            #expect(try await listed("") == ["Slaapvraag oud", "Screen question", "Slaapvraag nieuw"])
            #expect(try await listed("topic=sleep") == ["Slaapvraag oud", "Slaapvraag nieuw"])
            #expect(try await listed("language=en") == ["Screen question"])
            #expect(try await listed("age=4-12") == ["Slaapvraag nieuw"])
            #expect(try await listed("waiting=overdue") == ["Slaapvraag oud"])
            #expect(try await listed("location=municipality&waiting=day") == ["Slaapvraag oud"])
            #expect(try await anja.get("/staff/vragen").text.contains("Over de beloofde tijd"))
        }
    }

    @Test func standardRepliesUseTheParentsLanguageAndAreOnlyAdded() async throws {
        try await withTestApp { app, _ in
            let (_, question) = try await ask(app, ["text": "I am scared at home", "language": "en"])
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            let page = try await anja.post(
                "/staff/vragen/\(question.id!)/standard",
                ["text": "Thank you for telling us.", "reply": "veilig_thuis"])
            #expect(page.status == .ok)
            #expect(page.text.contains("Thank you for telling us.\n\nAre you worried about violence"))
            #expect(try await QuestionMessage.query(on: app.db).count() == 0)
        }
    }

    @Test func withConsentAnAnonymisedCopyGoesIntoTheSearchableLibraryAndOutlivesThePurge() async throws {
        try await withTestApp { app, clock in
            let (link, question) = try await ask(
                app,
                [
                    "text": "Mijn dochter Sanne slaapt slecht sinds we in Zwolle wonen.", "topic": "sleep",
                    "age": "1-4", "consent": "yes",
                ])
            let (_, private_) = try await ask(app, ["text": "Zonder toestemming over slapen"])
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            _ = try await anja.post(
                "/staff/vragen/\(question.id!)/answer", ["text": "Rust en regelmaat helpen kinderen om goed te slapen."]
            )
            _ = try await anja.post("/staff/vragen/\(private_.id!)/answer", ["text": "Antwoord"])
            #expect(try await anja.get("/staff/vragen/\(private_.id!)/publish").status == .notFound)

            let prepare = try await anja.get("/staff/vragen/\(question.id!)/publish")
            #expect(prepare.text.contains("<mark>Sanne</mark>") && prepare.text.contains("<mark>Zwolle</mark>"))
            let fields = [
                "question_text": "Mijn dochter slaapt slecht sinds we verhuisd zijn.",
                "answer_text": "Rust en regelmaat helpen kinderen om goed te slapen.",
                "topic": "sleep", "age": "1-4",
            ]
            #expect(try await anja.post("/staff/vragen/\(question.id!)/publish", fields).status == .unprocessableEntity)
            #expect(
                try await anja.post("/staff/vragen/\(question.id!)/publish", fields.merging(["checked": "yes"]) { $1 })
                    .status == .seeOther)
            #expect(try await anja.get("/staff/vragen/\(question.id!)/publish").status == .notFound)

            let found = try await TestBrowser(app).get("/vragenbank?q=slaapt")
            #expect(
                found.text.contains("Mijn dochter slaapt slecht sinds we verhuisd zijn.")
                    && !found.text.contains("Sanne"))
            #expect(!found.text.contains("Zonder toestemming"))
            #expect(try await TestBrowser(app).get("/vragenbank?q=regelm&topic=sleep").text.contains("verhuisd"))
            #expect(!(try await TestBrowser(app).get("/vragenbank?q=slaapt&topic=screens").text.contains("verhuisd")))
            #expect(try await TestBrowser(app).get(#"/vragenbank?q=%22)%20OR%20*%20--"#).status == .ok)

            struct Entry: Decodable { let question: String; let topic: String? }
            try await app.testing().test(.GET, "/api/v1/library?q=verhuisd%20onbekendwoord&match=any&limit=5") { res in
                let entries = try JSONDecoder().decode([Entry].self, from: Data(buffer: res.body))
                #expect(entries.map(\.question) == ["Mijn dochter slaapt slecht sinds we verhuisd zijn."])
                #expect(entries.first?.topic == "sleep")
            }
            try await app.testing().test(.GET, "/api/v1/library?q=verhuisd%20onbekendwoord") { res in
                let entries = try JSONDecoder().decode([Entry].self, from: Data(buffer: res.body))
                #expect(entries.isEmpty)
            }

            // The asker can withdraw consent for the future; the question itself is purged after 90 days, the entry stays.
            _ = try await TestBrowser(app).post(link + "/consent", ["consent": "no"])
            #expect(try await Question.find(question.id, on: app.db)?.consentPublish == false)
            clock.advance(seconds: 91 * 86400)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await Question.query(on: app.db).count() == 0)
            #expect(try await LibraryEntry.query(on: app.db).count() == 1)
            #expect(try await TestBrowser(app).get("/vragenbank?q=slapen").text.contains("verhuisd"))

            // Staff can take an entry out again; a visitor cannot.
            let entry = try #require(try await LibraryEntry.query(on: app.db).first())
            #expect(
                try await TestBrowser(app).post("/staff/vragenbank/\(entry.id!)/delete", [:]).status == .unauthorized)
            try await anja.signIn("anja@koffiepot.test")
            #expect(try await anja.get("/vragenbank").text.contains("Uit de vragenbank halen"))
            #expect(try await anja.post("/staff/vragenbank/\(entry.id!)/delete", [:]).status == .seeOther)
            #expect(try await LibraryEntry.query(on: app.db).count() == 0)
        }
    }

    /// Two advisors confirming the same question for the library at the same moment give one entry.
    @Test func aQuestionPublishedTwiceAtOnceIsOneEntry() async throws {
        try await withTestApp { app, _ in
            let (_, question) = try await ask(app, ["text": "Hoe leer ik mijn zoon fietsen?", "consent": "yes"])
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let entry = LibraryEntry()
                        entry.language = "nl"
                        entry.questionText = "Hoe leer ik mijn kind fietsen?"
                        entry.answerText = "Oefen kort en vaak."
                        entry.publishedAt = Date()
                        return try await LibraryPublishing(db: app.db).publish(question.id!, as: entry)
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await LibraryEntry.query(on: app.db).count() == 1)
            #expect(try await Question.find(question.id, on: app.db)?.published == true)
        }
    }

    /// Consent is changed by "yes" or "no" only: a broken form never counts as consent withdrawn.
    @Test func aBrokenConsentFormChangesNothing() async throws {
        try await withTestApp { app, _ in
            let (link, question) = try await ask(app, ["text": "Mag mijn kind al alleen fietsen?", "consent": "yes"])
            let parent = TestBrowser(app)
            #expect(try await parent.post(link + "/consent", ["consent": "misschien"]).status == .badRequest)
            #expect(try await parent.post(link + "/consent", [:]).status == .badRequest)
            #expect(try await Question.find(question.id, on: app.db)?.consentPublish == true)
            #expect(try await parent.post(link + "/consent", ["consent": "no"]).status == .seeOther)
            #expect(try await Question.find(question.id, on: app.db)?.consentPublish == false)
        }
    }
}
