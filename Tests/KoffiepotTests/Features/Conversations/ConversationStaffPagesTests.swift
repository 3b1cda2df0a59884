import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The teacher's and the advisor's pages of the 10-minute conversations.
@Suite struct ConversationStaffPagesTests {
    static let plan = [
        "title": "Rapportgesprekken", "group": "6A", "slotMinutes": "10", "breakMinutes": "5",
        "date1": "2027-02-09", "from1": "15:00", "to1": "16:00", "date2": "2027-02-11", "from2": "08:30",
        "to2": "09:00",
    ]

    static func teacher(_ app: Application) async throws -> (TestBrowser, Location) {
        let browser = TestBrowser(app)
        try await browser.signIn("leerkracht@koffiepot.test")
        return (browser, try await app.location(named: "Basisschool De Vlinder"))
    }

    @Test func aTeacherPlansARoundInTheBrowserAndSharesItsLink() async throws {
        try await withTestApp { app, _ in
            let (teacher, school) = try await Self.teacher(app)
            let start = try await teacher.get("/staff")
            #expect(start.text.contains("href=\"/staff/gesprekken\""))
            let form = try await teacher.get("/staff/gesprekken")
            #expect(form.status == .ok && form.text.contains("Nieuwe ronde plannen"))

            let planned = try await teacher.post(
                "/staff/gesprekken", Self.plan.merging(["location": school.id!.uuidString]) { _, new in new })
            #expect(planned.status == .seeOther)
            let path = String(try #require(planned.headers.first(name: .location)).prefix { $0 != "?" })
            let round = try #require(try await ConversationRound.query(on: app.db).first())
            #expect(path == "/staff/gesprekken/\(round.id!)")
            // 15:00–16:00 with 10 minutes and 5 minutes break: 4; 8:30–9:00: 2.
            #expect(try await ConversationSlot.query(on: app.db).count() == 6)
            let overview = try await teacher.get(path + "?done=round.planned")
            #expect(overview.text.contains("De ronde staat klaar."))
            #expect(overview.text.contains("0 van 6 tijden gekozen"))
            #expect(overview.text.contains("/gesprekken/\(round.id!)"))
            #expect(overview.text.contains("<svg"))
            #expect(overview.text.contains("donderdag 11 februari"))
        }
    }

    @Test func aWrongPlanComesBackWithEverythingTypedAndTheFieldNamed() async throws {
        try await withTestApp { app, _ in
            let (teacher, school) = try await Self.teacher(app)
            var fields = Self.plan.merging(["location": school.id!.uuidString, "to2": "08:00", "slotMinutes": "45"]) {
                _, new in new
            }
            let wrong = try await teacher.post("/staff/gesprekken", fields)
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("Een gesprek duurt 5 tot 30 minuten."))
            #expect(wrong.text.contains("value=\"Rapportgesprekken\""))
            fields["slotMinutes"] = "10"
            let endBeforeStart = try await teacher.post("/staff/gesprekken", fields)
            #expect(endBeforeStart.status == .unprocessableEntity)
            // The second day's end is the field in error, shown next to it.
            #expect(endBeforeStart.text.contains("id=\"f-to2-error\""))
            #expect(try await ConversationRound.query(on: app.db).count() == 0)
        }
    }

    /// The teacher's overview reads the same, byte for byte, whether the parent ticked the support box or not.
    @Test func theTeacherCannotTellWhetherTheBoxWasTicked() async throws {
        try await withTestApp { app, clock in
            let (round, slots) = try await ConversationPagesTests.round(app, now: clock.now)
            let (teacher, _) = try await Self.teacher(app)
            let parent = TestBrowser(app)
            let link = try ConversationPagesTests.link(
                try await parent.post("/gesprekken/\(round.id!)", ConversationPagesTests.form(slots[1])))
            let without = try await teacher.get("/staff/gesprekken/\(round.id!)").comparableText
            #expect(without.contains("Fatima") && without.contains("Yusuf"))

            let booking = try #require(try await ConversationBooking.query(on: app.db).first())
            _ = try await parent.post("\(link)/cancel", ["booking": booking.id!.uuidString])
            _ = try await parent.post(
                "/gesprekken/\(round.id!)",
                ConversationPagesTests.form(
                    slots[1],
                    [
                        "support": "yes", "topics[]": "sleep", "supportNote": "Slaapt slecht",
                    ]))
            #expect(try await SupportRequest.query(on: app.db).count() == 1)
            let with = try await teacher.get("/staff/gesprekken/\(round.id!)").comparableText
            #expect(with == without)
            #expect(try await teacher.get("/staff/ondersteuning").status == .forbidden)
        }
    }

    @Test func anotherTeachersRoundDoesNotExistForHer() async throws {
        try await withTestApp { app, clock in
            let other = StaffUser(email: "juf@koffiepot.test", name: "Juf Lotte", role: .teacher, passwordHash: "x")
            try await other.create(on: app.db)
            let school = try await app.location(named: "Basisschool De Vlinder")
            let round = try await ConversationService(
                db: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now
            ).planRound(
                locationID: school.id!, teacherID: other.id!, title: "Gesprekken", group: "3", slotMinutes: 10,
                breakMinutes: 0,
                days: [RoundDay(date: "2027-02-09", from: "15:00", to: "16:00")]
            ).get().0
            let (teacher, _) = try await Self.teacher(app)
            #expect(try await teacher.get("/staff/gesprekken/\(round.id!)").status == .notFound)
            #expect(!(try await teacher.get("/staff/gesprekken").text.contains("Gesprekken · 3")))
            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")
            #expect(try await coordinator.get("/staff/gesprekken/\(round.id!)").status == .ok)
            #expect(try await TestBrowser(app).get("/staff/gesprekken").status == .seeOther)
        }
    }

    /// The advisor of the school reads the request, answers and offers her consultation times; the parent reads
    /// the answer under her code and picks a time; 30 days after it was handled the request is gone.
    @Test func theAdvisorAnswersAndTheParentReadsItUnderHerCode() async throws {
        try await withTestApp { app, clock in
            let (round, slots) = try await ConversationPagesTests.round(app, now: clock.now)
            let parent = TestBrowser(app)
            let link = try ConversationPagesTests.link(
                try await parent.post(
                    "/gesprekken/\(round.id!)",
                    ConversationPagesTests.form(
                        slots[0],
                        [
                            "support": "yes", "topics[]": "sleep",
                            "supportNote": "Hij slaapt slecht sinds de verhuizing", "supportContact": "06 12345678",
                        ])))

            let otherAdvisor = TestBrowser(app)
            try await otherAdvisor.signIn("anja@koffiepot.test")
            #expect(!(try await otherAdvisor.get("/staff/ondersteuning").text.contains("verhuizing")))

            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            #expect(try await petra.get("/staff").text.contains("href=\"/staff/ondersteuning\""))
            let desk = try await petra.get("/staff/ondersteuning")
            #expect(desk.text.contains("Hij slaapt slecht sinds de verhuizing"))
            #expect(desk.text.contains("Bereikbaar via: +31612345678"))
            #expect(!desk.text.contains("Yusuf") && !desk.text.contains("Fatima"))
            let request = try #require(try await SupportRequest.query(on: app.db).first())
            #expect(try await otherAdvisor.get("/staff/ondersteuning/\(request.id!)").status == .notFound)

            let empty = try await petra.post("/staff/ondersteuning/\(request.id!)/answer", ["answer": ""])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Vul dit in."))
            let sent = try await petra.post(
                "/staff/ondersteuning/\(request.id!)/answer",
                [
                    "answer": "Fijn dat je het laat weten. Kies hieronder een tijd, dan praten we over slapen.",
                    "offer": "yes",
                ])
            #expect(sent.headers.first(name: .location) == "/staff/ondersteuning?done=support.answered")
            // She is told there is an answer, at the contact she gave for the advisor, without the answer itself.
            let told = try #require(
                try await OutboxMessage.query(on: app.db).filter(\.$template == "support_answered").first())
            #expect(told.recipient == "+31612345678" && told.values["link"]?.hasSuffix(link) == true)
            #expect(!told.payload.contains("slapen"))
            let handled = try #require(try await SupportRequest.find(request.id, on: app.db))
            #expect(handled.status == .handled && handled.purgeAfter == clock.now.addingTimeInterval(30 * 86400))

            let mine = try await parent.get(link)
            #expect(mine.text.contains("Antwoord van de opvoedadviseur"))
            #expect(mine.text.contains("dan praten we over slapen"))
            #expect(mine.text.contains("Kies een tijd voor een gesprek met de opvoedadviseur"))
            let offered = try #require(mine.text.firstMatch(of: /href="(\/slots\/[0-9A-F-]+\/book)"/)?.1)
            #expect(try await parent.get(String(offered)).status == .ok)

            clock.advance(seconds: 29 * 86400)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await SupportRequest.query(on: app.db).count() == 1)
            clock.advance(seconds: 2 * 86400)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await SupportRequest.query(on: app.db).count() == 0)
            #expect(try await ConversationBooking.query(on: app.db).count() == 1)
        }
    }

    /// Taking the request back also takes back the news that was not sent yet.
    @Test func withdrawingTheRequestWithdrawsItsUnsentNews() async throws {
        try await withTestApp { app, clock in
            let (round, slots) = try await ConversationPagesTests.round(app, now: clock.now)
            let parent = TestBrowser(app)
            let link = try ConversationPagesTests.link(
                try await parent.post(
                    "/gesprekken/\(round.id!)",
                    ConversationPagesTests.form(slots[0], ["support": "yes"])))
            let request = try #require(try await SupportRequest.query(on: app.db).first())
            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            _ = try await petra.post("/staff/ondersteuning/\(request.id!)/answer", ["answer": "Bel me gerust."])
            let told = try #require(
                try await OutboxMessage.query(on: app.db).filter(\.$template == "support_answered").first())
            #expect(told.recipient == "fatima@example.nl" && told.status == .pending)
            _ = try await parent.post("\(link)/withdraw", ["request": request.id!.uuidString])
            #expect(try await OutboxMessage.find(told.id, on: app.db)?.status == .cancelled)
            #expect(try await SupportRequest.query(on: app.db).count() == 0)
        }
    }

    /// A teacher works at the schools an admin linked her to; another school's location does not exist for her.
    @Test func aTeacherPlansAndAsksAtHerOwnSchoolsOnly() async throws {
        try await withTestApp { app, clock in
            let daycare = try await app.location(named: "Kinderdagverblijf Kleine Beer")
            let tom = try await ConversationAPITests.token(app, "leerkracht@koffiepot.test", now: clock.now)
            #expect(
                try await ConversationAPITests.send(
                    app, .POST, "/api/v1/conversation-rounds", token: tom,
                    json: ConversationAPITests.roundJSON(daycare.id!)
                ).status == .notFound)
            #expect(
                try await ConversationAPITests.send(
                    app, .POST, "/api/v1/look-along-requests", token: tom,
                    json: LookAlongTests.requestJSON(daycare.id!)
                ).status == .notFound)
            let (teacher, school) = try await Self.teacher(app)
            let form = try await teacher.get("/staff/gesprekken").text
            #expect(form.contains(school.name) && !form.contains(daycare.name))

            // The admin adds her to the daycare's teachers; from then on she can plan there.
            let admin = TestBrowser(app)
            try await admin.signIn("admin@koffiepot.test")
            let edit = try await admin.get("/staff/locations/\(daycare.id!)/edit")
            #expect(edit.text.contains("Leerkrachten die hier werken") && edit.text.contains("Tom Bakker"))
            let saved = try await admin.post(
                "/staff/locations/\(daycare.id!)",
                [
                    "name": daycare.name, "kind": daycare.kind.rawValue, "address": daycare.address,
                    "neighbourhood": daycare.neighbourhood,
                    "municipality": daycare.municipality, "region": daycare.region.rawValue,
                    "teachers[]": try await app.staff("leerkracht@koffiepot.test").id!.uuidString,
                ])
            #expect(saved.status == .seeOther)
            #expect(
                try await ConversationAPITests.send(
                    app, .POST, "/api/v1/conversation-rounds", token: tom,
                    json: ConversationAPITests.roundJSON(daycare.id!)
                ).status == .created)
            let again = try await admin.get("/staff/locations/\(daycare.id!)/edit").text
            #expect(
                again.contains("checked=\"checked\"/> Tom Bakker") || again.contains("checked/> Tom Bakker"), "\(again)"
            )
        }
    }
}
