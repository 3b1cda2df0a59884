import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import Koffiepot

/// 100 parents pick the same 10-minute slot at the same moment.
@Suite struct ConversationConcurrencyTests {
    func race(_ services: [ConversationService], roundID: UUID, slotID: UUID, attempts: Int) async throws -> (
        booked: Int, taken: Int
    ) {
        try await withThrowingTaskGroup(of: ConversationBookingOutcome.self) { group in
            for i in 0..<attempts {
                let service = services[i % services.count]
                group.addTask {
                    let input = try ConversationRules.validate(
                        ConversationBookingInput(parentName: "Ouder \(i)", childName: "Kind \(i)")
                    ).get()
                    return try await service.book(
                        roundID: roundID, slotID: slotID, input, existingCode: nil, messageLanguage: .nl)
                }
            }
            var booked = 0, taken = 0
            for try await outcome in group {
                switch outcome {
                case .booked: booked += 1
                case .taken: taken += 1
                default: break
                }
            }
            return (booked, taken)
        }
    }

    func plannedRound(_ app: Application, now: Date) async throws -> (UUID, UUID) {
        let school = try await app.location(named: "Basisschool De Vlinder")
        let teacher = try await app.staff("leerkracht@koffiepot.test")
        let (round, slots) = try await ConversationService(
            db: app.db, settings: app.settings, catalogues: app.catalogues, now: now
        ).planRound(
            locationID: school.id!, teacherID: teacher.id!, title: "Gesprekken", group: "5B", slotMinutes: 10,
            breakMinutes: 0,
            days: [RoundDay(date: "2027-02-09", from: "15:00", to: "16:00")]
        ).get()
        return (try round.requireID(), try slots[0].requireID())
    }

    /// Two app instances on one database (PostgreSQL in CI's second run, a shared SQLite file otherwise).
    @Test func oneConversationPerSlotAcrossTwoInstances() async throws {
        let (settings, file) = fileSettings()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestApp(settings: settings) { first, clock in
            let (roundID, slotID) = try await plannedRound(first, now: clock.now)
            try await withApp(configure: { second in try await configure(second, settings: settings, clock: clock.clock)
            }) { second in
                let services = [first, second].map {
                    ConversationService(db: $0.db, settings: settings, catalogues: $0.catalogues, now: clock.now)
                }
                let result = try await race(services, roundID: roundID, slotID: slotID, attempts: 100)
                #expect(result.booked == 1)
                #expect(result.taken == 99)
                #expect(
                    try await ConversationBooking.query(on: second.db).filter(\.$slot.$id == slotID).count() == 1)
                // Codes of the losers were rolled back with their bookings.
                #expect(try await ConversationCode.query(on: second.db).count() == 1)
            }
        }
    }

    /// Negative control: the same service on a bookings table without its unique index double-books — so it is
    /// the database's rule that keeps one conversation per slot.
    @Test func withoutTheUniqueIndexTheSlotIsDoubleBooked() async throws {
        let (settings, file) = fileSettings()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestApp(settings: settings) { app, clock in
            let (roundID, slotID) = try await plannedRound(app, now: clock.now)
            let sql = app.db as! any SQLDatabase
            try await sql.raw("CREATE TABLE unguarded AS SELECT * FROM conversation_bookings WHERE 1 = 0").run()
            // Outbox messages refer to bookings by id: the copy keeps that key unique, only the slot's rule is gone.
            try await sql.raw("CREATE UNIQUE INDEX unguarded_id ON unguarded (id)").run()
            try await sql.raw(
                sql.dialect.name == "sqlite"
                    ? "DROP TABLE conversation_bookings" : "DROP TABLE conversation_bookings CASCADE"
            ).run()
            try await sql.raw("ALTER TABLE unguarded RENAME TO conversation_bookings").run()
            let result = try await race(
                [ConversationService(db: app.db, settings: settings, catalogues: app.catalogues, now: clock.now)],
                roundID: roundID, slotID: slotID, attempts: 20)
            #expect(result.booked > 1)
            #expect(try await ConversationBooking.query(on: app.db).filter(\.$slot.$id == slotID).count() > 1)
        }
    }
}
