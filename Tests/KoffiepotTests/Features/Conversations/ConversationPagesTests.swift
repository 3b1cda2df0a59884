import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The parent's pages of a round: book on the phone, then see, move and cancel under the code.
@Suite struct ConversationPagesTests {
    /// A round of six conversations (15:00–16:00) for a group at De Vlinder, planned by its teacher.
    static func round(_ app: Application, now: Date, group: String = "5B") async throws -> (
        ConversationRound, [ConversationSlot]
    ) {
        let school = try await app.location(named: "Basisschool De Vlinder")
        let teacher = try await app.staff("leerkracht@koffiepot.test")
        return try await ConversationService(db: app.db, settings: app.settings, catalogues: app.catalogues, now: now)
            .planRound(
                locationID: school.id!, teacherID: teacher.id!, title: "Tienminutengesprekken", group: group,
                slotMinutes: 10, breakMinutes: 0,
                days: [RoundDay(date: "2027-02-09", from: "15:00", to: "16:00")]
            ).get()
    }

    static func form(_ slot: ConversationSlot, _ changes: [String: String] = [:]) -> [String: String] {
        var fields = [
            "slot": slot.id!.uuidString, "parentName": "Fatima", "childName": "Yusuf", "language": "ar",
            "contact": "fatima@example.nl",
        ]
        fields.merge(changes) { _, new in new }
        return fields
    }

    static func link(_ response: TestingHTTPResponse) throws -> String {
        let location = try #require(response.headers.first(name: .location))
        return String(location.prefix { $0 != "?" })
    }

    @Test func aParentBooksTicksTheBoxAndManagesEverythingUnderHerCode() async throws {
        try await withTestApp { app, clock in
            let (round, slots) = try await Self.round(app, now: clock.now)
            let browser = TestBrowser(app)
            let page = try await browser.get("/gesprekken/\(round.id!)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Groep 5B · Basisschool De Vlinder"))
            #expect(page.text.contains("dinsdag 9 februari"))
            #expect(page.text.contains("Ik wil graag praten met iemand van opvoedondersteuning"))
            #expect(page.text.contains("De leerkracht ziet niet of je het aanvinkte"))

            let done = try await browser.post(
                "/gesprekken/\(round.id!)",
                Self.form(
                    slots[2],
                    [
                        "support": "yes", "topics[]": "sleep", "supportNote": "Hij slaapt slecht sinds de verhuizing",
                    ]))
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location)?.hasSuffix("?done=conv.booked") == true)
            let link = try Self.link(done)
            #expect(link.hasPrefix("/g/"))
            let mine = try await browser.get(link + "?done=conv.booked")
            #expect(mine.text.contains("Je gesprek staat vast."))
            #expect(mine.text.contains("15:20–15:30"))
            #expect(mine.text.contains("Fatima, over Yusuf"))
            #expect(mine.text.contains("De adviseur neemt contact met je op"))
            let code = try #require(mine.text.firstMatch(of: /class="code"[^>]*>([0-9A-Z-]{14})</)?.1)
            let request = try #require(try await SupportRequest.query(on: app.db).first())
            #expect(request.note == "Hij slaapt slecht sinds de verhuizing" && request.topics == [.sleep])
            #expect(request.contact == "fatima@example.nl")

            // The code typed into the one box for all codes leads back here.
            let lookup = try await browser.post("/mijn-afspraak", ["code": String(code)])
            #expect(lookup.headers.first(name: .location) == link)

            // Move: the old time is free again, the new one is hers.
            let booking = try #require(try await ConversationBooking.query(on: app.db).first())
            let moveForm = try await browser.get("\(link)/move?booking=\(booking.id!)")
            #expect(moveForm.status == .ok && moveForm.text.contains("Nu: dinsdag 9 februari 15:20–15:30"))
            let moved = try await browser.post(
                "\(link)/move", ["booking": booking.id!.uuidString, "slot": slots[4].id!.uuidString])
            #expect(moved.headers.first(name: .location) == "\(link)?done=conv.moved")
            #expect(try await ConversationBooking.find(booking.id, on: app.db)?.$slot.id == slots[4].id)

            // Taking back the request keeps the conversation with the teacher.
            let withdrawn = try await browser.post("\(link)/withdraw", ["request": request.id!.uuidString])
            #expect(withdrawn.headers.first(name: .location) == "\(link)?done=conv.withdrawn")
            #expect(try await SupportRequest.query(on: app.db).count() == 0)
            #expect(try await ConversationBooking.query(on: app.db).count() == 1)

            let cancelled = try await browser.post("\(link)/cancel", ["booking": booking.id!.uuidString])
            #expect(cancelled.headers.first(name: .location) == "\(link)?done=conv.cancelled")
            #expect(try await ConversationBooking.query(on: app.db).count() == 0)
            let free = try await ConversationService(
                db: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now
            ).slots(of: round.id!)
            #expect(free.filter { !$0.free }.isEmpty)
        }
    }

    /// Confirmation and reminder in the parent's language, without names; a move or a cancellation withdraws
    /// whatever of the old time was not sent yet.
    @Test func messagesFollowTheConversationAndNeverArriveForAnOldTime() async throws {
        try await withTestApp { app, clock in
            let (round, slots) = try await Self.round(app, now: clock.now)
            let browser = TestBrowser(app)
            let link = try Self.link(
                try await browser.post(
                    "/gesprekken/\(round.id!)", Self.form(slots[2], ["support": "yes", "supportNote": "Slaapt slecht"]))
            )
            let booked = try await OutboxMessage.query(on: app.db).sort(\.$notBefore).all()
            #expect(booked.map(\.template) == ["conversation_confirmed", "conversation_reminder"])
            // In the language she read the page in (the conversation itself may be in another).
            #expect(booked.allSatisfy { $0.language == .nl && $0.recipient == "fatima@example.nl" })
            #expect(booked[1].notBefore == LocalDate("2027-02-08")!.instant(minute: 18 * 60))
            #expect(booked.allSatisfy { $0.values["link"]?.hasSuffix(link) == true && $0.values["group"] == "5B" })
            #expect(
                booked.allSatisfy {
                    !$0.payload.contains("Fatima") && !$0.payload.contains("Yusuf") && !$0.payload.contains("Slaapt")
                })
            let rendered = MessageTemplates.render(booked[0], catalogues: app.catalogues)
            #expect(rendered.body.contains("Wanneer: dinsdag 9 februari, 15:20–15:30"))

            // The first send is being tried (leased) when the parent moves: it is withdrawn all the same.
            booked[0].status = .sending
            try await booked[0].save(on: app.db)
            let booking = try #require(try await ConversationBooking.query(on: app.db).first())
            _ = try await browser.post(
                "\(link)/move", ["booking": booking.id!.uuidString, "slot": slots[4].id!.uuidString])
            let afterMove = try await OutboxMessage.query(on: app.db).sort(\.$createdAt).sort(\.$template).all()
            #expect(
                afterMove.filter { $0.status == .cancelled }.map(\.template).sorted() == [
                    "conversation_confirmed", "conversation_reminder",
                ])
            let pending = afterMove.filter { $0.status == .pending }
            #expect(pending.map(\.template).sorted() == ["conversation_moved", "conversation_reminder"])
            #expect(pending.allSatisfy { $0.values["when"]?.contains("15:40–15:50") == true })

            _ = try await browser.post("\(link)/cancel", ["booking": booking.id!.uuidString])
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$status ~~ [.pending, .sending]).count() == 0)
        }
    }

    @Test func aFailedOrTakenChoiceKeepsEverythingTyped() async throws {
        try await withTestApp { app, clock in
            let (round, slots) = try await Self.round(app, now: clock.now)
            let browser = TestBrowser(app)
            let invalid = try await browser.post(
                "/gesprekken/\(round.id!)",
                Self.form(
                    slots[0],
                    [
                        "childName": "", "support": "yes", "supportNote": "Graag <b>snel</b>",
                    ]))
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.text.contains("Vul dit in."))
            #expect(invalid.text.contains("Graag &lt;b&gt;snel&lt;/b&gt;"))
            #expect(invalid.text.contains("name=\"support\" value=\"yes\" checked"))

            _ = try await browser.post("/gesprekken/\(round.id!)", Self.form(slots[0]))
            let taken = try await TestBrowser(app).post(
                "/gesprekken/\(round.id!)", Self.form(slots[0], ["parentName": "Kim", "childName": "Noor"]))
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("Deze tijd is net door iemand anders gekozen"))
            #expect(taken.text.contains("value=\"Noor\""))
            #expect(!taken.text.contains("value=\"\(slots[0].id!.uuidString)\""))
            #expect(try await ConversationBooking.query(on: app.db).count() == 1)
        }
    }

    /// A second child in another group: from the first confirmation to the other round, back-to-back times
    /// first, both conversations under one code.
    @Test func aSecondChildIsBookedBackToBackUnderTheSameCode() async throws {
        try await withTestApp { app, clock in
            let (fiveB, bSlots) = try await Self.round(app, now: clock.now)
            let (threeA, aSlots) = try await Self.round(app, now: clock.now, group: "3A")
            let browser = TestBrowser(app)
            let link = try Self.link(try await browser.post("/gesprekken/\(fiveB.id!)", Self.form(bSlots[2])))
            let mine = try await browser.get(link)
            let token = String(link.dropFirst(3))
            #expect(mine.text.contains("/gesprekken/\(threeA.id!)?met=\(token)"))

            let other = try await browser.get("/gesprekken/\(threeA.id!)?met=\(token)")
            let offered = other.text.matches(of: /name="slot" value="([0-9A-F-]{36})"/).map { String($0.1) }
            // 15:20–15:30 is booked in 5B: 15:10 (ends at its start) and 15:30 (starts at its end) come first.
            #expect(offered.prefix(2) == [aSlots[1].id!.uuidString, aSlots[3].id!.uuidString])

            let overlap = try await browser.post(
                "/gesprekken/\(threeA.id!)", Self.form(aSlots[2], ["childName": "Amira", "met": token]))
            #expect(overlap.status == .conflict)
            let second = try await browser.post(
                "/gesprekken/\(threeA.id!)", Self.form(aSlots[3], ["childName": "Amira", "met": token]))
            #expect(try Self.link(second) == link)
            #expect(try await ConversationCode.query(on: app.db).count() == 1)
            let both = try await browser.get(link)
            #expect(both.text.contains("Fatima, over Yusuf") && both.text.contains("Fatima, over Amira"))
        }
    }

    @Test func theRoundPageSpeaksArabicRightToLeft() async throws {
        try await withTestApp { app, clock in
            let (round, _) = try await Self.round(app, now: clock.now)
            let page = try await TestBrowser(app).get("/gesprekken/\(round.id!)?lang=ar")
            #expect(page.text.contains("dir=\"rtl\""))
            #expect(page.text.contains("أود الحديث مع شخص من دعم التربية"))
            #expect(page.text.contains("<time dir=\"ltr\">15:00–15:10</time>"))
        }
    }

    @Test func anotherParentsCodeOrAnUnknownRoundIsNotFound() async throws {
        try await withTestApp { app, clock in
            let (round, slots) = try await Self.round(app, now: clock.now)
            let browser = TestBrowser(app)
            let link = try Self.link(try await browser.post("/gesprekken/\(round.id!)", Self.form(slots[0])))
            let theirs = try Self.link(
                try await browser.post("/gesprekken/\(round.id!)", Self.form(slots[1], ["parentName": "Kim"])))
            let booking = try #require(
                try await ConversationBooking.query(on: app.db).filter(\.$slot.$id == slots[1].id!).first())
            // Fatima's link cannot cancel Kim's conversation.
            #expect(try await browser.post("\(link)/cancel", ["booking": booking.id!.uuidString]).status == .notFound)
            #expect(try await ConversationBooking.query(on: app.db).count() == 2)
            #expect(try await browser.get("/g/\(String(repeating: "x", count: 43))").status == .notFound)
            #expect(try await browser.get("/gesprekken/\(UUID())").status == .notFound)
            #expect(try await browser.get(theirs).status == .ok)
        }
    }
}
