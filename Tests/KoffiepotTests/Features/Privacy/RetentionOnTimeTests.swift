import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Each kind of personal record is kept until its own moment and gone at the first purge after it (issue 14 pt 2),
/// through the same purge tick the server runs — on SQLite and, in `scripts/test`, on PostgreSQL.
@Suite struct RetentionOnTimeTests {
    struct Kept {
        let name: String
        let deadline: Date
        let exists: @Sendable (any Database) async throws -> Bool
    }

    @Test func eachKindIsKeptUntilItsMomentAndGoneAtTheFirstPurgeAfterIt() async throws {
        try await withTestApp { app, clock in
            let (booking, _) = try await app.bookFatima(now: clock.now)
            let course = try await makeCourse(app, capacity: 5, now: clock.now)
            guard
                case .registered(let registered) = try await RegistrationService(
                    db: app.db, settings: app.settings, catalogues: app.catalogues,
                    now: clock.now
                )
                .register(gatheringID: course.id!, person(1), messageLanguage: .nl, idempotencyKey: nil)
            else { Issue.record("no registration"); return }
            let registration = try #require(try await Registration.find(registered.registrationID, on: app.db))
            let asked = try await QuestionService(
                db: app.db, settings: app.settings, catalogues: app.catalogues, now: clock.now
            )
            .ask(
                .init(text: "Hoe leer ik mijn zoon fietsen?", language: "nl", contactKind: .none), messageLanguage: .nl)
            let question = try #require(try await Question.find(asked.id, on: app.db))
            let (round, slots) = try await ConversationPagesTests.round(app, now: clock.now)
            _ = try await TestBrowser(app).post("/gesprekken/\(round.id!)", ConversationPagesTests.form(slots[0]))
            let code = try #require(try await ConversationCode.query(on: app.db).first())
            let admin = try await app.staff("admin@koffiepot.test")
            let read = AccessLogEntry(at: clock.now, staffUserID: admin.id!, role: .admin, subject: "retention-test")
            try await read.create(on: app.db)

            let kinds = [
                Kept(name: "booking", deadline: booking.purgeAfter) {
                    try await Booking.find(booking.id, on: $0) != nil
                },
                Kept(name: "registration", deadline: registration.purgeAfter) {
                    try await Registration.find(registration.id, on: $0) != nil
                },
                Kept(name: "question", deadline: question.purgeAfter) {
                    try await Question.find(question.id, on: $0) != nil
                },
                Kept(name: "conversation round", deadline: round.purgeAfter) {
                    try await ConversationRound.find(round.id, on: $0) != nil
                },
                Kept(name: "conversation code", deadline: code.purgeAfter) {
                    try await ConversationCode.find(code.id, on: $0) != nil
                },
                Kept(
                    name: "access log",
                    deadline: clock.now.addingTimeInterval(Double(RetentionJobs.accessLogDays) * 86400)
                ) {
                    try await AccessLogEntry.find(read.id, on: $0) != nil
                },
            ].sorted { $0.deadline < $1.deadline }
            #expect(kinds.allSatisfy { $0.deadline > clock.now })
            for kind in kinds {
                // One purge a minute before its moment keeps it; the first purge after it removes it.
                try await PurgeRunner.runTick(
                    db: app.db, now: kind.deadline.addingTimeInterval(-60), settings: app.settings, interval: 1,
                    logger: app.logger)
                #expect(try await kind.exists(app.db), "\(kind.name) gone before \(kind.deadline)")
                try await PurgeRunner.runTick(
                    db: app.db, now: kind.deadline.addingTimeInterval(1), settings: app.settings, interval: 1,
                    logger: app.logger)
                #expect(try await !kind.exists(app.db), "\(kind.name) still there after \(kind.deadline)")
            }
        }
    }
}
