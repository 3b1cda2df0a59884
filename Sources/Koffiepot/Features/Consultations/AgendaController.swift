import Fluent
import Vapor

/// The advisor's agenda: their own slots by week, across their locations, with who booked and why.
/// Reading it is a read of personal data and goes to the access log.
struct AgendaController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let advisor = routes.grouped(RequireRole(.advisor))
        advisor.get(Paths.Staff.route(.agenda), use: agenda)
        advisor.post(Paths.Staff.route(.bookings, ":bookingID", "held"), use: { try await mark($0, .held) })
        advisor.post(Paths.Staff.route(.bookings, ":bookingID", "no-show"), use: { try await mark($0, .noShow) })
        advisor.post(Paths.Staff.route(.bookings, ":bookingID", "cancel"), use: cancel)
        advisor.post(Paths.Staff.route(.bookings, ":bookingID", "note"), use: note)
    }

    struct Entry {
        let slot: ConsultationSlot
        let bookings: [Booking]
    }

    func agenda(req: Request) async throws -> Response {
        let me = try req.requireStaffUser()
        let monday = (req.query[String.self, at: "week"].flatMap(LocalDate.init) ?? LocalDate(containing: req.now))
            .startOfWeek
        let start = monday.instant(minute: 0)!, end = monday.adding(days: 7).instant(minute: 0)!
        let slots = try await ConsultationSlot.query(on: req.db).filter(\.$advisor.$id == me.requireID())
            .filter(\.$startsAt >= start).filter(\.$startsAt < end).with(\.$location).sort(\.$startsAt).all()
        let bookings = try await Booking.query(on: req.db).filter(\.$slot.$id ~~ slots.compactMap(\.id))
            .filter(\.$status != .cancelled).sort(\.$createdAt).all()
        let bySlot = Dictionary(grouping: bookings, by: { $0.$slot.id })
        try await AccessLog.record(["agenda:\(monday)"] + bookings.compactMap(\.id).map(RecordSubject.booking), on: req)
        let entries = slots.map { Entry(slot: $0, bookings: bySlot[$0.id!] ?? []) }
        return AgendaPages.week(req.page, monday: monday, entries: entries)
    }

    /// A booking of one of my own slots; anyone else's is not found.
    private func ownBooking(_ req: Request) async throws -> Booking {
        guard let me = req.staff?.user, let id = req.parameters.get("bookingID").flatMap(UUID.init(uuidString:)),
            let booking = try await Booking.query(on: req.db).filter(\.$id == id).with(\.$slot).first(),
            booking.slot.$advisor.id == me.id
        else { throw Abort(.notFound) }
        return booking
    }

    private func back(_ req: Request, _ booking: Booking, _ done: String) -> Response {
        let week = LocalDate(containing: booking.slot.startsAt).startOfWeek
        return req.redirect(to: Paths.Staff.page(.agenda, "?week=\(week)&done=\(done)"), redirectType: .normal)
    }

    func mark(_ req: Request, _ status: BookingStatus) async throws -> Response {
        let booking = try await ownBooking(req)
        guard booking.status != .cancelled else { throw Abort(.conflict) }
        try await BookingService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now
        )
        .mark(booking, status)
        return back(req, booking, "agenda.saved")
    }

    struct CancelInput: Content { var message: String? }

    func cancel(req: Request) async throws -> Response {
        let booking = try await ownBooking(req)
        let message = TextRules.multiLine(try req.content.decode(CancelInput.self).message ?? "")
        guard message.count <= 300, TextRules.isSafe(message) else { throw Abort(.badRequest) }
        let service = BookingService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
        try await service.cancel(
            booking.requireID(), advisorMessage: message.isEmpty ? req.t("agenda.default_cancel_message") : message)
        return back(req, booking, "agenda.cancelled")
    }

    struct NoteInput: Content { var note: String? }

    func note(req: Request) async throws -> Response {
        let booking = try await ownBooking(req)
        let note = TextRules.singleLine(try req.content.decode(NoteInput.self).note ?? "")
        guard note.count <= 200, TextRules.isSafe(note) else { throw Abort(.badRequest) }
        booking.advisorNote = note
        try await booking.save(on: req.db)
        return back(req, booking, "agenda.saved")
    }
}
