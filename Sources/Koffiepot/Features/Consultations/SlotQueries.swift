import Fluent
import Foundation

/// A slot as a parent sees it, with the advisor's name.
struct SlotView: Sendable {
    let slot: ConsultationSlot
    let advisorName: String
    var id: UUID { slot.id! }
}

enum SlotQueries {
    /// Free, open, future slots at a location between two local days (inclusive).
    /// `board`, when the caller already has the presence of the location for at least this range, saves
    /// computing it again.
    static func free(
        at locationID: UUID, from: LocalDate, through last: LocalDate, now: Date, board: LocationPresence? = nil,
        on db: any Database
    ) async throws -> [SlotView] {
        let start = max(now, from.instant(minute: 0) ?? now)
        let end = last.adding(days: 1).instant(minute: 0) ?? now
        let slots = try await ConsultationSlot.query(on: db)
            .filter(\.$location.$id == locationID).filter(\.$cancelled == false)
            .filter(\.$startsAt > start).filter(\.$startsAt < end)
            .with(\.$advisor).sort(\.$startsAt).all()
        let blocked: [Blocked]
        if let board {
            blocked = blockedPeriods(in: board)
        } else {
            blocked = try await blockedPeriods(at: locationID, from: from, through: last, on: db)
        }
        return slots.filter { slot in
            slot.taken < slot.capacity && !blocked.contains { $0.covers(slot) }
        }.map { SlotView(slot: $0, advisorName: $0.advisor.name) }
    }

    /// Whether a slot may be booked: free, open, in the future and not blocked by a holiday or cancelled presence.
    static func isOffered(_ slotID: UUID, now: Date, on db: any Database) async throws -> Bool {
        guard let slot = try await ConsultationSlot.find(slotID, on: db) else { return false }
        let day = LocalDate(containing: slot.startsAt)
        return try await free(at: slot.$location.id, from: day, through: day, now: now, on: db).contains {
            $0.id == slotID
        }
    }

    /// When a slot must not be offered even though it exists: a school holiday, or the advisor's presence
    /// that day was cancelled after the slots were made.
    struct Blocked {
        var advisorID: UUID?
        var start: Date
        var end: Date
        func covers(_ slot: ConsultationSlot) -> Bool {
            (advisorID == nil || advisorID == slot.$advisor.id) && slot.startsAt < end && start < slot.endsAt
        }
    }

    static func blockedPeriods(at locationID: UUID, from: LocalDate, through last: LocalDate, on db: any Database)
        async throws -> [Blocked]
    {
        guard let location = try await Location.find(locationID, on: db) else { return [] }
        return blockedPeriods(in: try await LocationQueries.presence(at: location, from: from, through: last, on: db))
    }

    static func blockedPeriods(in board: LocationPresence) -> [Blocked] {
        let cancelled = board.occurrences.filter { $0.status == .cancelled }
            .map { Blocked(advisorID: $0.advisorID, start: $0.start, end: $0.end) }
        let holidays = board.holidays.compactMap { holiday -> Blocked? in
            guard let start = holiday.first.instant(minute: 0),
                let end = holiday.last.adding(days: 1).instant(minute: 0)
            else { return nil }
            return Blocked(advisorID: nil, start: start, end: end)
        }
        return cancelled + holidays
    }

    /// The nearest free alternatives to a slot that was just taken.
    static func alternatives(to slotID: UUID, now: Date, limit: Int = 3, on db: any Database) async throws -> [SlotView]
    {
        guard let slot = try await ConsultationSlot.find(slotID, on: db) else { return [] }
        let today = LocalDate(containing: now)
        let free = try await self.free(
            at: slot.$location.id, from: today, through: today.adding(days: 42), now: now, on: db)
        return Array(
            free.filter { $0.id != slotID }
                .sorted {
                    abs($0.slot.startsAt.timeIntervalSince(slot.startsAt))
                        < abs($1.slot.startsAt.timeIntervalSince(slot.startsAt))
                }
                .prefix(limit)
        ).sorted { $0.slot.startsAt < $1.slot.startsAt }
    }
}

/// Finding a booking by what the booker holds. Wrong, expired (slot over) and cancelled all give nil,
/// through the same query, so the answer tells nothing about which it was.
enum BookingAccess {
    struct Found: Sendable {
        let booking: Booking
        let slot: ConsultationSlot
        let token: String
        let code: PersonalCode
    }

    static func byLink(_ token: String, settings: Settings, now: Date, on db: any Database) async throws -> Found? {
        try await open(
            CodeLookup.byLink(Booking.self, token: token, secret: settings.secret ?? "", on: db),
            secret: settings.secret ?? "", now: now, on: db)
    }

    static func byCode(_ typed: String, settings: Settings, now: Date, on db: any Database) async throws -> Found? {
        try await open(
            CodeLookup.byCode(Booking.self, typed: typed, secret: settings.secret ?? "", on: db),
            secret: settings.secret ?? "", now: now, on: db)
    }

    private static func open(_ hit: (Booking, String)?, secret: String, now: Date, on db: any Database) async throws
        -> Found?
    {
        guard let (booking, token) = hit, booking.status == .booked,
            let slot = try await ConsultationSlot.query(on: db).filter(\.$id == booking.$slot.id).with(\.$location)
                .with(\.$advisor).first(),
            slot.endsAt > now
        else { return nil }
        return Found(
            booking: booking, slot: slot, token: token, code: PersonalCode.code(forLink: token, secret: secret))
    }
}
