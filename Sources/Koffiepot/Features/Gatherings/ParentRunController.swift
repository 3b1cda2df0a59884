import Fluent
import Vapor

/// Parent-run gatherings (*opvoedparty*, *praathuiscafé*): ambassador parents host and decide whether a
/// professional joins; advisors see those requests at their locations and accept one.
struct ParentRunController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let hosts = routes.grouped(Paths.Staff.route(.parentGatherings)).grouped(RequireRole(.ambassador))
        hosts.get(use: mine)
        hosts.post(use: create)
        let advisors = routes.grouped(Paths.Staff.route(.parentRequests)).grouped(RequireRole(.advisor))
        advisors.get(use: requests)
        advisors.post(":gatheringID", "accept", use: accept)
    }

    func mine(req: Request) async throws -> Response {
        try await render(
            req,
            form: FormState(values: [
                "kind": GatheringKind.parentRun.rawValue, "sessions": "1", "capacity": "12",
                "age": AgeGroup.primary.rawValue, "languages": "nl",
            ]))
    }

    private func render(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let me = try req.staff?.user.requireID()
        let hosted = try await Gathering.query(on: req.db).filter(\.$hostID == me).with(\.$location).with(
            \.$professional
        )
        .sort(\.$startsAt).all()
        let locations = try await Location.query(on: req.db).sort(\.$name).all()
        return ParentRunPages.mine(req.page, hosted: hosted, locations: locations, form: form, status: status)
    }

    struct Input: Content {
        var location: String?, title: String?, description: String?, room: String?, date: String?, start: String?,
            end: String?
        var capacity: String?, languages: String?, age: String?, professional: String?
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        var form = FormState(values: [
            "kind": GatheringKind.parentRun.rawValue, "location": input.location ?? "", "title": input.title ?? "",
            "description": input.description ?? "", "room": input.room ?? "", "date": input.date ?? "",
            "start": input.start ?? "", "end": input.end ?? "", "sessions": "1", "capacity": input.capacity ?? "",
            "languages": input.languages ?? "", "age": input.age ?? "", "professional": input.professional ?? "",
        ])
        let plan = GatheringPlanRules.validate(form, now: req.now)
        if case .failure(let errors) = plan { form.errors = errors.fields }
        let location = try await LocationQueries.find(input.location, on: req.db)
        if location == nil { form.errors["location"] = "error.required" }
        guard case .success(let valid) = plan, let location, form.isValid else {
            return try await render(req, form: form, status: .unprocessableEntity)
        }
        let gathering = Gathering(plan: valid, locationID: try location.requireID(), topics: [], childcare: false)
        gathering.hostID = try req.staff?.user.requireID()
        gathering.wantsProfessional = input.professional == "yes"
        try await gathering.create(on: req.db)
        return req.redirect(to: Paths.Staff.page(.parentGatherings, done: "agenda.saved"), redirectType: .normal)
    }

    /// Open requests at the advisor's own locations, not yet started, nobody accepted yet.
    func requests(req: Request) async throws -> Response {
        let me = try req.requireStaffUser()
        let mine = try await req.staffScope.locationIDs()
        let open = try await Gathering.query(on: req.db).filter(\.$kind == .parentRun).filter(
            \.$wantsProfessional == true
        )
        .filter(\.$location.$id ~~ mine).filter(\.$startsAt > req.now).filter(\.$cancelled == false)
        .with(\.$location).with(\.$professional).sort(\.$startsAt).all()
        return ParentRunPages.requests(req.page, gatherings: open, me: me)
    }

    /// The first advisor to accept joins; the conditional update makes a second acceptance a no-op.
    func accept(req: Request) async throws -> Response {
        guard let me = req.staff?.user, let id = req.parameters.get("gatheringID").flatMap(UUID.init(uuidString:)),
            let gathering = try await Gathering.find(id, on: req.db), gathering.kind == .parentRun,
            gathering.wantsProfessional,
            try await req.staffScope.mayManage(gathering.$location.id)
        else { throw Abort(.notFound) }
        try await Gathering.query(on: req.db).filter(\.$id == id).filter(\.$professional.$id == nil)
            .set(\.$professional.$id, to: me.requireID()).update()
        return req.redirect(to: Paths.Staff.page(.parentRequests, done: "agenda.saved"), redirectType: .normal)
    }
}
