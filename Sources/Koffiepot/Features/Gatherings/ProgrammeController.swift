import Fluent
import Plot
import Vapor

/// The programme catalogue: everyone may read it; coordinators (and admins) keep it up to date.
struct ProgrammeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.route(Paths.programmes), use: list)
        let edit = routes.grouped(Paths.Staff.route(.programmes)).grouped(RequireRole(.coordinator, .admin))
        edit.get(use: editList)
        edit.post(use: save)
    }

    func list(req: Request) async throws -> Response {
        ProgrammePages.catalogue(req.page, programmes: try await Programme.query(on: req.db).sort(\.$name).all())
    }

    /// The catalogue with one form: the programme chosen with `?edit=<id>`, or a new one.
    func editList(req: Request) async throws -> Response {
        let programmes = try await Programme.query(on: req.db).sort(\.$name).all()
        var form = FormState(values: [
            "age": AgeGroup.primary.rawValue, "evidence": EvidenceStatus.notAssessed.rawValue, "languages": "nl",
        ])
        if let id = req.query[String.self, at: "edit"],
            let programme = programmes.first(where: { $0.id?.uuidString == id })
        {
            form = FormState(values: [
                "id": id, "name": programme.name, "description": programme.description,
                "age": programme.ageGroup.rawValue,
                "languages": programme.languages.replacingOccurrences(of: ",", with: ", "),
                "evidence": programme.evidence.rawValue,
            ])
        }
        return ProgrammePages.edit(req.page, programmes: programmes, form: form)
    }

    /// Adds a programme (no id) or updates one.
    func save(req: Request) async throws -> Response {
        var form = FormState(values: try req.content.decode([String: String].self))
        let programmes = try await Programme.query(on: req.db).sort(\.$name).all()
        let valid: ValidProgramme
        switch ProgrammeRules.validate(form) {
        case .success(let checked): valid = checked
        case .failure(let errors):
            form.errors = errors.fields
            return ProgrammePages.edit(req.page, programmes: programmes, form: form, status: .unprocessableEntity)
        }
        var existing: Programme?
        if let id = UUID(uuidString: form["id"]) { existing = try await Programme.find(id, on: req.db) }
        let programme = existing ?? Programme()
        programme.name = valid.name
        programme.description = valid.description
        programme.ageGroup = valid.ageGroup
        programme.languages = valid.languages.joined(separator: ",")
        programme.evidence = valid.evidence
        do {
            try await programme.save(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            form.errors["name"] = "error.programme_exists"
            return ProgrammePages.edit(req.page, programmes: programmes, form: form, status: .unprocessableEntity)
        }
        return req.redirect(to: Paths.Staff.page(.programmes, done: "agenda.saved"), redirectType: .normal)
    }
}

enum ProgrammePages {
    static func catalogue(_ ctx: PageContext, programmes: [Programme]) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("programmes.title")) {
            Tag("h1") { Txt(t("programmes.title")) }
            Tag("p") { Txt(t("programmes.intro")) }.cls("lead")
            for programme in programmes {
                Tag("article") {
                    Tag("h2") { Txt(programme.name) }
                    Tag("p") { Txt(programme.description) }
                    Tag("p") {
                        Txt(
                            "\(t(programme.ageGroup.labelKey)) · \(t(programme.evidence.labelKey)) · "
                                + programme.languages.split(separator: ",").map { t("lang.\($0)") }.joined(
                                    separator: ", "))
                    }.cls("hint")
                }.cls("booking")
            }
        }
    }

    static func edit(_ ctx: PageContext, programmes: [Programme], form: FormState, status: HTTPStatus = .ok) -> Response
    {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("programmes.edit"), status: status) {
            Tag("h1") { Txt(t("programmes.edit")) }
            Confirmation(ctx, allowed: ["agenda.saved"])
            Tag("ul") {
                for programme in programmes {
                    Tag("li") {
                        Txt("\(programme.name) · \(t(programme.evidence.labelKey)) · ")
                        A(Paths.Staff.page(.programmes, "?edit=\(programme.id!.uuidString)#form")) {
                            Txt(t("programmes.change"))
                        }
                        .attr("aria-label", t("programmes.change") + ": " + programme.name)
                    }
                }
            }.cls("admin-list")
            Tag("h2") { Txt(form["id"].isEmpty ? t("programmes.add") : form["name"]) }.attr("id", "form")
            ErrorSummary(form, t)
            fields(ctx, form: form)
        }
    }

    private static func fields(_ ctx: PageContext, form: FormState) -> Component {
        let t = ctx.t
        return Tag("form") {
            CSRFField(ctx)
            VoidTag("input", [("type", "hidden"), ("name", "id"), ("value", form["id"])])
            FormField(name: "name", label: t("programmes.name"), required: true).render(form, t)
            TextAreaField(
                name: "description", label: t("gadmin.description"), hint: t("gadmin.description_hint"), maxLength: 600
            ).render(form, t)
            SelectField(name: "age", label: t("filter.age"), options: ChoiceOptions.ageGroups(t)).render(form, t)
            FormField(name: "languages", label: t("gadmin.languages"), required: true, hint: t("gadmin.languages_hint"))
                .render(form, t)
            SelectField(
                name: "evidence", label: t("programmes.evidence"),
                options: EvidenceStatus.allCases.map { (value: $0.rawValue, label: t($0.labelKey)) }
            ).render(form, t)
            Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
        }.attr("method", "post").attr("action", Paths.Staff.page(.programmes)).cls("stack")
    }
}
