import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Cancelling a slot closes it before anyone is told, so no parent keeps a booking on a cancelled slot.
@Suite struct SlotCancellationTests {
    @Test func noParentKeepsABookingOnACancelledSlot() async throws {
        try await withTestApp { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let service = app.bookingService(now: clock.now)
            guard
                case .booked(let before) = try await service.book(
                    slotID: slot.id!, validBooking, messageLanguage: .nl, idempotencyKey: nil)
            else { Issue.record("the first booking failed"); return }

            // The first step of a cancellation: from here on the slot takes no booking…
            try await SlotCancellation.close(slot, on: app.db)
            var late = validBooking
            late.name = "Kim"
            guard
                case .unavailable = try await service.book(
                    slotID: slot.id!, late, messageLanguage: .nl, idempotencyKey: nil)
            else {
                Issue.record("a closed slot took a booking"); return
            }
            // …and the whole cancellation tells whoever booked before.
            try await SlotCancellation.cancel(slot, service: service, message: "Ik ben ziek.", on: app.db)
            #expect(try await Booking.find(before.bookingID, on: app.db)?.status == .cancelled)
            #expect(
                try await Booking.query(on: app.db).filter(\.$slot.$id == slot.id!).filter(\.$status == .booked).count()
                    == 0)
            let reloaded = try #require(try await ConsultationSlot.find(slot.id, on: app.db))
            #expect(reloaded.cancelled && reloaded.taken == 0)
        }
    }

    /// Negative control: the old order (tell whoever booked, then close) leaves a booking made in between on a
    /// cancelled slot — the parent is never told.
    @Test func tellingFirstAndClosingAfterwardsLosesABookingInBetween() async throws {
        try await withTestApp { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let service = app.bookingService(now: clock.now)
            let booked = try await Booking.query(on: app.db).filter(\.$slot.$id == slot.id!).filter(
                \.$status == .booked
            ).all()
            #expect(booked.isEmpty)  // nobody to tell yet
            guard
                case .booked(let between) = try await service.book(
                    slotID: slot.id!, validBooking, messageLanguage: .nl, idempotencyKey: nil)
            else { Issue.record("the booking in between failed"); return }
            try await SlotCancellation.close(slot, on: app.db)
            #expect(try await Booking.find(between.bookingID, on: app.db)?.status == .booked)
        }
    }
}
