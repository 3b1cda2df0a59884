import Fluent
import Vapor

/// Staff manage presence: admins for every location and advisor, advisors only their own.
struct PresenceAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let presence = routes.grouped(Paths.Staff.route(.locations, ":id", "presence")).grouped(
            RequireRole(.admin, .advisor))
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

    /// The advisor the form names, or the only one this person may edit.
    private func chosenAdvisor(_ req: Request, at location: Location, _ form: FormState) async throws -> StaffUser? {
        let editable = try await editableAdvisors(req, at: location)
        return editable.first { $0.id?.uuidString == form["advisor"] } ?? (editable.count == 1 ? editable.first : nil)
    }

    private static func moment(_ form: FormState) -> PresenceMomentInput {
        .init(
            weekday: form["weekday"], date: form["date"], start: form["start"], end: form["end"], room: form["room"],
            mode: form["mode"])
    }

    func addRule(req: Request) async throws -> Response { try await addMoment(req, weekly: true) }
    func addExtra(req: Request) async throws -> Response { try await addMoment(req, weekly: false) }

    /// A weekly moment becomes a rule, a one-off moment an extra exception; both forms check the same way.
    private func addMoment(_ req: Request, weekly: Bool) async throws -> Response {
        let location = try await manageable(req)
        var form = FormState(values: try req.content.decode([String: String].self))
        let advisor = try await chosenAdvisor(req, at: location, form)
        let result: Result<ValidPresenceMoment, FieldErrors>
        if weekly {
            var existing: [WeeklyRule] = []
            if let advisor {
                existing = try await PresenceRule.query(on: req.db).filter(\.$advisor.$id == advisor.requireID()).all()
                    .map(\.weekly)
            }
            result = PresenceValidation.validateWeekly(Self.moment(form), existing: existing)
        } else {
            result = PresenceValidation.validateExtra(Self.moment(form), today: LocalDate(containing: req.now))
        }
        switch result {
        case .success(let valid) where advisor != nil:
            let moment: any PresenceMomentRecord = weekly ? PresenceRule() : PresenceException()
            try moment.fill(valid, location: location.requireID(), advisor: advisor!.requireID())
            try await moment.create(on: req.db)
            return done(req, location, "presence.saved")
        case .success: break
        case .failure(let errors): form.errors = errors.fields
        }
        if advisor == nil { form.errors["advisor"] = "error.required" }
        return try await render(
            req, location: location, ruleForm: weekly ? form : FormState(), extraForm: weekly ? FormState() : form,
            status: .unprocessableEntity)
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
