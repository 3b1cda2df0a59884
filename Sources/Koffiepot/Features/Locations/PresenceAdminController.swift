import Fluent
import Vapor

/// Staff manage presence: admins for every location and advisor, advisors only their own.
struct PresenceAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let presence = routes.grouped("staff", "locations", ":id", "presence").grouped(RequireRole(.admin, .advisor))
        presence.get(use: show)
        presence.post("rules", use: addRule)
        presence.post("rules", ":ruleID", "delete", use: deleteRule)
        presence.post("cancel", use: cancelOccurrence)
        presence.post("restore", use: restoreOccurrence)
        presence.post("extra", use: addExtra)
    }

    /// The location, if this staff member may manage its presence.
    private func manageable(_ req: Request) async throws -> Location {
        try await req.staffScope.manageable(req.parameters.get("id"))
    }

    /// Advisors whose presence this person may edit at this location.
    private func editableAdvisors(_ req: Request, at location: Location) async throws -> [StaffUser] {
        guard let staff = req.staff else { return [] }
        if staff.user.role == .admin { return try await LocationQueries.advisors(of: location, on: req.db) }
        return [staff.user]
    }

    func show(req: Request) async throws -> Response {
        let location = try await manageable(req)
        return try await render(req, location: location, ruleForm: FormState(), extraForm: FormState())
    }

    private func render(
        _ req: Request, location: Location, ruleForm: FormState, extraForm: FormState,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let today = LocalDate(containing: req.now)
        let board = try await LocationQueries.presence(
            at: location, from: today, through: today.adding(days: 27), on: req.db)
        let rules = try await PresenceRule.query(on: req.db).filter(\.$location.$id == location.requireID())
            .sort(\.$weekday).sort(\.$startMinute).all()
        let editable = try await editableAdvisors(req, at: location)
        return PresenceAdminPages.page(
            req.page, board: board, rules: rules, editable: editable,
            ruleForm: ruleForm, extraForm: extraForm, status: status)
    }

    struct RuleInput: Content {
        var advisor: String?, weekday: String?, start: String?, end: String?, room: String?, mode: String?
    }

    func addRule(req: Request) async throws -> Response {
        let location = try await manageable(req)
        let input = try req.content.decode(RuleInput.self)
        var form = FormState(values: [
            "advisor": input.advisor ?? "", "weekday": input.weekday ?? "", "start": input.start ?? "",
            "end": input.end ?? "", "room": input.room ?? "", "mode": input.mode ?? "",
        ])
        let editable = try await editableAdvisors(req, at: location)
        let advisor =
            editable.first { $0.id?.uuidString == input.advisor } ?? (editable.count == 1 ? editable.first : nil)
        let weekday = input.weekday.flatMap(Int.init).flatMap { (1...7).contains($0) ? $0 : nil }
        let mode = input.mode.flatMap(PresenceMode.init(rawValue:))
        if advisor == nil { form.errors["advisor"] = "error.required" }
        if weekday == nil { form.errors["weekday"] = "error.required" }
        if mode == nil { form.errors["mode"] = "error.required" }
        let room = (input.room ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        form.errors["room"] = TextRules.problem(inOptional: room, maxLength: 80)
        var existing: [WeeklyRule] = []
        if let advisor {
            existing = try await PresenceRule.query(on: req.db).filter(\.$advisor.$id == advisor.requireID()).all().map(
                \.weekly)
        }
        let checks = PresenceValidation.check(
            .init(
                weekday: weekday, startMinute: input.start.flatMap(ClockTime.parse),
                endMinute: input.end.flatMap(ClockTime.parse)), existing: existing)
        form.errors.merge(checks) { first, _ in first }
        guard form.isValid, let advisor, let weekday, let mode,
            let start = input.start.flatMap(ClockTime.parse), let end = input.end.flatMap(ClockTime.parse)
        else {
            return try await render(
                req, location: location, ruleForm: form, extraForm: FormState(), status: .unprocessableEntity)
        }
        let rule = PresenceRule()
        rule.$location.id = try location.requireID()
        rule.$advisor.id = try advisor.requireID()
        rule.weekday = weekday
        rule.startMinute = start
        rule.endMinute = end
        rule.room = room
        rule.mode = mode
        try await rule.create(on: req.db)
        return done(req, location, "presence.saved")
    }

    func deleteRule(req: Request) async throws -> Response {
        let location = try await manageable(req)
        let rule = try await ownRule(req, location: location, id: req.parameters.get("ruleID"))
        try await rule.delete(on: req.db)
        return done(req, location, "presence.deleted")
    }

    struct OccurrenceInput: Content { var rule: String?, date: String? }

    func cancelOccurrence(req: Request) async throws -> Response {
        let location = try await manageable(req)
        let input = try req.content.decode(OccurrenceInput.self)
        let rule = try await ownRule(req, location: location, id: input.rule)
        guard let date = input.date.flatMap(LocalDate.init), date.weekday == rule.weekday else {
            throw Abort(.badRequest)
        }
        let exception = PresenceException()
        exception.$location.id = try location.requireID()
        exception.$advisor.id = rule.$advisor.id
        exception.$rule.id = try rule.requireID()
        exception.date = date.description
        exception.kind = .cancelled
        exception.startMinute = rule.startMinute
        exception.endMinute = rule.endMinute
        exception.room = rule.room
        exception.mode = rule.mode
        do {
            try await exception.create(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Already cancelled (double click, or a colleague was quicker): the outcome is the same.
        }
        if let start = date.instant(minute: rule.startMinute), let end = date.instant(minute: rule.endMinute) {
            try await SlotCancellation.cancelSlots(
                of: rule.$advisor.id, at: location.requireID(), from: start, to: end, req: req)
        }
        return done(req, location, "presence.cancel_done")
    }

    func restoreOccurrence(req: Request) async throws -> Response {
        let location = try await manageable(req)
        let input = try req.content.decode(OccurrenceInput.self)
        let rule = try await ownRule(req, location: location, id: input.rule)
        try await PresenceException.query(on: req.db).filter(\.$rule.$id == rule.requireID())
            .filter(\.$date == (input.date ?? "")).filter(\.$kind == .cancelled).delete()
        return done(req, location, "presence.restored")
    }

    struct ExtraInput: Content {
        var advisor: String?, date: String?, start: String?, end: String?, room: String?, mode: String?
    }

    func addExtra(req: Request) async throws -> Response {
        let location = try await manageable(req)
        let input = try req.content.decode(ExtraInput.self)
        var form = FormState(values: [
            "advisor": input.advisor ?? "", "date": input.date ?? "", "start": input.start ?? "",
            "end": input.end ?? "", "room": input.room ?? "", "mode": input.mode ?? "",
        ])
        let editable = try await editableAdvisors(req, at: location)
        let advisor =
            editable.first { $0.id?.uuidString == input.advisor } ?? (editable.count == 1 ? editable.first : nil)
        let date = input.date.flatMap(LocalDate.init)
        let mode = input.mode.flatMap(PresenceMode.init(rawValue:))
        if advisor == nil { form.errors["advisor"] = "error.required" }
        if date == nil { form.errors["date"] = "error.date_format" }
        if let date, date < LocalDate(containing: req.now) { form.errors["date"] = "error.date_past" }
        if mode == nil { form.errors["mode"] = "error.required" }
        let room = (input.room ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        form.errors["room"] = TextRules.problem(inOptional: room, maxLength: 80)
        let checks = PresenceValidation.check(
            .init(
                date: date, startMinute: input.start.flatMap(ClockTime.parse),
                endMinute: input.end.flatMap(ClockTime.parse)), existing: [])
        form.errors.merge(checks) { first, _ in first }
        guard form.isValid, let advisor, let date, let mode,
            let start = input.start.flatMap(ClockTime.parse), let end = input.end.flatMap(ClockTime.parse)
        else {
            return try await render(
                req, location: location, ruleForm: FormState(), extraForm: form, status: .unprocessableEntity)
        }
        let extra = PresenceException()
        extra.$location.id = try location.requireID()
        extra.$advisor.id = try advisor.requireID()
        extra.date = date.description
        extra.kind = .extra
        extra.startMinute = start
        extra.endMinute = end
        extra.room = room
        extra.mode = mode
        try await extra.create(on: req.db)
        return done(req, location, "presence.saved")
    }

    /// A rule of this location that this person may change.
    private func ownRule(_ req: Request, location: Location, id: String?) async throws -> PresenceRule {
        guard let id = id.flatMap(UUID.init(uuidString:)), let rule = try await PresenceRule.find(id, on: req.db),
            rule.$location.id == location.id
        else { throw Abort(.notFound) }
        let editable = try await editableAdvisors(req, at: location).compactMap(\.id)
        guard editable.contains(rule.$advisor.id) else { throw Abort(.forbidden) }
        return rule
    }

    /// Post/redirect/get with a confirmation shown on the next page.
    private func done(_ req: Request, _ location: Location, _ messageKey: String) -> Response {
        req.redirect(
            to: Paths.Staff.location(location.id!, "/presence?done=\(messageKey)"), redirectType: .normal)
    }
}
