import Fluent
import Vapor

/// The teacher plans the 10-minute conversations of her group and sees who comes when: names only. Whether a
/// parent ticked "talk to parenting support" is nowhere on these pages.
struct RoundAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let rounds = routes.grouped(Paths.Staff.route(.rounds)).grouped(RequireRole(.teacher, .coordinator, .admin))
        rounds.get(use: list)
        rounds.post(use: plan)
        rounds.get(":roundID", use: overview)
    }

    /// Days a round can have on the form; the API takes up to `ConversationRules.maxDays`.
    static let formDays = 3

    /// Teachers see the rounds they planned; coordinators and admins those of every location they work with.
    private func rounds(_ req: Request, _ user: StaffUser) async throws -> [ConversationRound] {
        let query = ConversationRound.query(on: req.db).filter(\.$purgeAfter > req.now).with(\.$location).sort(
            \.$createdAt, .descending)
        if user.role == .teacher { query.filter(\.$teacher.$id == (try user.requireID())) }
        let scope = Set(try await StaffScope(user, on: req.db).locations().compactMap(\.id))
        return try await query.all().filter { scope.contains($0.$location.id) }
    }

    func list(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        return try await render(
            req, user,
            form: FormState(values: ["slotMinutes": "10", "breakMinutes": "0", "from1": "15:00", "to1": "17:00"]))
    }

    private func render(_ req: Request, _ user: StaffUser, form: FormState, status: HTTPStatus = .ok) async throws
        -> Response
    {
        RoundAdminPages.list(
            req.page, rounds: try await rounds(req, user),
            locations: try await StaffScope(user, on: req.db).locations(),
            form: form, status: status)
    }

    struct PlanInput: Content {
        var location: String?, title: String?, group: String?, slotMinutes: String?, breakMinutes: String?
        var date1: String?, from1: String?, to1: String?, date2: String?, from2: String?, to2: String?, date3: String?,
            from3: String?, to3: String?

        var form: FormState {
            FormState(values: [
                "location": location ?? "", "title": title ?? "", "group": group ?? "",
                "slotMinutes": slotMinutes ?? "",
                "breakMinutes": breakMinutes ?? "", "date1": date1 ?? "", "from1": from1 ?? "", "to1": to1 ?? "",
                "date2": date2 ?? "", "from2": from2 ?? "", "to2": to2 ?? "", "date3": date3 ?? "",
                "from3": from3 ?? "", "to3": to3 ?? "",
            ])
        }
    }

    /// The filled-in day rows (a row with no date is left out) and, per row, its number on the form.
    static func days(_ form: FormState) -> [(row: Int, day: RoundDay)] {
        (1...formDays).compactMap { row in
            let date = form["date\(row)"].trimmingCharacters(in: .whitespaces)
            return date.isEmpty ? nil : (row, RoundDay(date: date, from: form["from\(row)"], to: form["to\(row)"]))
        }
    }

    /// The rules name days by their place in the list ("days.0.to"); the form by its row ("to1").
    static func formFields(_ errors: FieldErrors, rows: [Int]) -> [String: String] {
        Dictionary(
            errors.fields.map { key, value in
                let parts = key.split(separator: ".")
                if parts.count == 3, parts[0] == "days", let index = Int(parts[1]), rows.indices.contains(index) {
                    return ("\(parts[2])\(rows[index])", value)
                }
                return (key == "days" ? "date1" : key, value)
            }
        ) { first, _ in first }
    }

    func plan(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        var form = try req.content.decode(PlanInput.self).form
        guard let locationID = try await StaffScope(user, on: req.db).location(form["location"]) else {
            form.errors["location"] = "error.required"
            return try await render(req, user, form: form, status: .unprocessableEntity)
        }
        let days = Self.days(form)
        let outcome = try await ConversationService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues,
            now: req.now
        )
        .planRound(
            locationID: locationID, teacherID: user.requireID(), title: form["title"], group: form["group"],
            slotMinutes: Int(form["slotMinutes"]) ?? 0, breakMinutes: Int(form["breakMinutes"]) ?? 0,
            days: days.map(\.day))
        switch outcome {
        case .success(let (round, _)):
            return req.redirect(
                to: Paths.Staff.round(try round.requireID(), done: "round.planned"), redirectType: .normal)
        case .failure(let errors):
            form.errors = Self.formFields(errors, rows: days.map(\.row))
            return try await render(req, user, form: form, status: .unprocessableEntity)
        }
    }

    func overview(req: Request) async throws -> Response {
        let user = try req.requireStaffUser()
        guard let id = req.parameters.get("roundID").flatMap(UUID.init(uuidString:)),
            let round = try await rounds(req, user).first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        let slots = try await ConversationService(
            db: req.db, settings: req.application.settings, catalogues: req.application.catalogues,
            now: req.now
        ).overview(of: id)
        try await AccessLog.record(slots.compactMap { $0.booking?.id }.map(RecordSubject.conversation), on: req)
        return RoundAdminPages.overview(
            req.page, round: round, slots: slots,
            link: Paths.absolute(Paths.round(id), req.application.settings.publicURL))
    }
}
