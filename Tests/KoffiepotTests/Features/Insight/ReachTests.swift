import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Koffiepot

/// "Whom do we not reach yet": staff enter a school's families and home languages, the dashboard sets the
/// contacts beside them and names the largest gap — never showing fewer than five of anything.
@Suite struct ReachTests {
    /// Contact facts as the services write them (held talks, registrations, answers) in a week of this school year.
    private func facts(
        _ app: Application, at location: UUID, _ language: String, _ count: Int, firstContact: Bool? = nil,
        outcome: ContactOutcome = .held
    ) async throws {
        for _ in 0..<count {
            let fact = ContactFact()
            fact.kind = .consultation
            fact.outcome = outcome
            fact.week = "2026-11-16"
            fact.locationID = location
            fact.language = language
            fact.people = 1
            fact.firstContact = firstContact
            try await fact.create(on: app.db)
        }
    }

    private func section(_ html: String, _ id: String) -> String {
        html.components(separatedBy: "<section class=\"insight\"").first { $0.contains("id=\"\(id)\"") } ?? ""
    }

    private func cells(_ html: String) -> [String] { html.matches(of: /<td>([^<]*)<\/td>/).map { String($0.1) } }

    @Test func aCoordinatorEntersTheFamiliesAndSeesWhomWeDoNotReach() async throws {
        try await withTestApp { app, _ in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let id = try vlinder.requireID()
            try await facts(app, at: id, "nl", 80)
            try await facts(app, at: id, "tr", 3)
            try await facts(app, at: id, "ar", 9)
            try await facts(app, at: id, "tr", 6, outcome: .noShow)  // not reached: no-shows never count
            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")

            let before = try await coordinator.get("/staff/inzicht?location=\(id)").text
            #expect(before.contains("Voor schooljaar 2026-2027 zijn nog geen gezinnen ingevuld"))
            #expect(before.contains("/staff/locations/\(id.uuidString)/families?year=2026-2027"))

            let form = try await coordinator.get("/staff/locations/\(id)/families")
            #expect(form.status == .ok && form.text.contains("Gezinnen en thuistalen — Basisschool De Vlinder"))
            let saved = try await coordinator.post(
                "/staff/locations/\(id)/families",
                ["year": "2026-2027", "families": "240", "share_nl": "60", "share_tr": "22", "share_ar": "10"])
            #expect(saved.status == .seeOther)
            let again = try await coordinator.get(saved.headers.first(name: .location) ?? "")
            #expect(again.text.contains("Opgeslagen voor schooljaar 2026-2027"))
            #expect(again.text.contains(#"name="share_tr" value="22""#) && again.text.contains("Andere talen: 8%"))

            let page = try await coordinator.get("/staff/inzicht?location=\(id)").text
            let reach = section(page, "gap")
            #expect(
                reach.contains(
                    "Basisschool De Vlinder: gezinnen die thuis Turks spreken zijn 22% van de school, maar we hadden minder dan 5 contacten in die taal"
                ), "\(reach)")
            // Three Turkish-speaking contacts are "<5", and a partner is hidden so the total cannot give them away.
            #expect(cells(reach).contains("&lt;5") && !cells(reach).contains("3"), "\(cells(reach))")
            #expect(cells(reach).filter { $0 == "&lt;5" }.count >= 2, "\(cells(reach))")
            #expect(cells(page).allSatisfy { !["1", "2", "3", "4"].contains($0) })
            #expect(reach.contains("class=\"chart-reference\""))

            // The CSV says the same in words.
            let csv = try await coordinator.get("/staff/inzicht.csv?location=\(id)").text
            #expect(csv.contains("Turks spreken zijn 22% van de school"))
            // In Arabic the school year stays "2026-2027", isolated from the right-to-left sentence around it.
            let arabic = try await coordinator.get("/staff/inzicht?location=\(id)&lang=ar").text
            #expect(section(arabic, "gap").contains("\u{2066}2026-2027\u{2069}"))
            #expect(!page.contains("\u{2066}"))
        }
    }

    @Test func aWholeMunicipalitysSchoolsFoldAwayBehindOneLine() async throws {
        try await withTestApp { app, _ in
            let before = try await Location.query(on: app.db).count()
            var added: [Location] = []
            for n in before..<(InsightPages.foldSchoolsAbove + 1) {
                let school = Location(
                    name: "Basisschool Nummer \(n)", kind: .primarySchool, address: "Schoolstraat \(n)",
                    neighbourhood: "Woensel", municipality: "Eindhoven", region: .south)
                try await school.create(on: app.db)
                added.append(school)
            }
            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")
            let all = try await coordinator.get("/staff/inzicht").text
            let count = InsightPages.foldSchoolsAbove + 1
            #expect(
                all.contains("<details class=\"noprint\"><summary>Gezinnen en thuistalen invullen (\(count) scholen)"))
            #expect(all.contains("/staff/locations/\(try added[0].requireID().uuidString)/families?year=2026-2027"))
            // One school in view: its link stands in the open.
            let one = try await coordinator.get("/staff/inzicht?location=\(try added[0].requireID())").text
            #expect(!one.contains("<details") && one.contains("Gezinnen en thuistalen invullen: "))
        }
    }

    @Test func theFamiliesFormRefusesWhatCannotBeTrueAndKeepsWhatWasTyped() async throws {
        try await withTestApp { app, _ in
            let id = try await app.location(named: "Basisschool De Vlinder").requireID()
            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")  // the advisor of De Vlinder
            let tooMuch = try await petra.post(
                "/staff/locations/\(id)/families", ["families": "240", "share_nl": "80", "share_tr": "30"])
            #expect(tooMuch.status == .unprocessableEntity)
            #expect(tooMuch.text.contains("Samen is dat meer dan 100%") && tooMuch.text.contains(#"value="80""#))
            let broken = try await petra.post(
                "/staff/locations/\(id)/families", ["families": "veel", "share_tr": "22,5"])
            #expect(broken.status == .unprocessableEntity)
            #expect(
                broken.text.contains("Vul het aantal gezinnen in") && broken.text.contains("Vul een heel percentage"))
            #expect(try await SchoolFamilyFigures.query(on: app.db).count() == 0)

            // Another school's advisor cannot see or change De Vlinder's figures; a teacher has no such page.
            let mehmet = TestBrowser(app)
            try await mehmet.signIn("mehmet@koffiepot.test")
            #expect(try await mehmet.get("/staff/locations/\(id)/families").status == .notFound)
            #expect(
                try await mehmet.post("/staff/locations/\(id)/families", ["families": "10"]).status == .notFound)
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            #expect(try await teacher.get("/staff/locations/\(id)/families").status == .forbidden)
            #expect(try await SchoolFamilyFigures.query(on: app.db).count() == 0)
        }
    }

    @Test func aSchoolYearIsReplacedAsAWhole() async throws {
        try await withTestApp { app, clock in
            let id = try await app.location(named: "Basisschool De Vlinder").requireID()
            let year = SchoolYear(containing: LocalDate(containing: clock.now))
            try await SchoolFamiliesStore.replace(
                at: id, in: year, with: .init(families: 200, shares: ["nl": 60, "tr": 20]), now: clock.now, on: app.db)
            try await SchoolFamiliesStore.replace(
                at: id, in: year, with: .init(families: 210, shares: ["ar": 15]), now: clock.now, on: app.db)
            let figures = try await SchoolFamiliesStore.figures(at: [id], in: year, on: app.db)
            #expect(figures[id] == .init(families: 210, shares: ["ar": 15]))
            #expect(try await SchoolLanguageShare.query(on: app.db).count() == 1)
            // The database itself refuses a school of no families and a share over 100.
            await #expect(throws: (any Error).self) {
                try await SchoolFamiliesStore.replace(
                    at: id, in: year.previous, with: .init(families: 0, shares: [:]), now: clock.now, on: app.db)
            }
            await #expect(throws: (any Error).self) {
                try await SchoolFamiliesStore.replace(
                    at: id, in: year.previous, with: .init(families: 10, shares: ["tr": 101]), now: clock.now,
                    on: app.db)
            }
            #expect(try await SchoolFamilyFigures.query(on: app.db).count() == 1)
        }
    }

    @Test func theFirstContactQuestionIsOptionalAndReachesTheFacts() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let parent = TestBrowser(app)
            var fields = [
                "slot": slot.id!.uuidString, "idempotency_key": UUID().uuidString, "booker": "parent",
                "name": "Fatima", "participants": "alone", "language": "ar", "contact": "",
                "first_contact": "maybe",
            ]
            let form = try await parent.get("/slots/\(slot.id!)/book").text
            #expect(
                form.contains("Is dit uw eerste contact met ons dit schooljaar?") && form.contains("Mag u overslaan"))
            let broken = try await parent.post("/book", fields)
            #expect(broken.status == .unprocessableEntity)
            #expect(try await Booking.query(on: app.db).count() == 0)
            fields["first_contact"] = "yes"
            #expect(try await parent.post("/book", fields).status == .seeOther)
            let booking = try #require(try await Booking.query(on: app.db).first())
            #expect(booking.firstContact == true)
            try await app.bookingService(now: slot.startsAt.addingTimeInterval(1800)).mark(booking, .held)
            let fact = try #require(try await ContactFact.query(on: app.db).filter(\.$kind == .consultation).first())
            #expect(fact.firstContact == true && fact.language == "ar")

            // Skipped on the question form: nothing is assumed.
            let asked = try await parent.post(
                "/vraag", ["text": "Hoe krijg ik mijn zoon aan het lezen?", "language": "nl", "contact": ""])
            #expect(asked.status == .seeOther)
            let question = try #require(try await Question.query(on: app.db).first())
            #expect(question.firstContact == nil)
        }
    }

    @Test func firstContactsAreSetAgainstTheSchoolsFamilies() async throws {
        try await withTestApp { app, clock in
            let vlinder = try await app.location(named: "Basisschool De Vlinder").requireID()
            let beer = try await app.location(named: "Kinderdagverblijf Kleine Beer").requireID()
            let year = SchoolYear(containing: LocalDate(containing: clock.now))
            for id in [vlinder, beer] {
                try await SchoolFamiliesStore.replace(
                    at: id, in: year, with: .init(families: 120, shares: ["nl": 80]), now: clock.now, on: app.db)
            }
            try await facts(app, at: vlinder, "nl", 12, firstContact: true)
            try await facts(app, at: vlinder, "nl", 20, firstContact: false)
            try await facts(app, at: beer, "nl", 3, firstContact: true)
            try await facts(app, at: beer, "nl", 30)
            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")
            let new = section(try await coordinator.get("/staff/inzicht").text, "new-families")
            let rows = new.matches(
                of: /<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/
            )
            .map { [String($0.1), String($0.2), String($0.3), String($0.4)] }
            #expect(rows.contains(["Basisschool De Vlinder", "120", "12", "10%"]), "\(rows)")
            #expect(rows.contains(["Kinderdagverblijf Kleine Beer", "120", "&lt;5", "–"]), "\(rows)")
        }
    }

    @Test func aWalkInVisitorMayAnswerToo() async throws {
        try await withTestApp { app, _ in
            let id = try await app.location(named: "Buurthuis De Koffiepot").requireID()
            let visitor = TestBrowser(app)
            let form = try await visitor.get("/koffie/\(id)").text
            #expect(form.contains("Is dit uw eerste contact met ons dit schooljaar?"))
            let broken = try await visitor.post(
                "/koffie/\(id)", ["score": "5", "better": "Meer koffie", "first_contact": "misschien"])
            #expect(broken.status == .unprocessableEntity && broken.text.contains("Meer koffie"))
            #expect(try await Feedback.query(on: app.db).count() == 0)
            #expect(
                try await visitor.post("/koffie/\(id)", ["score": "5", "first_contact": "yes"]).status == .seeOther)
            let fact = try #require(try await ContactFact.query(on: app.db).filter(\.$kind == .walkIn).first())
            #expect(fact.firstContact == true && fact.people == 0 && fact.locationID == id)
            // Skipped: a rating without an answer adds no fact.
            let other = TestBrowser(app)
            #expect(try await other.post("/koffie/\(id)", ["score": "4"]).status == .seeOther)
            #expect(try await ContactFact.query(on: app.db).count() == 1)
        }
    }

    @Test func theAPIAcceptsTheAnswerAsAnOptionalBoolean() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            var headers = HTTPHeaders()
            headers.contentType = .json
            try await app.testing().test(
                .POST, "/api/v1/bookings", headers: headers,
                body: ByteBuffer(string: #"{"slotId":"\#(slot.id!)","name":"Sam","firstContact":false}"#)
            ) { #expect($0.status == .created) }
            let booking = try #require(try await Booking.query(on: app.db).first())
            #expect(booking.firstContact == false)
        }
    }
}
