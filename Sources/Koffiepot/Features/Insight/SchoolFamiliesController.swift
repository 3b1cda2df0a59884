import Fluent
import Vapor

/// Staff enter what a school knows anyway, per school year: its number of families and the share per home
/// language (`/staff/locations/:id/families`). Advisors for their own schools, coordinators and admins for all.
struct SchoolFamiliesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(RequireRole(.advisor, .coordinator, .admin))
        staff.get(Paths.Staff.route(.locations, ":id", "families"), use: form)
        staff.post(Paths.Staff.route(.locations, ":id", "families"), use: save)
    }

    /// The school year in view: the one asked for, or this one. Only this year and the one before can be
    /// entered — figures for a year long gone would be guesses.
    private func year(_ raw: String?, _ req: Request) -> SchoolYear {
        let open = years(req)
        return raw.flatMap(SchoolYear.init).flatMap { open.contains($0) ? $0 : nil } ?? open[0]
    }

    private func location(_ req: Request) async throws -> Location {
        guard let id = try await req.staffScope.location(req.parameters.get("id")),
            let location = try await Location.find(id, on: req.db)
        else { throw Abort(.notFound) }
        return location
    }

    func form(req: Request) async throws -> Response {
        let location = try await location(req)
        let year = year(req.query["year"], req)
        let saved = try await SchoolFamiliesStore.figures(at: [location.requireID()], in: year, on: req.db).values.first
        var values = ["year": year.description, "families": saved.map { "\($0.families)" } ?? ""]
        for language in ReachReport.languages {
            values["share_\(language)"] = saved?.shares[language].map { "\($0)" } ?? ""
        }
        return SchoolFamiliesPages.form(
            req.page, location: location, years: years(req), form: FormState(values: values),
            saved: req.query["saved"] == "1")
    }

    func save(req: Request) async throws -> Response {
        let location = try await location(req)
        let input = try req.content.decode([String: String].self)
        let year = year(input["year"], req)
        var shares: [String: String] = [:]
        for language in ReachReport.languages { shares[language] = input["share_\(language)"] ?? "" }
        var form = FormState(values: ["year": year.description, "families": input["families"] ?? ""])
        for (language, text) in shares { form.values["share_\(language)"] = text }
        switch ReachRules.validate(families: form["families"], shares: shares) {
        case .failure(let errors):
            form.errors = errors.fields
            return SchoolFamiliesPages.form(
                req.page, location: location, years: years(req), form: form, saved: false,
                status: .unprocessableEntity)
        case .success(let figures):
            try await SchoolFamiliesStore.replace(
                at: location.requireID(), in: year, with: figures, now: req.now, on: req.db)
            return req.redirect(
                to: Paths.Staff.location(try location.requireID(), "/families?year=\(year)&saved=1"),
                redirectType: .normal)
        }
    }

    private func years(_ req: Request) -> [SchoolYear] {
        let current = SchoolYear(containing: LocalDate(containing: req.now))
        return [current, current.previous]
    }
}
