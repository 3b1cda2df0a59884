import Fluent
import Vapor

/// When an advisor will not be there, the slots in that time go too, and everyone who booked one gets
/// a message with a link to choose a new time.
enum SlotCancellation {
    static func cancelSlots(of advisorID: UUID, at locationID: UUID, from start: Date, to end: Date, req: Request)
        async throws
    {
        let slots = try await ConsultationSlot.query(on: req.db).filter(\.$advisor.$id == advisorID).filter(
            \.$location.$id == locationID
        )
        .filter(\.$startsAt < end).filter(\.$endsAt > start).filter(\.$cancelled == false).all()
        let service = BookingService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
        for slot in slots {
            try await cancel(slot, service: service, message: req.t("agenda.default_cancel_message"), on: req.db)
        }
    }

    /// A school holiday added after slots were published: the slots in it go (presence does not happen in a
    /// holiday) and whoever booked one is told, with the holiday's name.
    @discardableResult
    static func cancelSlots(
        in region: HolidayRegion, from first: LocalDate, through last: LocalDate, holiday: String, req: Request
    ) async throws -> Int {
        guard let start = first.instant(minute: 0), let end = last.adding(days: 1).instant(minute: 0) else { return 0 }
        let locations = try await Location.query(on: req.db).filter(\.$region == region).all().compactMap(\.id)
        let slots = try await ConsultationSlot.query(on: req.db).filter(\.$location.$id ~~ locations)
            .filter(\.$startsAt >= max(start, req.now)).filter(\.$startsAt < end).filter(\.$cancelled == false).all()
        let service = BookingService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
        for slot in slots {
            try await cancel(
                slot, service: service, message: req.t("holidays.cancel_message", ["name": holiday]), on: req.db)
        }
        return slots.count
    }

    /// The slot is closed first, then whoever holds a seat is told. In that order no parent can book in between
    /// and keep a booking on a cancelled slot: the booking's seat guard refuses a cancelled slot, and a booking
    /// that got its seat before the close is committed by then and found below.
    static func cancel(_ slot: ConsultationSlot, service: BookingService, message: String, on db: any Database)
        async throws
    {
        try await close(slot, on: db)
        for booking in try await Booking.query(on: db).filter(\.$slot.$id == slot.requireID()).filter(
            \.$status == .booked
        ).all() {
            try await service.cancel(booking.requireID(), advisorMessage: message)
        }
    }

    /// From this moment the slot takes no booking (one UPDATE, so no stale seat count is written back).
    static func close(_ slot: ConsultationSlot, on db: any Database) async throws {
        try await ConsultationSlot.query(on: db).filter(\.$id == slot.requireID()).set(\.$cancelled, to: true).update()
        slot.cancelled = true
    }
}
