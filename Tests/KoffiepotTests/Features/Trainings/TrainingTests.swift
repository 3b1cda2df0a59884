import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import Koffiepot

/// Joint trainings: places kept by the database, a first-come waiting list, attendance, and who met whom.
@Suite struct TrainingTests {
    static func plan(_ app: Application, now: Date, capacity: Int, inDays days: Int = 3) async throws -> JointTraining {
        let day = LocalDate(containing: now).adding(days: days)
        let valid = try TrainingRules.validate(
            title: "Signaleren in de groep", about: "", place: "Bibliotheek", date: day.description,
            from: "13:30", to: "16:00", capacity: "\(capacity)", organisations: [], known: [], now: now
        ).get()
        return try await TrainingService(db: app.db, now: now).plan(valid)
    }

    static func staffID(_ app: Application, _ email: String) async throws -> TrainingService.Person {
        .staff(try await app.staff(email).requireID())
    }

    @Test func placesFillFirstComeFirstServedAndAFreedPlaceGoesToTheFirstInLine() async throws {
        try await withTestApp { app, clock in
            let training = try await Self.plan(app, now: clock.now, capacity: 2)
            let service = TrainingService(db: app.db, now: clock.now)
            let id = try training.requireID()
            let anja = try await Self.staffID(app, "anja@koffiepot.test"),
                petra = try await Self.staffID(app, "petra@koffiepot.test")
            let tom = try await Self.staffID(app, "leerkracht@koffiepot.test"),
                samira = try await Self.staffID(app, "samira@koffiepot.test")
            #expect(try await service.signUp(anja, for: id) == .confirmed)
            #expect(try await service.signUp(anja, for: id) == .already)
            #expect(try await service.signUp(petra, for: id) == .confirmed)
            #expect(try await service.signUp(tom, for: id) == .waitlisted(position: 1))
            #expect(try await service.signUp(samira, for: id) == .waitlisted(position: 2))

            let anjasPlace = try #require(
                try await service.signups(of: id).first { $0.staffUser?.email == "anja@koffiepot.test" })
            #expect(try await service.cancel(anjasPlace.requireID()))
            let after = try await service.signups(of: id)
            #expect(after.first { $0.staffUser?.email == "leerkracht@koffiepot.test" }?.status == .confirmed)
            #expect(after.first { $0.staffUser?.email == "samira@koffiepot.test" }?.status == .waitlisted)
            #expect(try await JointTraining.find(id, on: app.db)?.taken == 2)
            // Coming back after cancelling: at the end of the queue, not in her old place.
            #expect(try await service.signUp(anja, for: id) == .waitlisted(position: 2))
        }
    }

    @Test func theDatabaseRefusesMorePeopleThanPlaces() async throws {
        try await withTestApp { app, clock in
            let training = try await Self.plan(app, now: clock.now, capacity: 1)
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE joint_trainings SET taken = 2 WHERE id = \(bind: training.requireID())").run()
            }
            // Many at once for one place: exactly one gets it, the rest queue.
            let service = TrainingService(db: app.db, now: clock.now)
            let people = try await StaffUser.query(on: app.db).filter(\.$role != .ambassador).all()
            let outcomes = try await withThrowingTaskGroup(of: TrainingService.SignupOutcome.self) { group in
                for person in people {
                    group.addTask { try await service.signUp(.staff(person.requireID()), for: training.requireID()) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .confirmed }.count == 1)
            #expect(outcomes.count == people.count)
            #expect(try await JointTraining.find(training.id, on: app.db)?.taken == 1)
        }
    }

    @Test func attendanceShowsWhoMetWhomAroundEachSchool() async throws {
        try await withTestApp { app, clock in
            let coordinator = try await app.staff("coordinator@koffiepot.test")
            let locations = try await StaffScope(coordinator, on: app.db).locations()
            func cell(_ location: String, _ party: String) async throws -> MeetingMatrix.Cell? {
                let matrix = try await TrainingService(db: app.db, now: clock.now).matrix(for: locations)
                guard let column = matrix.parties.firstIndex(where: { $0.label == party }),
                    let row = matrix.rows.first(where: { $0.location == location })
                else { return nil }
                return row.cells[column]
            }
            // The demo's meldcode training last month: Karim (school social work at De Vlinder) was there, Marieke
            // (leerplicht at De Boomgaard) was not; nobody of the school social work works at the clinic.
            #expect(try await cell("Basisschool De Vlinder", "Lumens schoolmaatschappelijk werk") == .met(1))
            #expect(try await cell("Basisschool De Vlinder", "School") == .met(1))
            #expect(try await cell("SPIL-centrum De Boomgaard", "Leerplicht Eindhoven") == .notYet)
            #expect(try await cell("Consultatiebureau Strijp", "Lumens schoolmaatschappelijk werk") == .absent)

            // A coordinator signs Marieke up, and after the training ticks her as present.
            let training = try await Self.plan(app, now: clock.now, capacity: 5, inDays: 1)
            let browser = TestBrowser(app)
            try await browser.signIn("coordinator@koffiepot.test")
            let marieke = try #require(
                try await Professional.query(on: app.db).filter(\.$name == "Marieke Hendriks").first())
            let added = try await browser.post(
                "/staff/trainingen/\(training.id!)/professionals", ["professional": marieke.id!.uuidString])
            #expect(added.status == .seeOther)
            clock.advance(seconds: 2 * 86400)
            try await browser.signIn("coordinator@koffiepot.test")  // two days later: a new session
            let signup = try #require(
                try await TrainingSignup.query(on: app.db).filter(\.$professional.$id == marieke.id!)
                    .filter(\.$training.$id == training.id!).first())
            #expect(
                try await browser.post(
                    "/staff/trainingen/\(training.id!)/attendance", ["present[]": signup.id!.uuidString]
                ).status == .seeOther)
            #expect(try await cell("SPIL-centrum De Boomgaard", "Leerplicht Eindhoven") == .met(1))
            let dashboard = try await browser.get("/staff/inzicht")
            #expect(dashboard.body.string.contains("Wie ontmoette wie"))
        }
    }

    @Test func staffSignThemselvesUpAndOnlyCoordinatorsPlan() async throws {
        try await withTestApp { app, clock in
            let training = try await Self.plan(app, now: clock.now, capacity: 1)
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            #expect(
                try await teacher.post("/staff/trainingen/\(training.id!)/signup", [:]).headers.first(name: .location)?
                    .contains("done=training.signed_up") == true)
            let page = try await teacher.get("/staff/trainingen/\(training.id!)")
            #expect(page.body.string.contains("Je bent aangemeld") && page.body.string.contains("Tom Bakker"))
            let advisor = TestBrowser(app)
            try await advisor.signIn("anja@koffiepot.test")
            #expect(
                try await advisor.post("/staff/trainingen/\(training.id!)/signup", [:]).headers.first(name: .location)?
                    .contains("done=training.waitlisted") == true)
            #expect(
                try await advisor.post(
                    "/staff/trainingen",
                    [
                        "title": "Eigen scholing", "place": "Hier", "date": "2027-03-01",
                        "from": "13:00", "to": "15:00", "capacity": "10",
                    ]
                ).status == .forbidden)
            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")
            let wrong = try await coordinator.post(
                "/staff/trainingen",
                [
                    "title": "", "place": "Hier", "date": "2027-03-01", "from": "15:00",
                    "to": "13:00", "capacity": "0",
                ])
            #expect(wrong.status == .unprocessableEntity)
            let planned = try await coordinator.post(
                "/staff/trainingen",
                [
                    "title": "Oudergesprekken", "place": "Stadhuis", "date": "2027-03-01",
                    "from": "13:00", "to": "15:00", "capacity": "10",
                ])
            #expect(
                planned.status == .seeOther
                    && planned.headers.first(name: .location)?.contains("done=training.planned") == true)
        }
    }
}
