import Fluent
import Vapor

/// Finding gatherings and registering without an account: a form, a code, a place or a place in line.
struct GatheringsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.route(Paths.gatherings), use: list)
        routes.get(Paths.route(Paths.gatherings, "calendar.ics"), use: feed)
        routes.get("embed", "gatherings", use: embed)
        routes.get(Paths.route(Paths.gatherings, ":id"), use: detail)
        routes.post(Paths.route(Paths.gatherings, ":id", "register"), use: register)
        let registration = routes.grouped("r", ":token")
        registration.get(use: show)
        registration.get("calendar.ics", use: calendar)
        registration.post("cancel", use: cancel)
    }

    /// The filters from the query string (the same for the list, the feed and the widget).
    private func filter(_ req: Request) -> (GatheringFilter, [String: String]) {
        let q = { (name: String) in
            req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : String($0.prefix(60)) }
        }
        let filter = GatheringFilter(
            locationID: q("location").flatMap(UUID.init(uuidString:)), neighbourhood: q("neighbourhood"),
            kind: q("kind").flatMap(GatheringKind.init(rawValue:)), topic: q("topic").flatMap(Topic.init(rawValue:)),
            ageGroup: q("age").flatMap(AgeGroup.init(rawValue:)), language: q("language"))
        let values = ["location", "neighbourhood", "kind", "topic", "age", "language"].reduce(into: [String: String]())
        { $0[$1] = q($1) ?? "" }
        return (filter, values)
    }

    /// Every session of every gathering that matches, for a calendar app to subscribe to.
    func feed(req: Request) async throws -> Response {
        try await req.application.publicPages.response(req) { try await buildFeed(req) }
    }

    private func buildFeed(_ req: Request) async throws -> Response {
        let (filter, _) = filter(req)
        let gatherings = try await GatheringQueries.upcoming(
            filter, from: req.now.addingTimeInterval(-7 * 86400), on: req.db)
        let events = gatherings.flatMap { g in
            g.sessionStarts.enumerated().map { index, start in
                CalendarFeed.Event(
                    uid: "gathering-\(g.id!.uuidString)-\(index)@koffiepot", start: start,
                    end: start.addingTimeInterval(g.endsAt.timeIntervalSince(g.startsAt)), summary: g.title,
                    location: [g.room, g.location.name, g.location.address].filter { !$0.isEmpty }.joined(
                        separator: ", "),
                    description: req.application.settings.publicURL + "/gatherings/" + g.id!.uuidString,
                    cancelled: false)
            }
        }
        return LocationsController.calendarResponse(
            CalendarFeed.render(name: req.t("gatherings.title"), events: events, now: req.now))
    }

    /// A minimal list for a school website's iframe.
    func embed(req: Request) async throws -> Response {
        try await req.application.publicPages.response(req) { try await buildEmbed(req) }
    }

    private func buildEmbed(_ req: Request) async throws -> Response {
        let (filter, _) = filter(req)
        let gatherings = try await GatheringQueries.upcoming(filter, from: req.now, on: req.db)
        return GatheringPages.embed(
            req.page, gatherings: Array(gatherings.prefix(10)), publicURL: req.application.settings.publicURL)
    }

    func list(req: Request) async throws -> Response {
        try await req.application.publicPages.response(req) { try await buildList(req) }
    }

    private func buildList(_ req: Request) async throws -> Response {
        let (filter, values) = filter(req)
        let gatherings = try await GatheringQueries.upcoming(filter, from: req.now, on: req.db)
        let neighbourhoods = Set(try await Location.query(on: req.db).all().map(\.neighbourhood)).sorted()
        let form = FormState(values: values)
        return GatheringPages.list(req.page, gatherings: gatherings, neighbourhoods: neighbourhoods, form: form)
    }

    func detail(req: Request) async throws -> Response {
        guard let gathering = try await GatheringQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        let via = String((req.query[String.self, at: "via"] ?? "").prefix(20))
        return GatheringPages.detail(
            req.page, gathering: gathering,
            form: FormState(values: ["adults": "1", "language": req.language.rawValue, "via": via]),
            retentionDays: req.application.settings.bookingRetentionDays)
    }

    struct Input: Content {
        var via: String?, name: String?, adults: String?, language: String?, childcare: String?, interpreter: String?,
            contact: String?, first_contact: String?
    }

    func register(req: Request) async throws -> Response {
        guard let gathering = try await GatheringQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        let input = try req.content.decode(Input.self)
        var form = FormState(values: [
            "name": input.name ?? "", "adults": input.adults ?? "", "language": input.language ?? "",
            "childcare": input.childcare ?? "", "interpreter": input.interpreter ?? "", "contact": input.contact ?? "",
            "via": input.via ?? "", "first_contact": input.first_contact ?? "",
        ])
        let key = IdempotencyMiddleware.formKey(req)
        let retry = { (status: HTTPStatus, message: String?) in
            GatheringPages.detail(
                req.page, gathering: gathering, form: form,
                retentionDays: req.application.settings.bookingRetentionDays, status: status, message: message)
        }
        switch RegistrationRules.validate(
            name: input.name ?? "", adults: input.adults ?? "", contact: input.contact ?? "",
            language: input.language ?? "", childcare: input.childcare == "yes",
            interpreter: input.interpreter == "yes",
            firstContact: input.first_contact ?? ""
        ) {
        case .failure(let errors):
            form.errors = errors.fields
            return retry(.unprocessableEntity, nil)
        case .success(var valid):
            // Count the registration for the invitation that brought the person here (same gathering only).
            if let via = input.via?.lowercased(), !via.isEmpty,
                let invitation = try await Invitation.query(on: req.db).filter(\.$token == via).filter(
                    \.$gathering.$id == gathering.requireID()
                ).first()
            {
                valid.invitationID = invitation.id
            }
            valid.via = ViaMarker.current(req)
            let service = RegistrationService(
                db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
            switch try await service.register(
                gatheringID: gathering.requireID(), valid, messageLanguage: req.language, idempotencyKey: key)
            {
            case .registered(let receipt), .replayed(let receipt):
                let done = receipt.status == .confirmed ? "registration.done_confirmed" : "registration.done_waitlisted"
                return req.redirect(to: Paths.registration(receipt.code.linkToken, done: done), redirectType: .normal)
            case .tooMany:
                form.errors["adults"] = "error.too_many_adults"
                return retry(.unprocessableEntity, nil)
            case .unavailable:
                return retry(.conflict, "gathering.unavailable")
            }
        }
    }

    private func found(_ req: Request) async throws -> RegistrationAccess.Found {
        guard let token = req.parameters.get("token"),
            let found = try await RegistrationAccess.byLink(
                token, settings: req.application.settings, now: req.now, on: req.db)
        else { throw Abort(.notFound) }
        return found
    }

    func show(req: Request) async throws -> Response {
        let found = try await found(req)
        let service = RegistrationService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
        let notice = req.query[String.self, at: "done"].flatMap {
            ["registration.done_confirmed", "registration.done_waitlisted"].contains($0) ? $0 : nil
        }
        return GatheringPages.registration(
            req.page, found: found, position: try await service.position(of: found.registration), notice: notice)
    }

    func calendar(req: Request) async throws -> Response {
        let found = try await found(req)
        let g = found.gathering
        let events = g.sessionStarts.enumerated().map { index, start in
            CalendarFeed.Event(
                uid: "registration-\(found.registration.id!.uuidString)-\(index)@koffiepot", start: start,
                end: start.addingTimeInterval(g.endsAt.timeIntervalSince(g.startsAt)), summary: g.title,
                location: [g.room, g.location.name, g.location.address].filter { !$0.isEmpty }.joined(separator: ", "),
                description: req.application.settings.publicURL + "/r/" + found.token, cancelled: false)
        }
        return LocationsController.calendarResponse(CalendarFeed.render(name: g.title, events: events, now: req.now))
    }

    func cancel(req: Request) async throws -> Response {
        let found = try await found(req)
        let service = RegistrationService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues, now: req.now)
        try await service.cancel(found.registration.requireID())
        return GatheringPages.cancelled(req.page, gatheringID: try found.gathering.requireID())
    }
}
