import Fluent
import Vapor

/// Booking a *spreekuur* without an account: choose a time, fill in the least, get a code and a link.
struct ConsultationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("slots", ":slotID", "book", use: form)
        routes.post(Paths.route(Paths.book), use: book)
        routes.get(Paths.route(Paths.myAppointment), use: lookupForm)
        routes.post(Paths.route(Paths.myAppointment), use: lookup)
        let booking = routes.grouped("b", ":token")
        booking.get(use: show)
        booking.get("calendar.ics", use: calendar)
        booking.post("cancel", use: cancel)
        booking.get("move", use: moveForm)
        booking.post("move", use: move)
    }

    private func service(_ req: Request) -> BookingService {
        BookingService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
    }

    private func openSlot(_ id: String?, _ req: Request) async throws -> (SlotView, Location)? {
        guard let id = id.flatMap(UUID.init(uuidString:)),
            let slot = try await ConsultationSlot.query(on: req.db).filter(\.$id == id).with(\.$advisor).with(
                \.$location
            ).first()
        else { return nil }
        return (SlotView(slot: slot, advisorName: slot.advisor.name), slot.location)
    }

    func form(req: Request) async throws -> Response {
        guard let (view, location) = try await openSlot(req.parameters.get("slotID"), req) else {
            throw Abort(.notFound)
        }
        let defaults = FormState(values: [
            "booker": Booker.parent.rawValue, "participants": Participants.alone.rawValue,
            "language": req.language.rawValue,
        ])
        guard !view.slot.cancelled, view.slot.startsAt > req.now, view.slot.placesLeft > 0 else {
            return try await conflict(req, slotID: view.id, location: location, form: defaults, message: "book.taken")
        }
        return BookingPages.form(
            req.page, location: location, slot: view, alternatives: [], form: defaults,
            retentionDays: req.application.settings.bookingRetentionDays)
    }

    struct Input: Content {
        var slot: String?, booker: String?, name: String?, topics: [String]?, about: String?
        var participants: String?, teacher_name: String?, language: String?, interpreter: String?, contact: String?
        var first_contact: String?

        var booking: BookingInput {
            BookingInput(
                name: name ?? "", contact: contact ?? "", topics: topics ?? [], about: about ?? "",
                participants: participants ?? "", teacherName: teacher_name ?? "", booker: booker ?? "",
                language: language ?? "", interpreter: interpreter == "yes", firstContact: first_contact ?? "")
        }

        var form: FormState {
            FormState(values: [
                "booker": booker ?? "", "name": name ?? "", "topics": (topics ?? []).joined(separator: ","),
                "about": about ?? "", "participants": participants ?? "", "teacher_name": teacher_name ?? "",
                "language": language ?? "", "interpreter": interpreter ?? "", "contact": contact ?? "",
                "first_contact": first_contact ?? "",
            ])
        }
    }

    func book(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        guard let (view, location) = try await openSlot(input.slot, req) else {
            throw Abort(.notFound)
        }
        var form = input.form
        let key = IdempotencyMiddleware.formKey(req)
        switch BookingRules.validate(input.booking) {
        case .failure(let errors):
            form.errors = errors.fields
            return BookingPages.form(
                req.page, location: location, slot: view, alternatives: [], form: form,
                retentionDays: req.application.settings.bookingRetentionDays, status: .unprocessableEntity)
        case .success(var valid):
            valid.via = ViaMarker.current(req)
            switch try await service(req).book(
                slotID: view.id, valid, messageLanguage: req.language, idempotencyKey: key)
            {
            case .booked(let receipt), .replayed(let receipt):
                return req.redirect(
                    to: Paths.booking(receipt.code.linkToken, done: "booking.booked"), redirectType: .normal)
            case .taken, .unavailable, .keyReused:
                return try await conflict(req, slotID: view.id, location: location, form: form, message: "book.taken")
            }
        }
    }

    /// "This time was just taken": the form again, everything typed kept, with the nearest free times.
    private func conflict(_ req: Request, slotID: UUID, location: Location, form: FormState, message: String)
        async throws -> Response
    {
        let alternatives = try await SlotQueries.alternatives(to: slotID, now: req.now, on: req.db)
        return BookingPages.form(
            req.page, location: location, slot: nil, alternatives: alternatives, form: form,
            retentionDays: req.application.settings.bookingRetentionDays,
            status: .conflict, message: alternatives.isEmpty ? "book.taken_none" : message)
    }

    private func found(_ req: Request) async throws -> BookingAccess.Found {
        guard let token = req.parameters.get("token"),
            let found = try await BookingAccess.byLink(
                token, settings: req.application.settings, now: req.now, on: req.db)
        else { throw Abort(.notFound) }
        return found
    }

    func show(req: Request) async throws -> Response {
        let found = try await found(req)
        let notice = req.query[String.self, at: "done"].flatMap {
            ["booking.booked", "booking.moved"].contains($0) ? $0 : nil
        }
        return BookingPages.show(
            req.page, found: found, notice: notice, retentionDays: req.application.settings.bookingRetentionDays)
    }

    func calendar(req: Request) async throws -> Response {
        let found = try await found(req)
        let t = req.t
        let event = CalendarFeed.Event(
            uid: "booking-\(found.booking.id!.uuidString)@koffiepot", start: found.slot.startsAt,
            end: found.slot.endsAt,
            summary: t("booking.ics_summary", ["advisor": found.slot.advisor.name]),
            location: [found.slot.location.name, found.slot.location.address, SlotText.how(found.slot, t)].joined(
                separator: ", "),
            description: req.application.settings.publicURL + "/b/" + found.token, cancelled: false)
        return LocationsController.calendarResponse(
            CalendarFeed.render(name: "Koffiepot", events: [event], now: req.now))
    }

    func cancel(req: Request) async throws -> Response {
        let found = try await found(req)
        try await service(req).cancel(found.booking.requireID())
        return BookingPages.cancelled(req.page, locationID: found.slot.$location.id)
    }

    func moveForm(req: Request) async throws -> Response {
        let found = try await found(req)
        return try await renderMove(req, found: found)
    }

    private func renderMove(
        _ req: Request, found: BookingAccess.Found, status: HTTPStatus = .ok, message: String? = nil
    ) async throws -> Response {
        let today = LocalDate(containing: req.now)
        let slots = try await SlotQueries.free(
            at: found.slot.$location.id, from: today, through: today.adding(days: 42), now: req.now, on: req.db
        )
        .filter { $0.id != found.slot.id }
        return BookingPages.move(req.page, found: found, slots: slots, status: status, message: message)
    }

    struct MoveInput: Content { var slot: String? }

    func move(req: Request) async throws -> Response {
        let found = try await found(req)
        guard let target = try req.content.decode(MoveInput.self).slot.flatMap(UUID.init(uuidString:)) else {
            return try await renderMove(req, found: found, status: .unprocessableEntity, message: "error.required")
        }
        switch try await service(req).move(found.booking.requireID(), to: target, token: found.token) {
        case .booked, .replayed:
            return req.redirect(to: Paths.booking(found.token, done: "booking.moved"), redirectType: .normal)
        case .taken, .unavailable, .keyReused:
            return try await renderMove(req, found: found, status: .conflict, message: "book.taken")
        }
    }

    func lookupForm(req: Request) async throws -> Response {
        BookingPages.lookup(req.page, form: FormState())
    }

    struct LookupInput: Content { var code: String? }

    /// Typed codes go through `CodeGuard` (wrong ones are limited per client); wrong, expired and cancelled codes
    /// get the same answer.
    func lookup(req: Request) async throws -> Response {
        let code = String((try req.content.decode(LookupInput.self).code ?? "").prefix(40))
        guard try await CodeGuard.mayTry(req) else { throw Abort(.tooManyRequests) }
        guard let target = try await destination(of: code, req) else {
            try await CodeGuard.failed(req)
            return BookingPages.lookup(
                req.page, form: FormState(values: ["code": code], errors: ["code": "lookup.not_found"]),
                status: .notFound)
        }
        let response = req.redirect(to: target, redirectType: .normal)
        try await CodeGuard.succeeded(req, response)
        return response
    }

    /// Where a typed code leads: the booking, registration, question or conversations it opens, or nil.
    private func destination(of code: String, _ req: Request) async throws -> String? {
        if let found = try await BookingAccess.byCode(
            code, settings: req.application.settings, now: req.now, on: req.db)
        {
            return Paths.booking(found.token)
        }
        // The same box opens registrations for gatherings: a parent should not need to know which code is which.
        if let found = try await RegistrationAccess.byCode(
            code, settings: req.application.settings, now: req.now, on: req.db)
        {
            return Paths.registration(found.token)
        }
        let secret = req.application.settings.secret ?? ""
        if let (_, token) = try await CodeLookup.byCode(Question.self, typed: code, secret: secret, on: req.db) {
            return Paths.question(token)
        }
        if let (_, token) = try await CodeLookup.byCode(ConversationCode.self, typed: code, secret: secret, on: req.db)
        {
            return Paths.conversation(token)
        }
        // After the contact, the code still leads to "how was it?" — for parents who left no e-mail or number.
        if let (booking, token) = try await CodeLookup.byCode(Booking.self, typed: code, secret: secret, on: req.db),
            try await FeedbackSubjects.booking(booking, on: req.db)?.ready == true
        {
            return Paths.booking(token, "/feedback")
        }
        if let (registration, token) = try await CodeLookup.byCode(
            Registration.self, typed: code, secret: secret, on: req.db),
            try await FeedbackSubjects.registration(registration, now: req.now, on: req.db)?.ready == true
        {
            return Paths.registration(token, "/feedback")
        }
        return nil
    }
}
