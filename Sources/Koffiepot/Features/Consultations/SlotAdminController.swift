import Fluent
import Vapor

/// An advisor publishes *spreekuur* slots at their locations: cut from their presence, or one-off.
struct SlotAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let slots = routes.grouped("staff", "locations", ":id", "slots").grouped(RequireRole(.advisor))
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

    struct Common: Content { var mode: String?, capacity: String?, video: String? }

    /// Mode, capacity and video link, shared by both forms.
    private func common(_ input: Common, into form: inout FormState) -> (SlotMode, Int, String)? {
        let mode = input.mode.flatMap(SlotMode.init(rawValue:))
        let capacity = input.capacity.flatMap(Int.init).flatMap { (1...12).contains($0) ? $0 : nil }
        let video = (input.video ?? "").trimmingCharacters(in: .whitespaces)
        if mode == nil { form.errors["mode"] = "error.required" }
        if capacity == nil { form.errors["capacity"] = "error.capacity" }
        if mode == .video, !SlotGeneration.isVideoLink(video) { form.errors["video"] = "error.video_link" }
        guard let mode, let capacity else { return nil }
        return (mode, capacity, mode == .video ? video : "")
    }

    struct GenerateInput: Content { var from: String?, through: String?, length: String?, gap: String? }

    func generate(req: Request) async throws -> Response {
        let (location, me) = try await myLocation(req)
        let input = try req.content.decode(GenerateInput.self), shared = try req.content.decode(Common.self)
        var form = FormState(values: [
            "from": input.from ?? "", "through": input.through ?? "", "length": input.length ?? "",
            "gap": input.gap ?? "", "mode": shared.mode ?? "", "capacity": shared.capacity ?? "",
            "video": shared.video ?? "",
        ])
        let from = input.from.flatMap(LocalDate.init), through = input.through.flatMap(LocalDate.init)
        let length = input.length.flatMap(Int.init).flatMap { (5...240).contains($0) ? $0 : nil }
        let gap = input.gap.flatMap(Int.init).flatMap { (0...120).contains($0) ? $0 : nil }
        if from == nil { form.errors["from"] = "error.date_format" }
        if through == nil { form.errors["through"] = "error.date_format" }
        if let from, let through, through < from || from.days(until: through) > 91 {
            form.errors["through"] = "error.range"
        }
        if length == nil { form.errors["length"] = "error.minutes" }
        if gap == nil { form.errors["gap"] = "error.minutes" }
        let settings = common(shared, into: &form)
        guard form.isValid, let from, let through, let length, let gap, let settings else {
            return try await render(
                req, location: location, me: me, generateForm: form, singleForm: Self.singleDefaults,
                status: .unprocessableEntity)
        }
        let (mode, capacity, video) = settings
        let board = try await LocationQueries.presence(at: location, from: from, through: through, on: req.db)
        let planned = SlotGeneration.plan(
            from: board.occurrences, advisorID: try me.requireID(), length: length, gap: gap)
        let slots = try planned.compactMap { plan -> ConsultationSlot? in
            guard let start = plan.date.instant(minute: plan.startMinute),
                let end = plan.date.instant(minute: plan.endMinute)
            else { return nil }
            return ConsultationSlot(
                locationID: try location.requireID(), advisorID: try me.requireID(), startsAt: start, endsAt: end,
                mode: mode, room: plan.room, videoURL: video, capacity: capacity)
        }
        let created = try await SlotPublishing(db: req.db, now: req.now).publish(slots)
        return req.redirect(
            to: Paths.Staff.location(location.id!, "/slots?created=\(created)"), redirectType: .normal)
    }

    struct SingleInput: Content { var date: String?, start: String?, end: String?, room: String? }

    func single(req: Request) async throws -> Response {
        let (location, me) = try await myLocation(req)
        let input = try req.content.decode(SingleInput.self), shared = try req.content.decode(Common.self)
        var form = FormState(values: [
            "date": input.date ?? "", "start": input.start ?? "", "end": input.end ?? "", "room": input.room ?? "",
            "mode": shared.mode ?? "", "capacity": shared.capacity ?? "", "video": shared.video ?? "",
        ])
        let date = input.date.flatMap(LocalDate.init)
        if date == nil { form.errors["date"] = "error.date_format" }
        let room = TextRules.singleLine(input.room ?? "")
        form.errors["room"] = TextRules.problem(inOptional: room, maxLength: 80)
        form.errors.merge(
            PresenceValidation.check(
                .init(
                    date: date, startMinute: input.start.flatMap(ClockTime.parse),
                    endMinute: input.end.flatMap(ClockTime.parse)), existing: [])
        ) { a, _ in a }
        let settings = common(shared, into: &form)
        var start: Date?, end: Date?
        if let date, let s = input.start.flatMap(ClockTime.parse), let e = input.end.flatMap(ClockTime.parse) {
            start = date.instant(minute: s)
            end = date.instant(minute: e)
            if let start, start <= req.now { form.errors["date"] = "error.date_past" }
        }
        guard form.isValid, let start, let end, let settings else {
            return try await render(
                req, location: location, me: me, generateForm: Self.generateDefaults(req), singleForm: form,
                status: .unprocessableEntity)
        }
        let (mode, capacity, video) = settings
        do {
            try await ConsultationSlot(
                locationID: location.requireID(), advisorID: me.requireID(), startsAt: start, endsAt: end,
                mode: mode, room: room, videoURL: video, capacity: capacity
            ).create(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            form.errors["start"] = "error.slot_exists"
            return try await render(
                req, location: location, me: me, generateForm: Self.generateDefaults(req), singleForm: form,
                status: .unprocessableEntity)
        }
        return req.redirect(to: Paths.Staff.location(location.id!, "/slots?created=1"), redirectType: .normal)
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
