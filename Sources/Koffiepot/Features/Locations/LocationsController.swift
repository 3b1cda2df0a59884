import Fluent
import Vapor

/// Public, no login: find a location, see when who is where, subscribe, embed.
struct LocationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("locations", ":id", use: show)
        routes.get("locations", ":id", "calendar.ics", use: locationCalendar)
        routes.get("advisors", ":id", "calendar.ics", use: advisorCalendar)
        routes.get("embed", "locations", ":id", use: embed)
    }

    func home(req: Request) async throws -> Response {
        try await req.application.publicPages.response(req) {
            let query = String((req.query[String.self, at: "q"] ?? "").prefix(100))
            return LocationPages.home(
                req.page, query: query, results: try await LocationQueries.search(query, on: req.db))
        }
    }

    /// What the location page shows that only staff change: kept between changes (`PublicPageCache`), read-only.
    private struct StaffKept: @unchecked Sendable {
        let board: LocationPresence
        let weeks: [LocalDate]
        let gatherings: [Gathering]
        let network: [Professional]
    }

    /// The page every poster and newsletter links to. A kept page costs one statement: the public stamp and
    /// this location's slot stamp together (`PublicPageCache.stamps`). What staff change is kept until the public
    /// stamp moves; the open consultation times until a slot here changes (a booking, a cancellation), and they
    /// are cut to "still in the future" in memory. The rendered page is kept while the same times are free.
    func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let pages = req.application.publicPages
        let stamps = try await PublicPageCache.stamps(at: id, on: req.db)
        let monday = LocalDate(containing: req.now).startOfWeek
        let kept = try await pages.value("location \(id) \(monday)", stamp: stamps.pages, now: req.now) {
            // One presence calendar for three weeks serves both the two weeks shown and the slots offered.
            let (board, weeks) = try await twoWeeks(req, days: 21)
            var filter = GatheringFilter()
            filter.locationID = id
            let gatherings = try await GatheringQueries.upcoming(filter, from: req.now, on: req.db)
            let network = try await NetworkService(db: req.db, now: req.now).people(at: id, publicOnly: true)
            return StaffKept(board: board, weeks: weeks, gatherings: gatherings, network: network)
        }
        let open = try await pages.value("open times \(id) \(monday)", stamp: stamps, now: req.now) {
            try await SlotQueries.free(
                at: id, from: monday, through: monday.adding(days: 20), now: .distantPast,
                board: kept.board, on: req.db)
        }
        let slots = open.filter { $0.slot.startsAt > req.now }
        let freeTimes = slots.map { "\($0.id)" }.joined(separator: ",")
        return try await pages.response(req, variant: freeTimes, stamp: stamps.pages) {
            LocationPages.location(
                req.page, board: kept.board, weeks: kept.weeks, slots: slots, gatherings: kept.gatherings,
                network: kept.network, now: req.now)
        }
    }

    func embed(req: Request) async throws -> Response {
        try await req.application.publicPages.response(req) {
            let (board, weeks) = try await twoWeeks(req)
            return LocationPages.embed(
                req.page, board: board, weeks: weeks, publicURL: req.application.settings.publicURL, now: req.now)
        }
    }

    /// This week and next, from Monday, in Amsterdam time.
    private func twoWeeks(_ req: Request, days: Int = 14) async throws -> (LocationPresence, [LocalDate]) {
        guard let location = try await LocationQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        let monday = LocalDate(containing: req.now).startOfWeek
        let board = try await LocationQueries.presence(
            at: location, from: monday, through: monday.adding(days: days - 1), on: req.db)
        return (board, [monday, monday.adding(days: 7)])
    }

    /// Feeds cover the past week and the coming eight, so subscribed calendars stay current.
    static func feedRange(_ now: Date) -> (LocalDate, LocalDate) {
        let today = LocalDate(containing: now)
        return (today.adding(days: -7), today.adding(days: 56))
    }

    func locationCalendar(req: Request) async throws -> Response {
        try await req.application.publicPages.response(req) { try await buildLocationCalendar(req) }
    }

    private func buildLocationCalendar(_ req: Request) async throws -> Response {
        guard let location = try await LocationQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        let (from, last) = Self.feedRange(req.now)
        let board = try await LocationQueries.presence(at: location, from: from, through: last, on: req.db)
        let events = board.occurrences.map {
            event(for: $0, at: location, advisor: board.advisor($0.advisorID), t: req.t)
        }
        return Self.calendarResponse(CalendarFeed.render(name: location.name, events: events, now: req.now))
    }

    func advisorCalendar(req: Request) async throws -> Response {
        try await req.application.publicPages.response(req) { try await buildAdvisorCalendar(req) }
    }

    private func buildAdvisorCalendar(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let advisor = try await StaffUser.find(id, on: req.db), advisor.active, advisor.role == .advisor
        else { throw Abort(.notFound) }
        let (from, last) = Self.feedRange(req.now)
        let moments = try await LocationQueries.presence(of: advisor, from: from, through: last, on: req.db)
        let events = moments.map { event(for: $0.1, at: $0.0, advisor: advisor, t: req.t) }
        return Self.calendarResponse(CalendarFeed.render(name: advisor.name, events: events, now: req.now))
    }

    private func event(for moment: PresenceOccurrence, at location: Location, advisor: StaffUser?, t: Localizer)
        -> CalendarFeed.Event
    {
        let name = advisor?.name ?? ""
        let base = t("ics.summary", ["name": name, "location": location.name])
        let key = moment.ruleID.map { "\($0)" } ?? "extra-\(moment.advisorID)-\(moment.startMinute)"
        return CalendarFeed.Event(
            uid: "\(key)-\(moment.date)@koffiepot",
            start: moment.start, end: moment.end,
            summary: moment.status == .cancelled ? t("presence.cancelled") + ": " + base : base,
            location: [moment.room, location.name, location.address].filter { !$0.isEmpty }.joined(separator: ", "),
            description: t(moment.mode.labelKey), cancelled: moment.status == .cancelled)
    }

    static func calendarResponse(_ body: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
