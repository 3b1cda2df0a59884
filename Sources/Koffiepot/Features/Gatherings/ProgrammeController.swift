import Fluent
import Plot
import Vapor

/// The programme catalogue: everyone may read it; coordinators (and admins) keep it up to date.
struct ProgrammeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("programmes", use: list)
        let edit = routes.grouped("staff", "programmes").grouped(RequireRole(.coordinator, .admin))
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

    struct Input: Content {
        var id: String?, name: String?, description: String?, age: String?, languages: String?, evidence: String?
    }

    /// Adds a programme (no id) or updates one.
    func save(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        var form = FormState(values: [
            "id": input.id ?? "", "name": input.name ?? "", "description": input.description ?? "",
            "age": input.age ?? "", "languages": input.languages ?? "", "evidence": input.evidence ?? "",
        ])
        let name = TextRules.singleLine(form["name"]), description = TextRules.multiLine(form["description"])
        form.errors["name"] = TextRules.problem(inRequired: name, maxLength: 100)
        form.errors["description"] = TextRules.problem(inOptional: description, maxLength: 600)
        let age = AgeGroup(rawValue: form["age"]), evidence = EvidenceStatus(rawValue: form["evidence"])
        let languages = GatheringPlanRules.languageCodes(form["languages"])
        if age == nil { form.errors["age"] = "error.required" }
        if evidence == nil { form.errors["evidence"] = "error.required" }
        if languages?.isEmpty ?? true { form.errors["languages"] = "error.languages" }
        let programmes = try await Programme.query(on: req.db).sort(\.$name).all()
        guard form.isValid, let age, let evidence, let languages else {
            return ProgrammePages.edit(req.page, programmes: programmes, form: form, status: .unprocessableEntity)
        }
        var existing: Programme?
        if let id = UUID(uuidString: form["id"]) { existing = try await Programme.find(id, on: req.db) }
        let programme = existing ?? Programme()
        programme.name = name
        programme.description = description
        programme.ageGroup = age
        programme.languages = languages.joined(separator: ",")
        programme.evidence = evidence
        do {
            try await programme.save(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            form.errors["name"] = "error.programme_exists"
            return ProgrammePages.edit(req.page, programmes: programmes, form: form, status: .unprocessableEntity)
        }
        return req.redirect(to: "/staff/programmes?done=agenda.saved", redirectType: .normal)
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
                        A("/staff/programmes?edit=\(programme.id!.uuidString)#form") { Txt(t("programmes.change")) }
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
        }.attr("method", "post").attr("action", "/staff/programmes").cls("stack")
    }
}
