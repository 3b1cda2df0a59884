import Fluent
import Vapor

/// Advisors plan gatherings at their locations, see who registered (and the waiting list in order),
/// and tally attendance per session.
struct GatheringAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(RequireRole(.advisor, .admin))
        staff.get(Paths.Staff.route(.locations, ":id", "gatherings"), use: list)
        staff.post(Paths.Staff.route(.locations, ":id", "gatherings"), use: create)
        staff.get(Paths.Staff.route(.gatherings, ":gatheringID"), use: show)
        staff.post(Paths.Staff.route(.gatherings, ":gatheringID", "attendance"), use: tally)
        staff.post(Paths.Staff.route(.gatherings, ":gatheringID", "cancel"), use: cancel)
    }

    private func location(_ req: Request) async throws -> Location {
        try await req.staffScope.manageable(req.parameters.get("id"))
    }

    private func gathering(_ req: Request) async throws -> Gathering {
        guard let gathering = try await GatheringQueries.find(req.parameters.get("gatheringID"), on: req.db) else {
            throw Abort(.notFound)
        }
        guard try await req.staffScope.mayManage(gathering.$location.id) else { throw Abort(.forbidden) }
        return gathering
    }

    func list(req: Request) async throws -> Response {
        let location = try await location(req)
        var form = FormState(values: [
            "kind": GatheringKind.themeEvening.rawValue, "sessions": "1",
            "capacity": "15", "age": AgeGroup.primary.rawValue, "languages": "nl",
        ])
        // "Turn this wish into a gathering": the parents' words become the title and topic.
        if let id = req.query[String.self, at: "wish"].flatMap(UUID.init(uuidString:)),
            let wish = try await Wish.find(id, on: req.db),
            wish.$location.id == location.id, wish.status == .open
        {
            form.values["wish"] = id.uuidString
            form.values["title"] = String(
                (wish.text.isEmpty ? wish.topic.map { req.t($0.labelKey) } ?? "" : wish.text).prefix(80))
            form.values["topics"] = wish.topic?.rawValue ?? ""
        }
        return try await render(req, location: location, form: form)
    }

    private func render(_ req: Request, location: Location, form: FormState, status: HTTPStatus = .ok) async throws
        -> Response
    {
        var filter = GatheringFilter()
        filter.locationID = try location.requireID()
        let gatherings = try await GatheringQueries.upcoming(
            filter, from: req.now.addingTimeInterval(-60 * 86400), on: req.db)
        let programmes = try await Programme.query(on: req.db).sort(\.$name).all()
        return GatheringAdminPages.list(
            req.page, location: location, gatherings: gatherings, programmes: programmes, form: form, status: status)
    }

    struct Input: Content {
        var kind: String?, title: String?, description: String?, programme: String?, room: String?, date: String?,
            start: String?, end: String?
        var sessions: String?, capacity: String?, languages: String?, childcare: String?, topics: [String]?,
            age: String?
        var wish: String?
    }

    func create(req: Request) async throws -> Response {
        let location = try await location(req)
        let input = try req.content.decode(Input.self)
        var form = FormState(values: [
            "kind": input.kind ?? "", "title": input.title ?? "", "description": input.description ?? "",
            "programme": input.programme ?? "", "room": input.room ?? "", "date": input.date ?? "",
            "start": input.start ?? "", "end": input.end ?? "", "sessions": input.sessions ?? "",
            "capacity": input.capacity ?? "", "languages": input.languages ?? "", "childcare": input.childcare ?? "",
            "topics": (input.topics ?? []).joined(separator: ","), "age": input.age ?? "", "wish": input.wish ?? "",
        ])
        let valid: GatheringPlanRules.Valid
        switch GatheringPlanRules.validate(form, now: req.now) {
        case .success(let plan): valid = plan
        case .failure(let errors):
            form.errors = errors.fields
            return try await render(req, location: location, form: form, status: .unprocessableEntity)
        }
        let gathering = Gathering(
            plan: valid, locationID: try location.requireID(),
            topics: (input.topics ?? []).compactMap(Topic.init(rawValue:)), childcare: input.childcare == "yes")
        if let id = input.programme.flatMap(UUID.init(uuidString:)),
            let programme = try await Programme.find(id, on: req.db)
        {
            gathering.$programme.id = programme.id
        }
        try await GatheringRecords(db: req.db, settings: req.application.settings, now: req.now)
            .plan(gathering, answering: input.wish.flatMap(UUID.init(uuidString:)))
        return req.redirect(to: Paths.Staff.gathering(gathering.id!), redirectType: .normal)
    }

    func show(req: Request) async throws -> Response {
        let gathering = try await gathering(req)
        let registrations = try await Registration.query(on: req.db).filter(\.$gathering.$id == gathering.requireID())
            .filter(\.$status != .cancelled).sort(\.$seq).all()
        let tallies = try await AttendanceTally.query(on: req.db).filter(\.$gathering.$id == gathering.requireID())
            .sort(\.$session).all()
        try await AccessLog.record(
            ["registrations:\(try gathering.requireID().uuidString)"]
                + registrations.compactMap(\.id).map(RecordSubject.registration), on: req)
        return GatheringAdminPages.detail(
            req.page, gathering: gathering, registrations: registrations, tallies: tallies)
    }

    struct TallyInput: Content { var session: String?, adults: String?, children: String?, languages: String? }

    func tally(req: Request) async throws -> Response {
        let gathering = try await gathering(req)
        let input = try req.content.decode(TallyInput.self)
        guard let session = input.session.flatMap(Int.init), (0..<gathering.sessions).contains(session),
            let adults = input.adults.flatMap(Int.init), (0...500).contains(adults),
            let children = input.children.flatMap(Int.init), (0...500).contains(children)
        else { throw Abort(.badRequest) }
        let languages = GatheringPlanRules.languageCodes(input.languages ?? "") ?? []
        try await GatheringRecords(db: req.db, settings: req.application.settings, now: req.now).record(
            .init(session: session, adults: adults, children: children, languages: languages), of: gathering)
        return req.redirect(
            to: Paths.Staff.gathering(gathering.id!, done: "agenda.saved"), redirectType: .normal)
    }

    struct CancelInput: Content { var message: String? }

    /// Calls the gathering off; everyone registered or waiting is told with the advisor's words.
    func cancel(req: Request) async throws -> Response {
        let gathering = try await gathering(req)
        let message = TextRules.multiLine(try req.content.decode(CancelInput.self).message ?? "")
        guard message.count <= 300, TextRules.isSafe(message) else { throw Abort(.badRequest) }
        _ = try await RegistrationService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now
        )
        .cancelGathering(
            gathering.requireID(), message: message.isEmpty ? req.t("gadmin.default_cancel_message") : message)
        return req.redirect(
            to: Paths.Staff.gathering(gathering.id!, done: "gadmin.cancelled"), redirectType: .normal)
    }
}
