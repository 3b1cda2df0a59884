import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct WaitingListRuleTests {
    @Test func newcomersQueueBehindAnyoneWaiting() {
        #expect(WaitingList.place(adults: 1, capacity: 10, taken: 9, anyoneWaiting: false) == .confirmed)
        #expect(WaitingList.place(adults: 2, capacity: 10, taken: 9, anyoneWaiting: false) == .waitlisted)
        #expect(WaitingList.place(adults: 1, capacity: 10, taken: 5, anyoneWaiting: true) == .waitlisted)
        #expect(WaitingList.place(adults: 11, capacity: 10, taken: 0, anyoneWaiting: false) == .tooMany)
    }

    @Test func promotionIsStrictlyInOrder() {
        #expect(WaitingList.promotions(free: 3, queue: [(1, 1), (2, 1), (3, 1), (4, 1)]) == [1, 2, 3])
        // The second in line needs two places; the third must not overtake.
        #expect(WaitingList.promotions(free: 2, queue: [(1, 1), (2, 2), (3, 1)]) == [1])
        #expect(WaitingList.promotions(free: 0, queue: [(1, 1)]).isEmpty)
    }
}

func makeCourse(_ app: Application, capacity: Int, startsIn days: Int = 14, now: Date) async throws -> Gathering {
    let location = try await app.location(named: "Basisschool De Vlinder")
    let gathering = Gathering()
    gathering.$location.id = location.id!
    gathering.kind = .course
    gathering.title = "Omgaan met pubers"
    gathering.description = "Vier avonden over pubers"
    gathering.room = "Ouderkamer"
    let day = LocalDate(containing: now).adding(days: days)
    gathering.startsAt = day.instant(minute: 19 * 60 + 30)!
    gathering.endsAt = day.instant(minute: 21 * 60 + 30)!
    gathering.sessions = 4
    gathering.capacity = capacity
    gathering.taken = 0
    gathering.languages = "nl"
    gathering.childcare = true
    gathering.topicKeys = "puberty"
    gathering.ageGroup = .teen
    gathering.cancelled = false
    gathering.wantsProfessional = false
    try await gathering.create(on: app.db)
    return gathering
}

func person(_ i: Int, adults: Int = 1) -> RegistrationInput {
    RegistrationInput(
        name: "Ouder \(i)", contactKind: .email, contact: "ouder\(i)@example.nl", adults: adults, language: "nl",
        childcare: false, interpreter: false)
}

/// A course of one seat with parent 1 on it and parent 2 on its waiting list; the test fails when either did not
/// register.
func courseWithOneWaiting(_ app: Application, startsIn days: Int = 14, now: Date) async throws -> (
    course: Gathering, first: RegistrationReceipt, second: RegistrationReceipt
) {
    let course = try await makeCourse(app, capacity: 1, startsIn: days, now: now)
    let service = RegistrationService(db: app.db, settings: app.settings, catalogues: app.catalogues, now: now)
    guard
        case .registered(let first) = try await service.register(
            gatheringID: course.id!, person(1), messageLanguage: .nl, idempotencyKey: nil),
        case .registered(let second) = try await service.register(
            gatheringID: course.id!, person(2), messageLanguage: .nl, idempotencyKey: nil)
    else { throw Abort(.conflict, reason: "registration failed") }
    return (course, first, second)
}

@Suite struct WaitingListTests {
    func service(_ app: Application, _ now: Date) -> RegistrationService {
        RegistrationService(db: app.db, settings: app.settings, catalogues: app.catalogues, now: now)
    }

    @Test func fullCourseWaitlistsAndACancellationPromotesTheFirstOnce() async throws {
        try await withTestApp { app, clock in
            let course = try await makeCourse(app, capacity: 2, now: clock.now)
            let s = service(app, clock.now)
            var receipts: [RegistrationReceipt] = []
            for i in 0..<4 {
                guard
                    case .registered(let r) = try await s.register(
                        gatheringID: course.id!, person(i), messageLanguage: .nl, idempotencyKey: nil)
                else { Issue.record("not registered"); return }
                receipts.append(r)
            }
            #expect(receipts.map(\.status) == [.confirmed, .confirmed, .waitlisted, .waitlisted])
            #expect(receipts.map(\.position) == [nil, nil, 1, 2])
            if case .tooMany = try await s.register(
                gatheringID: course.id!, person(9, adults: 3), messageLanguage: .nl, idempotencyKey: nil)
            {
            } else {
                Issue.record("three adults fit in a course of two")
            }
            try await s.cancel(receipts[0].registrationID)
            try await s.cancel(receipts[0].registrationID)  // twice: nothing more happens
            let third = try #require(try await Registration.find(receipts[2].registrationID, on: app.db))
            #expect(third.status == .confirmed)
            #expect(try await Registration.find(receipts[3].registrationID, on: app.db)?.status == .waitlisted)
            #expect(
                try await OutboxMessage.query(on: app.db).filter(\.$template == "registration_promoted").all().map(
                    \.recipient) == ["ouder2@example.nl"])
            #expect(try await Gathering.find(course.id, on: app.db)?.taken == 2)
        }
    }

    @Test func noPromotionOnceTheCourseHasStarted() async throws {
        try await withTestApp { app, clock in
            let (_, first, second) = try await courseWithOneWaiting(app, startsIn: 1, now: clock.now)
            clock.advance(seconds: 2 * 86400)
            try await service(app, clock.now).cancel(first.registrationID)
            #expect(try await Registration.find(second.registrationID, on: app.db)?.status == .waitlisted)
            #expect(
                try await OutboxMessage.query(on: app.db).filter(\.$template == "registration_promoted").count() == 0)
        }
    }

    /// Capacity 10, waiting list 30; at once 10 cancellations and 20 new registrations.
    @Test func concurrentCancellationsAndRegistrationsKeepFIFO() async throws {
        let (settings, file) = fileSettings()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestApp(settings: settings) { first, clock in
            let course = try await makeCourse(first, capacity: 10, now: clock.now)
            let s = service(first, clock.now)
            var confirmed: [UUID] = [], waiting: [UUID] = []
            for i in 0..<40 {
                guard
                    case .registered(let r) = try await s.register(
                        gatheringID: course.id!, person(i), messageLanguage: .nl, idempotencyKey: nil)
                else { Issue.record("not registered"); return }
                if r.status == .confirmed {
                    confirmed.append(r.registrationID)
                } else {
                    waiting.append(r.registrationID)
                }
            }
            #expect(confirmed.count == 10 && waiting.count == 30)
            try await withApp(configure: { second in try await configure(second, settings: settings, clock: clock.clock)
            }) { second in
                let services = [
                    s,
                    RegistrationService(
                        db: second.db, settings: settings, catalogues: second.catalogues, now: clock.now),
                ]
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (i, id) in confirmed.enumerated() { group.addTask { try await services[i % 2].cancel(id) } }
                    for i in 40..<60 {
                        group.addTask {
                            _ = try await services[i % 2].register(
                                gatheringID: course.id!, person(i), messageLanguage: .nl, idempotencyKey: nil)
                        }
                    }
                    try await group.waitForAll()
                }
            }
            let all = try await Registration.query(on: first.db).filter(\.$gathering.$id == course.id!).sort(\.$seq)
                .all()
            let nowConfirmed = all.filter { $0.status == .confirmed }
            #expect(nowConfirmed.count == 10)
            #expect(nowConfirmed.map(\.id) == Array(waiting.prefix(10)).map(Optional.some))
            #expect(try await Gathering.find(course.id, on: first.db)?.taken == 10)
            let promotedMails = try await OutboxMessage.query(on: first.db).filter(
                \.$template == "registration_promoted"
            ).all()
            #expect(promotedMails.count == 10)
            #expect(
                promotedMails.compactMap { $0.$registration.id }.sorted { $0.uuidString < $1.uuidString }
                    == waiting.prefix(10).sorted { $0.uuidString < $1.uuidString })
            #expect(all.filter { $0.status == .waitlisted }.count == 40)
        }
    }
}

@Suite struct RegistrationBadInputTests {
    @Test func doubleSubmitGivesOneRegistrationAndHostileTextIsRefused() async throws {
        try await withTestApp { app, clock in
            let course = try await makeCourse(app, capacity: 5, now: clock.now)
            let browser = TestBrowser(app)
            let fields = [
                "name": "Amal", "adults": "1", "language": "ar", "idempotency_key": "same-registration-key-1",
            ]
            let first = try await browser.post("/gatherings/\(course.id!)/register", fields)
            let second = try await browser.post("/gatherings/\(course.id!)/register", fields)
            #expect(first.headers.first(name: .location) == second.headers.first(name: .location))
            #expect(try await Registration.query(on: app.db).count() == 1)
            #expect(try await Gathering.find(course.id, on: app.db)?.taken == 1)

            let hostile = try await browser.post(
                "/gatherings/\(course.id!)/register", ["name": "Ali\u{202E}cod.exe", "adults": "1", "language": "nl"])
            #expect(
                hostile.status == .unprocessableEntity
                    && hostile.text.contains("Deze tekst bevat tekens die we niet kunnen bewaren."))
            let script = try await browser.post(
                "/gatherings/\(course.id!)/register", ["name": "<script>x</script>", "adults": "0", "language": "nl"])
            #expect(script.status == .unprocessableEntity && script.text.contains("&lt;script&gt;x&lt;/script&gt;"))
            #expect(try await Registration.query(on: app.db).count() == 1)

            // Past and cancelled gatherings take no registrations.
            course.cancelled = true
            try await course.save(on: app.db)
            #expect(
                try await browser.post(
                    "/gatherings/\(course.id!)/register", ["name": "Els", "adults": "1", "language": "nl"]
                ).status == .conflict)
            let past = try await makeCourse(app, capacity: 5, startsIn: 1, now: clock.now)
            clock.advance(seconds: 3 * 86400)
            #expect(
                try await browser.post(
                    "/gatherings/\(past.id!)/register", ["name": "Els", "adults": "1", "language": "nl"]
                ).status == .conflict)
        }
    }
}
