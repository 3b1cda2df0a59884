import Fluent
import Foundation

/// An advisor publishes a run of *spreekuur* slots cut from her presence, as one change: all of them or, when
/// anything fails, none (no half-published weeks to clean up by hand).
struct SlotPublishing {
    let db: any Database
    let now: Date

    /// Publishes `slots` (all of one advisor). A time she already published keeps its slot and bookings; one
    /// that was cancelled with its presence (since restored) and holds nobody comes back with the new settings.
    /// Returns how many are newly offered.
    func publish(_ slots: [ConsultationSlot]) async throws -> Int {
        let slots = slots.filter { $0.startsAt > now }
        guard let advisorID = slots.first?.$advisor.id else { return 0 }
        return try await WriteTransaction.run(on: db) { tx in
            // Two publications by the same advisor (two tabs) queue up instead of tripping over each other's rows.
            try await RowLock.lock(StaffUser.schema, id: advisorID, on: tx)
            let existing = try await ConsultationSlot.query(on: tx).filter(\.$advisor.$id == advisorID)
                .filter(\.$startsAt ~~ slots.map(\.startsAt)).all()
            let published = Dictionary(existing.map { ($0.startsAt, $0) }, uniquingKeysWith: { first, _ in first })
            var offered = 0
            for slot in slots {
                if let old = published[slot.startsAt] {
                    guard old.cancelled, old.taken == 0 else { continue }
                    old.$location.id = slot.$location.id
                    old.endsAt = slot.endsAt
                    old.mode = slot.mode
                    old.room = slot.room
                    old.videoURL = slot.videoURL
                    old.capacity = slot.capacity
                    old.cancelled = false
                    try await old.save(on: tx)
                } else {
                    try await slot.create(on: tx)
                }
                offered += 1
            }
            return offered
        }
    }
}
