import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// 200 people try to book the last seat at the same moment.
@Suite struct ConcurrencyTests {
    typealias Book = @Sendable (UUID, ValidBooking) async throws -> BookingOutcome

    func race(_ services: [BookingService], slotID: UUID, attempts: Int) async throws -> (booked: Int, taken: Int) {
        try await race(
            services.map { service in
                { try await service.book(slotID: $0, $1, messageLanguage: .nl, idempotencyKey: nil) }
            },
            slotID: slotID, attempts: attempts)
    }

    func race(_ bookers: [Book], slotID: UUID, attempts: Int) async throws -> (booked: Int, taken: Int) {
        try await withThrowingTaskGroup(of: BookingOutcome.self) { group in
            for i in 0..<attempts {
                let book = bookers[i % bookers.count]
                group.addTask {
                    var input = validBooking
                    input.name = "Ouder \(i)"
                    return try await book(slotID, input)
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

    @Test func exactlyOneOf200GetsTheSlot() async throws {
        let (settings, file) = fileSettings()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestApp(settings: settings) { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let result = try await race([app.bookingService(now: clock.now)], slotID: slot.id!, attempts: 200)
            #expect(result.booked == 1)
            #expect(result.taken == 199)
            #expect(try await Booking.query(on: app.db).filter(\.$slot.$id == slot.id!).count() == 1)
            #expect(try await ConsultationSlot.find(slot.id, on: app.db)?.taken == 1)
            #expect(try await OutboxMessage.query(on: app.db).count() == 2)
        }
    }

    /// Proves the test can see a race: the same booking with check-then-write in Swift double-books.
    @Test func negativeControlWithoutTheGuardDoubleBooks() async throws {
        let (settings, file) = fileSettings()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestApp(settings: settings) { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let unguarded = UnguardedBooker(service: app.bookingService(now: clock.now))
            let result = try await race([unguarded.book], slotID: slot.id!, attempts: 200)
            #expect(result.booked > 1)
            #expect(try await Booking.query(on: app.db).filter(\.$slot.$id == slot.id!).count() > 1)
        }
    }

    /// Two app instances on one database (PostgreSQL in CI's second run, a shared SQLite file otherwise).
    @Test func twoInstancesNeverDoubleBookAGroupSlot() async throws {
        let (settings, file) = fileSettings()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestApp(settings: settings) { first, clock in
            let slot = try await first.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            slot.capacity = 3
            try await slot.save(on: first.db)
            try await withApp(configure: { second in try await configure(second, settings: settings, clock: clock.clock)
            }) { second in
                let services = [first.bookingService(now: clock.now), second.bookingService(now: clock.now)]
                let result = try await race(services, slotID: slot.id!, attempts: 200)
                #expect(result.booked == 3)
                #expect(result.taken == 197)
                #expect(try await ConsultationSlot.find(slot.id, on: second.db)?.taken == 3)
            }
        }
    }

    @Test func concurrentDoubleSubmitsWithOneKeyMakeOneBooking() async throws {
        let (settings, file) = fileSettings()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestApp(settings: settings) { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            slot.capacity = 5
            try await slot.save(on: app.db)
            let service = app.bookingService(now: clock.now)
            let codes = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        switch try await service.book(
                            slotID: slot.id!, validBooking, messageLanguage: .nl, idempotencyKey: "double-click-123456")
                        {
                        case .booked(let r), .replayed(let r): return r.code.typed
                        default: return nil
                        }
                    }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(Set(codes).count == 1 && codes.first! != nil)
            #expect(try await Booking.query(on: app.db).count() == 1)
            #expect(try await ConsultationSlot.find(slot.id, on: app.db)?.taken == 1)
        }
    }
}

/// The negative control: `BookingService` without its guard. It checks the seat in Swift, pauses (so the
/// race shows on any machine, however the tasks are scheduled), then writes — and stores the booking through
/// the service's own `insert`, so the guard is the only difference.
struct UnguardedBooker: Sendable {
    let service: BookingService

    @Sendable func book(_ slotID: UUID, _ input: ValidBooking) async throws -> BookingOutcome {
        let db = service.db
        guard let slot = try await ConsultationSlot.find(slotID, on: db), slot.taken < slot.capacity else {
            return .taken
        }
        try await Task.sleep(for: .milliseconds(50))
        slot.taken += 1
        try await slot.update(on: db)
        let (_, code) = CodeLookup.issue(idempotencyKey: nil, secret: service.secret)
        let id = try await service.insert(slotID: slotID, input, code: code, keyHash: nil, language: .nl, on: db)
        return .booked(BookingReceipt(bookingID: id, slotID: slotID, code: code))
    }
}
