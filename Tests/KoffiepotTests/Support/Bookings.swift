import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Records messages instead of sending them.
final class RecordingSender: @unchecked Sendable {
    struct Sent: Equatable { let to: String, subject: String, body: String }
    private let lock = NSLock()
    private var items: [Sent] = []
    var failuresLeft = 0

    var sent: [Sent] { lock.withLock { items } }

    var sender: MessageSender {
        MessageSender(
            sendEmail: { [self] to, subject, body, _ in try record(Sent(to: to, subject: subject, body: body)) },
            sendSMS: { [self] to, text in try record(Sent(to: to, subject: "", body: text)) })
    }

    private func record(_ item: Sent) throws {
        try lock.withLock {
            if failuresLeft > 0 {
                failuresLeft -= 1
                throw MessageSender.Failure(description: "relay down")
            }
            items.append(item)
        }
    }
}

extension Application {
    /// The first free slot of a location in the demo (Thursday 26 November 13:00 at De Boomgaard).
    func firstFreeSlot(at name: String) async throws -> ConsultationSlot {
        let location = try await self.location(named: name)
        return try #require(
            try await ConsultationSlot.query(on: db).filter(\.$location.$id == location.id!)
                .filter(\.$taken == 0).sort(\.$startsAt).first())
    }

    /// Fatima's booking of the first free slot at De Boomgaard, with the code she was given.
    func bookFatima(now: Date) async throws -> (Booking, PersonalCode) {
        let slot = try await firstFreeSlot(at: "SPIL-centrum De Boomgaard")
        guard
            case .booked(let receipt) = try await bookingService(now: now).book(
                slotID: slot.id!, validBooking, messageLanguage: .nl, idempotencyKey: nil)
        else { throw Abort(.conflict) }
        return (try #require(try await Booking.find(receipt.bookingID, on: db)), receipt.code)
    }

    func bookingService(now: Date) -> BookingService {
        BookingService(db: db, settings: settings, catalogues: catalogues, now: now)
    }
}

let validBooking = ValidBooking(
    name: "Fatima", contactKind: .email, contact: "fatima@example.nl", topics: [.sleep],
    about: "Slaapt slecht sinds de verhuizing", participants: .alone, teacherName: "",
    booker: .parent, language: "nl", interpreter: false)

/// A fresh SQLite file (concurrency needs real connections and locks) or the test PostgreSQL.
func fileSettings() -> (Settings, String) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("kp-\(UUID()).sqlite").path
    var settings = Settings.testing()
    if settings.databaseURL == nil { settings.sqlitePath = file }
    return (settings, file)
}
