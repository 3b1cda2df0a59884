import Fluent
import Vapor

/// An advisor publishes *spreekuur* slots at their locations: cut from their presence, or one-off.
struct SlotAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let slots = routes.grouped(Paths.Staff.route(.locations, ":id", "slots")).grouped(RequireRole(.advisor))
        slots.get(use: list)
        slots.post("generate", use: generate)
        slots.post("single", use: single)
        slots.post(":slotID", "cancel", use: cancelSlot)
    }

    /// One of the advisor's own locations (the routes admit advisors only).
    private func myLocation(_ req: Request) async throws -> (Location, StaffUser) {
        (try await req.staffScope.manageable(req.parameters.get("id")), try req.requireStaffUser())
    }

    func list(req: Request) async throws -> Response {
        let (location, me) = try await myLocation(req)
        return try await render(
            req, location: location, me: me, generateForm: Self.generateDefaults(req), singleForm: Self.singleDefaults)
    }

    static func generateDefaults(_ req: Request) -> FormState {
        let today = LocalDate(containing: req.now)
        return FormState(values: [
            "from": today.description, "through": today.adding(days: 13).description,
            "length": "20", "gap": "10", "mode": SlotMode.inPerson.rawValue, "capacity": "1",
        ])
    }

    static let singleDefaults = FormState(values: ["mode": SlotMode.inPerson.rawValue, "capacity": "1"])

    private func render(
        _ req: Request, location: Location, me: StaffUser, generateForm: FormState, singleForm: FormState,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let slots = try await ConsultationSlot.query(on: req.db).filter(\.$location.$id == location.requireID())
            .filter(\.$advisor.$id == me.requireID()).filter(\.$startsAt > req.now).sort(\.$startsAt).all()
        return SlotAdminPages.page(
            req.page, location: location, slots: slots, generateForm: generateForm, singleForm: singleForm,
            status: status)
    }

    /// Mode, seats and video link: the same on both forms.
    private static func settings(_ form: FormState) -> SlotSettingsInput {
        .init(mode: form["mode"], capacity: form["capacity"], video: form["video"])
    }

    func generate(req: Request) async throws -> Response {
        let (location, me) = try await myLocation(req)
        var form = FormState(values: try req.content.decode([String: String].self))
        let run = SlotRunInput(from: form["from"], through: form["through"], length: form["length"], gap: form["gap"])
        let valid: ValidSlotRun
        switch SlotRules.validate(run, Self.settings(form)) {
        case .success(let checked): valid = checked
        case .failure(let errors):
            form.errors = errors.fields
            return try await render(
                req, location: location, me: me, generateForm: form, singleForm: Self.singleDefaults,
                status: .unprocessableEntity)
        }
        let board = try await LocationQueries.presence(
            at: location, from: valid.from, through: valid.through, on: req.db)
        let planned = SlotGeneration.plan(
            from: board.occurrences, advisorID: try me.requireID(), length: valid.length, gap: valid.gap)
        let settings = valid.settings
        let slots = try planned.compactMap { plan -> ConsultationSlot? in
            guard let start = plan.date.instant(minute: plan.startMinute),
                let end = plan.date.instant(minute: plan.endMinute)
            else { return nil }
            return ConsultationSlot(
                locationID: try location.requireID(), advisorID: try me.requireID(), startsAt: start, endsAt: end,
                mode: settings.mode, room: plan.room, videoURL: settings.video, capacity: settings.capacity)
        }
        let created = try await SlotPublishing(db: req.db, now: req.now).publish(slots)
        return req.redirect(
            to: Paths.Staff.location(location.id!, "/slots?created=\(created)"), redirectType: .normal)
    }

    func single(req: Request) async throws -> Response {
        let (location, me) = try await myLocation(req)
        var form = FormState(values: try req.content.decode([String: String].self))
        let input = SingleSlotInput(date: form["date"], start: form["start"], end: form["end"], room: form["room"])
        do {
            switch SlotRules.validate(input, Self.settings(form), now: req.now) {
            case .success(let valid):
                try await ConsultationSlot(
                    locationID: location.requireID(), advisorID: me.requireID(), startsAt: valid.startsAt,
                    endsAt: valid.endsAt, mode: valid.settings.mode, room: valid.room, videoURL: valid.settings.video,
                    capacity: valid.settings.capacity
                ).create(on: req.db)
                return req.redirect(to: Paths.Staff.location(location.id!, "/slots?created=1"), redirectType: .normal)
            case .failure(let errors): form.errors = errors.fields
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            form.errors["start"] = "error.slot_exists"
        }
        return try await render(
            req, location: location, me: me, generateForm: Self.generateDefaults(req), singleForm: form,
            status: .unprocessableEntity)
    }

    /// Cancelling a slot cancels its bookings, each booker gets a message with a link to choose again.
    func cancelSlot(req: Request) async throws -> Response {
        let (location, me) = try await myLocation(req)
        guard let id = req.parameters.get("slotID").flatMap(UUID.init(uuidString:)),
            let slot = try await ConsultationSlot.find(id, on: req.db), slot.$advisor.id == me.id,
            slot.$location.id == location.id
        else { throw Abort(.notFound) }
        let service = BookingService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
        try await SlotCancellation.cancel(
            slot, service: service, message: req.t("agenda.default_cancel_message"), on: req.db)
        return req.redirect(to: Paths.Staff.location(location.id!, "/slots?cancelled=1"), redirectType: .normal)
    }
}
