import Fluent
import Vapor

/// Admins add and edit locations, choose the fixed advisor and the teachers who work there, and keep the
/// school holidays.
struct LocationAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireRole(.admin))
        admin.get(Paths.Staff.route(.locations, "new"), use: newForm)
        admin.post(Paths.Staff.route(.locations), use: create)
        admin.get(Paths.Staff.route(.locations, ":id", "edit"), use: editForm)
        admin.post(Paths.Staff.route(.locations, ":id"), use: update)
        admin.get(Paths.Staff.route(.holidays), use: holidays)
        admin.post(Paths.Staff.route(.holidays), use: addHoliday)
        admin.post(Paths.Staff.route(.holidays, ":holidayID", "delete"), use: deleteHoliday)
    }

    struct Input: Content {
        var name: String?, kind: String?, address: String?, neighbourhood: String?, municipality: String?,
            region: String?, advisor: String?, wijkcode: String?, buurtcode: String?
        var teachers: [String]?
    }

    func newForm(req: Request) async throws -> Response {
        try await LocationAdminPages.form(
            req.page,
            form: FormState(values: [
                "kind": LocationKind.primarySchool.rawValue,
                "region": HolidayRegion.middle.rawValue,
            ]),
            advisors: advisors(req), teachers: teachers(req), action: Paths.Staff.page(.locations))
    }

    func editForm(req: Request) async throws -> Response {
        guard let location = try await LocationQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        let current = try await LocationQueries.advisors(of: location, on: req.db).first
        let form = FormState(values: [
            "name": location.name, "kind": location.kind.rawValue, "address": location.address,
            "neighbourhood": location.neighbourhood, "municipality": location.municipality,
            "wijkcode": location.wijkcode ?? "", "buurtcode": location.buurtcode ?? "",
            "region": location.region.rawValue, "advisor": current?.id?.uuidString ?? "",
            "teachers": try await location.$teachers.get(on: req.db).compactMap(\.id?.uuidString).joined(
                separator: ","),
        ])
        return try await LocationAdminPages.form(
            req.page, form: form, advisors: advisors(req), teachers: teachers(req),
            action: Paths.Staff.location(location.id!))
    }

    func create(req: Request) async throws -> Response {
        try await save(req, into: Location(), action: Paths.Staff.page(.locations))
    }

    func update(req: Request) async throws -> Response {
        guard let location = try await LocationQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        return try await save(req, into: location, action: Paths.Staff.location(location.id!))
    }

    private func save(_ req: Request, into location: Location, action: String) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let clean = { (s: String?) in (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var form = FormState(values: [
            "name": clean(input.name), "kind": clean(input.kind), "address": clean(input.address),
            "neighbourhood": clean(input.neighbourhood), "municipality": clean(input.municipality),
            "region": clean(input.region), "advisor": clean(input.advisor),
            "wijkcode": CBSCodes.normalized(input.wijkcode ?? ""),
            "buurtcode": CBSCodes.normalized(input.buurtcode ?? ""),
            "teachers": (input.teachers ?? []).joined(separator: ","),
        ])
        let checked = LocationRules.validate(
            .init(
                name: form["name"], kind: form["kind"], address: form["address"], neighbourhood: form["neighbourhood"],
                municipality: form["municipality"], region: form["region"], wijkcode: form["wijkcode"],
                buurtcode: form["buurtcode"]))
        if case .failure(let errors) = checked { form.errors = errors.fields }
        let all = try await advisors(req)
        let advisor = all.first { $0.id?.uuidString == form["advisor"] }
        if !form["advisor"].isEmpty, advisor == nil { form.errors["advisor"] = "error.required" }
        let allTeachers = try await teachers(req)
        let chosen = allTeachers.filter { (input.teachers ?? []).contains($0.id?.uuidString ?? "") }
        guard case .success(let valid) = checked, form.isValid else {
            return LocationAdminPages.form(
                req.page, form: form, advisors: all, teachers: allTeachers, action: action, status: .unprocessableEntity
            )
        }
        location.name = valid.name
        location.kind = valid.kind
        location.address = valid.address
        location.neighbourhood = valid.neighbourhood
        location.wijkcode = valid.wijkcode
        location.buurtcode = valid.buurtcode
        location.municipality = valid.municipality
        location.region = valid.region
        try await req.db.transaction { db in
            try await location.save(on: db)
            try await LocationAdvisor.query(on: db).filter(\.$location.$id == location.requireID()).delete()
            if let advisor { try await location.$advisors.attach(advisor, on: db) }
            try await LocationTeacher.query(on: db).filter(\.$location.$id == location.requireID()).delete()
            try await location.$teachers.attach(chosen, on: db)
        }
        return req.redirect(to: Paths.location(location.id!), redirectType: .normal)
    }

    private func advisors(_ req: Request) async throws -> [StaffUser] {
        try await StaffUser.query(on: req.db).filter(\.$role == .advisor).filter(\.$active == true).sort(\.$name).all()
    }

    private func teachers(_ req: Request) async throws -> [StaffUser] {
        try await StaffUser.query(on: req.db).filter(\.$role == .teacher).filter(\.$active == true).sort(\.$name).all()
    }

    // MARK: School holidays

    func holidays(req: Request) async throws -> Response {
        try await renderHolidays(req, form: FormState(values: ["region": HolidayRegion.middle.rawValue]))
    }

    private func renderHolidays(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let all = try await SchoolHoliday.query(on: req.db).sort(\.$firstDay).all()
        return LocationAdminPages.holidays(req.page, holidays: all, form: form, status: status)
    }

    struct HolidayInput: Content { var name: String?, region: String?, first: String?, last: String? }

    func addHoliday(req: Request) async throws -> Response {
        let input = try req.content.decode(HolidayInput.self)
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var form = FormState(values: [
            "name": name, "region": input.region ?? "", "first": input.first ?? "", "last": input.last ?? "",
        ])
        let holiday: ValidHoliday
        switch HolidayRules.validate(
            name: name, region: input.region ?? "", first: input.first ?? "", last: input.last ?? "")
        {
        case .success(let valid): holiday = valid
        case .failure(let errors):
            form.errors = errors.fields
            return try await renderHolidays(req, form: form, status: .unprocessableEntity)
        }
        try await SchoolHoliday(
            region: holiday.region, name: holiday.name, firstDay: holiday.first.description,
            lastDay: holiday.last.description
        )
        .create(on: req.db)
        let cancelled = try await SlotCancellation.cancelSlots(
            in: holiday.region, from: holiday.first, through: holiday.last, holiday: holiday.name, req: req)
        return req.redirect(to: Paths.Staff.page(.holidays, "?slots_cancelled=\(cancelled)"), redirectType: .normal)
    }

    func deleteHoliday(req: Request) async throws -> Response {
        guard let id = req.parameters.get("holidayID").flatMap(UUID.init(uuidString:)),
            let holiday = try await SchoolHoliday.find(id, on: req.db)
        else { throw Abort(.notFound) }
        try await holiday.delete(on: req.db)
        return req.redirect(to: Paths.Staff.page(.holidays), redirectType: .normal)
    }
}
