import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// *Mijn gegevens* (issue 14 pt 1): everything under a code, who looked, the export, and erasing it at once.
@Suite struct MyDataTests {
    typealias API = ConversationAPITests

    struct Document: Decodable {
        struct Item: Decodable {
            let kind: String
            let createdAt: String
            let erasedAfter: String
            let visibleTo: [String]
            let data: [String: JSONValue]
        }
        struct Read: Decodable, Equatable { let at: String, role: String }
        let items: [Item]
        let reads: [Read]
    }

    enum JSONValue: Decodable, Hashable {
        case string(String), number(Int), bool(Bool), list([String])
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let v = try? c.decode(Bool.self) {
                self = .bool(v)
            } else if let v = try? c.decode(Int.self) {
                self = .number(v)
            } else if let v = try? c.decode([String].self) {
                self = .list(v)
            } else {
                self = .string(try c.decode(String.self))
            }
        }
    }

    static func myData(_ app: Application, _ code: String) async throws -> TestingHTTPResponse {
        try await API.send(app, .POST, "/api/v1/my-data", json: #"{"code":"\#(code)"}"#)
    }

    @Test func aParentSeesHerBookingAndOnlyTheRoleOfWhoReadItNotTheName() async throws {
        try await withTestApp { app, clock in
            let (booking, code) = try await app.bookFatima(now: clock.now)
            let before = try Self.decodeDocument(try await Self.myData(app, code.display))
            #expect(before.reads.isEmpty)
            let item = try #require(before.items.first)
            #expect(before.items.count == 1 && item.kind == "booking" && item.visibleTo == ["advisor"])
            #expect(item.data["name"] == .string("Fatima") && item.data["contact"] == .string("fatima@example.nl"))
            #expect(
                item.data["about"] == .string("Slaapt slecht sinds de verhuizing")
                    && item.data["topics"] == .list(["sleep"]))
            #expect(item.data["interpreter"] == .bool(false) && item.data["status"] == .list(["booked"]))

            // Anja opens her agenda of that week: one read of this booking, by an advisor.
            clock.advance(seconds: 3600)
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            #expect(
                try await anja.get("/staff/agenda?week=\(LocalDate(containing: booking.createdAt).startOfWeek)").text
                    .contains("Fatima"))
            let after = try Self.decodeDocument(try await Self.myData(app, code.display.lowercased()))
            #expect(after.reads.map(\.role) == ["advisor"])

            // The page says the same in plain words, with the role and never her name.
            let page = try await TestBrowser(app).post("/mijn-gegevens", ["code": code.display])
            #expect(page.status == .ok)
            for words in [
                "Afspraak met de opvoedadviseur", "Fatima", "fatima@example.nl", "Slaapt slecht sinds de verhuizing",
                "Slapen",
                "Wie van ons dit kan zien: Opvoedadviseur.", "Wie keek er?", "· Opvoedadviseur",
                "We wissen het uiterlijk na",
            ] {
                #expect(page.text.contains(words), "missing \(words)")
            }
            #expect(!page.text.contains("Anja"))
            #expect(page.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test func erasingFreesTheSlotRemovesEveryMessageAndTheCodeIsThenUnknownLikeANeverIssuedOne() async throws {
        try await withTestApp { app, clock in
            let (booking, code) = try await app.bookFatima(now: clock.now)
            let slotID = booking.$slot.id
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$booking.$id == booking.id!).count() > 0)
            let parent = TestBrowser(app)
            // One confirmation first: nothing is erased by the first button.
            let ask = try await parent.post("/mijn-gegevens/wissen", ["code": code.display])
            #expect(ask.status == .ok && ask.text.contains("Weet je het zeker?"))
            #expect(try await Booking.find(booking.id, on: app.db) != nil)
            let done = try await parent.post("/mijn-gegevens/wissen", ["code": code.display, "confirm": "yes"])
            #expect(done.status == .ok && done.text.contains("We hebben 1 gegevens gewist."))

            #expect(try await Booking.find(booking.id, on: app.db) == nil)
            #expect(try await ConsultationSlot.find(slotID, on: app.db)?.taken == 0)
            #expect(try await OutboxMessage.query(on: app.db).all().allSatisfy { $0.recipient != "fatima@example.nl" })
            // Someone else can book the freed time.
            #expect(try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard").id == slotID)

            let erased = try await Self.myData(app, code.display)
            let never = try await Self.myData(app, "0000-0000-0000")
            #expect(erased.status == .notFound && never.status == .notFound)
            #expect(erased.body.string == never.body.string)
            #expect(
                try await API.send(app, .POST, "/api/v1/my-data/erase", json: #"{"code":"\#(code.display)"}"#).status
                    == .notFound)
            let again = try await parent.post("/mijn-gegevens", ["code": code.display])
            #expect(again.status == .notFound && again.text.contains("We vinden niets bij deze code."))
        }
    }

    @Test func erasingAConfirmedRegistrationGivesItsPlaceToTheFirstOnTheWaitingList() async throws {
        try await withTestApp { app, clock in
            let (course, first, second) = try await courseWithOneWaiting(app, now: clock.now)
            let service = RegistrationService(
                db: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now)
            #expect(try await Registration.find(second.registrationID, on: app.db)?.status == .waitlisted)

            let shown = try Self.decodeDocument(try await Self.myData(app, first.code.display))
            #expect(shown.items.map(\.kind) == ["registration"] && shown.items[0].data["name"] == .string("Ouder 1"))
            #expect(
                shown.items[0].data["gathering"] == .string("Omgaan met pubers")
                    && shown.items[0].data["adults"] == .number(1))

            let erase = try await API.send(
                app, .POST, "/api/v1/my-data/erase", json: #"{"code":"\#(first.code.display)"}"#)
            #expect(erase.status == .ok)
            #expect(try API.decode([String: Int].self, erase) == ["erased": 1])
            #expect(try await Registration.find(first.registrationID, on: app.db) == nil)
            #expect(try await Registration.find(second.registrationID, on: app.db)?.status == .confirmed)
            #expect(try await Gathering.find(course.id, on: app.db)?.taken == 1)
            // The promoted parent is told; the erased one is sent nothing more.
            let messages = try await OutboxMessage.query(on: app.db).all()
            #expect(messages.contains { $0.recipient == "ouder2@example.nl" && $0.template == "registration_promoted" })
            #expect(!messages.contains { $0.recipient == "ouder1@example.nl" })
        }
    }

    @Test func aQuestionWithItsThreadIsShownToItsAskerAndErasedWhole() async throws {
        try await withTestApp { app, clock in
            let questions = QuestionService(
                db: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now)
            let asked = try await questions.ask(
                .init(
                    text: "Mijn dochter wil niet naar school, wat kan ik doen?", topic: .school, language: "nl",
                    contactKind: .none, contact: nil, locationID: nil), messageLanguage: .nl)
            let question = try #require(try await Question.find(asked.id, on: app.db))
            try await questions.answer(
                question, by: try await app.staff("anja@koffiepot.test"), text: "Praat eerst rustig met haar.")
            let shown = try Self.decodeDocument(try await Self.myData(app, asked.code.display))
            #expect(shown.items.map(\.kind) == ["question", "question_message"])
            #expect(
                shown.items[1].data["from"] == .list(["advisor"])
                    && shown.items[1].data["text"] == .string("Praat eerst rustig met haar."))

            let erase = try await API.send(
                app, .POST, "/api/v1/my-data/erase", json: #"{"code":"\#(asked.code.display)"}"#)
            #expect(try API.decode([String: Int].self, erase) == ["erased": 2])
            #expect(try await Question.query(on: app.db).count() == 0)
            #expect(try await QuestionMessage.query(on: app.db).count() == 0)
        }
    }

    @Test func theConversationCodeShowsBothChildrenAndTheSupportRequestAndErasingFreesBothTimes() async throws {
        try await withTestApp { app, clock in
            let (round, slots) = try await ConversationPagesTests.round(app, now: clock.now)
            let browser = TestBrowser(app)
            let done = try await browser.post(
                "/gesprekken/\(round.id!)",
                ConversationPagesTests.form(
                    slots[1],
                    [
                        "support": "yes", "topics[]": "sleep", "supportNote": "Hij slaapt slecht",
                    ]))
            let link = try ConversationPagesTests.link(done)
            let mine = try await browser.get(link)
            let code = String(try #require(mine.text.firstMatch(of: /class="code"[^>]*>([0-9A-Z-]{14})</)?.1))
            // Her second child in another conversation, under the same code.
            let sibling = try await browser.post(
                "/gesprekken/\(round.id!)",
                ConversationPagesTests.form(slots[3], ["met": String(link.dropFirst(3)), "childName": "Amira"]))
            #expect(try ConversationPagesTests.link(sibling) == link)

            let shown = try Self.decodeDocument(try await Self.myData(app, code))
            #expect(
                shown.items.map(\.kind) == ["conversation_code", "conversation", "conversation", "support_request"])
            #expect(shown.items[0].visibleTo.isEmpty && shown.items[1].visibleTo == ["teacher"])
            #expect(Set(shown.items.compactMap { $0.data["childName"] }) == [.string("Yusuf"), .string("Amira")])
            #expect(shown.items[3].data["note"] == .string("Hij slaapt slecht"))

            // The teacher's overview is a read of both conversations; the advisor's desk one of the request.
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            #expect(try await teacher.get("/staff/gesprekken/\(round.id!)").status == .ok)
            let reads = try Self.decodeDocument(try await Self.myData(app, code)).reads.map(\.role)
            #expect(reads == ["teacher", "teacher"])

            let erase = try await API.send(app, .POST, "/api/v1/my-data/erase", json: #"{"code":"\#(code)"}"#)
            #expect(try API.decode([String: Int].self, erase) == ["erased": 4])
            #expect(try await ConversationBooking.query(on: app.db).count() == 0)
            #expect(try await SupportRequest.query(on: app.db).count() == 0)
            #expect(try await ConversationCode.query(on: app.db).count() == 0)
        }
    }

    @Test func theDownloadIsTheAPIDocumentAndThePageSpeaksArabic() async throws {
        try await withTestApp { app, clock in
            let (_, code) = try await app.bookFatima(now: clock.now)
            let parent = TestBrowser(app)
            let file = try await parent.post("/mijn-gegevens/export", ["code": code.display])
            #expect(file.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let exported = try JSONDecoder().decode(Document.self, from: Data(buffer: file.body))
            let api = try Self.decodeDocument(try await Self.myData(app, code.display))
            #expect(
                exported.items.map(\.data) == api.items.map(\.data)
                    && exported.items.map(\.erasedAfter) == api.items.map(\.erasedAfter))

            let arabic = TestBrowser(app)
            #expect(try await arabic.get("/mijn-gegevens?lang=ar").text.contains("بياناتي"))
            let page = try await arabic.post("/mijn-gegevens", ["code": code.display])
            #expect(
                page.text.contains("dir=\"rtl\"") && page.text.contains("من اطلع عليه؟") && page.text.contains("Fatima")
            )
        }
    }

    @Test func aContactLeftWithAWishIsShownAndErasedOnTheDeviceThatLeftIt() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Vlinder")
            let parent = TestBrowser(app)
            let proposed = try await parent.post(
                "/locations/\(location.id!)/wensen",
                ["topic": "sleep", "text": "Een avond over slapen", "contact": "noor@example.nl"])
            #expect(proposed.status == .seeOther)
            let page = try await parent.get("/mijn-gegevens")
            #expect(
                page.text.contains("Op deze telefoon") && page.text.contains("Een avond over slapen")
                    && page.text.contains("noor@example.nl"))
            // Another phone sees nothing of it.
            #expect(!(try await TestBrowser(app).get("/mijn-gegevens")).text.contains("noor@example.nl"))

            let erased = try await parent.post("/mijn-gegevens/apparaat/wissen", [:])
            #expect(erased.status == .ok && erased.text.contains("We hebben 1 gegevens gewist."))
            let supports = try await WishSupport.query(on: app.db).all()
            #expect(supports.count == 1 && supports[0].contact == nil && supports[0].contactKind == .none)
            #expect(try await Wish.query(on: app.db).filter(\.$text == "Een avond over slapen").first()?.supports == 1)
            #expect(!(try await parent.get("/mijn-gegevens")).text.contains("noor@example.nl"))
        }
    }

    static func decodeDocument(_ response: TestingHTTPResponse) throws -> Document {
        #expect(response.status == .ok, "\(response.status): \(response.body.string)")
        return try API.decode(Document.self, response)
    }
}
